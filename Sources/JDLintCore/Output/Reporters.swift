/// One file's outcome, as the reporters see it.
public struct FileReport: Sendable {
    public var path: String
    /// The document (nil when it could not be read).
    public var document: Document?
    public var diagnostics: [Diagnostic]
    /// Why the file could not be linted (unreadable, invalid UTF-8…).
    public var error: String?
    /// Findings fixed in this file by `--fix`.
    public var fixed: Int
    /// Edits applied by `--fix`, and the lint passes it took (for `--show-fixes`).
    public var fixEdits: Int = 0
    public var fixPasses: Int = 0
    /// Parsed pay statements and the analysis, for reporters that show structure.
    public var analysis: Analysis?
    /// Under `--profile auto`: the pay-transparency laws considered for the file, applied or not, and why.
    public var profileChoices: [ProfileChoice]

    public init(path: String, document: Document?, diagnostics: [Diagnostic], error: String? = nil, fixed: Int = 0, analysis: Analysis? = nil,
                profileChoices: [ProfileChoice] = []) {
        self.profileChoices = profileChoices
        self.path = path
        self.document = document
        self.diagnostics = diagnostics
        self.error = error
        self.fixed = fixed
        self.analysis = analysis
    }
}

/// Totals over a run.
public struct Summary: Sendable, Equatable {
    public var files = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Findings with a safe fix.
    public var fixable = 0
    /// Findings with an unsafe fix (applied only with `--unsafe-fixes`).
    public var unsafeFixable = 0
    public var fixed = 0
    /// Files that could not be linted.
    public var failedFiles = 0

    public init() {}

    public init(_ reports: [FileReport]) {
        files = reports.count
        for r in reports {
            if r.error != nil { failedFiles += 1 }
            fixed += r.fixed
            for d in r.diagnostics {
                switch d.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .info: infos += 1
                }
                if let f = d.fix {
                    if f.applicability == .safe { fixable += 1 } else if f.applicability == .unsafe { unsafeFixable += 1 }
                }
            }
        }
    }

    public var problems: Int { errors + warnings + infos }
}

/// Turns reports into output text. Pure: the CLI prints what it returns.
public protocol OutputFormatter {
    func format(_ reports: [FileReport], registry: RuleRegistry) -> String
}

/// The JSON output (schema version 1):
/// `{"version":1,"files":[{"path","diagnostics":[{"rule","severity","message","range":{"start":{"line","column","offset"},
/// "end":{…}},"fix":{"title","applicability","edits":[{"range","replacement"}]}}]}],"summary":{…}}`.
public struct JSONFormatter: Sendable {
    public init() {}

    public func format(_ reports: [FileReport], registry: RuleRegistry) -> String { streamedFormat(reports) }

    public static func summary(_ s: Summary) -> JSONValue {
        ["files": .int(s.files), "errors": .int(s.errors), "warnings": .int(s.warnings), "infos": .int(s.infos), "fixable": .int(s.fixable)]
    }

    public static func file(_ r: FileReport) -> JSONValue {
        var o = JSONObject()
        o["path"] = .string(r.path)
        if let e = r.error { o["error"] = .string(e) }
        o["diagnostics"] = .array(r.document.map { doc in r.diagnostics.map { diagnostic($0, doc) } } ?? [])
        // Under `--profile auto` only: which laws were applied, and why (a key other runs do not have).
        if !r.profileChoices.isEmpty { o["profiles"] = profiles(r.profileChoices) }
        return .object(o)
    }

    /// `[{"profile": "us-ny", "applied": true, "reason": "location New York, NY"}, …]`; a note about the posting
    /// as a whole (no location) has an empty profile.
    public static func profiles(_ choices: [ProfileChoice]) -> JSONValue {
        .array(choices.map { c in
            var o = JSONObject()
            o["profile"] = .string(c.profile)
            o["applied"] = .bool(c.applied)
            o["reason"] = .string(c.reason)
            if let u = c.upcoming { o["effective"] = .string(u) }
            return .object(o)
        })
    }

    public static func position(_ p: SourcePosition) -> JSONValue {
        ["line": .int(p.line), "column": .int(p.column), "offset": .int(p.offset)]
    }

    public static func range(_ r: SourceRange, _ doc: Document) -> JSONValue {
        ["start": position(doc.position(r.lowerBound)), "end": position(doc.position(r.upperBound))]
    }

    public static func diagnostic(_ d: Diagnostic, _ doc: Document) -> JSONValue {
        var o = JSONObject()
        o["rule"] = .string(d.rule)
        o["severity"] = .string(d.severity.rawValue)
        o["message"] = .string(d.message)
        o["range"] = range(d.range, doc)
        if let f = d.fix {
            o["fix"] = [
                "title": .string(f.title),
                "applicability": .string(f.applicability.rawValue),
                "edits": .array(f.edits.map { ["range": range($0.range, doc), "replacement": .string($0.replacement)] }),
            ]
        }
        return .object(o)
    }
}

/// Human-readable output: `path:line:col: severity [rule] message`, grouped by file, with a summary line.
public struct TextFormatter: StreamableFormatter, Sendable {
    public var color: Bool
    public var showFixes: Bool
    public var statistics: Bool

