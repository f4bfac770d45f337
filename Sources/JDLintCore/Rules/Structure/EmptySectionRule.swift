/// `structure/empty-section`: a heading followed directly by another heading or by the end of the document.
struct EmptySectionRule: Rule {
    let meta = RuleMeta(
        id: "structure/empty-section",
        summary: "A heading with nothing under it.",
        explanation: """
            A heading followed directly by another heading of the same or a higher level, or by the end of the \
            posting, promises content that is not there — often a section a template left unfilled or a scraper lost.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("# Nurse\n\nWe are hiring.\n\n↓## Benefits\n\n## How to apply\n\nWrite to us.\n", format: .markdown),
            RuleExample("# Nurse\n\nWe are hiring.\n\n↓## Benefits\n", format: .markdown),
            RuleExample("<h1>Nurse</h1><p>We are hiring.</p>↓<h2>Salary</h2><h2>Duties</h2><p>Care.</p>", format: .html),
        ],
        nonTriggering: [
            RuleExample("# Nurse\n\n## Duties\n\n### Daily\n\nCare for patients.\n", format: .markdown),
            RuleExample("# Nurse\n\nWe are hiring.\n", format: .markdown),
        ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let blocks = a.blocks
        for s in a.sections {
            guard let h = s.heading, s.body.isEmpty else { continue }
            // A sub-heading right after this one gives it content.
            if h + 1 < blocks.count, blocks[h + 1].kind == .heading, blocks[h + 1].level > blocks[h].level, blocks[h].explicit { continue }
            // The title of a document with no other heading is not an empty section.
            if h == a.titleBlock && h + 1 < blocks.count && blocks[h + 1].kind == .heading && !blocks[h + 1].explicit { continue }
            let what = h + 1 < blocks.count ? "the next heading follows directly" : "the posting ends here"
            reporter.report("The section “\(a.string(block: h))” is empty: \(what).", at: blocks[h].sourceRange)
        }
    }
}
