/// The result of linting one document.
public struct LintResult: Sendable {
    public let analysis: Analysis
    /// Findings sorted by offset, then rule id.
    public let diagnostics: [Diagnostic]
    /// Under `--profile auto`: every pay-transparency law considered for this posting, applied or not, and why.
    public var profileChoices: [ProfileChoice] = []

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
    /// Per active rule, read once here: a rule's `meta` is a large value, copied at every access through `any Rule`.
    let ids: [String]
    let metaBoxes: [RuleMetaBox]
    let scopes: [RuleScope]
    /// Position in `Linter.slowest` (`Int.max` for the others): the order jobs start in.
    let costRank: [Int]
    /// Indices into `active` of the rules that run (`suppression/unused` is computed by `finish`).
    let ruleIndices: [Int]
    let unusedSeverity: Severity?

    public init(registry: RuleRegistry = .builtin, configuration: Configuration = Configuration(),
                settings: LintSettings = LintSettings(), select: [String] = [], ignore: [String] = []) {
        self.registry = registry
        self.configuration = configuration
        var settings = settings
        if let p = configuration.profiles, settings.profiles == ["default"] { settings.profiles = p }
        if settings.employer == nil { settings.employer = configuration.employer }
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
        let metas = active.map(\.rule.meta)
        metaBoxes = metas.map(RuleMetaBox.init)
        let ids = metas.map(\.id)
        self.ids = ids
        scopes = metas.map(\.scope)
        costRank = ids.map { Linter.slowest.firstIndex(of: $0) ?? Int.max }
        ruleIndices = ids.indices.filter { ids[$0] != SuppressionRules.unusedID }
        unusedSeverity = ids.firstIndex(of: SuppressionRules.unusedID).map { active[$0].severity }
    }

    /// Ids of the rules that run.
    public var activeRuleIDs: [String] { ids }

    public func isActive(_ id: String) -> Bool { ids.contains(id) }

    public func lint(_ document: Document) -> LintResult {
        lint(Analysis(document: document))
    }

    /// A finding's range inside the document and on whole UTF-8 scalars (start moved back, end moved forward), so
    /// no reporter can hand out a position inside a character.
    static func snap(_ r: SourceRange, _ doc: Document) -> SourceRange {
        let b = doc.bytes
        var lo = min(max(r.lowerBound, 0), b.count)
        var hi = min(max(r.upperBound, lo), b.count)
        while lo > 0 && lo < b.count && Bytes.isContinuation(b[lo]) { lo -= 1 }
        while hi < b.count && hi > 0 && Bytes.isContinuation(b[hi]) { hi += 1 }
        return SourceRange(lo, max(lo, hi))
    }

    /// Rules measured (callgrind, long postings) as the slowest, slowest first.
    static let slowest = ["structure/missing-section", "structure/template-residue", "structure/page-residue",
                          "inclusive/gender-coded", "grammar/subject-verb-agreement", "requirements/excessive-availability",
                          "grammar/unbalanced-delimiters", "inclusive/exclusionary-jargon", "inclusive/gendered-terms",
                          "structure/duplicate-heading", "requirements/technology-age", "grammar/indefinite-article"]

    public func lint(_ analysis: Analysis) -> LintResult {
        lint(analysis, parallel: { n, body in for i in 0..<n { body(i) } })
    }

    /// Lints with the rules spread over threads by `parallel`, a parallel-for that calls its body once for each
    /// index in `0..<n`, on any threads, and returns when all calls have returned (the language server passes
    /// `DispatchQueue.concurrentPerform`, so one long posting uses every core). Rules are values over an
    /// immutable analysis, so they can run at once; the result is the same as `lint(_:)`'s, in the same order.
    public func lint(_ analysis: Analysis, parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void) -> LintResult {
        lint(analysis, parallel: parallel, checking: .never)
    }

    /// `lint(_:parallel:)` that stops early when `cancellation` says so: no rule starts once it is cancelled (a
    /// rule may also stop itself, `RuleContext.isCancelled`), and the lint throws `LintCancelled` instead of
    /// returning an incomplete result.
    public func lint(_ analysis: Analysis, parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void,
                     cancellation: LintCancellation) throws(LintCancelled) -> LintResult {
        guard !cancellation.isCancelled else { throw LintCancelled() }
        let result = lint(analysis, parallel: parallel, checking: cancellation)
        guard !cancellation.isCancelled else { throw LintCancelled() }
        return result
    }

