/// `salary/missing-range`: no pay at all in a posting whose profile requires pay, or a single or open-ended
/// figure where a selected pay-transparency profile requires a range.
struct SalaryMissingRangeRule: Rule {
    let meta = RuleMeta(
        id: "salary/missing-range",
        summary: "State the pay, as a range where the law requires one.",
        explanation: """
            Pay is the first thing applicants look for, and postings without it get fewer and less suitable \
            applications. With a pay-transparency profile selected (`--profile us-ny`…), a posting with no pay \
            figure at all is reported here (pay in front matter or JSON-LD `baseSalary` counts); with the default \
            profile, missing pay is one of the parts `structure/missing-section` lists, so it is not reported twice. \
            Pay-transparency profiles also want a range — a minimum and a maximum — so a single figure or open-ended pay \
            (“up to $50,000”, “$20/hr and up”) is reported too; `us-ny` accepts a single figure when the pay is \
            described as fixed. `us-ca` and `us-co` want the range in the posting itself, not behind a link or \
            “on request”.
            """ + SalarySupport.bases("range"),
        defaultSeverity: .warning,
        triggering: [
            RuleExample("# ↓Nurse\n\nWe are hiring a nurse for our ward.\n", format: .markdown, profiles: ["us-ny"]),
            RuleExample("# ↓Nurse\n\nCompetitive salary, depending on experience. Call 0800 123 4567.\n", format: .markdown, profiles: ["eu"]),
            RuleExample("# Nurse\n\nPay: ↓$25 per hour.\n", format: .markdown, profiles: ["us-ny"]),
            RuleExample("# Nurse\n\nSalary: up to ↓$50,000 a year.\n", format: .markdown, profiles: ["us-co"]),
            RuleExample("# Nurse\n\nPay: ↓$20/hr and up.\n", format: .markdown, profiles: ["us-wa", "us-ny"]),
            RuleExample("# ↓Nurse\n\nThe pay scale is available on request.\n", format: .markdown, profiles: ["us-ca"]),
        ],
        nonTriggering: [
            RuleExample("# Nurse\n\nSalary: $60,000 - $70,000 a year.\n", format: .markdown, profiles: ["us-ny", "us-co"]),
            RuleExample("# Nurse\n\nPay: $25 per hour.\n", format: .markdown),
            RuleExample("# Nurse\n\nWe are hiring a nurse for our ward.\n", format: .markdown),
            RuleExample("# Nurse\n\nThis role pays a fixed rate of $25 per hour.\n", format: .markdown, profiles: ["us-ny"]),
            RuleExample("---\ntitle: Nurse\nsalary: \"$60,000 - $70,000 per year\"\n---\n\nWe are hiring.\n", format: .markdown, profiles: ["us-ny"]),
        ],
        options: [])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let settings = context.settings
        if a.pay.isEmpty {
            // Only pay-transparency profiles make missing pay this rule's business; otherwise structure/missing-section
            // lists it with the other missing parts.
            guard settings.requiredParts.contains("pay"), settings.selectedProfiles.contains(where: { $0.pay.count > 0 }) else { return }
            var message = "No pay is stated: give the salary or hourly rate"
            let rangeProfiles = SalarySupport.profiles(settings, requiring: "range")
            message += rangeProfiles.isEmpty ? "." : " as a range (required by \(SalarySupport.names(rangeProfiles)))."
            let inPosting = SalarySupport.profiles(settings, requiring: "inPosting")
            if !inPosting.isEmpty && mentionsPayElsewhere(a) {
                message += " Pay “on request” or behind a link does not meet \(SalarySupport.names(inPosting)): put it in the posting."
            }
            reporter.report(message, at: SalarySupport.documentAnchor(a))
            return
        }
        let rangeProfiles = SalarySupport.profiles(settings, requiring: "range")
        guard !rangeProfiles.isEmpty else { return }
        if a.pay.contains(where: { $0.isRange && !$0.openEnded }) { return }
        // A fixed single figure is allowed when every profile that wants a range accepts fixed pay.
        let allowFixed = rangeProfiles.allSatisfy { $0.pay["allowFixed"]?.boolValue == true }
        if allowFixed && saysFixed(a) { return }
        guard let first = a.pay.first else { return }
        let what = first.openEnded ? "Open-ended pay (“\(first.summary)” with no upper or lower bound)" : "A single figure (“\(first.summary)”)"
        SalarySupport.report(&reporter, first, "\(what) is not a range: \(SalarySupport.names(rangeProfiles)) require\(rangeProfiles.count == 1 ? "s" : "") the minimum and the maximum pay.")
    }

    static let fixedWords = Keywords.set(["fixed", "flat", "set"])

    /// The posting says the pay is fixed (`fixed rate`, `flat rate`, `set salary`).
    func saysFixed(_ a: Analysis) -> Bool {
        for (i, w) in a.words.enumerated() where SalaryMissingRangeRule.fixedWords.contains(w.hash) && i + 1 < a.words.count {
            if SalarySupport.payWords.contains(a.words[i + 1].hash) || a.words[i + 1].hash == Word.hash("salary") { return true }
        }
        return false
    }

    static let elsewhere = Keywords.set(["request", "link", "website", "attached", "enclosed"])

    /// The posting points to pay given elsewhere (“pay scale available on request”, “see the link”).
    func mentionsPayElsewhere(_ a: Analysis) -> Bool {
        for s in a.sentences where SalarySupport.payContext(a, sentence: s) {
            var i = a.wordIndex(atOrAfter: s.range.lowerBound)
            while i < a.words.count && a.words[i].range.lowerBound < s.range.upperBound {
                if SalaryMissingRangeRule.elsewhere.contains(a.words[i].hash) { return true }
                i += 1
            }
        }
        return false
    }
}
