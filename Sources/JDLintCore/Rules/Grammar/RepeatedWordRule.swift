/// `grammar/repeated-word`: "the the".
struct RepeatedWordRule: Rule {
    let meta = RuleMeta(
        id: "grammar/repeated-word",
        summary: "A word written twice in a row.",
        explanation: """
            A doubled word (“the the”, “to to”) is almost always a slip made while editing. Grammatical doublings \
            (“that that”, “had had”, “is is” across a clause) are left alone.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        triggering: [
            RuleExample("We are looking for the ↓the best nurse."),
            RuleExample("You will report to ↓to the manager."),
            RuleExample("- Assist with ↓with transfers", format: .markdown),
        ],
        nonTriggering: [
            RuleExample("He said that that was fine."),
            RuleExample("She had had enough."),
            RuleExample("The end. The start."),
            RuleExample("Call 555 555 0100."),
        ],
        corrections: [
            RuleCorrection("We are looking for the the best nurse.", "We are looking for the best nurse."),
            RuleCorrection("The The team.", "The team."),
        ])

    static let allowed: Set<String> = ["that", "had", "is", "do", "bye", "ha", "no", "very", "so", "far", "now", "again", "more",
                                       "many", "knock", "tsk", "sha", "walla", "pooh", "boo", "chop", "tut", "dum", "la", "yada", "blah"]

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        let words = a.words
        guard words.count > 1 else { return }
        for i in 1..<words.count {
            let w = words[i], p = words[i - 1]
            guard w.hash == p.hash, w.block == p.block, w.range.count == p.range.count,
                  Bytes.equalsLower(t, w.range, Array(t[p.range]).map(Bytes.lower)) else { continue }
            if Bytes.isDigit(t[w.range.lowerBound]) { continue }
            // Only plain spaces between them (no punctuation, no line break inside a list item).
            var gapOK = w.range.lowerBound > p.range.upperBound
            for k in p.range.upperBound..<w.range.lowerBound where t[k] != 0x20 && t[k] != 0x09 { gapOK = false; break }
            guard gapOK else { continue }
            let word = Bytes.lowerString(t, w.range)
            if Self.allowed.contains(word) { continue }
            // Single letters ("A A") are often list labels or initials.
            if w.range.count == 1 && word != "a" { continue }
            reporter.report("“\(a.string(w.range))” is repeated.", prose: w.range,
                            fix: ("Remove the second “\(a.string(w.range))”", .safe, [(p.range.upperBound..<w.range.upperBound, "")]))
        }
    }
}
