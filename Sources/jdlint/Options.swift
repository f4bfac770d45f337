import JDLintCore

/// A command-line usage error (exit 2).
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ s: String) { description = s }
}

/// Options of the lint command (`jdlint [options] [paths…]`).
struct LintOptions {
    var paths: [String] = []
    var format = "text"
    var output: String?
    var config: String?
    var noConfig = false
    var stdinFilename: String?
    var fix = false
    var unsafeFixes = false
    var diff = false
    var showFixes = false
    var exitZero = false
    var maxWarnings: Int?
    var quiet = false
    var statistics = false
    var select: [String] = []
    var ignore: [String] = []
    var profiles: [String] = []
    /// `--as-of DATE`: judge the pay-transparency laws of `--profile auto` as on this day.
    var asOf: String?
    var packs: [String] = []
    var color: String = "auto"
    var jobs: Int?
    var jsonl = false
    /// With `jsonl`: add each record's facts.
    var facts = false

    /// Every flag: name, whether it takes a value, help text.
    static let flags: [(name: String, value: String?, help: String)] = [
        ("--format", "FORMAT", "Output format: \(Formats.names.joined(separator: ", ")) (default: text)."),
        ("--output", "FILE", "Write the report to FILE instead of standard output."),
        ("--config", "FILE", "Use this configuration file instead of the nearest .jdlint.json."),
        ("--no-config", nil, "Ignore every .jdlint.json; use the defaults."),
        ("--stdin-filename", "PATH", "Name (and format, by extension) of the text read from standard input (`-`)."),
        ("--fix", nil, "Apply safe fixes in place (to standard output when reading standard input)."),
        ("--unsafe-fixes", nil, "With --fix or --diff: also apply unsafe fixes."),
        ("--diff", nil, "Print a unified diff of what --fix would change; write nothing. Exit 1 if anything would change."),
        ("--show-fixes", nil, "With --fix: list how many problems were fixed per file."),
        ("--exit-zero", nil, "Exit 0 even when problems are found (2 still signals unusable input)."),
        ("--max-warnings", "N", "Exit 1 when more than N warnings are found."),
        ("--quiet", nil, "Report errors only."),
        ("--statistics", nil, "Print the number of findings per rule."),
        ("--select", "RULES", "Run only these rules or categories (comma-separated; e.g. grammar/,salary/number-format)."),
        ("--ignore", "RULES", "Do not run these rules or categories (comma-separated)."),
        ("--profile", "NAMES", "Profiles to check against (comma-separated; e.g. default,us-ny; `auto` picks the pay-transparency laws from where the job is)."),
        ("--as-of", "DATE", "With --profile auto: judge the laws as on DATE (YYYY-MM-DD) instead of the posting's date or today."),
        ("--pack", "FILE", "Load an extra rule pack (repeatable)."),
        ("--color", "WHEN", "Colour the text output: auto (default: only on a terminal), always, never."),
        ("--jobs", "N", "Lint with N threads (default: one per core)."),
        ("--jsonl", nil, "Batch mode: read JSON Lines records from standard input, write one result line per record."),
        ("--facts", nil, "With --jsonl: add each record's facts (schema.org JobPosting and evidence, as `jdlint facts`)."),
    ]

    static func parse(_ args: [String]) throws -> LintOptions {
        var o = LintOptions()
        var i = 0
        var onlyPaths = false
        func value(_ name: String) throws -> String {
            i += 1
            guard i < args.count else { throw UsageError("\(name) needs a value") }
            return args[i]
        }
        func list(_ s: String) -> [String] { s.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty } }
        while i < args.count {
            var a = args[i]
            var inlineValue: String?
            if !onlyPaths, a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
                inlineValue = String(a[a.index(after: eq)...])
                a = String(a[..<eq])
            }
            func v(_ name: String) throws -> String { if let iv = inlineValue { return iv }; return try value(name) }
            if onlyPaths || !a.hasPrefix("-") || a == "-" {
                o.paths.append(a)
                i += 1
                continue
            }
            switch a {
            case "--": onlyPaths = true
            case "--format", "-f":
                o.format = try v(a)
                guard Formats.names.contains(o.format) else {
                    throw UsageError("unknown format \"\(o.format)\" (known: \(Formats.names.joined(separator: ", ")))")
                }
            case "--output", "-o": o.output = try v(a)
            case "--config", "-c": o.config = try v(a)
            case "--no-config": o.noConfig = true
            case "--stdin-filename": o.stdinFilename = try v(a)
            case "--fix": o.fix = true
            case "--unsafe-fixes": o.unsafeFixes = true
            case "--diff": o.diff = true
            case "--show-fixes": o.showFixes = true
            case "--exit-zero": o.exitZero = true
            case "--max-warnings":
                let s = try v(a)
                guard let n = Int(s), n >= 0 else { throw UsageError("--max-warnings needs a whole number ≥ 0, not \"\(s)\"") }
                o.maxWarnings = n
            case "--quiet", "-q": o.quiet = true
            case "--statistics": o.statistics = true
            case "--select": o.select += list(try v(a))
            case "--ignore": o.ignore += list(try v(a))
            case "--profile": o.profiles += list(try v(a))
            case "--as-of":
                let s = try v(a)
                guard Profile.isDate(s) else { throw UsageError("--as-of needs a date YYYY-MM-DD, not \"\(s)\"") }
                o.asOf = s
            case "--pack": o.packs.append(try v(a))
            case "--color", "--colour":
                o.color = try v(a)
                guard ["auto", "always", "never"].contains(o.color) else { throw UsageError("--color takes auto, always or never") }
            case "--no-color": o.color = "never"
            case "--jobs", "-j":
                let s = try v(a)
                guard let n = Int(s), n >= 1 else { throw UsageError("--jobs needs a whole number ≥ 1, not \"\(s)\"") }
                o.jobs = n
            case "--jsonl": o.jsonl = true
            case "--facts": o.facts = true
            default:
                let names = flags.map(\.name)
                let close = names.min { editDistance($0, a) < editDistance($1, a) }
                let hint = close.map { editDistance($0, a) <= 3 ? " (did you mean \($0)?)" : "" } ?? ""
                throw UsageError("unknown option \(a)\(hint); see jdlint --help")
            }
            if inlineValue != nil && !["--format", "--output", "--config", "--stdin-filename", "--max-warnings", "--select", "--ignore",
                                       "--profile", "--as-of", "--pack", "--color", "--colour", "--jobs"].contains(a) {
                throw UsageError("\(a) does not take a value")
            }
            i += 1
        }
        // Flags that do nothing without another are usage errors, not silently ignored.
        if !o.fix && !o.diff {
            if o.showFixes { throw UsageError("--show-fixes needs --fix (or --diff): it reports what fixing changed") }
            if o.unsafeFixes { throw UsageError("--unsafe-fixes needs --fix or --diff: it only widens what they apply") }
        }
        if o.facts && !o.jsonl {
            throw UsageError("--facts needs --jsonl (batch mode); for files use `jdlint facts PATHS…`")
        }
        if let name = o.stdinFilename, !o.paths.contains("-"), !o.jsonl {
            throw UsageError("--stdin-filename \"\(name)\" names standard input, but `-` is not among the paths; add `-` to read it")
        }
        return o
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
