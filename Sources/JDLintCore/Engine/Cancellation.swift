/// A cooperative cancellation check for one lint. The engine asks it between the steps of a lint (before the
/// rules, and before each rule starts), and a rule that may run long can ask it too (`RuleContext.isCancelled`).
/// The core holds no lock and no thread for it: the caller says what "cancelled" means (the language server: a
/// newer version of the document arrived, the configuration changed, the document closed, or shutdown).
public struct LintCancellation: Sendable {
    let check: @Sendable () -> Bool

    public init(_ isCancelled: @escaping @Sendable () -> Bool) { check = isCancelled }

    public var isCancelled: Bool { check() }

    /// Never cancelled (every lint that does not ask for cancellation).
    public static let never = LintCancellation { false }
}

/// Thrown by the cancellable lint entry points when their `LintCancellation` was cancelled before they returned:
/// whatever was computed is discarded, so an incomplete result (some rules skipped) never escapes.
public struct LintCancelled: Error, Sendable, Equatable {
    public init() {}
}
