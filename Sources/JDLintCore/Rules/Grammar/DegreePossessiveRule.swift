/// `grammar/degree-possessive`: "bachelors degree" → "bachelor's degree".
struct DegreePossessiveRule: Rule {
    let meta = RuleMeta(
        id: "grammar/degree-possessive",
        summary: "Write “bachelor's degree”, “master's degree” and “associate's degree” with an apostrophe.",
        explanation: """
            The degree belongs to a bachelor, a master or an associate: “bachelor's degree”, “master's degree”, \
            “associate's degree” (plural “bachelor's degrees”). “Bachelors degree” and “bachelors' degree” are slips. \
            Forms without a possessive (“Bachelor of Science”, “bachelor degree”, “a master's”) are left alone. \
            The fix adds the apostrophe in the style the text already uses (' or ’).
            """,
        defaultSeverity: .warning,
        fix: .safe,
        triggering: [
            RuleExample("A ↓bachelors degree in nursing is required."),
            RuleExample("- ↓Masters Degree preferred\n- ↓associates degree accepted", format: .markdown),
            RuleExample("Two ↓bachelors’ degrees."),
            RuleExample("A ↓Bachelors or ↓Masters degree; a ↓bachelors/↓masters degree."),
            RuleExample("<p>A ↓MASTERS DEGREE in public health.</p>", format: .html),
        ],
        nonTriggering: [
            RuleExample("A bachelor's degree, a master’s degree or an associate's degree."),
            RuleExample("Bachelor of Science in Nursing; Master of Arts; a bachelor degree."),
            RuleExample("Our associates enjoy great benefits. The Masters tournament."),
        ],
        corrections: [
            RuleCorrection("A bachelors degree in nursing.", "A bachelor's degree in nursing."),
            RuleCorrection("Masters Degree preferred; we use master’s degree elsewhere.",
                           "Master’s Degree preferred; we use master’s degree elsewhere."),
            RuleCorrection("Two bachelors' degrees.", "Two bachelor's degrees."),
            RuleCorrection("An ASSOCIATES DEGREE.", "An ASSOCIATE'S DEGREE."),
        ])

    static let titles: WordSet = WordSet(["bachelors", "masters", "associates"].map { Word.hash($0) })
    static let conjunctions: WordSet = WordSet(["or", "and"].map { Word.hash($0) })
    static let degree = Word.hash("degree")
    static let degrees = Word.hash("degrees")

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        // Statics read once, not once per word.
        let conjunctions = Self.conjunctions
        let degree = Self.degree
        let degrees = Self.degrees
        let titles = Self.titles
        let a = context.analysis
        let t = a.text
        let words = a.words
        guard words.count > 1 else { return }
        var curly: Bool?
        for i in 0..<(words.count - 1) {
            let w = words[i]
            guard titles.contains(w.hash) else { continue }
            var n = words[i + 1]
            // "Bachelors or Masters degree", "Bachelors/Masters degree": the first one too.
            if n.block == w.block, n.hash != degree && n.hash != degrees {
                var j = i + 1
                if conjunctions.contains(n.hash) { j += 1 } else if !(w.range.upperBound < n.range.lowerBound && t[w.range.upperBound] == .slash) { continue }
                guard j + 1 < words.count, words[j].block == w.block, titles.contains(words[j].hash),
                      words[j + 1].block == w.block, words[j + 1].hash == degree || words[j + 1].hash == degrees else { continue }
                n = words[j]
            }
            guard n.block == w.block else { continue }
            // Between: spaces, or a misplaced apostrophe ("bachelors' degree", "bachelors’ degree").
            var k = w.range.upperBound
            var apostrophe: Range<Int>?
            if k < n.range.lowerBound && t[k] == .apostrophe { apostrophe = k..<(k + 1); k += 1 }
            else if k + 2 < n.range.lowerBound && t[k] == 0xE2 && t[k + 1] == 0x80 && t[k + 2] == 0x99 { apostrophe = k..<(k + 3); k += 3 }
            var ok = k < n.range.lowerBound
            let pair = titles.contains(n.hash)
            while k < n.range.lowerBound {
                if t[k] != .space && t[k] != .tab && !(pair && (t[k] == .slash || Bytes.isASCIILetter(t[k]))) { ok = false; break }
                k += 1
            }
            guard ok else { continue }
            if curly == nil { curly = Self.usesCurlyApostrophes(t) }
            let mark: String
            if let ap = apostrophe { mark = t[ap.lowerBound] == .apostrophe ? "'" : "’" } else { mark = curly! ? "’" : "'" }
            let s = w.range.upperBound - 1  // the final "s"
            let sChar = String(UnicodeScalar(t[s]))
            let fixedRange = s..<(apostrophe?.upperBound ?? w.range.upperBound)
            let base = a.string(w.range.lowerBound..<s)
            reporter.report("Write “\(base)\(mark)\(sChar)” (possessive) before “degree”.", prose: w.range,
                            fix: .replace(fixedRange, with: mark + sChar, title: "Write “\(base)\(mark)\(sChar)”", .safe))
        }
    }

    /// Whether the text writes apostrophes as ’ rather than '.
    static func usesCurlyApostrophes(_ t: [UInt8]) -> Bool {
        var curly = 0, straight = 0
        var i = 1
        while i + 2 < t.count {
            if t[i] == .apostrophe && Bytes.isASCIILetter(t[i - 1]) && Bytes.isASCIILetter(t[i + 1]) { straight += 1 }
            if t[i] == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == 0x99 && Bytes.isASCIILetter(t[i - 1]) && i + 3 < t.count
                && Bytes.isASCIILetter(t[i + 3]) { curly += 1 }
            i += 1
        }
        return curly > straight
    }
}
