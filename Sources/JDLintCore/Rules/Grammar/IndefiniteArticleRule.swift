/// `grammar/indefinite-article`: "a" or "an" by the first sound of the next word.
struct IndefiniteArticleRule: Rule {
    let meta = RuleMeta(
        id: "grammar/indefinite-article",
        summary: "Use “a” before a consonant sound and “an” before a vowel sound.",
        explanation: """
            The choice between “a” and “an” follows the first *sound* of the next word, not its first letter: \
            “an hour”, “a university”, “an RN” (said “ar-en”), “a NASA contract”, “an 8-hour shift”. \
            The fix keeps the article's case.
            """,
        defaultSeverity: .error,
        fix: .safe,
        triggering: [
            RuleExample("What does ↓a Occupational Therapy Technician do?"),
            RuleExample("We need ↓an nurse."),
            RuleExample("Work ↓a 8-hour shift."),
            RuleExample("Hire ↓a RN today."),
        ],
        nonTriggering: [
            RuleExample("An occupational therapist and a nurse."),
            RuleExample("A nurse, an aide and an 8-hour day."),
            RuleExample("Grade A or B."),
        ],
        corrections: [
            RuleCorrection("What does a Occupational Therapy Technician do?", "What does an Occupational Therapy Technician do?"),
            RuleCorrection("A occupational therapist.", "An occupational therapist."),
            RuleCorrection("AN nurse.", "A nurse."),
        ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        let words = a.words
        guard words.count > 1 else { return }
        for i in 0..<(words.count - 1) {
            let w = words[i]
            let len = w.range.count
            guard len == 1 || len == 2 else { continue }
            let isA = len == 1 && (t[w.range.lowerBound] | 0x20) == 0x61
            let isAn = len == 2 && Bytes.equalsLower(t, w.range, "an")
            guard isA || isAn else { continue }
            let next = words[i + 1]
            guard next.block == w.block else { continue }
            // Only white space, quotes, opening brackets or emphasis between the article and the next word.
            var ok = true
            for k in w.range.upperBound..<next.range.lowerBound {
                let c = t[k]
                if !(c == 0x20 || c == 0x22 || c == 0x27 || c == 0x28 || c == 0x0A || c == 0x0D || c == 0x09 || c >= 0x80) { ok = false; break }
            }
            guard ok, next.range.lowerBound - w.range.upperBound <= 6 else { continue }
            // The article must start a word (not "A-level", "Plan A").
            if w.range.lowerBound > 0 {
                let p = t[w.range.lowerBound - 1]
                if p == 0x2D || p == 0x2F || p == 0x2E || p == 0x27 { continue }
            }
            if isA && t[w.range.lowerBound] == 0x41, i > 0, Self.letterGradeWords.contains(Bytes.lowerString(t, words[i - 1].range)) { continue }
            guard let wantsAn = Pronunciation.startsWithVowelSound(t, next.range) else { continue }
            if wantsAn == isAn { continue }
            let original = a.string(w.range)
            let replacement = Self.article(an: wantsAn, like: original)
            let word = a.string(next.range)
            reporter.report("Use “\(replacement)” before “\(word)”: it starts with a \(wantsAn ? "vowel" : "consonant") sound.",
                            prose: w.range, fix: ("Change “\(original)” to “\(replacement)”", .safe, [(w.range, replacement)]))
        }
    }

    static let letterGradeWords: Set<String> = ["grade", "plan", "type", "class", "level", "vitamin", "section", "part", "schedule",
                                                "band", "category", "option", "tier", "step", "appendix", "exhibit", "model", "group"]

    /// "a" → "an", "A" → "An", "AN" → "A", keeping the case pattern.
    static func article(an: Bool, like original: String) -> String {
        let cap = original.first?.isUppercase ?? false
        if an { return cap ? "An" : "an" }
        return cap ? "A" : "a"
    }
}

/// First-sound knowledge for English words (a first version: letters, digits and initialisms).
enum Pronunciation {
    /// `true` for a vowel sound, `false` for a consonant sound, `nil` when unsure (no finding).
    static func startsWithVowelSound(_ t: [UInt8], _ r: Range<Int>) -> Bool? {
        let c = t[r.lowerBound]
        if Bytes.isDigit(c) {
            // 8, 11, 18, 80–89, 800…: spoken with a vowel sound.
            var end = r.lowerBound
            while end < r.upperBound && Bytes.isDigit(t[end]) { end += 1 }
            let n = end - r.lowerBound
            if c == 0x38 { return true }
            if c == 0x31 && n >= 2 && (t[r.lowerBound + 1] == 0x31 || t[r.lowerBound + 1] == 0x38) && (n == 2 || n == 5) { return true }
            return false
        }
        guard Bytes.isASCIILetter(c) else { return nil }
        // Initialisms: all capitals, up to 5 letters, read letter by letter.
        var upper = true
        var k = r.lowerBound
        while k < r.upperBound { if !Bytes.isUpper(t[k]) { upper = false; break }; k += 1 }
        if upper && r.count >= 2 && r.count <= 4 {
            return "AEFHILMNORSX".utf8.contains(c)
        }
        let l = Bytes.lower(c)
        let vowel = l == 0x61 || l == 0x65 || l == 0x69 || l == 0x6F || l == 0x75
        if r.count == 1 { return "aefhilmnorsx".utf8.contains(l) }
        return vowel
    }
}
