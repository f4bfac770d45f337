/// Pay rules, in registry order.
public enum SalaryRules {
    public static let all: [any Rule] = [
        SalaryBenefitsMissingRule(),
        SalaryHistoryRequestRule(),
        SalaryImplausibleRule(),
        SalaryInvertedRangeRule(),
        SalaryMissingCurrencyRule(),
        SalaryMissingPeriodRule(),
        SalaryMissingRangeRule(),
        SalaryNumberFormatRule(),
        SalaryUpcomingLawRule(),
        SalaryVagueRule(),
    ]
}
