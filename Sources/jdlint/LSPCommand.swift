import JDLintLSP

/// `jdlint lsp`: the language server (see `Sources/JDLintLSP`).
enum LSPCommand {
    static func run(_ args: [String]) -> Int32 { LSPMain.run(args) }
}
