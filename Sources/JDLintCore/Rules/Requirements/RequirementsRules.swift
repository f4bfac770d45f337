/// Rules about realistic requirements, in registry order.
public enum RequirementsRules {
    public static let all: [any Rule] = [
        DegreeInflationRule(),
        ExcessiveAvailabilityRule(),
        ExperienceMismatchRule(),
        TechnologyAgeRule(),
        TooManyRequirementsRule(),
        VaguePhysicalRule(),
    ]
}
