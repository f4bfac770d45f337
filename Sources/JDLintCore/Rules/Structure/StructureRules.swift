/// Structure rules, in registry order.
public enum StructureRules {
    public static let all: [any Rule] = [
        BulletStyleRule(),
        DuplicateHeadingRule(),
        EmptySectionRule(),
        HeadingLevelRule(),
        LengthRule(),
        MissingSectionRule(),
        PageResidueRule(),
        TemplateResidueRule(),
    ]
}
