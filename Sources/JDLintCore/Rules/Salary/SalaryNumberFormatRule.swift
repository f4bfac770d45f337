/// `salary/number-format`: how pay figures are written — thousands separators missing (`$64334`) or misplaced
/// (`$1,00,000`), pointless `.00` on salary-sized figures, and `60k` mixed with `80,000` in one posting.
struct SalaryNumberFormatRule: Rule {
    let meta = RuleMeta(
        id: "salary/number-format",
        summary: "Pay figures need well-placed thousands separators, no pointless .00 and one style per posting.",
        explanation: """
            “$64334” is hard to read at a glance and looks like a typo; write “$64,334”. Separators in the wrong \
            place (“$1,00,000” outside Indian rupees) make the amount ambiguous. “.00” on a salary adds nothing \
            (“$62,467.00” → “$62,467”), and a posting that writes “$60k” in one place and “$80,000” in another reads \
            as two different offers. The safe fix inserts or regroups separators (in the style the posting already \
            uses, `,` otherwise) and drops “.00”; unifying `k` figures into full numbers is an unsafe fix, since the \
            writer may prefer the short style. Hourly rates and figures below 10,000 may be written without separators.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        otherFixes: [.unsafe],
        triggering: [
            RuleExample("The salary is ↓$64334 a year."),
            RuleExample("Pay: ↓£28407 per annum."),
            RuleExample("Salary: ↓$1,00,000 per year."),
            RuleExample("Salary: ↓$62,467.00 to ↓$81,204.00 per year."),
            RuleExample("Salary: ↓$60k - $80,000 a year."),
            RuleExample("# Analyst\n\nSalary: ↓€55000–€65.000 per year.\n", format: .markdown),
        ],
        nonTriggering: [
            RuleExample("The salary is $64,334 a year."),
            RuleExample("Call us on 0800 123 4567 or visit us in 2025."),
            RuleExample("We pay $9500 a year in training."),
            RuleExample("Salary: ₹12,00,000 per annum."),
            RuleExample("Pay: $24.00 - $37.50 per hour."),
            RuleExample("Salary: €55.000–€65.000 per year."),
            RuleExample("Salary: $60k - $80k. Our 401(k) plan, 20000 employees, founded 1998."),
            RuleExample("Reference 123456, band 5, phone 01244 397224."),
        ],
        corrections: [
            RuleCorrection("The salary is approximately $64334.", "The salary is approximately $64,334."),
            RuleCorrection("From $1234567.50 a year.", "From $1,234,567.50 a year."),
            RuleCorrection("Salary: $1,00,000 per year.", "Salary: $100,000 per year."),
            RuleCorrection("Annual salary range of $53, 080 - $72, 993.", "Annual salary range of $53,080 - $72,993."),
            RuleCorrection("Salary: $62,467.00 to $81,204.00 per year.", "Salary: $62,467 to $81,204 per year."),
            RuleCorrection("Salary: €55000–€65.000 per year.", "Salary: €55.000–€65.000 per year."),
            RuleCorrection("Salary: $60k - $80,000 a year.", "Salary: $60,000 - $80,000 a year.", applicability: .unsafe),
        ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        let house = SalarySupport.houseSeparator(a)
        // Styles used by salary-sized figures across the posting.
        var kFigures: [PayAmount] = []
        var fullFigure: PayAmount?
        for pay in a.pay where pay.inProse {
            for m in pay.amounts where m.value >= 1000 && !m.impliedThousands {
                if m.thousands { kFigures.append(m) } else if m.integerDigits >= 4 && fullFigure == nil { fullFigure = m }
            }
        }
        for pay in a.pay where pay.inProse {
            let meaningfulCents = pay.amounts.contains { $0.decimals > 0 && !$0.zeroDecimals }
            for m in pay.amounts where !m.impliedThousands {
                let start = Swift.min(m.figureRange.lowerBound, m.range.lowerBound)
                let intRange = SalarySupport.integerRange(a, m)
                let digits = SalarySupport.integerDigits(a, m)
                let written = a.string(m.range)
                if !m.thousands && m.groupSeparator == nil && m.integerDigits >= 5 {
                    var sep = house
                    if m.decimalSeparator == .period && sep == "." { sep = "," }
                    if m.decimalSeparator == .comma && sep == "," { sep = "." }
                    let g = SalarySupport.grouped(digits, sep: sep)
                    reporter.report("Write “\(a.string(intRange))” with thousands separators: “\(g)”.",
                                    prose: start..<intRange.upperBound, fix: .replace(intRange, with: g, title: "Write “\(g)”", .safe))
                } else if !m.thousands && m.groupSeparator != nil && !m.groupingValid {
                    let sep: String
                    switch m.groupSeparator {
                    case .period: sep = "."
                    case .apostrophe: sep = "'"
                    case .space: sep = " "
                    default: sep = ","
                    }
                    let g = SalarySupport.grouped(digits, sep: sep)
                    reporter.report("The thousands separators of “\(a.string(intRange))” are misplaced: write “\(g)”.",
                                    prose: start..<intRange.upperBound, fix: .replace(intRange, with: g, title: "Write “\(g)”", .safe))
                }
                if m.zeroDecimals && m.value >= 1000 && !meaningfulCents && intRange.upperBound < m.range.upperBound {
                    let cents = intRange.upperBound..<m.range.upperBound
                    guard t[cents.lowerBound] == .period || t[cents.lowerBound] == .comma else { continue }
                    reporter.report("“\(written)”: the “\(a.string(cents))” adds nothing to a salary figure.",
                                    prose: start..<m.range.upperBound, fix: .remove(cents, title: "Remove “\(a.string(cents))”", .safe))
                }
                if m.thousands, let full = fullFigure, m.value == m.value.rounded(), abs(m.value) < 1e15 {
                    let value = Int(m.value)
                    let g = SalarySupport.grouped(Array(String(value).utf8), sep: house)
                    reporter.report("Pay figures are written both as “\(written)” and as “\(a.string(full.range))”: write them one way (“\(g)”).",
                                    prose: start..<m.range.upperBound, fix: .replace(m.range, with: g, title: "Write “\(g)”", .unsafe))
                }
            }
        }
        _ = kFigures
    }
}
