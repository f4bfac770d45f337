import JDLintCore

/// Hooks for subcommands that live in their own files (the language server, init, test-pack, batch mode).
enum Extensions {
    /// Further subcommands by name.
    static let subcommands: [String: @Sendable ([String]) -> Int32] = [
        "lsp": { LSPCommand.run($0) },
    ]
    /// `--jsonl` batch mode.
    static let batch: (@Sendable (LintOptions) -> Int32)? = { BatchCommand.run($0) }
}
