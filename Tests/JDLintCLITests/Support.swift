import Foundation

/// Runs the built `jdlint` binary: `$JDLINT_BIN` when set, else the `jdlint` next to the test bundle, else
/// `.build/debug/jdlint` under the package root (found from this file's path).
enum CLI {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary: String = {
        let env = ProcessInfo.processInfo.environment
        if let b = env["JDLINT_BIN"], !b.isEmpty { return b }
        let fm = FileManager.default
        // The test runner lives in the build products folder, beside the binary.
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("jdlint").path
            if fm.isExecutableFile(atPath: candidate) && !candidate.hasSuffix(".xctest") { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/jdlint").path
    }()

    struct Result {
        var code: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]

        /// Standard error lines (without the empty last one).
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }

        /// Parsed JSON standard output.
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(stdoutBytes))) as? [String: Any] ?? [:]
        }

        /// `rule` of every diagnostic in the JSON output, in order, per file path.
        var rulesByFile: [String: [String]] {
            var out: [String: [String]] = [:]
            for f in json["files"] as? [[String: Any]] ?? [] {
                out[f["path"] as? String ?? ""] = (f["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            }
            return out
        }
    }

    /// Runs jdlint with `args` in `cwd`, feeding `stdin`.
    @discardableResult
    static func run(_ args: [String], cwd: URL? = nil, stdin: [UInt8]? = nil, env: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["JDLINT_CURRENT_YEAR"] = "2026"
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let dir = try TempDir()
        let outURL = dir.url.appendingPathComponent("stdout"), errURL = dir.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        if let stdin {
            let inURL = dir.url.appendingPathComponent("stdin")
            _ = FileManager.default.createFile(atPath: inURL.path, contents: Data(stdin))
            p.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            p.standardInput = FileHandle.nullDevice
        }
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        let o = [UInt8]((try? Data(contentsOf: outURL)) ?? Data())
        let e = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Result(code: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: e, stdoutBytes: o)
    }
}

/// A temporary folder, removed when the value goes away.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jdlint-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    /// Writes a file (folders created) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let u = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: u)
        return u.path
    }

    func read(_ name: String) -> [UInt8] { [UInt8]((try? Data(contentsOf: url.appendingPathComponent(name))) ?? Data()) }
    func readText(_ name: String) -> String { String(decoding: read(name), as: UTF8.self) }
}

/// Fixtures written for these tests (never corpus text).
enum Fixture {
    /// An error (indefinite article), a warning (repeated word) and a safe salary fix.
    static let defects = "Senior Analyst\n\nWe need a engineer who can join the the team.\n\nPay: $64334 per year.\n"
    static let clean = "Senior Analyst\n\nWe need an engineer who can join the team.\n\nPay: $64,334 per year.\n"
    /// Only a warning (repeated word).
    static let warningOnly = "Senior Analyst\n\nYou will join the the team.\n"
}
