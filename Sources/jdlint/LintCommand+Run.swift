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

/// The run stops early with this exit code; what went wrong is on standard error already.
struct LintStop: Error {
    let code: Int32
}

/// What a run gathers before it reports: the reports of standard input and of the files, the problems (unreadable
/// files, paths that could not be walked), the diffs of `--diff`, and an exit code of 2 for a broken configuration.
struct LintGathered {
    var problems: [FileProblem] = []
    var reports: [FileReport] = []
    var diffs: [(path: String, diff: String)] = []
    var exit: Int32 = 0
}

extension LintCommand {
    /// The steps of a run: settings and configurations, standard input, the files (streamed when nothing is fixed and
    /// the format allows it), then the report and the exit code.
    func run() -> Int32 {
        do throws(LintStop) {
            let o = options
            let loader = ConfigLoader(extraPacks: o.packs)
            let settings = try lintSettings()
            let (fixedConfig, defaultConfig) = try configurations(loader)
            let linters = RunLinters(settings: settings, select: o.select, ignore: o.ignore)
            var gathered = LintGathered()
            let readsStdin = o.paths.contains("-")
            if readsStdin {
                try lintStandardInput(&gathered, fixedConfig: fixedConfig, defaultConfig: defaultConfig, loader: loader, linters: linters)
            }
            let search = try filesToLint(readsStdin: readsStdin, fixedConfig: fixedConfig, loader: loader)
            gathered.problems += search.problems
            for p in search.problems { gathered.reports.append(FileReport(path: p.path, document: nil, diagnostics: [], error: p.message)) }

            // The common case (lint files, no fixing, a streamable format): write each file's part as soon as it and
            // every file before it are done, and keep no documents — memory stays flat however many files there are.
            if !readsStdin && !o.fix && !o.diff, gathered.reports.count == search.problems.count {
                let isTTY = isatty(1) != 0
                let color = o.color == "always" || (o.color == "auto" && isTTY && o.output == nil && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
                let options = FormatOptions(color: color, showFixes: o.showFixes, statistics: o.statistics && o.format == "text")
                if let streamer = Formats.make(o.format, options: options) as? any StreamableFormatter {
                    return runStreaming(streamer, files: search.files, walkProblems: search.problems, fixedConfig: fixedConfig,
                                        defaultConfig: defaultConfig, loader: loader, linters: linters)
                }
            }
            lintFiles(search.files, &gathered, fixedConfig: fixedConfig, defaultConfig: defaultConfig, loader: loader, linters: linters)
            return try report(gathered, readsStdin: readsStdin, registry: (fixedConfig ?? defaultConfig).registry)
        } catch {
            return error.code
        }
    }

    /// The year, today, `--as-of` and the `--profile`s (an unknown profile stops the run).
    func lintSettings() throws(LintStop) -> LintSettings {
        let o = options
        let year = currentLocalYear()
        var settings = LintSettings(currentYear: ProcessInfo.processInfo.environment["JDLINT_CURRENT_YEAR"].flatMap(Int.init) ?? year,
                                    today: currentLocalDate(), asOf: o.asOf)
        if !o.profiles.isEmpty {
            let unknown = o.profiles.filter { !Profile.isKnown($0) }
            guard unknown.isEmpty else {
                stderr.write("jdlint: unknown profile\(unknown.count == 1 ? "" : "s") \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")) (known: \(Profile.selectableNames.joined(separator: ", ")))\n")
                throw LintStop(code: 2)
            }
            settings.profiles = o.profiles
        }
        return settings
    }

    /// The configuration of every file (`--config`, or the defaults under `--no-config`; nil: the nearest per file)
    /// and the defaults; `--select` and `--ignore` checked against the registry.
    func configurations(_ loader: ConfigLoader) throws(LintStop) -> (fixed: ResolvedConfig?, defaults: ResolvedConfig) {
        let o = options
        var fixedConfig: ResolvedConfig?
        do {
            if let c = o.config { fixedConfig = try loader.load(file: c) } else if o.noConfig { fixedConfig = try loader.defaults() }
        } catch {
            stderr.write("jdlint: \(error)\n")
            throw LintStop(code: 2)
        }
        let defaultConfig: ResolvedConfig
        do { defaultConfig = try loader.defaults() } catch {
            stderr.write("jdlint: \(error)\n")
            throw LintStop(code: 2)
        }
        for p in o.select + o.ignore where !(fixedConfig ?? defaultConfig).registry.matchesAny(p) {
            let hint = (fixedConfig ?? defaultConfig).registry.closestID(to: p).map { " (did you mean \($0)?)" } ?? ""
            stderr.write("jdlint: unknown rule or category \"\(p)\"\(hint); `jdlint rules` lists them\n")
            throw LintStop(code: 2)
        }
        return (fixedConfig, defaultConfig)
    }

