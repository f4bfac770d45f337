/// The result of linting one document.
public struct LintResult: Sendable {
    public let analysis: Analysis
    /// Findings sorted by offset, then rule id.
    public let diagnostics: [Diagnostic]

    public var document: Document { analysis.document }
}

/// The engine: runs the enabled rules of a registry over a document, applies the configuration's severities
/// and the document's suppression comments. Pure: no I/O, no printing.
public struct Linter: Sendable {
    public let registry: RuleRegistry
    public let configuration: Configuration
    public let settings: LintSettings
    /// Rule ids / categories to run exclusively (`--select`), empty for all enabled rules.
    public let select: [String]
    /// Rule ids / categories to skip (`--ignore`).
    public let ignore: [String]
    /// Rules that run, with their effective severity and options.
    let active: [(rule: any Rule, severity: Severity, options: JSONObject)]

    public init(registry: RuleRegistry = .builtin, configuration: Configuration = Configuration(),
                settings: LintSettings = LintSettings(), select: [String] = [], ignore: [String] = []) {
        self.registry = registry
        self.configuration = configuration
        var settings = settings
        if let p = configuration.profiles, settings.profiles == ["default"] { settings.profiles = p }
        self.settings = settings
        self.select = select
        self.ignore = ignore
        var active: [(rule: any Rule, severity: Severity, options: JSONObject)] = []
        for rule in registry.rules {
            let id = rule.meta.id
            var (enabled, severity, options) = configuration.effective(rule.meta)
            if !select.isEmpty {
                enabled = select.contains { RuleRegistry.matches(id, $0) } && (enabled || select.contains(id) || rule.meta.enabledByDefault)
            }
            if ignore.contains(where: { RuleRegistry.matches(id, $0) }) { enabled = false }
            if enabled { active.append((rule, severity, options)) }
        }
        self.active = active
    }

    /// Ids of the rules that run.
    public var activeRuleIDs: [String] { active.map(\.rule.meta.id) }

    public func isActive(_ id: String) -> Bool { active.contains { $0.rule.meta.id == id } }

    public func lint(_ document: Document) -> LintResult {
        lint(Analysis(document: document))
    }

    /// A finding's range inside the document and on whole UTF-8 scalars (start moved back, end moved forward), so
    /// no reporter can hand out a position inside a character.
    static func snap(_ r: Range<Int>, _ doc: Document) -> Range<Int> {
        let b = doc.bytes
        var lo = min(max(r.lowerBound, 0), b.count)
        var hi = min(max(r.upperBound, lo), b.count)
        while lo > 0 && lo < b.count && Bytes.isContinuation(b[lo]) { lo -= 1 }
        while hi < b.count && hi > 0 && Bytes.isContinuation(b[hi]) { hi += 1 }
        return lo..<max(lo, hi)
    }

    /// Rules measured (callgrind, long postings) as the slowest, slowest first.
    static let slowest = ["structure/missing-section", "structure/template-residue", "structure/page-residue",
                          "inclusive/gender-coded", "grammar/subject-verb-agreement", "requirements/excessive-availability",
                          "grammar/unbalanced-delimiters", "inclusive/exclusionary-jargon", "inclusive/gendered-terms",
                          "structure/duplicate-heading", "requirements/technology-age", "grammar/indefinite-article"]

    /// Indices of `ids` with the slowest rules first, the rest in their order.
    static func costOrder(_ ids: [String]) -> [Int] {
        var first: [Int] = [], rest: [Int] = []
        for (i, id) in ids.enumerated() { if slowest.contains(id) { first.append(i) } else { rest.append(i) } }
        first.sort { slowest.firstIndex(of: ids[$0])! < slowest.firstIndex(of: ids[$1])! }
        return first + rest
    }

    public func lint(_ analysis: Analysis) -> LintResult {
        lint(analysis, parallel: { n, body in for i in 0..<n { body(i) } })
    }

    /// Lints with the rules spread over threads by `parallel`, a parallel-for that calls its body once for each
    /// index in `0..<n`, on any threads, and returns when all calls have returned (the language server passes
    /// `DispatchQueue.concurrentPerform`, so one long posting uses every core). Rules are values over an
    /// immutable analysis, so they can run at once; the result is the same as `lint(_:)`'s, in the same order.
    public func lint(_ analysis: Analysis, parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void) -> LintResult {
        let rules = active.filter { $0.rule.meta.id != SuppressionRules.unusedID }
        // One slot per rule, each written by one call only.
        let slots = Slots(UnsafeMutableBufferPointer<[Diagnostic]>.allocate(capacity: rules.count))
        slots.p.initialize(repeating: [])
        defer { slots.p.deinitialize(); slots.p.deallocate() }
        let settings = settings
        // Longest first, so no long rule starts last and keeps one thread busy alone (LPT scheduling): the
        // structure rules that scan every block are the slowest, then the word-list rules.
        let order = Linter.costOrder(rules.map(\.rule.meta.id))
        parallel(rules.count) { j in
            let k = order[j]
            let (rule, severity, options) = rules[k]
            let ctx = RuleContext(analysis: analysis, options: options, settings: settings)
            var reporter = Reporter(meta: rule.meta, analysis: analysis)
            rule.check(ctx, &reporter)
            var out = reporter.diagnostics
            for j in out.indices {
                // A rule may raise one finding above its default (a posting-level verdict); a configured
                // severity still applies to every finding.
                if out[j].severity == rule.meta.defaultSeverity || severity != rule.meta.defaultSeverity { out[j].severity = severity }
                out[j].range = Linter.snap(out[j].range, analysis.document)
            }
            slots.p[k] = out
        }
        var all: [Diagnostic] = []
        all.reserveCapacity(slots.p.reduce(0) { $0 + $1.count })
        for k in 0..<rules.count { all.append(contentsOf: slots.p[k]) }
        let unusedSeverity = active.first { $0.rule.meta.id == SuppressionRules.unusedID }?.severity
        var kept = Suppressions.apply(all, analysis: analysis, reportUnused: unusedSeverity, knownIDs: registry,
                                      isActive: { id in active.contains { $0.rule.meta.id == id } })
        kept.sort(by: Diagnostic.ordered)
        return LintResult(analysis: analysis, diagnostics: kept)
    }
}

/// Result slots shared by the calls of one parallel lint; each call writes its own index only.
private struct Slots: @unchecked Sendable {
    let p: UnsafeMutableBufferPointer<[Diagnostic]>
    init(_ p: UnsafeMutableBufferPointer<[Diagnostic]>) { self.p = p }
}
