/// `salary/number-format`: thousands separators in pay figures ("$64334" → "$64,334").
struct SalaryNumberFormatRule: Rule {
    let meta = RuleMeta(
        id: "salary/number-format",
        summary: "Pay figures of five or more digits need thousands separators.",
        explanation: """
            “$64334” is hard to read at a glance and looks like a typo; write “$64,334”. The safe fix inserts the \
            separators in the style of the currency.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        triggering: [
            RuleExample("The salary is ↓$64334 a year."),
            RuleExample("Pay: ↓£28407 per annum."),
        ],
        nonTriggering: [
            RuleExample("The salary is $64,334 a year."),
            RuleExample("Call us on 0800 123 4567 or visit us in 2025."),
            RuleExample("We pay $9500 a year in training."),
        ],
        corrections: [
            RuleCorrection("The salary is approximately $64334.", "The salary is approximately $64,334."),
            RuleCorrection("From $1234567.50 a year.", "From $1,234,567.50 a year."),
        ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        for pay in a.pay {
            for r in pay.amountRanges {
                // Integer part: digits only, at least five of them.
                var end = r.lowerBound
                while end < r.upperBound && Bytes.isDigit(t[end]) { end += 1 }
                guard end - r.lowerBound >= 5 else { continue }
                if end < r.upperBound && (t[end] == 0x2C) { continue }  // already grouped
                let digits = Array(t[r.lowerBound..<end])
                var grouped: [UInt8] = []
                for (i, d) in digits.enumerated() {
                    if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(0x2C) }
                    grouped.append(d)
                }
                let g = String(decoding: grouped, as: UTF8.self)
                reporter.report("Write “\(a.string(r.lowerBound..<end))” with thousands separators: “\(g)”.",
                                prose: (r.lowerBound - symbolLength(t, r.lowerBound))..<end,
                                fix: ("Write “\(g)”", .safe, [(r.lowerBound..<end, g)]))
            }
        }
    }

    /// Length of a currency symbol right before the amount (so the finding starts at the symbol).
    func symbolLength(_ t: [UInt8], _ at: Int) -> Int {
        if at >= 1 && t[at - 1] == 0x24 { return 1 }
        if at >= 2 && t[at - 2] == 0xC2 && t[at - 1] == 0xA3 { return 2 }  // £
        if at >= 3 && t[at - 3] == 0xE2 && t[at - 2] == 0x82 && t[at - 1] == 0xAC { return 3 }  // €
        return 0
    }
}
