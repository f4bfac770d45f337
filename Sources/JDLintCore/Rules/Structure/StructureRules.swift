/// Structure rules, in registry order.
public enum StructureRules {
    public static let all: [any Rule] = [
        DuplicateHeadingRule(),
        EmptySectionRule(),
    ]
}
