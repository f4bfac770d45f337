/// `structure/page-residue`: navigation and call-to-action text scraped along with the posting.
struct PageResidueRule: Rule {
    let meta = RuleMeta(
        id: "structure/page-residue",
        summary: "Navigation or button text scraped along with the posting (“Back to top”, “Share this job”).",
        explanation: """
            Text copied from a job page often drags the page around it along: “Top”, “Back to top”, an “Apply now” \
            button that no longer links anywhere, “Share this job”, cookie banners, “Similar jobs” lists, “Discover … \
            Openings - Build Your Career”. It looks careless and confuses readers. The patterns live in \
            `Rules/residue.json`; a block matches only when it is (almost) nothing but the residue. The unsafe fix \
            removes the line.
            """,
        defaultSeverity: .warning,
        fix: .unsafe,
        triggering: [
            RuleExample("Line Cook\n\nWe need a line cook for our busy kitchen in the city centre.\n\n↓Apply Now\n\n↓Back to top\n"),
            RuleExample("# Line Cook\n\nWe need a line cook for our busy kitchen.\n\n↓Share this job\n\n↓Discover Kitchen Openings - Build Your Career\n", format: .markdown),
            RuleExample("<h1>Line Cook</h1><p>We need a line cook.</p>\n↓<p>Apply now</p>\n↓<p>We use cookies to improve your experience. Accept?</p>", format: .html),
            RuleExample("""
                {"@type": "JobPosting", "title": "Line Cook", "description": "<p>We need a line cook.</p><p>Similar jobs</p>"}
                """.replacing("<p>Similar", with: "↓<p>Similar"), format: .jsonld),
        ],
        nonTriggering: [
            RuleExample("Line Cook\n\nWe need a line cook. [Apply now](https://example.com/apply)\n\n[Apply now](https://example.com/apply)\n", format: .markdown),
            RuleExample("# Line Cook\n\n## Apply now\n\nSend your CV to jobs@example.com.\n", format: .markdown),
            RuleExample("<p><a href=\"/apply\">Apply now</a></p><p>Back to the kitchen after your break.</p>", format: .html),
            RuleExample("Line Cook\n\nYou will be at the top of your game. Share this job with a friend who cooks!\n"),
        ],
        corrections: [
            RuleCorrection("Line Cook\n\nWe need a line cook.\n\nApply Now\n\nBack to top\n", "Line Cook\n\nWe need a line cook.\n",
                           applicability: .unsafe),
            RuleCorrection("Line Cook\n\nApply Now\n\nWe need a line cook.\n", "Line Cook\n\nWe need a line cook.\n", applicability: .unsafe),
        ])

    struct Patterns: Sendable {
        var maxWords: Int
        var lines: [Phrase]
        /// Combined hash of a whole-line pattern's words → indices into `lines`.
        var lineIndex: [UInt64: [Int]]
        var linkable: [Phrase]
        var prefixes: [(Phrase, [Phrase])]
        var contains: PhraseSet
    }

    static func combined(_ hashes: some Sequence<UInt64>) -> UInt64 {
        var h: UInt64 = 0x9E3779B97F4A7C15
        for x in hashes { h = (h ^ x) &* 0x100000001b3 }
        return h
    }

