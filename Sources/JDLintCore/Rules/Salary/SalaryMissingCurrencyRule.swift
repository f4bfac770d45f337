/// `salary/missing-currency`: a pay figure without a currency.
struct SalaryMissingCurrencyRule: Rule {
    let meta = RuleMeta(
        id: "salary/missing-currency",
        summary: "Give pay figures a currency.",
        explanation: """
            “Salary: 60,000 – 80,000” leaves applicants abroad, and remote applicants, guessing. Write the symbol or \
            the ISO code (“$60,000”, “60.000 €”, “USD 60,000”). A figure is not reported when the posting states \
            the same figure elsewhere with a currency, or gives the currency in a structured field.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("Salary: ↓60,000 - 80,000 per year."),
            RuleExample("# Nurse\n\n## Pay\n\n↓25-30 per hour\n", format: .markdown),
        ],
        nonTriggering: [
            RuleExample("Salary: $60,000 - $80,000 per year."),
            RuleExample("Salary: 60.000 € per year; USD 60,000 to 80,000; 66 USD per hour."),
            RuleExample("Salary: GS-13, Band 5, grade 6-7; call 555-123-4567 in 2025-2026."),
            // A US tax form, not a figure: “1099, commission only”, “W-2 or 1099”.
            RuleExample("Compensation: 1099, commission only. Open to W-2 or 1099 contractors."),
            RuleExample("Salary: 60,000 per year. That is £60,000 per year."),
            RuleExample("We work 9-5 and have 20-30 people in 2 offices; 401(k) included."),
            // Front matter is data for the site's template, not prose.
            RuleExample("---\ntitle: Engineer\nsalary_min: '134,789'\nsalary_max: '164,200'\n---\n\nBuild services.\n", format: .markdown),
        ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let pay = a.pay
        let fieldCurrency = a.fields.contains { f in
            (f.key == "salarycurrency" || f.key == "currency") && !f.value.isEmpty
        }
        if fieldCurrency { return }
        for s in pay where s.currency == nil && !SalarySupport.isFrontMatterData(a, s) {
            if pay.contains(where: { $0.currency != nil && $0.min == s.min && $0.max == s.max }) { continue }
            SalarySupport.report(&reporter, s, "“\(s.summary)”: give the currency (a symbol such as $, £, € or an ISO code such as USD).")
        }
    }
}
