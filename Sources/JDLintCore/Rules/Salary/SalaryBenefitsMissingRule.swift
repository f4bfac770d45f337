/// `salary/benefits-missing`: a profile that requires a general description of benefits (Colorado, Washington,
/// Illinois) and a posting that gives none.
struct SalaryBenefitsMissingRule: Rule {
    let meta = RuleMeta(
        id: "salary/benefits-missing",
        summary: "Describe the benefits where the law requires it.",
        explanation: """
            Some pay-transparency laws require, next to the pay range, a general description of the benefits and \
            other compensation (health insurance, retirement plan, paid time off, bonuses, equity…). The rule runs \
            only with a profile that requires it and reports a posting that has neither a benefits section nor \
            any benefit named in the text or in structured data (`jobBenefits`, front-matter `benefits:`).
            """ + SalarySupport.bases("benefits"),
        defaultSeverity: .warning,
        triggering: [
            RuleExample("# ↓Nurse\n\nSalary: $60,000 - $70,000 per year.\n", format: .markdown, profiles: ["us-co"]),
            RuleExample("# ↓Nurse\n\nPay: $25 - $30 per hour. Apply today.\n", format: .markdown, profiles: ["us-ny", "us-wa"]),
        ] + Self.laws.map { RuleExample("# ↓Nurse\n\nSalary: $60,000 - $70,000 per year.\n", format: .markdown, profiles: [$0]) },
        nonTriggering: [
            RuleExample("# Nurse\n\nSalary: $60,000 - $70,000 per year.\n", format: .markdown),
            RuleExample("# Nurse\n\nSalary: $60,000 - $70,000 per year.\n", format: .markdown, profiles: ["us-ny"]),
            RuleExample("# Nurse\n\nSalary: $60,000 - $70,000 per year, plus medical, dental and a 401(k).\n", format: .markdown, profiles: ["us-co"]),
            RuleExample("# Nurse\n\n## What we offer\n\nA friendly team.\n", format: .markdown, profiles: ["us-wa"]),
            RuleExample("---\ntitle: Nurse\nbenefits: Health insurance\n---\n\nSalary: $60,000 - $70,000 per year.\n", format: .markdown, profiles: ["us-il"]),
            // Laws that want pay but not benefits in the posting.
            RuleExample("# Nurse\n\nSalary: $60,000 - $70,000 per year.\n", format: .markdown, profiles: ["us-dc", "us-ma", "ca-bc", "ca-on"]),
        ] + Self.laws.map { RuleExample("# Nurse\n\nSalary: $60,000 - $70,000 per year, plus medical, dental and a 401(k).\n", format: .markdown, profiles: [$0]) })

    /// The profiles added with their laws' metadata that require a description of benefits.
    static let laws = ["us-md", "us-mn", "us-nj", "us-nj-jersey-city"]

    static let headingWords = Keywords.set(["benefits", "benefit", "perks", "offer", "rewards", "reward", "package"])
    static let benefitWords = Keywords.set([
        "benefits", "perks", "health", "medical", "dental", "vision", "insurance", "pension", "pensions", "retirement", "401k",
        "pto", "vacation", "holidays", "bonus", "bonuses", "equity", "stock", "parental", "maternity", "paternity", "wellness",
        "tuition", "childcare", "sick", "leave", "rsu", "rsus", "hsa", "fsa", "allowance", "commission", "gym",
    ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let ps = SalarySupport.profiles(context.settings, requiring: "benefits")
        guard !ps.isEmpty else { return }
        let a = context.analysis
        if a.fields.contains(where: { ($0.key == "jobbenefits" || $0.key == "benefits" || $0.key == "perks") && !$0.value.isEmpty }) { return }
        for b in a.blocks where b.kind == .heading {
            var found = false
            Tokenizer.words(a.text, b.proseRange) { r in if Self.headingWords.contains(Word.hash(a.text, r)) { found = true } }
            if found { return }
        }
        let h401 = Word.hash("401"), hk = Word.hash("k"), hTime = Word.hash("time"), hPaid = Word.hash("paid")
        for (i, w) in a.words.enumerated() {
            if Self.benefitWords.contains(w.hash) { return }
            // 401(k): the tokenizer splits it into `401` and `k`.
            if w.hash == h401 && i + 1 < a.words.count && a.words[i + 1].hash == hk { return }
            if w.hash == hTime && i > 0 && a.words[i - 1].hash == hPaid { return }
        }
        reporter.report("No benefits are described: \(SalarySupport.names(ps)) require\(ps.count == 1 ? "s" : "") a general description of the benefits and other compensation.",
                        at: SalarySupport.documentAnchor(a))
    }
}
