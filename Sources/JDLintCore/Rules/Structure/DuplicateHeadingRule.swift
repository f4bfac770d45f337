/// `structure/duplicate-heading`: the same heading or title line twice.
struct DuplicateHeadingRule: Rule {
    let meta = RuleMeta(
        id: "structure/duplicate-heading",
        summary: "The same heading or title appears twice.",
        explanation: """
            A heading or title line repeated (often right after itself, when a page was scraped twice or a template \
            printed the title again) looks careless and confuses readers and screen readers. The safe fix removes \
            the second copy when it is an exact duplicate line.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        triggering: [
            RuleExample("Occupational Therapy Aide\n\n↓Occupational Therapy Aide\n\nWe are hiring an aide to help our therapists.\n"),
            RuleExample("# Nurse\n\n## Duties\n\nCare for patients.\n\n↓## Duties\n\nMore duties.\n", format: .markdown),
            RuleExample("<h2>Benefits</h2><p>Dental.</p>↓<h2>Benefits</h2><p>Vision.</p>", format: .html),
        ],
        nonTriggering: [
            RuleExample("# Nurse\n\n## Duties\n\nCare for patients.\n\n## Benefits\n\nDental.\n", format: .markdown),
        ],
        corrections: [
            RuleCorrection("Occupational Therapy Aide\n\nOccupational Therapy Aide\n\nWe are hiring an aide to help our therapists.\n",
                           "Occupational Therapy Aide\n\nWe are hiring an aide to help our therapists.\n"),
        ])

    /// Heading text normalised for comparison: lowercase letters and digits, single spaces.
    static func key(_ a: Analysis, _ block: Block) -> String {
        var out: [UInt8] = []
        var space = false
        for c in a.text[block.proseRange] {
            if Bytes.isASCIILetter(c) || Bytes.isDigit(c) || c >= 0x80 {
                if space && !out.isEmpty { out.append(0x20) }
                out.append(Bytes.lower(c))
                space = false
            } else {
                space = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let doc = a.document
        var seen: [String: Int] = [:]
        for (i, block) in a.blocks.enumerated() where block.kind == .heading {
            let k = Self.key(a, block)
            guard !k.isEmpty else { continue }
            guard let first = seen[k] else { seen[k] = i; continue }
            let firstBlock = a.blocks[first]
            let line = doc.lines.lineIndex(containing: block.sourceRange.lowerBound)
            let firstLine = doc.lines.lineIndex(containing: firstBlock.sourceRange.lowerBound)
            var fix: Fix?
            // Exact duplicate line (same bytes, the heading alone on its line): remove the line and one blank line.
            let lr = doc.lines.contentStart(ofLine: line)..<doc.lines.contentEnd(ofLine: line)
            let flr = doc.lines.contentStart(ofLine: firstLine)..<doc.lines.contentEnd(ofLine: firstLine)
            if line != firstLine, doc.bytes[lr] == doc.bytes[flr], block.sourceRange.lowerBound >= lr.lowerBound,
               block.sourceRange.upperBound <= lr.upperBound
            {
                var remove = doc.lines.fullRange(ofLine: line)
                if line + 1 < doc.lines.lineCount {
                    let next = line + 1
                    if doc.lines.contentStart(ofLine: next) == doc.lines.contentEnd(ofLine: next) && line > 0
                        && doc.lines.contentStart(ofLine: line - 1) == doc.lines.contentEnd(ofLine: line - 1)
                    {
                        remove = remove.lowerBound..<doc.lines.fullRange(ofLine: next).upperBound
                    }
                }
                fix = Fix(title: "Remove the duplicate line", applicability: .safe, edits: [.remove(remove)])
            }
            let pos = doc.position(firstBlock.sourceRange.lowerBound)
            reporter.report("Duplicate heading “\(a.string(block: i))” (first at line \(pos.line)).", at: block.sourceRange, fix: fix)
        }
    }
}
