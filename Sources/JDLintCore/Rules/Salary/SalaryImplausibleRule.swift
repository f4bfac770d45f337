/// `salary/implausible`: pay figures that do not fit their period, or ranges too wide to mean anything.
struct SalaryImplausibleRule: Rule {
    static let defaultRatio = 2.0
    /// Currencies whose units are small: the hourly/annual thresholds do not apply.
    static let smallUnits: Set<String> = ["JPY", "INR", "KRW", "HUF", "IDR", "CLP", "COP", "ISK", "NGN", "KES", "PHP", "ARS", "TWD", "PKR", "VND", "LKR"]

    let meta = RuleMeta(
        id: "salary/implausible",
        summary: "Pay figures should fit their period, and ranges should be honest.",
        explanation: """
            An hourly figure over 1,000 or an annual figure under 1,000 (in currencies such as dollars, pounds or \
            euros) is almost always a typo or a wrong period. A range whose maximum is more than twice its minimum (and \
            no narrower range inside it, such as the hiring range within a pay scale) \
            (`maxRatio`, default 2) tells applicants little; pay-transparency laws ask for the range the employer \
            expects in good faith to pay.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("Pay: ↓$2,500 per hour."),
            RuleExample("Salary: ↓£450 per year."),
            RuleExample("Salary: ↓$40,000 - $120,000 per year."),
            RuleExample("Salary: ↓$60,000 - $100,000 per year.", options: JSONObject([("maxRatio", 1.5)])),
        ],
        nonTriggering: [
            RuleExample("Pay: $25 per hour; salary $60,000 - $80,000 per year."),
            RuleExample("Salary: ¥1,500 per hour."),
            // The scale and, inside it, the range the employer expects to pay.
            RuleExample("Classification range: $4,314 - $8,831 per month. Anticipated hiring range: $4,314 - $5,177 per month."),
            RuleExample("Salary: $40,000 - $120,000 per year.", options: JSONObject([("maxRatio", 3)])),
            RuleExample("Wellness benefit: $500 per year; 401(k); 2,000 employees."),
        ],
        options: [RuleOption("maxRatio", .number(minimum: 1), default: 2, "largest accepted maximum ÷ minimum of a range")])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let ratio = context.double("maxRatio", default: Self.defaultRatio)
        for s in context.analysis.pay {
            let units = s.currency.map { !Self.smallUnits.contains($0) } ?? true
            if units && s.period == .hour && s.max > 1000 {
                SalarySupport.report(&reporter, s, "“\(s.summary)”: an hourly figure over 1,000 — is the period right?")
            } else if units && s.period == .year && s.min < 1000 {
                SalarySupport.report(&reporter, s, "“\(s.summary)”: an annual figure under 1,000 — is the period right?")
            } else if s.isRange && s.min > 0 && s.max > s.min * ratio
                        // The posting also gives a narrower range inside this one (the hiring range within the scale).
                        && !context.analysis.pay.contains(where: { $0.isRange && $0.min >= s.min && $0.max <= s.max && $0.max <= $0.min * ratio }) {
                let shown = ratio == ratio.rounded() ? String(Int(ratio)) : String(ratio)
                SalarySupport.report(&reporter, s, "“\(s.summary)”: the maximum is more than \(shown == "2" ? "twice" : "\(shown) times") the minimum; give the range you expect to pay.")
            }
        }
    }
}
