/// `structure/heading-level`: Markdown/HTML heading levels that skip a level, or more than one top-level heading.
struct HeadingLevelRule: Rule {
    let meta = RuleMeta(
        id: "structure/heading-level",
        summary: "A heading skips a level (h1 → h3), or there is more than one h1.",
        explanation: """
            Screen readers and job boards use heading levels to build an outline of the posting: a jump from a \
            level-1 heading straight to level 3, or a second level-1 heading, breaks that outline. Only explicit \
            Markdown and HTML headings count (headings jdlint infers from plain text or bold paragraphs have no level).
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("# Gardener\n\nWe need a gardener.\n\n↓### Duties\n\nMow the lawns.\n", format: .markdown),
            RuleExample("# Gardener\n\nWe need a gardener.\n\n↓# Benefits\n\nFree lunch.\n", format: .markdown),
            RuleExample("# Gardener\n\nWe need a gardener.\n\n↓# Duties\n\nMow.\n\n↓# Benefits\n\nFree lunch.\n", format: .markdown),
            RuleExample("---\ntitle: Gardener\n---\n\n# Duties\n\nMow.\n\n↓### Daily\n\nLunch.\n", format: .markdown),
            RuleExample("<h1>Gardener</h1><p>We need a gardener.</p>↓<h4>Duties</h4><p>Mow.</p>↓<h1>Apply</h1><p>Write to us.</p>", format: .html),
            RuleExample("""
                {"@type": "JobPosting", "title": "Gardener", "description": "<p>We need a gardener.</p>↓<h3>Duties</h3><p>Mow.</p>"}
                """, format: .jsonld),
        ],
        nonTriggering: [
            RuleExample("# Gardener\n\n## Duties\n\n### Daily\n\nMow.\n\n## Benefits\n\nLunch.\n", format: .markdown),
            RuleExample("## Duties\n\nMow.\n\n### Daily\n\nMow again.\n", format: .markdown),
            // The title repeated as a second level-1 heading: a duplicate to delete (structure/duplicate-heading), not
            // a section to demote.
            RuleExample("<h1>Access Supervisor</h1><h1>Access Supervisor</h1><p>Run the access team.</p><h2>Benefits</h2><p>Lunch.</p>", format: .html),
            // A reference number or a notice set as a level-1 heading is not a section to demote.
            RuleExample("<h1>Porter</h1><p>Carry bags.</p><h1>Reference: 312-ABC-0002</h1><h1>All correspondence will be by email. Please check your emails.</h1>", format: .html),
            // A scraped field label whose “#” means “number of”.
            RuleExample("# Gardener\n\nMow the lawns.\n\n# of openings: 2\n", format: .markdown),
            // The title is in the front matter: the `#` headings are the sections.
            RuleExample("---\ntitle: Gardener\n---\n\n# Duties\n\nMow.\n\n# Benefits\n\nLunch.\n", format: .markdown),
            RuleExample("<h1>Gardener</h1><p><strong>Duties</strong></p><p>Mow.</p><h2>Benefits</h2><p>Lunch.</p>", format: .html),
            RuleExample("""
                {"@type": "JobPosting", "title": "Gardener", "description": "<h2>Duties</h2><p>Mow.</p>"}
                """, format: .jsonld),
        ])

    /// A heading's text that reads as a sentence (more than 15 words, or a full stop or exclamation
    /// mark inside or at the end; a question is a heading: “Is this you?”) or as a field (`Reference: 312-RBH`, a colon followed by a value).
    static func notASection(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        var end = r.upperBound
        while end > r.lowerBound && (t[end - 1] == UInt8(ascii: " ") || t[end - 1] == UInt8(ascii: "*")) { end -= 1 }
        guard end > r.lowerBound else { return false }
        var words = 0, inWord = false
        for i in r.lowerBound..<end {
            let c = t[i]
            if c == UInt8(ascii: " ") { inWord = false; continue }
            if !inWord { words += 1; inWord = true }
            if c == UInt8(ascii: "!") { return true }
            if c == UInt8(ascii: ".") && (i + 1 == end || t[i + 1] == UInt8(ascii: " ")) && i > r.lowerBound && Bytes.isLower(t[i - 1]) { return true }
            if c == UInt8(ascii: ":") && i + 2 < end && t[i + 1] == UInt8(ascii: " ") { return true }
        }
        return words > 15
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        guard a.document.format != .text else { return }
        var previous = 0
        var h1Count = 0
        var allH1 = 0  // every level-1 heading so far, sections or not (for “second” in the message)
        var firstH1: Int?
        // A title given outside the body (front matter, JSON-LD) that no heading repeats: the body's level-1
        // headings are its sections, not second titles (a Jekyll posting whose sections are all `#`).
        let sectionsAtLevel1 = a.title != nil && a.titleBlock == nil && a.document.format == .markdown
        for (i, b) in a.blocks.enumerated() where b.kind == .heading && b.explicit && b.level >= 1 {
            // “# of openings: 2”: a field label whose “#” means “number”, not a heading (headings start with a capital
            // or a digit).
            if a.document.format == .markdown, !b.proseRange.isEmpty, Bytes.isLower(a.text[b.proseRange.lowerBound]) { continue }
            if b.level == 1 && sectionsAtLevel1 {
                previous = 1
                continue
            }
            // A sentence or a `Label: value` line set as a level-1 heading (“Reference: 312-RBH-…”, a notice of two
            // sentences) is not a section: demoting it would not make it right (judged on real postings).
            if b.level == 1 { allH1 += 1 }
            if b.level == 1 && h1Count >= 1 && Self.notASection(a.text, b.proseRange) { continue }
            if b.level == 1 {
                h1Count += 1
                if h1Count == 1 { firstH1 = i } else if DuplicateHeadingRule.key(a, b) == DuplicateHeadingRule.key(a, a.blocks[firstH1!]) {
                    // The title repeated: structure/duplicate-heading reports it, and the fix is to delete it, not
                    // to demote it (judged on real postings).
                } else {
                    let pos = a.document.position(a.blocks[firstH1!].sourceRange.lowerBound)
                    // “Second” only for the second: the fifth is “another” (the message says what it is).
                    let which = allH1 == 2 ? "A second" : "Another"
                    reporter.report("\(which) level-1 heading “\(a.string(block: i))” (the first is on line \(pos.line)): a posting has one title; use level 2 for its sections.",
                                    at: b.sourceRange)
                }
            } else if previous > 0 && b.level > previous + 1 {
                reporter.report("Heading level \(b.level) after level \(previous) skips a level: use level \(previous + 1).", at: b.sourceRange)
            }
            previous = b.level
        }
    }
}
