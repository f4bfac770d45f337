/// An example in a rule's documentation, run by the generic rule test.
///
/// In triggering examples, `↓` marks where each finding must start (the marker is removed before linting).
public struct RuleExample: Sendable {
    public var text: String
    public var format: DocumentFormat
    /// Rule options for this example (as in `.jdlint.json`).
    public var options: JSONObject
    /// Profiles selected for this example.
    public var profiles: [String]

    public init(_ text: String, format: DocumentFormat = .text, options: JSONObject = JSONObject(), profiles: [String] = []) {
        self.text = text
        self.format = format
        self.options = options
        self.profiles = profiles
    }

    public static let marker: Character = "↓"
}

/// An example of a fix: the input (markers allowed and ignored) and the fixed output.
public struct RuleCorrection: Sendable {
    public var input: String
    public var output: String
    public var format: DocumentFormat
    /// The most permissive applicability used (`.unsafe` also applies safe fixes).
    public var applicability: Applicability
    public var options: JSONObject
    public var profiles: [String]

    public init(_ input: String, _ output: String, format: DocumentFormat = .text, applicability: Applicability = .safe,
                options: JSONObject = JSONObject(), profiles: [String] = []) {
        self.input = input
        self.output = output
        self.format = format
        self.applicability = applicability
        self.options = options
        self.profiles = profiles
    }
}

/// The type of a rule option's value, checked when a configuration is loaded.
public enum RuleOptionType: Sendable, Equatable {
    /// A whole number, at least `minimum` when given.
    case integer(minimum: Int? = nil)
    /// Any number, at least `minimum` when given.
    case number(minimum: Double? = nil)
    case boolean
    case string
    /// An array of strings (a single string is also accepted as a list of one).
    case stringList
    /// One of these strings.
    case oneOf([String])