    static let patterns: Patterns = {
        let page = RuleData.json("residue.json")["page"]
        func list(_ k: String) -> [String] { page?[k]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        let must = page?["prefixMustContain"]?.objectValue ?? JSONObject()
        let lines = list("lines").map(Phrase.init)
        var lineIndex: [UInt64: [Int]] = [:]
        for (i, l) in lines.enumerated() where !l.prefix { lineIndex[combined(l.hashes), default: []].append(i) }
        let prefixes = list("prefixes").map { p in (Phrase(p), (must[p]?.arrayValue ?? []).compactMap(\.stringValue).map(Phrase.init)) }
        let contains = list("contains").map(Phrase.init)
        return Patterns(maxWords: page?["maxWords"]?.intValue ?? 14, lines: lines, lineIndex: lineIndex,
                        linkable: list("linkable").map(Phrase.init), prefixes: prefixes, contains: PhraseSet(contains))
    }()

    static func startsWith(_ t: PhraseText, _ h: [UInt64]) -> Bool {
        for j in 0..<h.count where t[j] != h[j] { return false }
        return true
    }

    /// What a block matches, if it is residue: the pattern and whether it is a call to action. `containsPhrase`:
    /// whether the block holds one of the `contains` phrases (`PhraseSet.blocksWithMatch`, one pass per document).
    static func match(_ t: PhraseText, containsPhrase: Bool, patterns p: Patterns) -> (Phrase, linkable: Bool)? {
        guard !t.isEmpty else { return nil }
        if t.count <= p.maxWords {
            if let candidates = p.lineIndex[combined(t.hashes)], let i = candidates.first(where: { t.equals(p.lines[$0]) }) {
                let m = p.lines[i]
                return (m, p.linkable.contains { $0.hashes == m.hashes })
            }
            for (prefix, must) in p.prefixes where prefix.hashes.count <= t.count && Self.startsWith(t, prefix.hashes) {
                if must.isEmpty || must.contains(where: { t.contains($0) }) {
                    // `Posted on`, `Job ID`… need a short block (a label and a value).
                    return (prefix, false)
                }
            }
        }
        if t.count <= 60 && containsPhrase { return (p.contains.phrases[0], false) }
        return nil
    }

    /// The blocks that are page residue, as this rule reports them (`structure/empty-section` reads it too: a
    /// heading followed only by residue is empty).
    static func residueBlocks(_ a: Analysis) -> [Int] {
        var out: [Int] = []
        residue(a) { out.append($0) }
        return out
    }

    /// Calls `body` with the index of each residue block, in order.
    static func residue(_ a: Analysis, _ body: (Int) -> Void) {
        let doc = a.document
        var sectionBody: [Int: Bool] = [:]
        for s in a.sections { if let h = s.heading { sectionBody[h] = !s.body.isEmpty } }
        let patterns = Self.patterns
        let containing = patterns.contains.blocksWithMatch(in: a)
        for (i, block) in a.blocks.enumerated() where block.kind != .field {
            let text = a.phraseText(block: i)
            guard let (_, linkable) = Self.match(text, containsPhrase: containing[i], patterns: patterns) else { continue }
            // A label that introduces what follows (“Terms and conditions:”) is a heading, not residue.
            if a.text[block.proseRange].last == .colon && i + 1 < a.blocks.count { continue }
            if block.kind == .heading && a.document.bytes[block.sourceRange.offsets].last(where: { !Bytes.isWhitespace($0) }) == .colon
                && sectionBody[i] == true { continue }
            if linkable {
                // A working button, or a real section (“## Apply now” with instructions under it), is not residue.
                if StructureSupport.hasLink(doc, block.sourceRange) { continue }
                if block.kind == .heading && (block.explicit || a.document.format != .text && a.document.format != .markdown)
                    && sectionBody[i] == true { continue }
            }
            if i == a.titleBlock && a.blocks.count == 1 { continue }
            // In HTML, a link or a button is working page furniture, not text pasted by mistake.
            if a.document.format == .html || a.document.format == .jsonld {
                let src = Bytes.lowerString(doc.bytes, block.sourceRange.offsets)
                if src.containsBytes("<a ") || src.containsBytes("<a\n") || src.containsBytes("<button") { continue }
            }
            body(i)
        }
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let doc = a.document
        Self.residue(a) { i in
            let block = a.blocks[i]
            let fix = StructureSupport.removeLines(doc, block.sourceRange).map {
                Fix(title: "Remove the line", applicability: .unsafe, edits: [$0])
            }
            let shown = a.string(block: i)
            let short = shown.count > 40 ? String(shown.prefix(40)) + "…" : shown
            reporter.report("“\(short)” looks like page residue (navigation or button text), not part of the posting.",
                            at: block.sourceRange, fix: fix)
        }
    }
}
