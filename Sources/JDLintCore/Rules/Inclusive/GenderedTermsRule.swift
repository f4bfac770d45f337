/// `inclusive/gendered-terms`: he/she/his/her for the candidate and gendered nouns, with neutral alternatives.
struct GenderedTermsRule: Rule {
    let meta = RuleMeta(
        id: "inclusive/gendered-terms",
        summary: "Use gender-neutral words for the candidate and for roles: “they”, “chair”, “workforce”, “salesperson”.",
        explanation: """
            “He” for the future hire, or “he/she”, tells some readers the job is not for them; “chairman”, \
            “manpower”, “salesman” and “guys” do the same in a smaller way. The rule flags gendered pronouns that \
            refer to the candidate (a sentence that mentions the candidate, applicant, hire or post holder, or \
            the one before it), paired forms (“he/she”, “his or her”, “s/he”), gendered nouns and mentions of \
            facial hair (`Rules/inclusive-gendered-terms.json`). The fix (unsafe: check the verb, “they has” → \
            “they have”) replaces them with neutral alternatives. “Her” alone is reported without a fix \
            (it can be “their” or “them”).
            """,
        defaultSeverity: .warning,
        fix: .unsafe,
        triggering: [
            RuleExample("The successful candidate will report to the director. ↓He will manage the budget.\n"),
            RuleExample("Each applicant must submit ↓his/her CV; ↓he or she will be contacted.\n"),
            RuleExample("Experience as a ↓salesman or ↓chairman, and the ↓manpower to ship.\n"),
            RuleExample("Candidates with ↓beards get extra credit!\n"),
        ],
        nonTriggering: [
            RuleExample("Each applicant should send his/her/their CV."),
            RuleExample("Our founder started the company in 2010. He still codes.\n"),
            RuleExample("The successful candidate will know what she/he/they want to build.\n"),
            RuleExample("The successful candidate will work at Guy's and St Thomas' hospitals.\n"),
            RuleExample("Wear a beard net in the kitchen.\n"),
            RuleExample("They will chair the committee.\n"),
        ],
        corrections: [
            RuleCorrection("The candidate will join us. He will lead.", "The candidate will join us. They will lead.", applicability: .unsafe),
            RuleCorrection("Each applicant sends his or her CV.", "Each applicant sends their CV.", applicability: .unsafe),
            RuleCorrection("S/he will report to the chairman.", "They will report to the chair.", applicability: .unsafe),
        ],
        scope: .block)

    static let terms = TermList(file: "inclusive-gendered-terms.json")
    static let pronouns: WordMap<String> = WordMap( ["he", "she", "his", "her", "him", "himself", "herself", "hers"]
        .map { (Word.hash($0), $0) })
    static let candidateWords = WordSet(["candidate", "candidates", "applicant", "applicants", "hire", "jobholder", "postholder", "holder",
                                         "incumbent", "successful", "ideal", "employee", "appointee"])

    static let theyForms = Keywords.set(["they", "them", "their", "theirs", "themselves", "themself"])

    static func isMale(_ p: String) -> Bool { p == "he" || p == "his" || p == "him" || p == "himself" }

    static func neutral(_ a: String, _ b: String?) -> String? {
        let set = Set([a, b].compactMap { $0 })
        if set.contains("hers") { return "theirs" }
        if set.contains("himself") || set.contains("herself") { return "themselves" }
        if set.contains("him") { return "them" }
        if set.contains("he") || set.contains("she") || set.contains("s") { return "they" }
        if set.contains("his") { return "their" }
        return nil  // "her" alone: their or them
    }

