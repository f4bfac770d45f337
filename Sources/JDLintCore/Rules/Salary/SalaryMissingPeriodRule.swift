/// `salary/missing-period`: a pay figure without its period (per hour, per year…).
struct SalaryMissingPeriodRule: Rule {
    let meta = RuleMeta(
        id: "salary/missing-period",
        summary: "Say what period a pay figure covers (per hour, per year…).",
        explanation: """
            “$3,500” may be a month's pay or a week's; “$45” an hour's or a day's. State the period after the \
            figure (“per year”, “an hour”, “/hr”, “p.a.”) or before it (“Annual salary:”, “Hourly rate:”). A figure \
            is not reported when the posting gives a figure of the same size (hourly, monthly or annual scale) with its period elsewhere. Pay-transparency \
            laws ask for the annual salary or hourly wage.
            """ + SalarySupport.bases("period"),
        defaultSeverity: .warning,
        triggering: [
            RuleExample("Salary: ↓$60,000 - $70,000."),
            RuleExample("We pay ↓£3,500 in arrears."),
            RuleExample("# Nurse\n\nCompensation: ↓€45.000–€55.000\n", format: .markdown),
            // A period adjective that does not qualify the pay.
            RuleExample("We pay ↓$3,500 and an annual training budget."),
        ],
        nonTriggering: [
            RuleExample("Salary: $60,000 - $70,000 per year."),
            RuleExample("Annual salary: $60,000 - $70,000."),
            RuleExample("Hourly rate: $22."),
            RuleExample("£28,407 - £34,581 a year; $22/hr; €4.500 monthly; £500 pw."),
            RuleExample("Salary: $60,000. That is $60,000 per year."),
            RuleExample("Salary: £28,407 - £34,581 a year. After a year: £30,000 - £36,000."),
            RuleExample("We raised $20 million and have 5,000 employees since 2019."),
            RuleExample("---\ntitle: Engineer\nsalary_min: '134,789'\nsalary_max: '164,200'\n---\n\nBuild services.\n", format: .markdown),
            // The period stated elsewhere in the sentence (the seed posting).
            RuleExample("On average, the annual salary for a technician in the United States is approximately $64,334."),
            RuleExample("The pay for this role is $64,334 (annualized salary)."),
            RuleExample("The hourly pay rate we offer new starters is $22.50."),
        ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let pay = context.analysis.pay
        // Figures of the size of a figure that has its period are taken to share it (a posting that says
        // “£28,407 - £34,581 a year” once need not repeat “a year” after every salary figure).
        func band(_ v: Double) -> Int { v < 300 ? 0 : v < 10_000 ? 1 : 2 }
        var seen: [(Double, Double)] = []
        for s in pay where s.period == nil && !SalarySupport.isFrontMatterData(context.analysis, s) {
            // The same figure repeated is reported once.
            if seen.contains(where: { $0.0 == s.min && $0.1 == s.max }) { continue }
            seen.append((s.min, s.max))
            if pay.contains(where: { $0.period != nil && band($0.max) == band(s.max) && ($0.currency == s.currency || s.currency == nil) }) { continue }
            SalarySupport.report(&reporter, s, "“\(s.summary)”: say what period this pay covers (per year, per hour…).")
        }
    }
}
