import JDLintCore

enum Help {
    static var text: String {
        var s = """
            jdlint \(Version.string) — a linter for job descriptions

            Usage:
              jdlint [options] [paths…]     Lint files and folders (.txt .md .markdown .html .htm .json .jsonld); `-` reads standard input
              jdlint rules [--format F]     List every rule (F: json, markdown for the README table, reference for docs/rules.md,
                                            pay-laws for docs/pay-laws.md)
              jdlint explain RULE           Explain a rule: options, examples, fixes
              jdlint facts [--format F] PATHS…  What each posting states, as schema.org JobPosting (F: jsonld, jsonl, json)
              jdlint init [PATH] [--force]  Write a commented .jdlint.json with every rule at its default
              jdlint test-pack FILE…        Run a rule pack's own examples (exit 1 on failure)
              jdlint lsp                    The language server (JSON-RPC over standard input and output)
              jdlint --jsonl                Batch mode: JSON Lines records in, one result line per record out
              jdlint help                   This text

            Options:

            """
        for f in LintOptions.flags {
            let name = f.value.map { "\(f.name) \($0)" } ?? f.name
            s += "  " + name.padding(22) + " " + f.help + "\n"
        }
        s += "  --version              Print the version\n  --help                 Print this help\n\nFormats:\n"
        for f in Formats.all { s += "  " + f.name.padding(22) + " " + f.summary + "\n" }
        s += """

            Exit codes: 0 no errors, 1 errors found (or --max-warnings exceeded, or --diff would change something),
                        2 usage error, configuration error, a folder with no postings,
                          or a file that could not be read (missing, not UTF-8, binary).

            """
        return s
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
