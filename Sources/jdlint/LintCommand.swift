import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JDLintCore
import JDLintKit

/// `jdlint [options] [paths…]`: lint (and optionally fix) files, print a report, exit 0/1/2.
struct LintCommand {
    let options: LintOptions
    let stdout: OutputStream
    let stderr: OutputStream

    /// Whether `--max-warnings` is exceeded; says so on standard error when it is.
    func maxWarningsExceeded(_ summary: Summary) -> Bool {
        guard let m = options.maxWarnings, summary.warnings > m else { return false }
        stderr.write("jdlint: \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s") exceed\(summary.warnings == 1 ? "s" : "") --max-warnings \(m)\n")
        return true
    }

    struct FileResult {
        var report: FileReport
        var problem: FileProblem?
        var diff: String?
        var configError: ConfigError?
    }

    /// Lints `files` on every core and streams the formatter's output in path order (see `StreamableFormatter`).
    func runStreaming(_ formatter: any StreamableFormatter, files: [String], walkProblems: [FileProblem], fixedConfig: ResolvedConfig?,
                      defaultConfig: ResolvedConfig, loader: ConfigLoader, linters: RunLinters) -> Int32 {
        let o = options
        // Output entries in byte order of their paths: files to lint and paths that could not be walked.
        enum Entry { case file(String), problem(FileProblem) }
        var entries: [(path: String, entry: Entry)] = files.map { ($0, .file($0)) } + walkProblems.map { ($0.path, .problem($0)) }
        entries = entries.enumerated().sorted { a, b in
            a.element.path.utf8.lexicographicallyPrecedes(b.element.path.utf8) || (a.element.path == b.element.path && a.offset < b.offset)
        }.map(\.element)
        let sink: FileDescriptor
        if let out = o.output {
            guard FileManager.default.createFile(atPath: out, contents: nil), let h = FileDescriptor(forWritingAtPath: out) else {
                stderr.write("jdlint: cannot write the report to \(out)\n")
                return 2
            }
            sink = h
        } else {
            sink = FileDescriptor.standardOutput
        }
        let emitter = OrderedEmitter(count: entries.count, sink: sink)
        emitter.write(formatter.header())
        let fixedConfigLet = fixedConfig
        let entriesLet = entries
        let quiet = o.quiet
        let progress = Progress(total: entries.count, quiet: quiet)
        let work: @Sendable (Int) -> Void = { i in
            defer { progress.tick() }
            var lite: FileReport
            var problem: FileProblem?
            var configError: ConfigError?
            switch entriesLet[i].entry {
            case .problem(let p):
                lite = FileReport(path: p.path, document: nil, diagnostics: [], error: p.message)
                formatter.fragmentChunks(lite, index: i) { emitter.chunk(i, $0) }
                problem = p
            case .file(let path):
                let r = self.lintFile(path, fixedConfig: fixedConfigLet, defaultConfig: defaultConfig, loader: loader, linters: linters,
                                      fix: false, write: false, allowed: .safe)
                problem = r.problem
                configError = r.configError
                lite = (consume r).report
                lite.analysis = nil
                if quiet {
                    var shown = lite
                    shown.diagnostics = shown.diagnostics.filter { $0.severity == .error }
                    formatter.fragmentChunks(shown, index: i) { emitter.chunk(i, $0) }
                } else {
                    formatter.fragmentChunks(lite, index: i) { emitter.chunk(i, $0) }
                }
                // The document, its analysis and the findings' texts are released before the next file: only what
                // the footer and the exit code need is kept (rule, severity, range, fix applicability; no messages,
                // no edits), in place, so memory stays flat on very large runs.
                lite.document = nil
                for k in lite.diagnostics.indices {
                    lite.diagnostics[k].message = ""
                    if let f = lite.diagnostics[k].fix {
                        lite.diagnostics[k].fix = Fix(title: "", applicability: f.applicability, edits: [])
                    }
                }
            }
            emitter.set(i, report: lite, problem: problem, configError: configError)
        }
        runParallel(count: entries.count, jobs: o.jobs ?? ProcessInfo.processInfo.activeProcessorCount, work)
        progress.finish()
        let reports = emitter.reports
        var shownReports = reports
        if quiet { shownReports = reports.map { var r = $0; r.diagnostics = r.diagnostics.filter { $0.severity == .error }; return r } }
        emitter.write(formatter.footer(shownReports))
        if o.output != nil { try? sink.close() }
        if o.statistics && o.format != "text" { stderr.write(TextFormatter.statistics(reports)) }
        var exit: Int32 = 0
        var seen = Set<String>()
        for e in emitter.configErrors where seen.insert(e.description).inserted {
            stderr.write("jdlint: \(e)\n")
            exit = 2
        }
        let problems = emitter.problems.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for p in problems { stderr.write("jdlint: \(p)\n") }
        if !problems.isEmpty || exit == 2 { return 2 }
        if o.exitZero { return 0 }
        let summary = Summary(reports)
        if summary.errors > 0 {
            _ = maxWarningsExceeded(summary)
            return 1
        }
        return maxWarningsExceeded(summary) ? 1 : 0
    }

