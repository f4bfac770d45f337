/// The set of known rules, in stable order (sorted by id).
public struct RuleRegistry: Sendable {
    public private(set) var rules: [any Rule]
    private var index: [String: Int]

    public init(_ rules: [any Rule]) {
        self.rules = rules.sorted { $0.meta.id < $1.meta.id }
        var idx: [String: Int] = [:]
        for (i, r) in self.rules.enumerated() { idx[r.meta.id] = i }
        index = idx
    }

    /// Every built-in rule: the Swift rules of each category and the declarative packs embedded from `Rules/`.
    public static let builtin: RuleRegistry = {
        var rules: [any Rule] = []
        rules.append(contentsOf: GrammarRules.all)
        rules.append(contentsOf: StructureRules.all)
        rules.append(contentsOf: SalaryRules.all)
        rules.append(contentsOf: RequirementsRules.all)
        rules.append(contentsOf: InclusiveRules.all)
        rules.append(contentsOf: EngineRules.all)
        rules.append(contentsOf: DocumentRules.all)
        rules.append(contentsOf: BuiltinPacks.rules)
        return RuleRegistry(rules)
    }()

    /// This registry plus extra rules (from user packs); a rule with an existing id replaces it.
    public func adding(_ extra: [any Rule]) -> RuleRegistry {
        var byID: [String: any Rule] = [:]
        for r in rules { byID[r.meta.id] = r }
        for r in extra { byID[r.meta.id] = r }
        return RuleRegistry(Array(byID.values))
    }

    public func rule(_ id: String) -> (any Rule)? { index[id].map { rules[$0] } }

    public var ids: [String] { rules.map(\.meta.id) }

    /// Whether `id` is `pattern` or belongs to the category `pattern` (`grammar`, `grammar/`, `all`, `*`).
    public static func matches(_ id: String, _ pattern: String) -> Bool {
        if pattern == id || pattern == "all" || pattern == "*" { return true }
        if pattern.hasSuffix("/") { return id.hasPrefix(pattern) }
        if pattern.hasSuffix("/*") { return id.hasPrefix(pattern.dropLast()) }
        return !pattern.contains("/") && id.hasPrefix(pattern + "/")
    }

    public func matchesAny(_ pattern: String) -> Bool { rules.contains { RuleRegistry.matches($0.meta.id, pattern) } }

    /// The known id closest to a misspelt one (for error messages).
    public func closestID(to s: String) -> String? {
        closest(to: s, among: ids) { _ in max(3, s.count / 4) }
    }
}

/// The candidate nearest to a misspelt `s` by edit distance, within `limit(candidate)` edits (the first on a tie).
func closest(to s: String, among candidates: [String], limit: (String) -> Int) -> String? {
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(s, c)
        if d <= limit(c), best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
}

/// The Levenshtein distance between the UTF-8 bytes of two strings (insertions, deletions and substitutions of one
/// byte each): how far a misspelt rule id, configuration key or command-line option is from a known one.
public func editDistance(_ a: String, _ b: String) -> Int {
    editDistance(Array(a.utf8), Array(b.utf8))
}

/// The Levenshtein distance between two byte strings.
public func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
