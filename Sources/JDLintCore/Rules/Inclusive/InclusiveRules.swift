/// Inclusive-language rules written in Swift (their word lists live in `Rules/inclusive-*.json` and
/// `Rules/gender-coded.json`), in registry order.
public enum InclusiveRules {
    public static let all: [any Rule] = [
        AbleistRule(),
        AgeRule(),
        ExclusionaryJargonRule(),
        GenderCodedRule(),
        GenderedTermsRule(),
    ]
}
