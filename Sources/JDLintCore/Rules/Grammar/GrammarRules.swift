/// Grammar rules, in registry order.
public enum GrammarRules {
    public static let all: [any Rule] = [
        IndefiniteArticleRule(),
        RepeatedWordRule(),
    ]
}