    /// How the type reads in messages and documentation (`an integer ≥ 0`, `one of "a", "b"`).
    public var description: String {
        switch self {
        case .integer(let m): return "an integer" + (m.map { " ≥ \($0)" } ?? "")
        case .number(let m): return "a number" + (m.map { " ≥ \(JSONValue.double($0).serialized())" } ?? "")
        case .boolean: return "true or false"
        case .string: return "a string"
        case .stringList: return "a list of strings"
        case .oneOf(let values): return "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }

    /// A short name for tables: `integer`, `number`, `boolean`, `string`, `string list`, `enum`.
    public var name: String {
        switch self {
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .string: return "string"
        case .stringList: return "string list"
        case .oneOf: return "one of"
        }
    }

    /// The allowed values of a `oneOf` option, empty otherwise.
    public var allowedValues: [String] {
        if case .oneOf(let v) = self { return v }
        return []
    }

    /// Whether `value` is of this type.
    public func accepts(_ value: JSONValue) -> Bool {
        switch self {
        case .integer(let m):
            guard let i = value.intValue else { return false }
            return m.map { i >= $0 } ?? true
        case .number(let m):
            guard let d = value.doubleValue, d.isFinite else { return false }
            return m.map { d >= $0 } ?? true
        case .boolean: return value.boolValue != nil
        case .string: return value.stringValue != nil
        case .stringList:
            if value.stringValue != nil { return true }
            guard let a = value.arrayValue else { return false }
            return a.allSatisfy { $0.stringValue != nil }
        case .oneOf(let values): return value.stringValue.map(values.contains) ?? false
        }
    }
}

/// One option a rule declares: its name, type, default and what it does. The configuration loader checks names
/// and values against it; `jdlint explain`, `jdlint init` and docs/rules.md print it.
public struct RuleOption: Sendable {
    public var name: String
    public var type: RuleOptionType
    /// The value used when the configuration gives none (`nil`: none, the option is off).
    public var defaultValue: JSONValue?
    public var description: String

    public init(_ name: String, _ type: RuleOptionType, default defaultValue: JSONValue? = nil, _ description: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.description = description
    }

    /// `(an integer ≥ 0; default 12): description` — the type (allowed values included), default and description.
    public var summary: String {
        var s = type.description
        if let d = defaultValue { s += "; default \(d.serialized())" }
        return "(\(s)): \(description)"
    }
}

/// What a rule's findings depend on, so the language server knows what an edit can change.
public enum RuleScope: String, Sendable {
    /// Anything in the document (the default): the rule re-runs on every edit.
    case document
    /// Each block (heading, paragraph, bullet, field, cell) on its own: the findings in a block depend only on the
    /// bytes of the block's lines, and they lie within those lines. An edit re-runs the rule on the changed blocks
    /// only and keeps (shifted) the findings of the others. `Invariants.localityProblems` checks this claim for every such rule
    /// on every example: linting each block alone, with the rest of the document blanked out, gives the findings
    /// of the whole document.
    case block
}

/// Everything a rule says about itself: identity, documentation and examples.
public struct RuleMeta: Sendable {
    /// Stable id, `category/kebab-name`. A public interface: never renamed without a note.
    public var id: String
    public var summary: String
    public var explanation: String
    public var defaultSeverity: Severity
    /// Whether the rule runs when the configuration says nothing about it.
    public var enabledByDefault: Bool
    /// The applicability of the rule's fixes (`nil` when it never offers one): the one most of its fixes have.
    public var fix: Applicability?
    /// Other applicabilities some of its fixes have (`salary/number-format`: safe grouping, unsafe `k` unification).
    /// A test over every example and every corpus posting fails on a fix of any applicability not declared.
    public var otherFixes: [Applicability]
    /// Every applicability the rule's fixes may have.
    public var fixes: [Applicability] { (fix.map { [$0] } ?? []) + otherFixes.filter { $0 != fix } }
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]
    public var corrections: [RuleCorrection]
    /// The options it takes, with their types and defaults (checked when a configuration is loaded).
    public var options: [RuleOption]
    /// Where the rule comes from: `builtin` or a pack's path.
    public var origin: String
    /// What the findings depend on (`.document` unless the rule is checked to be block-local).
    public var scope: RuleScope

    public init(id: String, summary: String, explanation: String, defaultSeverity: Severity, enabledByDefault: Bool = true,
                fix: Applicability? = nil, otherFixes: [Applicability] = [], triggering: [RuleExample] = [],
                nonTriggering: [RuleExample] = [], corrections: [RuleCorrection] = [], options: [RuleOption] = [],
                origin: String = "builtin", scope: RuleScope = .document) {
        self.id = id
        self.summary = summary
        self.explanation = explanation
        self.defaultSeverity = defaultSeverity
        self.enabledByDefault = enabledByDefault
        self.fix = fix
        self.otherFixes = otherFixes
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.corrections = corrections
        self.options = options
        self.origin = origin
        self.scope = scope
    }

    /// The category part of the id (`grammar` for `grammar/indefinite-article`).
    public var category: String { String(id.split(separator: "/").first ?? Substring(id)) }
}

/// What a rule gets to look at.
public struct RuleContext: Sendable {
    public let analysis: Analysis
    /// This rule's options from the configuration.
    public let options: JSONObject
    public let settings: LintSettings
    /// Whether the lint this rule runs in was cancelled (a newer version of the document arrived): a rule that may
    /// run long can stop early; its findings are then discarded.
    public let cancellation: LintCancellation

    public init(analysis: Analysis, options: JSONObject, settings: LintSettings, cancellation: LintCancellation = .never) {
        self.analysis = analysis
        self.options = options
        self.settings = settings
        self.cancellation = cancellation
    }

    public var isCancelled: Bool { cancellation.isCancelled }

    public var document: Document { analysis.document }

    public func int(_ key: String, default d: Int) -> Int { options[key]?.intValue ?? d }
    public func double(_ key: String, default d: Double) -> Double { options[key]?.doubleValue ?? d }
    public func bool(_ key: String, default d: Bool) -> Bool { options[key]?.boolValue ?? d }
    public func string(_ key: String, default d: String) -> String { options[key]?.stringValue ?? d }
    public func strings(_ key: String) -> [String]? { options[key]?.arrayValue?.compactMap(\.stringValue) }
}

/// Collects one rule's findings.
/// A rule's metadata, boxed once per linter: a reporter is made for every rule and every document, and a
/// `RuleMeta` copy retains each of its many fields (0.8% of a corpus run).
final class RuleMetaBox: Sendable {
    let meta: RuleMeta
    let id: String
    let defaultSeverity: Severity
    init(_ meta: RuleMeta) {
        self.meta = meta
        id = meta.id
        defaultSeverity = meta.defaultSeverity
    }
}

public struct Reporter {
    let box: RuleMetaBox
    public var meta: RuleMeta { box.meta }
    public let analysis: Analysis
    /// The findings so far, in order: full chunks of `chunkSize`, then the one being filled. A rule with a million
    /// findings (a 100 MB posting) fills fixed chunks instead of regrowing, and so copying, one array.
    var chunks: [[Diagnostic]] = []
    var current: [Diagnostic] = []
    static let chunkSize = 4096

