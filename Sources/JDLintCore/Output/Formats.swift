/// What a formatter may need besides the reports.
public struct FormatOptions: Sendable {
    /// ANSI colours (text only).
    public var color: Bool
    /// Per-file "fixed N problems" lines (text only).
    public var showFixes: Bool
    /// Findings counted per rule (text only).
    public var statistics: Bool

    public init(color: Bool = false, showFixes: Bool = false, statistics: Bool = false) {
        self.color = color
        self.showFixes = showFixes
        self.statistics = statistics
    }
}

/// Output formats by name. Each is a pure formatter over the same reports; add one line here to add a format.
public enum Formats {
    public static let all: [(name: String, summary: String, make: @Sendable (FormatOptions) -> any OutputFormatter)] = [
        ("text", "path:line:col: severity [rule] message, grouped by file, with a summary", { TextFormatter(options: $0) }),
        ("json", "one JSON document (schema version 1)", { _ in JSONFormatter() }),
        ("jsonl", "JSON Lines: one diagnostic per line", { _ in JSONLinesFormatter() }),
        ("sarif", "SARIF 2.1.0 (GitHub code scanning)", { _ in SARIFFormatter() }),
        ("github", "GitHub Actions workflow commands (annotations)", { _ in GitHubFormatter() }),
        ("junit", "JUnit XML, one test case per file", { _ in JUnitFormatter() }),
        ("checkstyle", "Checkstyle XML", { _ in CheckstyleFormatter() }),
        ("rdjson", "reviewdog diagnostic format (rdjson), with suggestions from fixes", { _ in RDJSONFormatter() }),
        ("html", "a self-contained HTML report", { _ in HTMLReportFormatter() }),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func make(_ name: String, options: FormatOptions) -> (any OutputFormatter)? {
        all.first { $0.name == name }?.make(options)
    }

    public static func make(_ name: String, color: Bool = false, showFixes: Bool = false, statistics: Bool = false) -> (any OutputFormatter)? {
        make(name, options: FormatOptions(color: color, showFixes: showFixes, statistics: statistics))
    }
}