    static let sHash = Word.hash("s")
    static let orHash = Word.hash("or")

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        // Statics read once, not once per word.
        let candidateWords = Self.candidateWords
        let orHash = Self.orHash
        let pronouns = Self.pronouns
        let terms = Self.terms
        let a = context.analysis
        let sHash = Self.sHash
        terms.report(context, &reporter, applicability: .unsafe)
        let words = a.words
        let t = a.text
        var i = 0
        func pron(_ k: Int) -> String? {
            guard k < words.count else { return nil }
            if words[k].hash == sHash { return "s" }
            return pronouns[words[k].hash]
        }
        func gapText(_ k: Int) -> [UInt8] { Array(t[words[k].range.upperBound..<words[k + 1].range.lowerBound]).filter { $0 != .space } }
        while i < words.count {
            guard let p = pron(i) else { i += 1; continue }
            var end = i
            var second: String?
            if i + 1 < words.count, words[i + 1].block == words[i].block, let q = pron(i + 1), gapText(i) == [.slash] || (p == "s" && gapText(i) == [.rightParen]) {
                end = i + 1; second = q
            } else if i + 2 < words.count, words[i + 2].block == words[i].block, words[i + 1].hash == orHash, let q = pron(i + 2),
                      gapText(i).isEmpty, gapText(i + 1).isEmpty {
                end = i + 2; second = q
            }
            if let q = second {
                // A pair must mix genders ("he/she", "s/he"); "s" counts as she.
                let m1 = Self.isMale(p), m2 = Self.isMale(q)
                guard m1 != m2 || p == "s" else { i = end + 1; continue }
                // “She/he/they”, “his/her/their”: already inclusive.
                if end + 1 < words.count, words[end + 1].block == words[i].block, Self.theyForms.contains(words[end + 1].hash),
                   gapText(end) == [.slash] { i = end + 2; continue }
                var start = words[i].range.lowerBound
                if p == "s" && start > 0 && t[start - 1] == .leftParen { start -= 1 }  // "(s)he"
                let r = start..<words[end].range.upperBound
                let original = a.string(r)
                if let n = Self.neutral(p, q) {
                    let rep = PhraseMatcher.matchCase(n, like: original)
                    reporter.report("“\(original)” excludes non-binary people; use “\(rep)” (and adjust the verb).", prose: r,
                                    fix: .replace(r, with: rep, title: "Replace with “\(rep)”", .unsafe))
                }
                i = end + 1
                continue
            }
            guard p != "s", p != "hers" else { i += 1; continue }
            // "HE" (higher education), "HIS" (a hospital information system): acronyms, not pronouns.
            if words[i].range.count >= 2 && words[i].range.allSatisfy({ Bytes.isUpper(t[$0]) }) { i += 1; continue }
            // A lone pronoun: only when the candidate is mentioned earlier in the sentence or in the sentence before,
            // with no name (a capitalised word that does not start a sentence) in between.
            let s = TermList.sentence(a, at: words[i].range.lowerBound)
            let prev = TermList.sentence(a, at: max(s.lowerBound - 2, 0))
            var k = a.wordIndex(atOrAfter: prev.upperBound <= s.lowerBound ? prev.lowerBound : s.lowerBound)
            var mentions = false
            while k < i {
                let w = words[k]
                if candidateWords.contains(w) { mentions = true }
                let sStart = TermList.sentence(a, at: w.range.lowerBound).lowerBound == w.range.lowerBound
                // A name: Title-case ("Claire", "Director"), not an acronym or product ("VBScript", "I").
                let titleCase = w.range.count >= 2 && Bytes.isUpper(t[w.range.lowerBound])
                    && w.range.dropFirst().allSatisfy { Bytes.isLower(t[$0]) }
                if mentions && !sStart && titleCase && pronouns[w.hash] == nil { mentions = false }
                k += 1
            }
            if mentions {
                let r = words[i].range
                let original = a.string(r)
                if let n = Self.neutral(p, nil) {
                    let rep = PhraseMatcher.matchCase(n, like: original)
                    reporter.report("“\(original)” assumes the candidate is a \(Self.isMale(p) ? "man" : "woman"); use “\(rep)” (and adjust the verb).",
                                    prose: r, fix: .replace(r, with: rep, title: "Replace with “\(rep)”", .unsafe))
                } else {
                    reporter.report("“\(original)” assumes the candidate is a woman; use “their” or “them”.", prose: r)
                }
            }
            i += 1
        }
    }
}
