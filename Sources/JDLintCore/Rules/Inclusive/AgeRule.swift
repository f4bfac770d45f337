/// `inclusive/age`: wording that prefers young candidates.
struct AgeRule: Rule {
    let meta = RuleMeta(
        id: "inclusive/age",
        summary: "Avoid wording that prefers young candidates: “digital native”, “young and energetic”, required “recent graduate”, maximum experience.",
        explanation: """
            Age-coded wording deters older applicants and can breach age-discrimination law (US ADEA, 29 CFR \
            1625.4; UK Equality Act 2010): “digital native”, “young and energetic”, “young team”, a “recent \
            graduate” requirement, and caps on experience (“no more than 5 years of experience”, “3 years maximum \
            experience”). Welcoming graduates is fine; requiring them is not. Lists and sources: \
            `Rules/inclusive-age.json`.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("We're a ↓young and energetic team looking for a ↓digital native.\n"),
            RuleExample("Candidates must be ↓recent graduates.\n"),
            RuleExample("You have ↓no more than 5 years of experience.\n"),
            RuleExample("- ↓3 years maximum experience\n"),
        ],
        nonTriggering: [
            RuleExample("Recent graduates and experienced professionals are welcome to apply.\n"),
            RuleExample("Support young people and their families.\n"),
            RuleExample("You have at least 5 years of experience.\n"),
            RuleExample("0–2 years of experience. Experience may substitute for up to two years of education.\n"),
            RuleExample("If you have fewer than 5 years' experience, pay starts at the mid-point.\n"),
            RuleExample("Join our Young Professionals programme network.\n"),
            RuleExample("Experience - Less than 2 years - Analytics experience in banking, Required\n"),
        ],
        scope: .block)

    static let terms = TermList(file: "inclusive-age.json")

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        // Statics read once, not once per word.
        let terms = Self.terms
        let a = context.analysis
        terms.report(context, &reporter)
        let maxWord = Word.hash("maximum")
        let maxShort = Word.hash("max")
        for d in YearsDemand.find(in: a) where d.experience && !d.conditional {
            // Ranges ("0–2 years") and "up to" are not caps: only explicit maximum words are.
            var capped = d.explicitCap
            var range = d.range
            // "3 years maximum experience", "5 years max"
            let n = d.yearsWord + 1
            if !capped, d.max == nil, n < a.words.count, a.words[n].block == a.words[d.yearsWord].block,
               a.words[n].hash == maxWord || a.words[n].hash == maxShort {
                capped = true
                range = d.range.lowerBound..<a.words[n].range.upperBound
            }
            guard capped else { continue }
            // An application form's level option (“Experience - Less than 2 years - …, Required”): a field value,
            // not a cap written by the employer.
            var p = range.lowerBound
            while p > 0 && a.text[p - 1] == .space { p -= 1 }
            if p > 0 && (a.text[p - 1] == .hyphen || a.text[p - 1] == .colon) { continue }
            reporter.report("“\(a.string(range))”: a cap on experience screens out older candidates; state the minimum you need instead.",
                            prose: range)
        }
    }
}
