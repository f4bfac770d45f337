/// `inclusive/ableist`: disability metaphors and sensory or mobility demands without accommodation wording.
struct AbleistRule: Rule {
    let meta = RuleMeta(
        id: "inclusive/ableist",
        summary: "Avoid disability metaphors (“crazy”, “lame”, “blind spot”) and physical demands without accommodation wording.",
        explanation: """
            Casual disability metaphors (“crazy busy”, “lame”, “blind spot”, “tone-deaf”, “sanity check”) and \
            phrases like “wheelchair-bound” tell disabled readers how the team talks about them (“crazy” and \
            “insane” only in a sentence about the work or the workplace, not about a market or a product). Demands such as \
            “must be able to stand for long periods” or “must be able to hear” exclude people who could do the job \
            with an accommodation: they are flagged unless the posting says “with or without reasonable \
            accommodation” (or “reasonable adjustments”). Lists and sources: `Rules/inclusive-ableist.json`.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("It gets ↓crazy busy, so spot the ↓blind spots and ↓sanity check our ↓lame ideas.\n"),
            RuleExample("You ↓must be able to stand for long periods.\n"),
            RuleExample("Our users include people who are ↓wheelchair-bound.\n"),
        ],
        nonTriggering: [
            RuleExample("You must be able to stand for long periods, with or without reasonable accommodation.\n"),
            RuleExample("A double-blind study of blind and partially sighted people.\n"),
            RuleExample("Support patients with dementia and serious mental illness.\n"),
            // Not about the work or the workplace; an accommodation offered “upon request”.
            RuleExample("It's crazy that buying a house still takes a whole afternoon of paperwork.\n"),
            RuleExample("You must be able to stand for long periods. EOE/Accommodations Upon Request.\n"),
        ])

    static let terms = TermList(file: "inclusive-ableist.json")

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let terms = Self.terms
        for h in terms.hits(in: a) {
            let t = terms.terms[h.term]
            let text = a.string(h.match.range)
            reporter.report(PackRuleSpec.fill(t.message, ["match": text]), prose: h.match.range)
        }
    }
}