    func lintFile(_ path: String, fixedConfig: ResolvedConfig?, defaultConfig: ResolvedConfig, loader: ConfigLoader,
                  linters: RunLinters, fix: Bool, write: Bool, allowed: Applicability) -> FileResult {
        let doc: Document
        switch InputReader.read(path: path) {
        case .failure(let p):
            return FileResult(report: FileReport(path: path, document: nil, diagnostics: [], error: p.message), problem: p)
        case .success(let d): doc = d
        }
        let config: ResolvedConfig
        do throws(ConfigError) {
            if let f = fixedConfig { config = f } else { config = try loader.nearest(for: path) ?? defaultConfig }
        } catch {
            return FileResult(report: FileReport(path: path, document: nil, diagnostics: [], error: "configuration error: \(error)"),
                              configError: error)
        }
        let linter = linters.linter(for: config)
        guard fix else {
            let r = linter.lint(doc)
            return FileResult(report: FileReport(path: path, document: doc, diagnostics: r.diagnostics, analysis: r.analysis, profileChoices: r.profileChoices))
        }
        let result = Fixer.fix(doc, with: linter, allowed: allowed)
        var out = FileResult(report: FileReport(path: path, document: result.final.document, diagnostics: result.remaining,
                                                fixed: write ? result.fixed : 0, analysis: result.final.analysis))
        if write {
            out.report.fixEdits = result.edits
            out.report.fixPasses = result.passes
        }
        if !write {
            out.diff = UnifiedDiff.make(doc.bytes, result.bytes, oldName: diffName("a", path), newName: diffName("b", path))
            // Report the original findings for --diff, positions in the original text.
            let r = linter.lint(doc)
            out.report = FileReport(path: path, document: doc, diagnostics: r.diagnostics, analysis: r.analysis)
        } else if result.changed {
            do {
                try AtomicWriter.write(result.bytes, to: path, expectedOriginal: doc.bytes)
            } catch {
                let p = FileProblem(path: path, message: "\(error)".replacing("\(path): ", with: ""))
                let r = linter.lint(doc)
                return FileResult(report: FileReport(path: path, document: doc, diagnostics: r.diagnostics, error: p.message), problem: p)
            }
        }
        return out
    }
}

/// `a/path` for diff headers (git style, also for absolute paths).
func diffName(_ side: String, _ path: String) -> String {
    var p = Substring(path)
    if p.hasPrefix("./") { p = p.dropFirst(2) }
    while p.hasPrefix("/") { p = p.dropFirst() }
    return "\(side)/\(p)"
}

func relative(_ path: String, to base: String, cwd: String) -> String {
    let abs = path.hasPrefix("/") ? path : (cwd == "/" ? "/" : cwd + "/") + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    let b = base.hasSuffix("/") ? base : base + "/"
    return abs.hasPrefix(b) ? String(abs.dropFirst(b.count)) : path
}

/// The run's linters: one per resolved configuration (`LinterCache`, shared by the worker threads), with the run's
/// settings, `--select` and `--ignore`.
struct RunLinters: Sendable {
    let cache = LinterCache<[String], Linter>()
    let settings: LintSettings
    let select: [String]
    let ignore: [String]

    func linter(for config: ResolvedConfig) -> Linter {
        cache.linter(for: config, settings: settings, select: select, ignore: ignore)
    }
}

/// Results written by index from worker threads.
final class Slots<T>: @unchecked Sendable {
    var items: [T?]
    let lock = Lock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) {
        lock.lock()
        items[i] = value
        lock.unlock()
    }
}

