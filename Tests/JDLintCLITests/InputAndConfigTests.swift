import Foundation
import Testing

@Suite("Unusable input and configuration errors")
struct InputAndConfigTests {
    /// Each bad input gets exactly one message, naming the file, on standard error; the good file is still linted
    /// and reported; the exit code is 2.
    func expectOneProblem(_ name: String, bytes: [UInt8], mentioning words: [String]) throws {
        let d = try TempDir()
        try d.write("good.txt", Fixture.defects)
        try d.write(name, bytes: bytes)
        let r = try CLI.run(core + ["--format", "json", "good.txt", name], cwd: d.url)
        #expect(r.code == 2, "\(name)")
        let lines = r.errorLines
        #expect(lines.count == 1, "\(name): \(r.stderr)")
        #expect(lines.first?.hasPrefix("jdlint: \(name): ") == true, "\(name): \(r.stderr)")
        for w in words { #expect(r.stderr.contains(w), "\(name) lacks \(w): \(r.stderr)") }
        #expect(r.rulesByFile["good.txt"]?.contains("grammar/indefinite-article") == true)
        // The JSON report names the file and the reason too.
        let bad = (r.json["files"] as? [[String: Any]] ?? []).first { $0["path"] as? String == name }
        #expect(bad?["error"] is String)
        // And the text report still shows the good file's findings.
        let t = try CLI.run(core + ["good.txt", name], cwd: d.url)
        #expect(t.code == 2)
        #expect(t.stdout.contains("good.txt:3:9: error"))
        #expect(t.stdout.contains("1 file could not be linted"))
        #expect(t.errorLines.count == 1)
    }

    @Test func invalidUTF8() throws {
        try expectOneProblem("latin1.txt", bytes: Array("Caf".utf8) + [0xE9] + Array(" au lait\n".utf8), mentioning: ["not valid UTF-8", "line 1, column 4"])
    }

    @Test func binary() throws {
        try expectOneProblem("image.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], mentioning: ["binary"])
    }

    @Test func utf16() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "We need a engineer.\n".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        try expectOneProblem("wide.txt", bytes: bytes, mentioning: ["UTF-16"])
        var be: [UInt8] = [0xFE, 0xFF]
        for u in "Hi\n".utf16 { be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        try expectOneProblem("wide-be.md", bytes: be, mentioning: ["UTF-16"])
    }

    @Test func missingAndBrokenLinks() throws {
        let d = try TempDir()
        try d.write("good.txt", Fixture.defects)
        try FileManager.default.createSymbolicLink(atPath: d.url.appendingPathComponent("dangling.txt").path, withDestinationPath: "nowhere.txt")
        let r = try CLI.run(core + ["good.txt", "missing.txt", "dangling.txt"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.errorLines == ["jdlint: dangling.txt: broken symbolic link", "jdlint: missing.txt: no such file or directory"])
        #expect(r.stdout.contains("good.txt:3:9: error"))
    }

    @Test func unreadableFile() throws {
        guard getuid() != 0 else { return }  // root reads everything: covered by the other cases
        let d = try TempDir()
        let p = try d.write("secret.txt", Fixture.defects)
        chmod(p, 0)
        defer { chmod(p, 0o644) }
        let r = try CLI.run(core + ["secret.txt"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.errorLines == ["jdlint: secret.txt: permission denied"])
    }

    /// A config problem names the file and the key, and exits 2.
    func expectConfigError(_ config: String, mentioning words: [String], extra: [(String, String)] = []) throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        try d.write(".jdlint.json", config)
        for (n, t) in extra { try d.write(n, t) }
        let r = try CLI.run(["a.txt"], cwd: d.url)
        #expect(r.code == 2, "\(config)")
        #expect(r.stderr.contains(".jdlint.json") || !extra.isEmpty, "\(config): \(r.stderr)")
        #expect(r.errorLines.count == 1, "\(config): \(r.stderr)")
        for w in words { #expect(r.stderr.contains(w), "\(config) lacks \(w): \(r.stderr)") }
        let explicit = try CLI.run(["--config", ".jdlint.json", "a.txt"], cwd: d.url)
        #expect(explicit.code == 2)
        #expect(explicit.stderr.contains(".jdlint.json") || !extra.isEmpty)
    }

    @Test func configErrors() throws {
        try expectConfigError(#"{"rulez": {}}"#, mentioning: ["rulez", "unknown key"])
        try expectConfigError(#"{"rules": {"grammar/indefinite-articel": "error"}}"#,
                              mentioning: ["rules.grammar/indefinite-articel", "did you mean \"grammar/indefinite-article\""])
        try expectConfigError(#"{"rules": {"grammar/repeated-word": 5}}"#, mentioning: ["rules.grammar/repeated-word", "number"])
        try expectConfigError(#"{"rules": {"grammar/repeated-word": "loud"}}"#, mentioning: ["rules.grammar/repeated-word", "loud"])
        try expectConfigError(#"{"rules": {"grammar/repeated-word": {"enabled": "yes"}}}"#, mentioning: ["rules.grammar/repeated-word.enabled"])
        try expectConfigError(#"{"rules": []}"#, mentioning: ["rules", "array"])
        try expectConfigError(#"{"ignore": 5}"#, mentioning: ["ignore"])
        try expectConfigError(#"{"profiles": ["atlantis"]}"#, mentioning: ["profiles[0]", "atlantis"])
        try expectConfigError(#"{"extends": "missing.json"}"#, mentioning: ["extends", "missing.json", "not found"])
        try expectConfigError(#"{"extends": "b.json"}"#, mentioning: ["circular"], extra: [("b.json", #"{"extends": ".jdlint.json"}"#)])
        try expectConfigError(#"{"extends": "b.json"}"#, mentioning: ["b.json:1:29: rules.nonsense/rule"],
                              extra: [("b.json", #"{"rules": {"nonsense/rule": "off"}}"#)])
        try expectConfigError(#"{"extends": "b.json"}"#, mentioning: ["b.json:1:", "unknown key \"rulez\""],
                              extra: [("b.json", #"{"rulez": {}}"#)])
        try expectConfigError("{\"rules\": {\n  \"grammar/repeated-word\": \"off\",,\n}}", mentioning: ["invalid JSON", ":2:"])
    }

    @Test func missingExplicitConfig() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        let r = try CLI.run(["--config", "nope.json", "a.txt"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.stderr.contains("nope.json"))
    }

    @Test func commentsAndExtendsWork() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        try d.write("base.json", "// shared settings\n{\"rules\": {\"all\": \"off\", \"salary/number-format\": \"warning\"}}")
        try d.write(".jdlint.json", "{\n  // build on the base\n  \"extends\": \"base.json\",\n  \"rules\": {\"grammar/repeated-word\": \"error\"}\n}")
        let r = try CLI.run(["--format", "json", "a.txt"], cwd: d.url)
        #expect(r.code == 1)
        #expect(r.rulesByFile["a.txt"] == ["grammar/repeated-word", "salary/number-format"])
    }
}
