/// `document/parse`: the input could not be fully understood (malformed JSON-LD, no JobPosting object).
/// Front ends record these problems; the linter reports them under this id so they can be configured like
/// any rule.
struct DocumentParseRule: Rule {
    static let id = "document/parse"
    let meta = RuleMeta(
        id: DocumentParseRule.id,
        summary: "The file could not be fully parsed in its format.",
        explanation: """
            jdlint reads each format with its own front end. When a JSON-LD file is not valid JSON or holds no \
            schema.org `JobPosting`, nothing in it can be checked; this finding says so instead of staying silent.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("{\"@type\": \"JobPosting\", \"title\": ↓}", format: .jsonld),
            RuleExample("↓{\"@type\": \"Person\", \"name\": \"Ann\"}", format: .jsonld),
        ],
        nonTriggering: [
            RuleExample("{\"@context\": \"https://schema.org\", \"@type\": \"JobPosting\", \"title\": \"Nurse\"}", format: .jsonld),
        ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        for p in context.analysis.prose.problems { reporter.report(p.message, at: p.range) }
    }
}

enum DocumentRules {
    static let all: [any Rule] = [DocumentParseRule()]
}
