/// Grammar rules, in registry order.
public enum GrammarRules {
    public static let all: [any Rule] = [
        DegreePossessiveRule(),
        IndefiniteArticleRule(),
        RepeatedWordRule(),
        SentenceCaseRule(),
        SpacingRule(),
        SubjectVerbAgreementRule(),
        UnbalancedDelimitersRule(),
    ]
}
