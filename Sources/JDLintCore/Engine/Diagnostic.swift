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
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    public static func replace(_ range: SourceRange, with s: String) -> Edit { Edit(range: range, replacement: s) }
    /// Inserts `s` at a source offset.
    public static func insert(_ s: String, at offset: Int) -> Edit { Edit(range: SourceRange(at: offset), replacement: s) }
    public static func remove(_ range: SourceRange) -> Edit { Edit(range: range, replacement: "") }
}

/// A proposed repair of a finding.
public struct Fix: Sendable, Equatable {
    public var title: String
    public var applicability: Applicability
    /// Non-overlapping edits of the source, sorted by offset.
    public var edits: [Edit]

    public init(title: String, applicability: Applicability, edits: [Edit]) {
        self.title = title
        self.applicability = applicability
        self.edits = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}

/// One edit of a fix as a rule writes it: a range of the extracted prose (`Analysis.text`, what rules read) and
/// what replaces it. `Reporter.report(_:prose:fix:)` turns it into an `Edit` of the source, the one conversion.
public struct ProseEdit: Sendable, Equatable {
    public var range: Range<Int>
    public var replacement: String

    public static func replace(_ range: Range<Int>, with s: String) -> ProseEdit { ProseEdit(range: range, replacement: s) }
    public static func insert(_ s: String, at offset: Int) -> ProseEdit { ProseEdit(range: offset..<offset, replacement: s) }
    public static func remove(_ range: Range<Int>) -> ProseEdit { ProseEdit(range: range, replacement: "") }
}

/// A fix as a rule writes it, over prose ranges: its title, how safe it is, its edits.
public struct ProseFix: Sendable, Equatable {
    public var title: String
    public var applicability: Applicability
    public var edits: [ProseEdit]

    public init(_ title: String, _ applicability: Applicability, _ edits: [ProseEdit]) {
        self.title = title
        self.applicability = applicability
        self.edits = edits
    }

    /// One replacement: `.replace(r, with: "an", title: "Change “a” to “an”", .safe)`.
    public static func replace(_ range: Range<Int>, with s: String, title: String, _ applicability: Applicability) -> ProseFix {
        ProseFix(title, applicability, [.replace(range, with: s)])
    }

    /// One removal: `.remove(r, title: "Remove the second “the”", .safe)`.
    public static func remove(_ range: Range<Int>, title: String, _ applicability: Applicability) -> ProseFix {
        ProseFix(title, applicability, [.remove(range)])
    }

    /// One insertion: `.insert(" ", at: i, title: "Add a space", .safe)`.
    public static func insert(_ s: String, at offset: Int, title: String, _ applicability: Applicability) -> ProseFix {
        ProseFix(title, applicability, [.insert(s, at: offset)])
    }
}

/// One finding.
public struct Diagnostic: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var message: String
    /// Byte range in the original document.
    public var range: SourceRange
    public var fix: Fix?

    public init(rule: String, severity: Severity, message: String, range: SourceRange, fix: Fix? = nil) {
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
