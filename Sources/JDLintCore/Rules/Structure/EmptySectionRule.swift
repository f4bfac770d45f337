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
            // A section label among the headings stacked under the title.
            RuleExample("<h1>Nurse</h1>↓<h2>Additional information</h2><h2>Make a difference</h2><p>We are hiring.</p>", format: .html),
            RuleExample("Nurse\n\nWe are hiring.\n\n↓Benefits:\n\nHow to apply:\n\nWrite to us.\n"),
            // A heading followed only by page residue (the seed posting's last section).
            RuleExample("Nurse\n\nWe are hiring.\n\n↓Alternative Careers for a Nurse\n\nDiscover Nurse Openings - Build Your Career\n"),
            RuleExample("""
                {"@type": "JobPosting", "title": "Nurse", "description": "<p>We are hiring.</p>↓<h2>Salary</h2><h2>Duties</h2><p>Care.</p>"}
                """, format: .jsonld),
        ],
        nonTriggering: [
            RuleExample("# Nurse\n\n## Duties\n\n### Daily\n\nCare for patients.\n", format: .markdown),
            RuleExample("# Nurse\n\nWe are hiring.\n", format: .markdown),
            RuleExample("<h1>Nurse</h1><h1>Ward 7</h1><p>We are hiring.</p>", format: .html),
            RuleExample("<h1>Nurse</h1><p><strong>FREEMAN HOSPITAL</strong></p><p><strong>Cardiology</strong></p><p>We are hiring.</p>", format: .html),
            RuleExample("Nurse\n\nWard 7\n\nWe are hiring.\n"),
            RuleExample("<h1>Nurse</h1><h3>Duties</h3><p><strong>Band 5 duties:</strong></p><ul><li>Care.</li></ul>", format: .html),
            // Facts and taglines set as headings, a parent heading over its sub-heading, a stacked title block.
            RuleExample("<h1>Nurse</h1><h2>15 hours per week</h2><h2>Ward 7, St Mary's</h2><p>We are hiring.</p>", format: .html),
            RuleExample("# Nurse\n\nWe are hiring.\n\n## Requirements\n\n## Essential\n\n- A nursing degree\n", format: .markdown),
            RuleExample("# Nurse\n\nWe are hiring.\n\n## Join a team that cares for the whole city\n\n## Duties\n\nCare.\n", format: .markdown),
            RuleExample("# Nurse\n\nWe are hiring.\n\n## Salary: £30,000\n\n## Duties\n\nCare.\n", format: .markdown),
            // A notice set as a heading; a list indented four spaces (Markdown reads it as code); a subtitle line.
            RuleExample("# Nurse\n\nWe are hiring.\n\n## NO RECRUITMENT AGENCIES\n", format: .markdown),
            RuleExample("# Nurse\n\n## Description\n\n## City Hospital seeks a nurse for its busy new cardiology ward\n\nCare.\n", format: .markdown),
            RuleExample("# Nurse\n\nWe are hiring.\n\n## Desired skills\n\n    Python, SQL and Excel\n    Care planning\n\n## Duties\n\nCare.\n",
                        format: .markdown),
        ])

    /// `<p><strong>Benefits:</strong></p>`: the prose ends where a colon followed in the source.
    func isColonHeading(_ a: Analysis, _ h: Int) -> Bool {
        let src = a.sourceRange(a.blocks[h].proseRange)
        let b = a.document.bytes
        var k = src.upperBound
        while k < b.count && (b[k] == .space || b[k] == .asterisk || b[k] == .underscore) { k += 1 }
        return k < b.count && b[k] == .colon
    }

    /// Generic section labels that name no part of the catalogue.
    static let genericLabels = ["additional information", "other information", "further information", "more information",
                                "additional details", "further details", "other details", "notes", "additional notes"].map { Phrase($0) }

    /// The heading names a part of a posting or is a generic section label.
    static func namesPart(_ a: Analysis, _ h: Int) -> Bool {
        let p = a.phraseText(block: h)
        return !SectionCatalog.parts(forHeading: p).isEmpty || genericLabels.contains { p.equals($0) }
    }

    /// A heading that is a notice, not a label: “NO RECRUITMENT AGENCIES”, “Please apply online”.
    static let noticeOpeners = Set(["no", "please", "not", "apply", "we", "you", "must", "do", "don't", "dont"].map { Word.hash($0) })
    static func isNotice(_ a: Analysis, _ h: Int) -> Bool {
        let w = a.words(block: h)
        guard let first = w.first else { return false }
        return noticeOpeners.contains(first.hash)
    }

    /// Text in the source between the heading and the next block that the front end did not make a block of (an
    /// indented list that Markdown reads as code): the section has content. Markdown and plain text only (HTML
    /// markup between blocks is not text).
    static func sourceHasText(_ a: Analysis, _ h: Int) -> Bool {
        guard a.document.format != .html && a.document.format != .jsonld else { return false }
        let start = a.blocks[h].sourceRange.upperBound
        let end = h + 1 < a.blocks.count ? a.blocks[h + 1].sourceRange.lowerBound : a.document.bytes.count
        guard start < end else { return false }
        var letters = 0
        for c in a.document.bytes[start..<end] where Bytes.isASCIILetter(c) {
            letters += 1
            if letters >= 12 { return true }
        }
        return false
    }

    /// A short label: at most six words, no digits, no sentence end, no value after a colon, no `{{ … }}`.
    static func isLabel(_ a: Analysis, _ h: Int) -> Bool {
        let r = a.blocks[h].proseRange
        let t = a.text
        guard a.phraseText(block: h).count <= 6 else { return false }
        var hi = r.upperBound
        while hi > r.lowerBound && (Bytes.isWhitespace(t[hi - 1]) || t[hi - 1] == .colon) { hi -= 1 }
        for k in r.lowerBound..<hi {
            let c = t[k]
            if Bytes.isDigit(c) || c == .colon || c == .leftBrace || c == .rightBrace { return false }
        }
        if hi > r.lowerBound, [.period, .exclamation, .question].contains(t[hi - 1]) { return false }
        // A word of three letters or more (not a line of template placeholders such as “￼ - GS-￼”).
        var run = 0
        for k in r.lowerBound..<hi {
            run = Bytes.isASCIILetter(t[k]) || t[k] >= 0xC3 && t[k] < 0xE0 ? run + 1 : 0
            if run >= 3 { return true }
        }
        return false
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let blocks = a.blocks
        let residue = Set(PageResidueRule.residueBlocks(a))
        // The stacked title lines above the body end at the first block that is not a heading (found once: a
        // posting of nothing but headings would otherwise be scanned again for each of them).
        let firstBody = blocks.firstIndex { $0.kind != .heading } ?? blocks.count
        for s in a.sections {
            guard let h = s.heading, !residue.contains(h) else { continue }
            if h == a.titleBlock { continue }
            // A heading followed only by page residue (“Similar jobs”, “Discover … Openings”) up to the next real
            // heading or the end: the section's content was lost in scraping.
            var k = h + 1
            while k < blocks.count && residue.contains(k) { k += 1 }
            if k > h + 1 && (k == blocks.count || blocks[k].kind == .heading) {
                let what = k == blocks.count ? "only page residue follows it" : "only page residue lies between it and the next heading"
                reporter.report("The section “\(a.string(block: h))” is empty: \(what).", at: blocks[h].sourceRange)
                continue
            }
            guard s.body.isEmpty else { continue }
            // A label promises content; a fact (“15 hours per week”, “Salary: £30,000”), a tagline or a sentence set
            // as a heading does not, nor a template expression, nor the stacked title lines above the body.
            // In the stacked lines, only a heading that names a part of a posting (“Additional information”,
            // “Benefits”) over a sibling heading is a section, not a line of the title block.
            if h < firstBody {
                guard blocks[h].explicit, h + 1 < blocks.count, blocks[h + 1].kind == .heading, blocks[h + 1].level == blocks[h].level,
                      Self.namesPart(a, h) else { continue }
            }
            guard Self.isLabel(a, h), !Self.isNotice(a, h), !Self.sourceHasText(a, h) else { continue }
            // A parent heading followed by a sub-heading of the same part (“Requirements” then “Essential”); a
            // “Description” wrapper whose content opens with its own headline (“University of Glasgow Seeks …”).
            if h + 1 < blocks.count, blocks[h + 1].kind == .heading {
                let own = SectionCatalog.parts(forHeading: a.phraseText(block: h))
                let next = SectionCatalog.parts(forHeading: a.phraseText(block: h + 1))
                if next.contains(where: own.contains) { continue }
                if own.contains("summary") && !Self.isLabel(a, h + 1) { continue }
            }
            // Headings inferred from plain text or bold paragraphs are guesses: only a `Label:` line is sure enough.
            if !blocks[h].explicit {
                let src = a.document.bytes[blocks[h].sourceRange.offsets]
                guard src.last(where: { !Bytes.isWhitespace($0) && $0 != .asterisk && $0 != .underscore }) == .colon || isColonHeading(a, h) else { continue }
            }
            // A sub-heading right after this one gives it content.
            if h + 1 < blocks.count, blocks[h + 1].kind == .heading, blocks[h].explicit,
               blocks[h + 1].level > blocks[h].level || !blocks[h + 1].explicit { continue }
            let what = h + 1 < blocks.count ? "the next heading follows directly" : "the posting ends here"
            reporter.report("The section “\(a.string(block: h))” is empty: \(what).", at: blocks[h].sourceRange)
        }
    }
}