    /// Lints (or fixes) standard input, `-` among the paths.
    func lintStandardInput(_ gathered: inout LintGathered, fixedConfig: ResolvedConfig?, defaultConfig: ResolvedConfig,
                           loader: ConfigLoader, linters: RunLinters) throws(LintStop) {
        let o = options
        let allowed: Applicability = o.unsafeFixes ? .unsafe : .safe
        let name = o.stdinFilename ?? "<stdin>"
        let bytes = FileDescriptor.standardInput.readToEnd()
        switch InputReader.document(bytes: bytes, path: name, format: DocumentFormat.infer(fromPath: name)) {
        case .failure(let p):
            gathered.problems.append(p)
            gathered.reports.append(FileReport(path: name, document: nil, diagnostics: [], error: p.message))
            if o.fix && !o.diff { stdout.write(bytes: bytes) }  // never swallow the input of a formatter pipe
        case .success(let doc):
            let config: ResolvedConfig
            do { config = try fixedConfig ?? (o.stdinFilename.flatMap { try loader.nearest(for: $0) } ?? defaultConfig) } catch {
                stderr.write("jdlint: \(error)\n")
                if o.fix && !o.diff { stdout.write(bytes: bytes) }
                throw LintStop(code: 2)
            }
            let linter = linters.linter(for: config)
            if o.fix || o.diff {
                let result = Fixer.fix(doc, with: linter, allowed: allowed)
                if o.diff {
                    gathered.diffs.append((name, UnifiedDiff.make(doc.bytes, result.bytes, oldName: diffName("a", name), newName: diffName("b", name))))
                } else {
                    stdout.write(bytes: result.bytes)
                }
                var report = FileReport(path: name, document: result.final.document, diagnostics: result.remaining,
                                        fixed: result.fixed, analysis: result.final.analysis, profileChoices: result.final.profileChoices)
                report.fixEdits = result.edits
                report.fixPasses = result.passes
                if o.diff {
                    let r = linter.lint(doc)
                    report = FileReport(path: name, document: doc, diagnostics: r.diagnostics, analysis: r.analysis, profileChoices: r.profileChoices)
                }
                gathered.reports.append(report)
            } else {
                let r = linter.lint(doc)
                gathered.reports.append(FileReport(path: name, document: doc, diagnostics: r.diagnostics, analysis: r.analysis,
                                                   profileChoices: r.profileChoices))
            }
        }
    }

    /// The files the paths name, less the ignored ones. A folder with nothing to lint, or a broken configuration of
    /// a file, stops the run.
    func filesToLint(readsStdin: Bool, fixedConfig: ResolvedConfig?, loader: ConfigLoader) throws(LintStop) -> FileWalker.Search {
        let filePaths = options.paths.filter { $0 != "-" }
        var ignoreGlobs: [(String, String)] = []
        if let c = fixedConfig { ignoreGlobs = c.configuration.ignore.map { ($0, c.configuration.baseDirectory) } }
        let cwd = FileManager.default.currentDirectoryPath
        let search = FileWalker.search(filePaths.isEmpty && !readsStdin ? ["."] : filePaths) { path in
            if ignoreGlobs.contains(where: { Glob.matches($0.0, relative(path, to: $0.1, cwd: cwd)) }) { return true }
            if fixedConfig == nil, let c = try? loader.nearest(for: path) {
                return c.configuration.ignore.contains { Glob.matches($0, relative(path, to: c.configuration.baseDirectory, cwd: cwd)) }
            }
            return false
        }
        // A folder with nothing to lint is a mistake (a wrong path, everything ignored), as in ESLint: say so and stop.
        if !search.emptyFolders.isEmpty {
            for f in search.emptyFolders {
                let name = f == "." ? ". (the current folder)" : f
                stderr.write("jdlint: no postings found in \(name) (looked for \(FileWalker.searchedExtensions) files; README, LICENSE, CHANGELOG and the like are skipped)\n")
            }
            throw LintStop(code: 2)
        }
        // A broken configuration stops the run before anything is reported: errors on standard error, nothing on
        // standard output (the loader caches per folder, so the files' lint below finds them resolved).
        if fixedConfig == nil {
            var seen = Set<String>()
            var broken = false
            for path in search.files {
                do throws(ConfigError) { _ = try loader.nearest(for: path) } catch {
                    if seen.insert(error.description).inserted { stderr.write("jdlint: \(error)\n") }
                    broken = true
                }
            }
            if broken { throw LintStop(code: 2) }
        }
        return search
    }