    public init(color: Bool = false, showFixes: Bool = false, statistics: Bool = false) {
        self.color = color
        self.showFixes = showFixes
        self.statistics = statistics
    }

    public init(options: FormatOptions) {
        self.init(color: options.color, showFixes: options.showFixes, statistics: options.statistics)
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func format(_ reports: [FileReport], registry: RuleRegistry) -> String { streamedFormat(reports) }

    public func header() -> String { "" }

    public func fragment(_ r: FileReport, index: Int) -> String {
        // Files that could not be linted are reported once, on standard error, by the CLI.
        guard r.error == nil, let doc = r.document else { return "" }
        var out = ""
        if showFixes && r.fixed > 0 {
            out += "\(paint(r.path, "1")): fixed \(r.fixed) problem\(r.fixed == 1 ? "" : "s")"
            if r.fixEdits > 0 { out += " (\(r.fixEdits) edit\(r.fixEdits == 1 ? "" : "s") in \(r.fixPasses) pass\(r.fixPasses == 1 ? "" : "es"))" }
            let n = r.diagnostics.count
            out += n == 0 ? "; none remain\n" : "; \(n) remain\(n == 1 ? "s" : "")\n"
        }
        out += TextFormatter.choices(r, paint)
        guard !r.diagnostics.isEmpty else { return out }
        for d in r.diagnostics {
            let p = doc.position(d.range.lowerBound)
            let sev: String
            switch d.severity {
            case .error: sev = paint("error", "31;1")
            case .warning: sev = paint("warning", "33;1")
            case .info: sev = paint("info", "36")
            }
            var line = "\(paint(r.path, "1")):\(p.line):\(p.column): \(sev) [\(paint(d.rule, "2"))] \(d.message)"
            if let f = d.fix {
                line += f.applicability == .safe ? paint(" [*]", "32") : f.applicability == .unsafe ? paint(" [unsafe fix]", "2") : ""
            }
            out += line + "\n"
        }
        return out + "\n"
    }

    /// Under `--profile auto`: `PATH: pay laws applied: us-ny (location New York, NY)`, then the laws considered and
    /// not applied, each with the reason, one line each.
    static func choices(_ r: FileReport, _ paint: (String, String) -> String) -> String {
        guard !r.profileChoices.isEmpty else { return "" }
        let path = paint(r.path, "1")
        var out = ""
        let applied = r.profileChoices.filter(\.applied)
        if !applied.isEmpty {
            out += "\(path): pay laws applied (--profile auto): " + applied.map { "\($0.profile) (\($0.reason))" }.joined(separator: "; ") + "\n"
        }
        for c in r.profileChoices where !c.applied {
            out += c.profile.isEmpty ? "\(path): pay laws (--profile auto): \(c.reason)\n" : "\(path): pay law not applied: \(c.profile) (\(c.reason))\n"
        }
        return out
    }

    public func footer(_ reports: [FileReport]) -> String {
        var out = ""
        if statistics { out += TextFormatter.statistics(reports) }
        return out + TextFormatter.summaryLine(Summary(reports)) + "\n"
    }

    /// Findings per rule, most frequent first: `     3  grammar/repeated-word (error)`.
    public static func statistics(_ reports: [FileReport]) -> String {
        var counts: [String: (n: Int, severity: Severity, fixable: Int)] = [:]
        for r in reports {
            for d in r.diagnostics {
                counts[d.rule, default: (0, d.severity, 0)].n += 1
                if let f = d.fix, f.applicability == .safe { counts[d.rule]!.fixable += 1 }
            }
        }
        var out = ""
        for (rule, c) in counts.sorted(by: { $0.value.n != $1.value.n ? $0.value.n > $1.value.n : $0.key < $1.key }) {
            let n = String(c.n)
            out += String(repeating: " ", count: max(0, 6 - n.count)) + n + "  \(rule) (\(c.severity.rawValue)"
            out += c.fixable > 0 ? ", \(c.fixable) fixable)\n" : ")\n"
        }
        if !counts.isEmpty { out += "\n" }
        return out
    }

    public static func summaryLine(_ s: Summary) -> String {
        func plural(_ n: Int, _ w: String) -> String { "\(n) \(w)\(n == 1 ? "" : "s")" }
        var line: String
        if s.problems == 0 {
            line = "No problems found in \(plural(s.files - s.failedFiles, "file"))."
        } else {
            line = "Found \(plural(s.problems, "problem")) (\(plural(s.errors, "error")), \(plural(s.warnings, "warning")), \(plural(s.infos, "info"))) in \(plural(s.files - s.failedFiles, "file"))."
        }
        if s.fixed > 0 {
            line = s.problems == 0
                ? "Fixed \(plural(s.fixed, "problem")); no problems remain in \(plural(s.files - s.failedFiles, "file"))."
                : "Fixed \(plural(s.fixed, "problem")); \(s.problems) remain\(s.problems == 1 ? "s" : "")" + line.dropFirst("Found \(plural(s.problems, "problem"))".count)
        }
        if s.fixable > 0 { line += " \(s.fixable) fixable with --fix." }
        if s.unsafeFixable > 0 { line += " \(s.unsafeFixable) more with --unsafe-fixes." }
        if s.failedFiles > 0 { line += " \(plural(s.failedFiles, "file")) could not be linted." }
        return line
    }
}
