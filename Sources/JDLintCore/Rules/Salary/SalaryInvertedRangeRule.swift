/// `salary/inverted-range`: a pay range written highest first.
struct SalaryInvertedRangeRule: Rule {
    let meta = RuleMeta(
        id: "salary/inverted-range",
        summary: "Write pay ranges lowest figure first.",
        explanation: """
            “$80,000 - $60,000” reads as a typo and makes readers wonder which figure is meant. Ranges go from the \
            minimum to the maximum. The safe fix swaps the two figures (when both are written in the same style).
            """,
        defaultSeverity: .warning,
        fix: .safe,
        triggering: [
            RuleExample("Salary: ↓$80,000 - $60,000 per year."),
            RuleExample("Pay: ↓£14.50 to £12.00 an hour."),
            RuleExample("Salary: ↓€65k–€55k."),
        ],
        nonTriggering: [
            RuleExample("Salary: $60,000 - $80,000 per year."),
            RuleExample("Pay: $60 - 80K; call 555-123-4567; seasons 2025-2024."),
        ],
        corrections: [
            RuleCorrection("Salary: $80,000 - $60,000 per year.", "Salary: $60,000 - $80,000 per year."),
            RuleCorrection("Salary: €65k–€55k.", "Salary: €55k–€65k."),
        ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        for s in a.pay where s.inverted {
            // Quoted as written (highest first), not as the reordered summary.
            let written = s.inProse && !s.proseRange.isEmpty ? a.string(s.proseRange) : s.summary
            let message = "This range is written highest first (“\(written)”): put the minimum first."
            guard s.inProse, s.amounts.count == 2 else { SalarySupport.report(&reporter, s, message); continue }
            let x = s.amounts[0], y = s.amounts[1]
            var fix: ProseFix?
            if x.thousands == y.thousands && !x.impliedThousands && !y.impliedThousands {
                fix = ProseFix("Swap the figures", .safe, [.replace(x.range, with: a.string(y.range)), .replace(y.range, with: a.string(x.range))])
            }
            reporter.report(message, prose: s.proseRange, fix: fix)
        }
    }
}