    /// The findings reported so far, in order.
    public var diagnostics: [Diagnostic] { chunks.isEmpty ? current : Array((chunks + [current]).joined()) }

    public init(meta: RuleMeta, analysis: Analysis) {
        self.init(box: RuleMetaBox(meta), analysis: analysis)
    }

    init(box: RuleMetaBox, analysis: Analysis) {
        self.box = box
        self.analysis = analysis
    }

    /// Takes the findings out, as chunks (the last may be empty).
    mutating func take() -> [[Diagnostic]] {
        var out = chunks
        chunks = []
        out.append(current)
        current = []
        return out
    }

    /// Reports a finding at a byte range of the source document (a rule that reads prose reports with
    /// `report(_:prose:fix:)`, which converts).
    public mutating func report(_ message: String, at range: SourceRange, fix: Fix? = nil) {
        if current.count == Reporter.chunkSize {
            chunks.append(current)
            current = []
            current.reserveCapacity(Reporter.chunkSize)
        }
        current.append(Diagnostic(rule: box.id, severity: box.defaultSeverity, message: message, range: range, fix: fix))
    }

    /// Reports a finding at a prose range; the fix (if any) is given as prose-range replacements and is dropped
    /// when the prose there does not map byte for byte onto the source (decoded entities, escapes).
    public mutating func report(_ message: String, prose range: Range<Int>, fix: ProseFix? = nil) {
        var f: Fix?
        if let fix {
            var edits: [Edit] = []
            var ok = true
            for e in fix.edits {
                guard analysis.isVerbatim(e.range) else { ok = false; break }
                edits.append(Edit(range: analysis.sourceRange(e.range), replacement: e.replacement))
            }
            if ok { f = Fix(title: fix.title, applicability: fix.applicability, edits: edits) }
        }
        report(message, at: analysis.sourceRange(range), fix: f)
    }
}

/// A lint rule. Rules are values: stateless, `Sendable`, run once per document.
public protocol Rule: Sendable {
    var meta: RuleMeta { get }
    func check(_ context: RuleContext, _ reporter: inout Reporter)
    /// For a block-scoped rule, the part that needs the whole document (front-matter values, say): it runs on the
    /// whole document at every lint, while an incremental lint runs `check` on the changed blocks only. Its
    /// findings are not covered by the block-scope claim. Does nothing by default.
    func checkDocument(_ context: RuleContext, _ reporter: inout Reporter)
    /// For a block-scoped rule whose findings in a block also depend on a property of the whole document (the
    /// spacing rule ignores doubled spaces in Markdown that holds inline HTML): a fingerprint of that property. When
    /// it changes between two versions, an incremental lint re-runs the block rules on every block. 0 by default.
    func blockContext(_ analysis: Analysis) -> UInt64
}

extension Rule {
    public func checkDocument(_ context: RuleContext, _ reporter: inout Reporter) {}
    public func blockContext(_ analysis: Analysis) -> UInt64 { 0 }
}

/// Settings that apply to every rule of one lint run.
public struct LintSettings: Sendable {
    /// Selected profiles (`default`, `google-jobs`, `us-ny`…).
    public var profiles: [String]
    /// The current year, for rules that compare against dates (injectable for tests).
    public var currentYear: Int
    /// Today, `YYYY-MM-DD`, set by the front ends (the core reads no clock): the date a pay-transparency law is
    /// judged against under `--profile auto` when the posting has no date of its own.
    public var today: String?
    /// `--as-of DATE`: judge the laws as on this day, whatever the posting's date.
    public var asOf: String?
    /// The employer's size and states, from the configuration (`employer`).
    public var employer: Employer?
    /// Under `--profile auto`, the profiles chosen for the posting being linted (set by the linter).
    public var resolvedProfiles: [Profile]?
    /// Under `--profile auto`, every law considered for the posting, applied or not, with the reason.
    public var profileChoices: [ProfileChoice] = []

    public init(profiles: [String] = ["default"], currentYear: Int = 2026, today: String? = nil, asOf: String? = nil, employer: Employer? = nil) {
        self.profiles = profiles
        self.currentYear = currentYear
        self.today = today
        self.asOf = asOf
        self.employer = employer
    }
}
