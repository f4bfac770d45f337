/// `structure/length`: a posting too short to inform or too long to be read.
struct LengthRule: Rule {
    let meta = RuleMeta(
        id: "structure/length",
        summary: "The posting is shorter than 700 characters of prose or longer than 1,000 words.",
        explanation: """
            A very short posting leaves applicants guessing; a very long one is skimmed or abandoned (most job \
            boards recommend 300–700 words). Only prose counts: markup, front-matter syntax and code do not. The \
            finding sits on the title (or line 1) and gives the count. Both limits are configurable. A volunteer \
            call or a freelance brief (see structure/missing-section) needs less: it is reported below two fifths \
            of the minimum. In a posting written in two languages, the paragraphs in a language other than English \
            do not count towards the most words: a reader reads one version.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("↓Cleaner\n\nWe need a cleaner for our office. Mornings only. Call us.\n"),
            RuleExample("# ↓Cleaner\n\nWe need a cleaner for our office.\n", format: .markdown),
            RuleExample("<h1>↓Cleaner</h1><p>We need a cleaner for our office.</p>", format: .html),
            RuleExample("{\"@type\": \"JobPosting\", \"title\": \"↓Cleaner\", \"description\": \"We need a cleaner.\"}", format: .jsonld),
            RuleExample("# ↓Cleaner\n\n" + String(repeating: "We need a cleaner for our office in town. ", count: 12) + "\n",
                        format: .markdown, options: JSONObject([("maxWords", 50)])),
        ],
        nonTriggering: [
            RuleExample("# Cleaner\n\nWe need a cleaner for our office.\n", format: .markdown, options: JSONObject([("minCharacters", 20)])),
            // A volunteer call needs two fifths of the minimum (a two-icon request of 300 characters is enough).
            RuleExample("---\ntitle: Icons for our app\ncompensation: gratis\n---\n\n" + String(repeating: "We need six icons for our open-source app. ", count: 7)
                        + "Write to us.\n", format: .markdown),
            // Words as a reader counts them: a date or an address is one word.
            RuleExample("# Cleaner\n\n" + String(repeating: "We need a cleaner for our office in the centre of town, mornings only. ", count: 11)
                        + "Start 2025-05-01, see https://example.com/jobs/a/b/c now.\n", format: .markdown, options: JSONObject([("maxWords", 160)])),
            // A posting in two languages is read in one: the French version does not count towards the length.
            RuleExample("# Cleaner\n\n" + String(repeating: "We need a cleaner for our office in town. ", count: 9) + "\n\n"
                        + String(repeating: "Nous cherchons une personne pour le nettoyage de nos bureaux et des salles. ", count: 6) + "\n",
                        format: .markdown, options: JSONObject([("maxWords", 100)])),
            // Prose in front matter counts.
            RuleExample("---\ntitle: Logo for a library\ndeliverables: " + String(repeating: "A logo in SVG and PNG, with a short style guide for the team. ", count: 12)
                        + "\n---\n\nWe need a logo.\n", format: .markdown),
            RuleExample("# Cleaner\n\n" + String(repeating: "We need a cleaner for our office in the centre of town, mornings only. ", count: 11) + "\n",
                        format: .markdown),
        ],
        options: [
            RuleOption("minCharacters", .integer(minimum: 0), default: 700, "Fewest characters of prose."),
            RuleOption("maxWords", .integer(minimum: 1), default: 1000, "Most words."),
        ])

    /// Runs of bytes between ASCII white space that hold an ASCII letter or digit or any non-ASCII character.
    static func readerWords(_ t: [UInt8], _ r: Range<Int>) -> Int {
        var n = 0
        var inRun = false, counted = false
        for i in r {
            let c = t[i]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                inRun = false
                continue
            }
            if !inRun { inRun = true; counted = false }
            if !counted && (c >= 0xC0 || Bytes.isASCIILetter(c) || Bytes.isDigit(c)) { n += 1; counted = true }
        }
        return n
    }

    static let notProseKeys: Set<String> = FrontMatter.proseKeys.union(["title", "tags", "categories", "layout", "permalink"])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        guard !a.blocks.isEmpty else { return }
        let minChars = context.int("minCharacters", default: 700)
        let maxWords = context.int("maxWords", default: 1000)
        var chars = 0
        for b in a.blocks { chars += StructureSupport.scalarCount(a.text, b.proseRange) }
        // Prose held in front matter (`deliverables:`, `how_to_apply:`) is part of what applicants read; the title
        // and body keys are already blocks, and short values (dates, tags, URLs) are not prose.
        for f in a.fields where f.origin == .frontMatter && !Self.notProseKeys.contains(f.key) {
            var spaces = 0
            for c in f.value.utf8 where c == .space { spaces += 1 }
            if spaces >= 4 && !f.value.hasPrefix("http") { chars += f.value.unicodeScalars.count }
        }
        // Words as a reader (or `wc -w`) counts them: runs of non-space characters with a letter or digit in them.
        // The analysis's word list splits dates, URLs and codes into several words (“2024-05-01” is three), which
        // pushed postings of 980 words over the limit (judged on real postings).
        // A posting in two languages (an English version, then a French one) is read in one of them: the blocks in
        // another language do not count towards the length (judged on real postings).
        var words = 0
        for b in a.blocks { words += Self.readerWords(a.text, b.proseRange) }
        if words > maxWords {
            for b in a.blocks where SpacingRule.isForeignBlock(a, b.proseRange) { words -= Self.readerWords(a.text, b.proseRange) }
        }
        let anchor = MissingSectionRule.anchor(a)
        // A volunteer call or a freelance brief needs less than a job posting (judged on real postings: a gratis
        // design call of two paragraphs, or a two-icon request of 300 characters with its sizes and a link, that
        // says what is needed and whom to contact is long enough): two fifths of the minimum.
        let floor = chars < minChars && MissingSectionRule.engagement(a) != .employment ? minChars * 2 / 5 : minChars
        if chars < floor {
            reporter.report("The posting has only \(chars) characters of prose (fewer than \(floor)): applicants need more to decide.", at: anchor)
        } else if words > maxWords {
            reporter.report("The posting has \(words) words (more than \(maxWords)): long postings are skimmed or abandoned.", at: anchor)
        }
    }
}
