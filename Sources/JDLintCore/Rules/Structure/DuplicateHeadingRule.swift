/// `structure/duplicate-heading`: the same heading or title line twice.
struct DuplicateHeadingRule: Rule {
    let meta = RuleMeta(
        id: "structure/duplicate-heading",
        summary: "The same heading or title appears twice.",
        explanation: """
            A heading or title line repeated (often right after itself, when a page was scraped twice or a template \
            printed the title again) looks careless and confuses readers and screen readers. Headings are compared \
            ignoring case, punctuation and spacing; a line that repeats the title counts too. The safe fix removes \
            the second copy when it is an exact duplicate line.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        triggering: [
            RuleExample("Occupational Therapy Aide\n\n↓Occupational Therapy Aide\n\nWe are hiring an aide to help our therapists.\n"),
            RuleExample("# Nurse\n\n## Duties\n\nCare for patients.\n\n↓## Duties\n\nMore duties.\n", format: .markdown),
            RuleExample("Data Analyst\n\nCompany: Acme\n\n↓Data Analyst\nLocation: Leeds\n\nWe need an analyst.\n"),
            RuleExample("<h1>Porter</h1><p><strong>Porter</strong></p><h2>Benefits</h2><p>Dental.</p>↓<h2>Benefits:</h2><p>Vision.</p>", format: .html),
            RuleExample("# Porter\n\n↓# Porter\n\nCarry bags.\n", format: .markdown),
            RuleExample("""
                {"@type": "JobPosting", "title": "Porter", "description": "<h2>Duties</h2><p>Carry bags.</p>↓<h2>Duties</h2><p>Open doors.</p>"}
                """, format: .jsonld),
        ],
        nonTriggering: [
            RuleExample("# Nurse\n\n## Duties\n\nCare for patients.\n\n## Benefits\n\nDental.\n", format: .markdown),
            RuleExample("---\ntitle: Nurse\n---\n\n# Nurse\n\nCare for patients. Nurse of the year awards.\n", format: .markdown),
            RuleExample("<h1>Porter</h1><p>Porter wanted for our hotel.</p>", format: .html),
            RuleExample("# Data Analyst\n\nJob Title\n\nData Analyst\n\nWe need an analyst.\n", format: .markdown),
            // A bold or plain restatement of the title under a board's heading.
            RuleExample("# Data Analyst\n\nCompany: Acme\n\nData Analyst\nLocation: Leeds\n\nWe need an analyst.\n", format: .markdown),
            RuleExample("<h1>Porter</h1><p><strong>Porter</strong></p><p>Carry bags.</p>", format: .html),
            RuleExample("Source: https://example.com/jobs/1\n\nSoftware Engineer\nLibrary Systems\n\nWe need an engineer.\n"),
            RuleExample("# Jobs\n\n## Porter\n\n### Duties\n\nCarry bags.\n\n## Cook\n\n### Duties\n\nCook.\n", format: .markdown),
        ],
        corrections: [
            RuleCorrection("Occupational Therapy Aide\n\nOccupational Therapy Aide\n\nWe are hiring an aide to help our therapists.\n",
                           "Occupational Therapy Aide\n\nWe are hiring an aide to help our therapists.\n"),
        ])

    /// Heading text normalised for comparison: lowercase letters and digits, single spaces.
    static func key(_ a: Analysis, _ block: Block) -> String {
        Analysis.titleKey(a.string(block.proseRange))
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let doc = a.document
        var seen: [String: Int] = [:]
        var reported = Set<Int>()
        // The same label under different parent sections (“Requirements” under “Role A” and “Role B”) is fine:
        // headings are compared within their parent (the nearest explicit heading of a higher level).
        var stack: [(level: Int, index: Int)] = []
        for (i, block) in a.blocks.enumerated() where block.kind == .heading {
            let level = block.explicit ? max(block.level, 1) : 7
            while let top = stack.last, top.level >= level { stack.removeLast() }
            let parent = stack.last?.index ?? -1
            if block.explicit { stack.append((level, i)) }
            let k = Self.key(a, block)
            guard !k.isEmpty else { continue }
            if seen[k] == nil { seen[k] = i }
            let scoped = "\(parent)|" + k
            guard let first = seen[scoped] else { seen[scoped] = i; continue }
            let firstBlock = a.blocks[first]
            let line = doc.lines.lineIndex(containing: block.sourceRange.lowerBound)
            let firstLine = doc.lines.lineIndex(containing: firstBlock.sourceRange.lowerBound)
            var fix: Fix?
            // Exact duplicate line (same bytes, the heading alone on its line): remove the line.
            let lr = doc.lines.contentStart(ofLine: line)..<doc.lines.contentEnd(ofLine: line)
            let flr = doc.lines.contentStart(ofLine: firstLine)..<doc.lines.contentEnd(ofLine: firstLine)
            if line != firstLine, doc.bytes[lr] == doc.bytes[flr], let edit = StructureSupport.removeLines(doc, block.sourceRange) {
                fix = Fix(title: "Remove the duplicate line", applicability: .safe, edits: [edit])
            }
            let pos = doc.position(firstBlock.sourceRange.lowerBound)
            reporter.report("Duplicate heading “\(a.string(block: i))” (first at line \(pos.line)).", at: block.sourceRange, fix: fix)
            reported.insert(i)
        }
        // A paragraph or line that repeats the title.
        guard let title = a.title else { return }
        let tk = Analysis.titleKey(title.text)
        guard !tk.isEmpty else { return }
        let titleBytes = Array(title.text.utf8)
        let tkBytes = Array(tk.utf8)
        for (i, block) in a.blocks.enumerated() where i != a.titleBlock && !reported.contains(i)
            && (block.kind == .heading || block.kind == .paragraph) {
            // The first line of the block (a scraped paragraph may run the title into the next lines).
            let r = block.proseRange
            var e = r.lowerBound
            while e < r.upperBound && a.text[e] != .lineFeed { e += 1 }
            let lineRange = r.lowerBound..<e
            guard Analysis.titleKey(a.text, lineRange, equals: tkBytes) else { continue }
            // In Markdown and HTML a paragraph (often bold) that restates a heading title introduces the body under
            // a board's or template's own title: a deliberate restatement, not a duplicated heading. Plain text has
            // no markup to tell them apart, so there a repeated title line is reported.
            if (block.kind == .paragraph || !block.explicit) && a.document.format != .text { continue }
            if block.kind == .heading && a.titleBlock == nil && seen[tk] == i && i == a.blocks.firstIndex(where: { $0.kind == .heading }) { continue }
            let src = a.sourceRange(lineRange)
            if src.overlaps(title.range) || src == title.range { continue }  // the title line itself
            // The value of a `Job Title` label on the line before (a scraped field) is not a repeat.
            if i > 0 {
                let prev = Analysis.titleKey(a.string(block: i - 1))
                if prev.hasSuffix("title") || prev == "position" || prev == "role" || prev == "job" { continue }
            }
            var fix: Fix?
            if a.isVerbatim(lineRange), Array(a.text[lineRange]) == titleBytes, let edit = StructureSupport.removeLines(doc, src) {
                fix = Fix(title: "Remove the repeated title", applicability: .safe, edits: [edit])
            }
            let pos = doc.position(title.range.lowerBound)
            reporter.report("The title “\(title.text)” is repeated (first at line \(pos.line)).", at: block.kind == .heading ? block.sourceRange : src,
                            fix: fix)
        }
    }
}
