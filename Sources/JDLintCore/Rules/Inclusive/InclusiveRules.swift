/// Inclusive-language rules written in Swift (word-list rules live in `Rules/packs/`), in registry order.
public enum InclusiveRules {
    public static let all: [any Rule] = [
        GenderCodedRule(),
    ]
}
