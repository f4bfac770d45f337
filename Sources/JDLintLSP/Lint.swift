import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JDLintCore

/// Everything one lint reads, taken from the server's state when the lint is queued: the lint queue gets this
/// immutable value and nothing else of the server's state.
struct LintSnapshot: Sendable {
    /// The open document's URI (also the key of its memo and of its cancellation check).
    let uri: String
    let document: Document
    let languageID: String
    let version: Int
    let epoch: Int
    /// The configuration generation the lint runs under.
    let generation: Int
    let config: EffectiveConfig
    let encoding: PositionEncoding
    /// What the document's previous lint under the same configuration generation kept (nil: none, lint it whole).
    let memo: LintMemo?
}

/// What a finished lint hands back to the server's state.
struct LintOutcome: Sendable {
    let cache: LintCache
    /// The memo for the document's next lint: `.keep` when the lint ran no rules (ignored, a pack, a configuration
    /// file), else the new one (nil when the format has none).
    let memo: MemoUpdate
}

enum MemoUpdate: Sendable {
    case keep
    case replace(LintMemo?)
}

extension LanguageServer {
    /// Lints one snapshot (lint queue). With a memo the block-scoped rules re-run only on the blocks changed since
    /// the document's previous lint under the same configuration. Nil when the lint was cancelled (`isStale`: a
    /// newer version, another configuration, closed, shutdown) before it finished; the previous memo then stays (it
    /// still describes the version it was made from).
    nonisolated func lint(_ s: LintSnapshot) -> LintOutcome? {
        let document = s.document, version = s.version, config = s.config, enc = s.encoding
        let cancellation = lintCancellation(s.uri, epoch: s.epoch, version: version, generation: s.generation)
        if options.lintDelayMs > 0 {
            // The artificial delay (JDLINT_LSP_LINT_DELAY_MS) is cancellable like a lint.
            let until = DispatchTime.now().uptimeNanoseconds + UInt64(options.lintDelayMs) * 1_000_000
            while DispatchTime.now().uptimeNanoseconds < until && !cancellation.isCancelled { usleep(2000) }
        }
        if cancellation.isCancelled { return nil }
        if config.isPack {
            return LintOutcome(cache: LintCache(version: version, epoch: s.epoch, generation: s.generation, document: document,
                                                diagnostics: [], lsp: packDiagnostics(document, enc), linter: nil, ignored: false),
                               memo: .keep)
        }
        if let key = config.configKey {
            return LintOutcome(cache: LintCache(version: version, epoch: s.epoch, generation: s.generation, document: document,
                                                diagnostics: [], lsp: configFileDiagnostics(document, key: key, buffers: config.configBuffers, enc),
                                                linter: nil, ignored: false),
                               memo: .keep)
        }
        var doc = document
        let f = LanguageServer.format(languageID: s.languageID, document: document, configuration: config.configuration)
        if let f, f != document.format { doc = Document(bytes: document.bytes, format: f, path: document.path) }
        let started = DispatchTime.now().uptimeNanoseconds
        // The rules of one posting run on every core: an editor waits for this one document.
        var analysed = started, extracted = started
        var diagnostics: [Diagnostic] = []
        var relinted: Int?
        var analysis: Analysis?
        var memoUpdate = MemoUpdate.keep
        if f != nil {
            let parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void = { n, body in
                DispatchQueue.concurrentPerform(iterations: n, execute: body)
            }
            let prose = Frontends.extract(doc)
            extracted = DispatchTime.now().uptimeNanoseconds
            do {
                let (result, memo) = try config.linter.lint(document: doc, prose: prose, previous: s.memo, parallel: parallel,
                                                            cancellation: cancellation) {
                    analysed = DispatchTime.now().uptimeNanoseconds
                }
                diagnostics = result.diagnostics
                analysis = result.analysis
                memoUpdate = .replace(memo)
                relinted = memo?.relinted
            } catch {
                log(.log, "lint of \(document.path ?? s.uri) v\(version) cancelled after \((DispatchTime.now().uptimeNanoseconds - started) / 1000) µs")
                return nil
            }
        }
        let linted = DispatchTime.now().uptimeNanoseconds
        var lsp: [LSPDiagnostic] = []
        lsp.reserveCapacity(diagnostics.count + 1)
        if let e = config.error {
            let r = LSPRange(start: Position(line: 0, character: 0), end: enc.position(doc.lines.contentEnd(ofLine: 0), doc.lines))
            lsp.append(LSPDiagnostic(range: r, severity: .error, code: "config", message: "Configuration error: \(e)"))
        }
        for d in diagnostics { lsp.append(lspDiagnostic(d, doc.lines, enc, version: version, registry: config.linter.registry)) }
        if options.debug {
            let converted = DispatchTime.now().uptimeNanoseconds
            log(.log, "linted \(document.path ?? "?") v\(version): \(diagnostics.count) findings, lint \((linted - started) / 1000) µs (analysis \((analysed - started) / 1000) µs, of which front end \((extracted - started) / 1000) µs), conversion \((converted - linted) / 1000) µs"
                + (relinted.map { ", block rules re-ran on \($0) blocks" } ?? ""))
        }
        trimmer.noteActivity()
        return LintOutcome(cache: LintCache(version: version, epoch: s.epoch, generation: s.generation, document: doc,
                                            diagnostics: diagnostics, lsp: lsp, linter: f == nil ? nil : config.linter,
                                            ignored: f == nil, analysis: analysis),
                           memo: memoUpdate)
    }

    /// A finding as the client sees it, for one version of the document.
    nonisolated func lspDiagnostic(_ d: Diagnostic, _ lines: LineIndex, _ enc: PositionEncoding, version: Int, registry: RuleRegistry) -> LSPDiagnostic {
        var fix: DiagnosticFix?
        if let f = d.fix, !f.edits.isEmpty {
            fix = DiagnosticFix(title: f.title, applicability: f.applicability,
                                edits: f.edits.map { TextEdit(range: enc.range($0.range, lines), newText: $0.replacement) })
        }
        return LSPDiagnostic(range: enc.range(d.range, lines),
                             severity: d.severity == .error ? .error : d.severity == .warning ? .warning : .information,
                             code: d.rule,
                             documentation: registry.rule(d.rule)?.meta.origin == "builtin" ? RuleDocs.url(d.rule, base: options.docsBaseURL) : nil,
                             message: d.message,
                             tags: d.rule == SuppressionRules.unusedID ? [.unnecessary] : nil,
                             data: DiagnosticData(version: version, fix: fix))
    }
}