    func lint(_ analysis: Analysis, parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void, checking cancellation: LintCancellation) -> LintResult {
        let rules = ruleIndices
        let settings = settings.resolved(for: analysis)
        var out = runChunked(rules.map { ($0, analysis, .all) }, settings: settings, parallel: parallel, cancellation: cancellation)
        // One list, each rule's chunks freed as they are copied (a long posting's findings are not held twice).
        var all: [Diagnostic] = []
        all.reserveCapacity(out.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
        for k in out.indices {
            for c in out[k].indices {
                all.append(contentsOf: out[k][c])
                out[k][c] = []
            }
        }
        var result = finish(consume all, analysis)
        result.profileChoices = settings.profileChoices
        return result
    }

    /// Lints a new version of a document re-running the block-scoped rules (`RuleScope.block`) only on the blocks
    /// that changed since `previous` (the memo of an earlier lint by this linter), and re-using the per-block
    /// analysis (words, sentences, phrases, pay) of the unchanged blocks; every other rule runs on the whole
    /// document. The findings equal those of `lint(_:parallel:)` (checked by `IncrementalLintTests` over random
    /// edits). `analysed` is called once the analysis is built (the language server times the two steps). Returns
    /// the memo for the next version: `nil` when the format or the findings do not allow one.
    public func lint(document: Document, prose: Prose, previous: LintMemo?,
                     parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void,
                     analysed: () -> Void = {}) -> (result: LintResult, memo: LintMemo?) {
        lint(document: document, prose: prose, previous: previous, parallel: parallel, checking: .never, analysed: analysed)
    }

    /// `lint(document:prose:previous:parallel:analysed:)` that stops early when `cancellation` says so (checked
    /// before the analysis, before the rules and before each rule starts) and then throws `LintCancelled`: no
    /// result and no memo of a cancelled lint escape, so the caller's previous memo stays valid.
    public func lint(document: Document, prose: Prose, previous: LintMemo?,
                     parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void, cancellation: LintCancellation,
                     analysed: () -> Void = {}) throws(LintCancelled) -> (result: LintResult, memo: LintMemo?) {
        guard !cancellation.isCancelled else { throw LintCancelled() }
        let out = lint(document: document, prose: prose, previous: previous, parallel: parallel, checking: cancellation, analysed: analysed)
        guard !cancellation.isCancelled else { throw LintCancelled() }
        return out
    }

    func lint(document: Document, prose: Prose, previous: LintMemo?, parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void,
              checking cancellation: LintCancellation, analysed: () -> Void) -> (result: LintResult, memo: LintMemo?) {
        let (plan, extents) = incrementalPlan(previous, document, prose)
        var analysis: Analysis
        var reused = false
        if let p = plan, let m = previous,
           let a = Analysis.reusing(m.analysis, document: document, prose: prose, prefix: p.prefix, suffix: p.suffix, delta: p.delta) {
            analysis = a
            reused = true
        } else {
            analysis = Analysis(document: document, prose: prose, parallel: parallel)
        }
        analysed()
        if cancellation.isCancelled { return (LintResult(analysis: analysis, diagnostics: []), nil) }
        var out = lint(analysis, plan: plan, extents: extents, previous: previous, parallel: parallel, cancellation: cancellation)
        out.memo?.reusedAnalysis = reused
        return out
    }

    /// `lint(document:prose:previous:parallel:)` for an analysis already built.
    public func lint(_ analysis: Analysis, previous: LintMemo?,
                     parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void) -> (result: LintResult, memo: LintMemo?) {
        let (plan, extents) = incrementalPlan(previous, analysis.document, analysis.prose)
        return lint(analysis, plan: plan, extents: extents, previous: previous, parallel: parallel)
    }

    /// The unchanged blocks since `previous` (with the new blocks' extents), when the memo fits this linter and
    /// format; no plan when most blocks changed (a paste, a reformat: a whole lint is cheaper than analysing them
    /// twice).
    func incrementalPlan(_ previous: LintMemo?, _ document: Document, _ prose: Prose) -> (Incremental.Plan?, [SourceRange]?) {
        guard Incremental.supports(document.format), let m = previous, m.document.format == document.format,
              m.ruleIDs == localRuleIDs, let e = Incremental.extents(document, prose.blocks) else { return (nil, nil) }
        let p = Incremental.plan(m, document, prose, e)
        return ((p.prefix + p.suffix) * 4 >= prose.blocks.count ? p : nil, e)
    }

    /// Ids of the active block-scoped rules.
    var localRuleIDs: [String] { ruleIndices.filter { scopes[$0] == .block }.map { ids[$0] } }

    func lint(_ analysis: Analysis, plan: Incremental.Plan?, extents: [SourceRange]?, previous: LintMemo?,
              parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void,
              cancellation: LintCancellation = .never) -> (result: LintResult, memo: LintMemo?) {
        let rules = ruleIndices
        let local = rules.filter { scopes[$0] == .block }
        guard Incremental.supports(analysis.document.format), !local.isEmpty,
              let extents = extents ?? Incremental.extents(analysis.document, analysis.blocks) else {
            return (lint(analysis, parallel: parallel, checking: cancellation), nil)
        }
        // A block rule's findings may hang on a property of the whole document (`Rule.blockContext`): when one
        // changed, the block rules re-run on every block (the analysis is still re-used).
        let settings = settings.resolved(for: analysis)
        // Under `--profile auto` the laws chosen are part of every block rule's context.
        let lawKey: UInt64 = settings.isAuto ? Word.hash(settings.profiles.joined(separator: ",")) : 0
        let contexts = local.map { active[$0].rule.blockContext(analysis) ^ lawKey }
        let plan = previous?.contexts == contexts ? plan : nil
        let localIDs = local.map { ids[$0] }
        let blocks = analysis.prose.blocks
        // The changed blocks alone, for the block-scoped rules.
        var changed = analysis
        if let plan {
            var prose = analysis.prose
            prose.blocks = Array(blocks[plan.prefix..<(blocks.count - plan.suffix)])
            changed = Analysis(document: analysis.document, prose: prose)
        }
        // Document rules first (they are the slow ones once the block rules see a few blocks only).
        let global = rules.filter { scopes[$0] != .block }
        // Block rules' whole-document parts (`Rule.checkDocument`) run whole, outside the memo.
        let jobs: [(Int, Analysis, Part)] = global.map { ($0, analysis, .all) } + local.map { ($0, analysis, .document) }
            + local.map { ($0, changed, .blocks) }
        let out = run(jobs, settings: settings, parallel: parallel, costOrdered: plan == nil, cancellation: cancellation)
        // A cancelled lint skipped rules: no memo of it (the caller discards the result).
        if cancellation.isCancelled { return (LintResult(analysis: analysis, diagnostics: []), nil) }
        let firstLocal = global.count + local.count
        var all: [Diagnostic] = []
        for k in 0..<firstLocal { all.append(contentsOf: out[k]) }
        // The block-scoped findings: kept from the memo for unchanged blocks, fresh for the others.
        var localFindings: [Diagnostic] = []
        var localBlock: [Int] = []
        var ok = true
        /// The block rules' new findings, each with its block (a finding outside every block's lines is still
        /// reported, but leaves no memo).
        func fresh() {
            for k in firstLocal..<jobs.count {
                for d in out[k] {
                    localFindings.append(d)
                    if let b = Incremental.block(of: d, extents) { localBlock.append(b) } else { ok = false; localBlock.append(-1) }
                }
            }
        }
        if let plan, let m = previous {
            let oldCount = m.prose.blocks.count
            for (i, d) in m.local.enumerated() where m.localBlock[i] < plan.prefix {
                localFindings.append(d)
                localBlock.append(m.localBlock[i])
            }
            fresh()
            for (i, d) in m.local.enumerated() where m.localBlock[i] >= oldCount - plan.suffix {
                localFindings.append(d.shifted(by: plan.delta))
                localBlock.append(m.localBlock[i] - oldCount + blocks.count)
            }
        } else {
            fresh()
        }
        all.append(contentsOf: localFindings)
        var result = finish(consume all, analysis)
        result.profileChoices = settings.profileChoices
        // A finding outside its block's lines would break the claim: no memo, so the next edit lints whole.
        guard ok else { return (result, nil) }
        var memo = LintMemo(analysis: analysis, extents: extents, local: localFindings,
                            localBlock: localBlock, ruleIDs: localIDs, contexts: contexts)
        memo.relinted = plan.map { blocks.count - $0.prefix - $0.suffix } ?? blocks.count
        return (result, memo)
    }

    /// Which part of a rule a job runs: `check` and `checkDocument`, or one of them.
    enum Part: Sendable { case all, blocks, document }

    /// Runs each job (a part of a rule of `active` over an analysis) through `parallel`; one list of findings per
    /// job, in job order, with the configured severity applied and ranges snapped to whole scalars.
    func run(_ jobs: [(Int, Analysis, Part)], settings: LintSettings? = nil, parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void,
             costOrdered: Bool = true, cancellation: LintCancellation = .never) -> [[Diagnostic]] {
        runChunked(jobs, settings: settings, parallel: parallel, costOrdered: costOrdered, cancellation: cancellation).map { $0.count == 1 ? $0[0] : Array($0.joined()) }
    }

    /// `run`, each job's findings in the chunks its reporter filled. A job that starts after `cancellation` was
    /// cancelled does nothing (its slot stays empty).
    func runChunked(_ jobs: [(Int, Analysis, Part)], settings: LintSettings? = nil, parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void,
                    costOrdered: Bool = true, cancellation: LintCancellation = .never) -> [[[Diagnostic]]] {
        // One slot per job, each written by one call only.
        let slots = Slots(UnsafeMutableBufferPointer<[[Diagnostic]]>.allocate(capacity: jobs.count))
        slots.p.initialize(repeating: [])
        defer { slots.p.deinitialize(); slots.p.deallocate() }
        let settings = settings ?? self.settings
        let active = active
        let boxes = metaBoxes
        // Longest first, so no long rule starts last and keeps one thread busy alone (LPT scheduling): the
        // structure rules that scan every block are the slowest, then the word-list rules.
        let rank = costRank
        let order = costOrdered ? jobs.indices.sorted { (rank[jobs[$0].0], $0) < (rank[jobs[$1].0], $1) } : Array(jobs.indices)
        parallel(jobs.count) { j in
            let k = order[j]
            if cancellation.isCancelled { return }
            let (index, analysis, part) = jobs[k]
            let (rule, severity, options) = active[index]
            let ctx = RuleContext(analysis: analysis, options: options, settings: settings, cancellation: cancellation)
            let box = boxes[index]
            var reporter = Reporter(box: box, analysis: analysis)
            if part != .document { rule.check(ctx, &reporter) }
            if part != .blocks { rule.checkDocument(ctx, &reporter) }
            // Taken, not shared: the edits below would otherwise copy a long posting's findings.
            var out = reporter.take()
            let defaultSeverity = box.defaultSeverity
            for c in out.indices {
                for j in out[c].indices {
                    // A rule may raise one finding above its default (a posting-level verdict); a configured
                    // severity still applies to every finding.
                    if out[c][j].severity == defaultSeverity || severity != defaultSeverity { out[c][j].severity = severity }
                    out[c][j].range = Linter.snap(out[c][j].range, analysis.document)
                }
            }
            slots.p[k] = out
        }
        return Array(slots.p)
    }

    /// Applies the suppression comments to the rules' findings and sorts them.
    func finish(_ all: consuming [Diagnostic], _ analysis: Analysis) -> LintResult {
        var kept = Suppressions.apply(consume all, analysis: analysis, reportUnused: unusedSeverity, knownIDs: registry,
                                      isActive: { id in ids.contains(id) })
        Linter.sort(&kept)
        return LintResult(analysis: analysis, diagnostics: kept)
    }

    /// Sorts findings by `Diagnostic.ordered`, ties in their present order (as a stable sort). A long list is
    /// sorted as 4-byte indices and then permuted in place: a stable sort of the findings themselves would take a
    /// scratch buffer of half of them (88 bytes each; 140 MB for the 1.6 M findings of a 100 MB posting).
    static func sort(_ a: inout [Diagnostic]) {
        let n = a.count
        guard n > 1 else { return }
        var sorted = true
        for i in 1..<n where Diagnostic.ordered(a[i], a[i - 1]) {
            sorted = false
            break
        }
        if sorted { return }
        guard n > 4096, n <= Int(UInt32.max) else {
            a.sort(by: Diagnostic.ordered)
            return
        }
        var order = [UInt32](unsafeUninitializedCapacity: n) { buf, count in
            for i in 0..<n { buf[i] = UInt32(i) }
            count = n
        }
        a.withUnsafeBufferPointer { d in
            order.sort { x, y in
                let p = d[Int(x)], q = d[Int(y)]
                if Diagnostic.ordered(p, q) { return true }
                if Diagnostic.ordered(q, p) { return false }
                return x < y
            }
        }
        // Element i of the result is the old element order[i]: follow each cycle once, marking slots done.
        for i in 0..<n where order[i] != UInt32(i) {
            let first = a[i]
            var j = i
            while true {
                let k = Int(order[j])
                order[j] = UInt32(j)
                if k == i {
                    a[j] = first
                    break
                }
                a[j] = a[k]
                j = k
            }
        }
    }
}

/// Result slots shared by the calls of one parallel lint; each call writes its own index only.
private struct Slots: @unchecked Sendable {
    let p: UnsafeMutableBufferPointer<[[Diagnostic]]>
    init(_ p: UnsafeMutableBufferPointer<[[Diagnostic]]>) { self.p = p }
}
