import JDLintCore

/// Hooks for subcommands that live in their own files (the language server, init, test-pack, batch mode).
enum Extensions {
    /// Further subcommands by name: add one line per subcommand.
    static let subcommands: [String: @Sendable ([String]) -> Int32] = [
        "facts": { FactsCommand.run($0, stdoutStream, stderrStream) },
        "init": { InitCommand.run($0) },
        "lsp": { LSPCommand.run($0) },
        "test-pack": { TestPackCommand.run($0, stdoutStream, stderrStream) },
    ]
    /// `--jsonl` batch mode.
    static let batch: (@Sendable (LintOptions) -> Int32)? = { BatchCommand.run($0) }
}