    /// Lints (or fixes) the files on every core, keeping every report (the formats that are not streamed, `--fix`,
    /// `--diff`).
    func lintFiles(_ files: [String], _ gathered: inout LintGathered, fixedConfig: ResolvedConfig?, defaultConfig: ResolvedConfig,
                   loader: ConfigLoader, linters: RunLinters) {
        let o = options
        let allowed: Applicability = o.unsafeFixes ? .unsafe : .safe
        let results = Slots<FileResult>(count: files.count)
        let jobs = o.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let write = o.fix && !o.diff
        let fixedConfigLet = fixedConfig
        let progress = Progress(total: files.count, quiet: o.quiet)
        let work: @Sendable (Int) -> Void = { (i: Int) in
            defer { progress.tick() }
            let path = files[i]
            results.set(i, self.lintFile(path, fixedConfig: fixedConfigLet, defaultConfig: defaultConfig, loader: loader, linters: linters,
                                         fix: o.fix || o.diff, write: write, allowed: allowed))
        }
        runParallel(count: files.count, jobs: files.count < 4 ? 1 : jobs, work)
        progress.finish()
        var configErrorsSeen = Set<String>()
        for r in results.items {
            guard let r else { continue }
            if let p = r.problem { gathered.problems.append(p) }
            if let d = r.diff { gathered.diffs.append((r.report.path, d)) }
            if let e = r.configError {
                // One message per broken configuration, however many files it governs.
                if configErrorsSeen.insert(e.description).inserted { stderr.write("jdlint: \(e)\n") }
                gathered.exit = 2
            }
            gathered.reports.append(r.report)
        }
    }

    /// Writes the report (or the diff) in path order, the problems on standard error, and returns the exit code.
    func report(_ gathered: LintGathered, readsStdin: Bool, registry: RuleRegistry) throws(LintStop) -> Int32 {
        let o = options
        // Diffs in path order, like the report.
        let diffOutput = gathered.diffs.enumerated().sorted { a, b in
            a.element.path.utf8.lexicographicallyPrecedes(b.element.path.utf8) || (a.element.path == b.element.path && a.offset < b.offset)
        }.map(\.element.diff).joined()
        // Stable output whatever the scheduling: by path (byte order), then as found.
        var reports = gathered.reports.enumerated().sorted { a, b in
            a.element.path.utf8.lexicographicallyPrecedes(b.element.path.utf8) || (a.element.path == b.element.path && a.offset < b.offset)
        }.map(\.element)
        // The exit code counts every finding, also those --quiet hides.
        let summary = Summary(reports)

        let isTTY = isatty(1) != 0
        let color = o.color == "always" || (o.color == "auto" && isTTY && o.output == nil && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        if o.quiet {
            reports = reports.map { var r = $0; r.diagnostics = r.diagnostics.filter { $0.severity == .error }; return r }
        }
        let formatter = Formats.make(o.format, options: FormatOptions(color: color, showFixes: o.showFixes, statistics: o.statistics && o.format == "text"))!
        let text = formatter.format(reports, registry: registry)
        if o.statistics && o.format != "text" {
            // Machine formats stay parseable: the table goes to standard error.
            stderr.write(TextFormatter.statistics(reports))
        }
        if let out = o.output {
            guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                stderr.write("jdlint: cannot write the report to \(out)\n")
                throw LintStop(code: 2)
            }
        }
        if o.diff {
            // The diff is the output (the report only goes to --output when one is given).
            stdout.write(diffOutput)
        } else if o.output == nil {
            // With --fix on standard input the fixed text went to standard output; the report goes to standard error.
            if readsStdin && o.fix { stderr.write(text) } else { stdout.write(text) }
        }
        let problems = gathered.problems.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for p in problems { stderr.write("jdlint: \(p)\n") }

        if !problems.isEmpty || gathered.exit == 2 { return 2 }
        if o.exitZero { return 0 }
        if o.diff { return diffOutput.isEmpty ? 0 : 1 }
        if summary.errors > 0 {
            _ = maxWarningsExceeded(summary)
            return 1
        }
        return maxWarningsExceeded(summary) ? 1 : 0
    }
}
