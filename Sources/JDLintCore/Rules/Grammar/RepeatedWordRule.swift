/// `grammar/repeated-word`: "the the".
struct RepeatedWordRule: Rule {
    let meta = RuleMeta(
        id: "grammar/repeated-word",
        summary: "A word written twice in a row.",
        explanation: """
            A doubled word (“the the”, “to to”) is almost always a slip made while editing. Grammatical doublings \
            (“that that”, “had had”, “is is” across a clause), emphatic ones (“very very”), Latin (“in in vitro”), \
            compounds (“five five-unit courses”, “in in-person”), names (“Walla Walla”, “Johnson Johnson”), \
            e-mail addresses and words in another language (“nous nous”) are left alone.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        triggering: [
            RuleExample("We are looking for the ↓the best nurse."),
            RuleExample("You will report to ↓to the manager."),
            RuleExample("- Assist with ↓with transfers", format: .markdown),
            RuleExample("The ↓The team is great."),
            RuleExample("Work in a friendly team\n↓team with flexible hours."),
        ],
        nonTriggering: [
            RuleExample("He said that that was fine."),
            RuleExample("She had had enough."),
            RuleExample("The end. The start."),
            RuleExample("Call 555 555 0100."),
            RuleExample("Experience with in in vitro models and in in-person teaching of five five-unit courses."),
            RuleExample("Walla Walla University, Johnson Johnson and Mr Mr Smith."),
            RuleExample("Write to Smith smith@example.com."),
            RuleExample("Such as AS IS processes."),
            RuleExample("Nous nous concentrons sur les données."),
        ],
        corrections: [
            RuleCorrection("We are looking for the the best nurse.", "We are looking for the best nurse."),
            RuleCorrection("The The team.", "The team."),
        ],
        scope: .block)

    static let allowed: WordSet = WordSet([
        "that", "had", "is", "do", "bye", "ha", "no", "very", "so", "far", "now", "again", "more", "many", "knock", "tsk", "sha",
        "walla", "pooh", "boo", "chop", "tut", "dum", "la", "yada", "blah", "really", "well", "there", "hip", "rah", "go", "yeah",
        "nous", "vous", "mahi", "bora", "can", "tom", "pom", "night", "ding", "tick", "tock", "hush", "bla", "ta", "ho", "he", "hee",
    ].map { Word.hash($0) })

    /// Words that may follow "in" twice: "in in vitro".
    static let latinAfterIn: WordSet = WordSet(["vitro", "vivo", "situ", "silico", "utero", "toto", "loco", "lieu"].map { Word.hash($0) })

    /// Function words whose capitalised doubling ("The The") is still a slip.
    static let functionWords: WordSet = WordSet([
        "the", "a", "an", "to", "of", "and", "in", "for", "with", "on", "at", "is", "be", "our", "we", "you", "your", "as", "by",
        "or", "are", "will", "this", "from", "it", "its",
    ].map { Word.hash($0) })

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        // Statics read once, not once per word.
        let allowed = Self.allowed
        let functionWords = Self.functionWords
        let latinAfterIn = Self.latinAfterIn
        let a = context.analysis
        let t = a.text
        let words = a.words
        guard words.count > 1 else { return }
        for i in 1..<words.count {
            let w = words[i], p = words[i - 1]
            guard w.hash == p.hash, w.block == p.block, w.range.count == p.range.count else { continue }
            var same = true
            var k = 0
            while k < w.range.count {
                if Bytes.lower(t[w.range.lowerBound + k]) != Bytes.lower(t[p.range.lowerBound + k]) { same = false; break }
                k += 1
            }
            guard same, !Bytes.isDigit(t[w.range.lowerBound]) else { continue }
            // Only spaces between them (a line break inside a paragraph counts as a space).
            var gapOK = w.range.lowerBound > p.range.upperBound
            var newlines = 0
            for k in p.range.upperBound..<w.range.lowerBound {
                let c = t[k]
                if c == .lineFeed { newlines += 1; continue }
                if c != .space && c != .tab && c != .carriageReturn { gapOK = false; break }
            }
            guard gapOK, newlines <= 1 else { continue }
            // Across a line break only a lower-case repeat: "experience\nExperience with" is a list run together.
            if newlines == 1 && Bytes.isUpper(t[w.range.lowerBound]) { continue }
            if allowed.contains(w.hash) { continue }
            // Single letters ("A A") are often list labels or initials.
            if w.range.count == 1 && (t[w.range.lowerBound] | 0x20) != UInt8(ascii: "a") { continue }
            let end = a.blocks[w.block].proseRange.upperBound
            let after: UInt8 = w.range.upperBound < end ? t[w.range.upperBound] : .space
            // "five five-unit", "in in-person", "Smith smith@example.com"
            if after == .hyphen || after == .at || after == .period && w.range.upperBound + 1 < end && Bytes.isASCIILetter(t[w.range.upperBound + 1]) {
                continue
            }
            if Bytes.equalsLower(t, w.range, "in"), i + 1 < words.count, latinAfterIn.contains(words[i + 1].hash) { continue }
            let firstUpper = Bytes.isUpper(t[p.range.lowerBound]), secondUpper = Bytes.isUpper(t[w.range.lowerBound])
            // Names and headings run together: "Walla Walla", "Department Department".
            if firstUpper && secondUpper && !functionWords.contains(w.hash) { continue }
            // "as AS IS": one of them in capitals is an acronym, not a slip.
            if w.range.count > 1 && Self.isCaps(t, w.range) != Self.isCaps(t, p.range) { continue }
            reporter.report("“\(a.string(w.range))” is repeated.", prose: w.range,
                            fix: .remove(p.range.upperBound..<w.range.upperBound, title: "Remove the second “\(a.string(w.range))”", .safe))
        }
    }

    static func isCaps(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        for i in r where !Bytes.isUpper(t[i]) { return false }
        return true
    }
}