/// Runs `work(0..<count)` on up to `jobs` threads, handing out indices one at a time (results are stored by index,
/// so output order never depends on scheduling).
func runParallel(count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> Void) {
    let threads = min(jobs, count)
    if threads <= 1 {
        for i in 0..<count { work(i) }
        return
    }
    let next = AtomicCounter()
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        while true {
            let i = next.increment()
            if i >= count { break }
            work(i)
        }
    }
}

/// Writes fragments in index order as soon as every earlier one is done; keeps only the light reports.
final class OrderedEmitter: @unchecked Sendable {
    let lock = Lock()
    let sink: FileDescriptor
    var pending: [Int: [UInt8]] = [:]
    var done: Set<Int> = []
    var next = 0
    var items: [FileReport?]
    var problems: [FileProblem] = []
    var configErrors: [ConfigError] = []
    var buffer: [UInt8] = []

    init(count: Int, sink: FileDescriptor) {
        self.sink = sink
        items = Array(repeating: nil, count: count)
    }

    func write(_ s: String) {
        lock.lock()
        buffer.append(contentsOf: s.utf8)
        flushBuffer(force: true)
        lock.unlock()
    }

    func flushBuffer(force: Bool) {
        if !buffer.isEmpty && (force || buffer.count >= 1 << 16) {
            sink.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Output of file `i` as it is made: written at once while `i` is the next file in order, kept until then
    /// otherwise.
    func chunk(_ i: Int, _ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        if i == next {
            if let earlier = pending.removeValue(forKey: i) { emit(earlier) }
            emit(bytes)
        } else {
            pending[i, default: []].append(contentsOf: bytes)
        }
    }

    /// File `i` is done: its report (for the footer and the exit code) is kept, and the files after it that are
    /// done already go out.
    func set(_ i: Int, report: FileReport, problem: FileProblem?, configError: ConfigError?) {
        lock.lock()
        defer { lock.unlock() }
        items[i] = report
        if let problem { problems.append(problem) }
        if let configError { configErrors.append(configError) }
        done.insert(i)
        while done.remove(next) != nil {
            if let f = pending.removeValue(forKey: next) { emit(f) }
            next += 1
        }
        flushBuffer(force: false)
    }

    /// Appends to the output buffer; a large piece goes out as it is, not copied into the buffer first.
    func emit(_ f: [UInt8]) {
        if f.count >= 1 << 16 {
            flushBuffer(force: true)
            sink.write(f)
        } else {
            buffer.append(contentsOf: f)
            flushBuffer(force: false)
        }
    }

    var reports: [FileReport] {
        lock.lock()
        defer { lock.unlock() }
        flushBuffer(force: true)
        return items.compactMap { $0 }
    }
}

final class AtomicCounter: @unchecked Sendable {
    var value = 0
    let lock = Lock()
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let v = value
        value += 1
        return v
    }
}

/// Buffered writing to a file descriptor.
final class OutputStream: @unchecked Sendable {
    let handle: FileDescriptor
    init(_ handle: FileDescriptor) { self.handle = handle }
    func write(_ s: String) { if !s.isEmpty { handle.write(s) } }
    func write(bytes: [UInt8]) { if !bytes.isEmpty { handle.write(bytes) } }
}

/// A one-line progress indicator on standard error (files done / total, rate), shown only when standard error is a
/// terminal, more than `threshold` files are linted and `--quiet` is off; erased at the end.
final class Progress: @unchecked Sendable {
    static let threshold = 200
    let total: Int
    let enabled: Bool
    let lock = Lock()
    var done = 0
    var lastDraw = 0.0
    let start = Date().timeIntervalSince1970

    init(total: Int, quiet: Bool) {
        self.total = total
        enabled = !quiet && total > Progress.threshold && isatty(2) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func tick() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = Date().timeIntervalSince1970
        guard now - lastDraw >= 0.1 || done == total else { return }
        lastDraw = now
        let rate = Double(done) / max(now - start, 0.001)
        let line = "jdlint: \(done)/\(total) files (\(Int(rate)) files/s)"
        FileDescriptor.standardError.write("\r" + line + "\u{1B}[K")
    }

    func finish() {
        guard enabled else { return }
        FileDescriptor.standardError.write("\r\u{1B}[K")
    }
}
