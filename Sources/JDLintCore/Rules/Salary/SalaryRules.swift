/// Pay rules, in registry order.
public enum SalaryRules {
    public static let all: [any Rule] = [
        SalaryNumberFormatRule(),
    ]
}
