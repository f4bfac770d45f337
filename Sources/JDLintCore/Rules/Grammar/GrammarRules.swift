/// Grammar rules, in registry order.
public enum GrammarRules {
    public static let all: [any Rule] = [
        DegreePossessiveRule(),
        IndefiniteArticleRule(),
        RepeatedPunctuationRule(),
        RepeatedWordRule(),
        SentenceCaseRule(),
        SpacingRule(),
        SubjectVerbAgreementRule(),
        UnbalancedDelimitersRule(),
    ]
}
