/// How serious a finding is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Whether a fix may be applied without review (ruff's vocabulary).
public enum Applicability: String, Sendable, Codable, Comparable {
    /// Applied by `--fix` and by fix-all/format on save.
    case safe
    /// Applied only with `--unsafe-fixes`: it may change meaning.
    case unsafe
    /// Shown as a suggestion, never applied automatically.
    case displayOnly = "display-only"

    var rank: Int { self == .safe ? 0 : self == .unsafe ? 1 : 2 }
    public static func < (a: Applicability, b: Applicability) -> Bool { a.rank < b.rank }
}

/// The one edit primitive: replace a byte range of the original document. An insertion has an empty range,
/// a removal an empty replacement. It maps 1:1 onto an LSP `TextEdit`.
public struct Edit: Sendable, Equatable, Hashable {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    public static func replace(_ range: Range<Int>, with s: String) -> Edit { Edit(range: range, replacement: s) }
    public static func insert(_ s: String, at offset: Int) -> Edit { Edit(range: offset..<offset, replacement: s) }
    public static func remove(_ range: Range<Int>) -> Edit { Edit(range: range, replacement: "") }
}

/// A proposed repair of a finding.
public struct Fix: Sendable, Equatable {
    public var title: String
    public var applicability: Applicability
    /// Non-overlapping edits, sorted by offset.
    public var edits: [Edit]

    public init(title: String, applicability: Applicability, edits: [Edit]) {
        self.title = title
        self.applicability = applicability
        self.edits = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}

/// One finding.
public struct Diagnostic: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var message: String
    /// Byte range in the original document.
    public var range: Range<Int>
    public var fix: Fix?

    public init(rule: String, severity: Severity, message: String, range: Range<Int>, fix: Fix? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.range = range
        self.fix = fix
    }

    /// The order of output: by offset, then end, then rule id, then message.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.range.upperBound != b.range.upperBound { return a.range.upperBound < b.range.upperBound }
        return a.message < b.message
    }
}
