import Foundation
import Testing

@Suite("Suppression comments, standard input, rules, explain and init")
struct SuppressionAndStdinTests {
    func rules(_ name: String, _ text: String, _ extra: [String] = []) throws -> [String] {
        let d = try TempDir()
        try d.write(name, text)
        let r = try CLI.run(core + ["--format", "json"] + extra + [name], cwd: d.url)
        return r.rulesByFile[name] ?? []
    }

    @Test func plainTextSuppressions() throws {
        #expect(try rules("a.txt", "Intro line.\n\n# jdlint-disable-next-line grammar/repeated-word\nJoin the the team.\n") == [])
        #expect(try rules("a.txt", "Intro line.\n\n# jdlint-disable-next-line grammar/indefinite-article\nJoin the the team.\n")
                == ["grammar/repeated-word"])
        #expect(try rules("a.txt", "# jdlint-disable\nWe need a engineer.\nJoin the the team.\n# jdlint-enable\nWe need a engineer.\n")
                == ["grammar/indefinite-article"])
        #expect(try rules("a.txt", "Intro line.\n\n# jdlint-disable-next-line grammar/\nWe need a engineer for the the team.\n") == [])
    }

    @Test func markdownSuppressions() throws {
        #expect(try rules("a.md", "# Analyst\n\n<!-- jdlint-disable-next-line grammar/repeated-word -->\nJoin the the team.\n") == [])
        #expect(try rules("a.md", "# Analyst\n\n<!-- jdlint-disable grammar/indefinite-article -->\nWe need a engineer.\n<!-- jdlint-enable grammar/indefinite-article -->\n\nWe need a engineer.\n")
                == ["grammar/indefinite-article"])
    }

    @Test func htmlSuppressions() throws {
        let html = "<h1>Analyst</h1>\n<!-- jdlint-disable-next-line -->\n<p>We need a engineer for the the team.</p>\n<p>Join the the team.</p>\n"
        #expect(try rules("a.html", html) == ["grammar/repeated-word"])
    }

    @Test func unusedSuppressionIsReported() throws {
        let d = try TempDir()
        try d.write("a.txt", "Intro line.\n\n# jdlint-disable-next-line grammar/repeated-word\nA clean sentence.\n")
        let sel = ["--no-config", "--select", "grammar/repeated-word,suppression/unused", "--format", "json"]
        let r = try CLI.run(sel + ["a.txt"], cwd: d.url)
        #expect(r.rulesByFile["a.txt"] == ["suppression/unused"])
        let diag = ((r.json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])?.first
        #expect(diag?["severity"] as? String == "info")
        #expect(r.code == 0)
        // Its fix is unsafe: --fix keeps the comment, --unsafe-fixes removes the whole line.
        #expect(try CLI.run(["--no-config", "--select", "grammar/repeated-word,suppression/unused", "--fix", "a.txt"], cwd: d.url).code == 0)
        #expect(d.readText("a.txt").contains("jdlint-disable-next-line"))
        #expect(try CLI.run(["--no-config", "--select", "grammar/repeated-word,suppression/unused", "--fix", "--unsafe-fixes", "a.txt"], cwd: d.url).code == 0)
        #expect(d.readText("a.txt") == "Intro line.\n\nA clean sentence.\n")
        // A suppression for a rule that did not run is not judged.
        try d.write("b.txt", "Intro line.\n\n# jdlint-disable-next-line grammar/repeated-word\nA clean sentence.\n")
        let other = try CLI.run(["--no-config", "--select", "grammar/indefinite-article,suppression/unused", "--format", "json", "b.txt"], cwd: d.url)
        #expect(other.rulesByFile["b.txt"] == [])
    }

    @Test func stdinWithFilename() throws {
        let md = "---\ntitle: Analyst\n---\n\n# Analyst\n\nWe need a engineer.\n"
        let r = try CLI.run(core + ["--format", "json", "--stdin-filename", "jobs/analyst.md", "-"], stdin: Array(md.utf8))
        #expect(r.code == 1)
        #expect(r.rulesByFile["jobs/analyst.md"] == ["grammar/indefinite-article"])
        let text = try CLI.run(core + ["-"], stdin: Array(Fixture.defects.utf8))
        #expect(text.stdout.contains("<stdin>:3:9: error [grammar/indefinite-article]"))
    }

    @Test func stdinFixWritesTheFixedTextToStandardOutput() throws {
        let r = try CLI.run(core + ["--fix", "--stdin-filename", "a.txt", "-"], stdin: Array(Fixture.defects.utf8))
        #expect(r.stdout == Fixture.clean)
        #expect(r.code == 0)
        #expect(r.stderr.contains("Fixed 3 problems"))
        // CRLF and a BOM survive the round trip through standard input.
        let crlf = "\u{FEFF}" + Fixture.defects.replacingOccurrences(of: "\n", with: "\r\n")
        let c = try CLI.run(core + ["--fix", "-"], stdin: Array(crlf.utf8))
        #expect(c.stdoutBytes == Array(("\u{FEFF}" + Fixture.clean.replacingOccurrences(of: "\n", with: "\r\n")).utf8))
        // Unusable input is passed through untouched (a formatter pipe never loses text) and exits 2.
        let bad: [UInt8] = [0x41, 0xFF, 0x0A]
        let b = try CLI.run(core + ["--fix", "-"], stdin: bad)
        #expect(b.code == 2)
        #expect(b.stdoutBytes == bad)
        #expect(b.stderr.contains("<stdin>"))
    }

    @Test func stdinDiff() throws {
        let r = try CLI.run(core + ["--diff", "--stdin-filename", "a.txt", "-"], stdin: Array(Fixture.defects.utf8))
        #expect(r.code == 1)
        #expect(r.stdout.contains("-We need a engineer who can join the the team.\n+We need an engineer who can join the team.\n"))
        let clean = try CLI.run(core + ["--diff", "-"], stdin: Array(Fixture.clean.utf8))
        #expect(clean.code == 0)
        #expect(clean.stdout.isEmpty)
    }

    @Test func rulesCommand() throws {
        let r = try CLI.run(["rules"])
        #expect(r.code == 0)
        for id in ["grammar/indefinite-article", "grammar/repeated-word", "structure/duplicate-heading", "structure/empty-section",
                   "salary/number-format", "suppression/unused"] {
            #expect(r.stdout.contains(id))
        }
        let j = try CLI.run(["rules", "--format", "json"])
        let items = (try JSONSerialization.jsonObject(with: Data(j.stdoutBytes))) as? [[String: Any]] ?? []
        let article = items.first { $0["id"] as? String == "grammar/indefinite-article" }
        #expect(article?["severity"] as? String == "error")
        #expect(article?["fix"] as? String == "safe")
        #expect(try CLI.run(["rules", "--bogus"]).code == 2)
    }

    @Test func explainCommand() throws {
        let r = try CLI.run(["explain", "salary/number-format"])
        #expect(r.code == 0)
        #expect(r.stdout.hasPrefix("# salary/number-format"))
        #expect(r.stdout.contains("## Flagged"))
        #expect(!r.stdout.contains("↓"))
        let bad = try CLI.run(["explain", "grammar/indefinite-articel"])
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("did you mean grammar/indefinite-article?"))
        #expect(try CLI.run(["explain"]).code == 2)
    }

    @Test func initWritesEveryRuleAndLoads() throws {
        let d = try TempDir()
        let r = try CLI.run(["init"], cwd: d.url)
        #expect(r.code == 0)
        let text = d.readText(".jdlint.json")
        #expect(text.hasPrefix("// jdlint configuration"))
        let ids = try CLI.run(["rules", "--format", "json"])
        let items = (try JSONSerialization.jsonObject(with: Data(ids.stdoutBytes))) as? [[String: Any]] ?? []
        #expect(!items.isEmpty)
        for item in items {
            let id = item["id"] as? String ?? ""
            let enabled = item["enabled"] as? Bool ?? true
            let value = enabled ? item["severity"] as? String ?? "" : "off"
            #expect(text.contains("\"\(id)\": \"\(value)\""), "init lacks \(id)")
        }
        // The written file is a valid configuration that changes nothing.
        try d.write("a.txt", Fixture.defects)
        let withInit = try CLI.run(["--format", "json", "a.txt"], cwd: d.url)
        let withoutConfig = try CLI.run(["--no-config", "--format", "json", "a.txt"], cwd: d.url)
        #expect(withInit.stdout == withoutConfig.stdout)
        #expect(withInit.stderr.isEmpty)
        // It never overwrites without --force.
        let again = try CLI.run(["init"], cwd: d.url)
        #expect(again.code == 2)
        #expect(again.stderr.contains("--force"))
        #expect(try CLI.run(["init", "--force"], cwd: d.url).code == 0)
        try FileManager.default.createDirectory(at: d.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        #expect(try CLI.run(["init", "sub"], cwd: d.url).code == 0)
        #expect(FileManager.default.fileExists(atPath: d.url.appendingPathComponent("sub/.jdlint.json").path))
        let out = try CLI.run(["init", "--stdout"], cwd: d.url)
        #expect(out.stdout == text)
    }
}
