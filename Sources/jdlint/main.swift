#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JDLintCore
import JDLintKit

let stdoutStream = OutputStream(FileDescriptor.standardOutput)
let stderrStream = OutputStream(FileDescriptor.standardError)
let args = Array(CommandLine.arguments.dropFirst())

/// Subcommands other than linting. Each returns the exit code.
let subcommands: [String: @Sendable ([String]) -> Int32] = [
    "rules": { RulesCommand.list($0, stdoutStream, stderrStream) },
    "explain": { RulesCommand.explain($0, stdoutStream, stderrStream) },
    "help": { _ in stdoutStream.write(Help.text); return 0 },
]

func run() -> Int32 {
    if args.first == "--version" || args.first == "-V" {
        stdoutStream.write("jdlint \(Version.string)\n")
        return 0
    }
    if args.first == "--help" || args.first == "-h" {
        stdoutStream.write(Help.text)
        return 0
    }
    if let first = args.first, let sub = subcommands[first] ?? Extensions.subcommands[first] {
        return sub(Array(args.dropFirst()))
    }
    do {
        let options = try LintOptions.parse(args)
        if options.jsonl, let batch = Extensions.batch { return batch(options) }
        return LintCommand(options: options, stdout: stdoutStream, stderr: stderrStream).run()
    } catch {
        stderrStream.write("jdlint: \(error)\n")
        return 2
    }
}

exit(run())
