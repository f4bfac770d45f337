/// `salary/upcoming-law`: under `--profile auto`, a pay-transparency law that covers the job's location but is not
/// yet in force on the posting's date, when the posting does not already state what the law will require.
struct SalaryUpcomingLawRule: Rule {
    let meta = RuleMeta(
        id: "salary/upcoming-law",
        summary: "Prepare for a pay-transparency law that will soon cover the posting.",
        explanation: """
            With `--profile auto`, jdlint picks the pay-transparency laws from where the job is. A law that covers \
            the job's location but takes effect after the posting's date (its `datePosted`, else `--as-of`, else \
            today) is not applied; when it takes effect within a year and the posting does not yet state the pay the \
            law will require (any pay, or a range where the law wants one), this rule says so, naming the law and the \
            day, so the posting can be updated before it falls out of compliance. It reports nothing without \
            `--profile auto` (a law selected by name always applies).
            """,
        defaultSeverity: .info,
        triggering: [
            RuleExample("# ↓Nurse\n\nLocation: Boston, MA\n\nPosted: 2025-06-01\n\nWe are hiring a nurse for our ward.\n", format: .markdown, profiles: ["auto"]),
            RuleExample("# ↓Nurse\n\nLocation: Boston, MA\n\nPosted: 2025-06-01\n\nPay: up to $40 per hour.\n", format: .markdown, profiles: ["auto"]),
        ],
        nonTriggering: [
            // A range already: nothing to prepare.
            RuleExample("# Nurse\n\nLocation: Boston, MA\n\nPosted: 2025-06-01\n\nPay: $35 - $40 per hour.\n", format: .markdown, profiles: ["auto"]),
            // The law is in force on the posting's date: `salary/missing-range` reports it instead.
            RuleExample("# Nurse\n\nLocation: Boston, MA\n\nPosted: 2025-11-01\n\nWe are hiring a nurse for our ward.\n", format: .markdown, profiles: ["auto"]),
            // More than a year ahead, and a law selected by name.
            RuleExample("# Nurse\n\nLocation: Boston, MA\n\nPosted: 2024-06-01\n\nWe are hiring a nurse for our ward.\n", format: .markdown, profiles: ["auto"]),
            RuleExample("# Nurse\n\nLocation: Boston, MA\n\nPosted: 2025-06-01\n\nWe are hiring a nurse for our ward.\n", format: .markdown, profiles: ["us-ma"]),
        ],
        options: [])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let s = context.settings
        guard s.isAuto else { return }
        let a = context.analysis
        let closedRange = a.pay.contains { $0.isRange && !$0.openEnded }
        for c in s.profileChoices {
            guard let day = c.upcoming, let p = Profile.builtin[c.profile], let l = p.law else { continue }
            guard Self.withinAYear(day, of: c.date) else { continue }
            // Nothing to prepare when the pay is stated as the law will want it: a closed range, or a single figure
            // where the law accepts one (open-ended pay never is).
            let wantsRange = p.pay["range"]?.boolValue == true
            let singleFigureDoes = p.pay["allowSingle"]?.boolValue == true && !a.pay.contains { $0.openEnded }
            guard a.pay.isEmpty || (wantsRange && !closedRange && !singleFigureDoes) else { continue }
            let what = a.pay.isEmpty ? "the posting states no pay" : "the posting's pay is not a range"
            reporter.report("\(l.label) covers this posting from \(day) (\(c.place)), and \(what). The law requires: \(l.posting)", at: SalarySupport.documentAnchor(a))
        }
    }

    /// Whether `day` is after `date` by a year at most (both `YYYY-MM-DD`).
    static func withinAYear(_ day: String, of date: String?) -> Bool {
        guard let date, Profile.isDate(date), Profile.isDate(day), day > date else { return false }
        let y = Int(date.prefix(4))! + 1
        return day <= "\(y)" + date.dropFirst(4)
    }
}
