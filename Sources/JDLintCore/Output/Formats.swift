/// Output formats by name. Each is a pure formatter over the same reports.
public enum Formats {
    /// Formatter factories; `color`, `showFixes` and `statistics` only matter to the text format.
    public static let all: [(name: String, make: @Sendable (_ color: Bool, _ showFixes: Bool, _ statistics: Bool) -> any OutputFormatter)] = [
        ("text", { c, s, st in TextFormatter(color: c, showFixes: s, statistics: st) }),
        ("json", { _, _, _ in JSONFormatter() }),
        ("html", { _, _, _ in HTMLReportFormatter() }),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func make(_ name: String, color: Bool = false, showFixes: Bool = false, statistics: Bool = false) -> (any OutputFormatter)? {
        all.first { $0.name == name }?.make(color, showFixes, statistics)
    }
}
