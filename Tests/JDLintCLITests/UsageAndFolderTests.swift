import Foundation
import Testing

/// Flags that need another, values of the wrong kind, broken or misplaced configuration, folders with nothing to
/// lint, and what `--max-warnings` says (issue 21).
@Suite("Usage errors, folder search and limits")
struct UsageAndFolderTests {
    /// A usage error: exit 2, one clear message on standard error, nothing on standard output.
    func expectUsageError(_ args: [String], cwd: URL, stdin: [UInt8]? = nil, mentioning words: [String]) throws {
        let r = try CLI.run(args, cwd: cwd, stdin: stdin)
        #expect(r.code == 2, "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(args) printed on standard output: \(r.stdout)")
        #expect(r.stderr.hasPrefix("jdlint"), "\(args): \(r.stderr)")
        for w in words { #expect(r.stderr.contains(w), "\(args): lacks \(w): \(r.stderr)") }
    }

    @Test func flagsThatDoNothingAloneAreUsageErrors() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        try expectUsageError(core + ["--show-fixes", "a.txt"], cwd: d.url, mentioning: ["--show-fixes", "--fix"])
        try expectUsageError(core + ["--unsafe-fixes", "a.txt"], cwd: d.url, mentioning: ["--unsafe-fixes", "--fix", "--diff"])
        try expectUsageError(core + ["--stdin-filename", "x.md", "a.txt"], cwd: d.url, mentioning: ["--stdin-filename", "`-`"])
        try expectUsageError(core + ["--stdin-filename=x.md"], cwd: d.url, stdin: Array(Fixture.defects.utf8), mentioning: ["--stdin-filename"])
        // With the flag they need, they work.
        #expect(try CLI.run(core + ["--diff", "--unsafe-fixes", "a.txt"], cwd: d.url).code == 1)
        #expect(try CLI.run(core + ["--stdin-filename", "x.md", "-"], cwd: d.url, stdin: Array(Fixture.clean.utf8)).code == 0)
        let fixed = try CLI.run(core + ["--fix", "--show-fixes", "a.txt"], cwd: d.url)
        #expect(fixed.code == 0, "\(fixed.stderr)")
        #expect(d.readText("a.txt") == Fixture.clean)
    }

    @Test func rulesFormatNamesTheUnknownValue() throws {
        for args in [["rules", "--format", "xml"], ["rules", "--format=xml"]] {
            let r = try CLI.run(args)
            #expect(r.code == 2)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("unknown value \"xml\" for --format"), "\(r.stderr)")
            #expect(r.stderr.contains("json") && r.stderr.contains("markdown"), "\(r.stderr)")
            #expect(!r.stderr.contains("unknown argument"), "\(r.stderr)")
        }
        let missing = try CLI.run(["rules", "--format"])
        #expect(missing.code == 2 && missing.stderr.contains("--format needs a value"))
        #expect(try CLI.run(["rules", "--format=json"]).code == 0)
        #expect(try CLI.run(["rules", "--format", "markdown"]).code == 0)
    }

    @Test func aConfigurationThatIsAFolderSaysSo() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        try FileManager.default.createDirectory(at: d.url.appendingPathComponent(".jdlint.json"), withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: d.url.appendingPathComponent("conf"), withIntermediateDirectories: false)
        for args in [["a.txt"], ["--config", "conf", "a.txt"], ["--stdin-filename", "b.txt", "-"]] {
            let r = try CLI.run(args, cwd: d.url, stdin: Array(Fixture.defects.utf8))
            #expect(r.code == 2, "\(args)")
            #expect(r.stderr.contains("is a folder, not a configuration file"), "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("permission denied"), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args): \(r.stdout)")
        }
    }

    @Test func aBrokenConfigurationPrintsNothingOnStandardOutput() throws {
        let d = try TempDir()
        try d.write("jobs/a.txt", Fixture.defects)
        try d.write("jobs/b.txt", Fixture.warningOnly)
        try d.write("jobs/.jdlint.json", #"{"rules": {"grammar/indefinite-articel": "error"}}"#)
        for args in [["jobs"], ["jobs/a.txt"], ["--format", "json", "jobs"], ["--format", "sarif", "jobs"], ["--statistics", "jobs"],
                     ["--fix", "jobs"], ["--diff", "jobs"]] {
            let r = try CLI.run(args, cwd: d.url)
            #expect(r.code == 2, "\(args)")
            #expect(r.stdout.isEmpty, "\(args) printed: \(r.stdout)")
            #expect(r.errorLines.count == 1, "\(args): one message per broken file: \(r.stderr)")
            #expect(r.stderr.contains("jobs/.jdlint.json:1:") && r.stderr.contains("indefinite-articel"), "\(args): \(r.stderr)")
        }
        // Nothing was fixed either.
        #expect(d.readText("jobs/a.txt") == Fixture.defects)
    }

    @Test func maxWarningsSaysTheLimitWasExceeded() throws {
        let d = try TempDir()
        try d.write("w.txt", Fixture.warningOnly)
        try d.write("v.txt", Fixture.warningOnly)
        let one = try CLI.run(core + ["--max-warnings", "0", "w.txt"], cwd: d.url)
        #expect(one.code == 1)
        #expect(one.stderr == "jdlint: 1 warning exceeds --max-warnings 0\n", "\(one.stderr)")
        let two = try CLI.run(core + ["--format", "json", "--max-warnings=1", "w.txt", "v.txt"], cwd: d.url)
        #expect(two.code == 1)
        #expect(two.stderr == "jdlint: 2 warnings exceed --max-warnings 1\n", "\(two.stderr)")
        #expect(two.json["version"] as? Int == 1)  // the report itself is unchanged
        let within = try CLI.run(core + ["--max-warnings", "2", "w.txt", "v.txt"], cwd: d.url)
        #expect(within.code == 0 && within.stderr.isEmpty)
        // With an error the exit is 1 anyway; the limit is still named. --exit-zero: no limit, no message.
        try d.write("a.txt", Fixture.defects)
        let both = try CLI.run(core + ["--max-warnings", "1", "a.txt"], cwd: d.url)
        #expect(both.code == 1 && both.stderr.contains("2 warnings exceed --max-warnings 1"))
        let zero = try CLI.run(core + ["--exit-zero", "--max-warnings", "0", "w.txt"], cwd: d.url)
        #expect(zero.code == 0 && zero.stderr.isEmpty)
    }

    @Test func aFolderWithoutPostingsSaysSo() throws {
        let d = try TempDir()
        try FileManager.default.createDirectory(at: d.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try expectUsageError(core + ["empty"], cwd: d.url, mentioning: ["no postings found in empty"])
        try expectUsageError(core + ["--format", "json", "empty"], cwd: d.url, mentioning: ["no postings found in empty"])
        // The default, the current folder.
        try expectUsageError(core, cwd: d.url.appendingPathComponent("empty"), mentioning: ["no postings found in ."])
        // Project documents are not postings.
        try d.write("repo/README.md", Fixture.defects)
        try d.write("repo/LICENSE.txt", Fixture.defects)
        try d.write("repo/docs/CHANGELOG.md", Fixture.defects)
        try d.write("repo/docs/contributing.markdown", Fixture.defects)
        try d.write("repo/Code_Of_Conduct.md", Fixture.defects)
        try d.write("repo/SECURITY.html", Fixture.defects)
        try d.write("repo/AUTHORS.txt", Fixture.defects)
        try d.write("repo/NOTICE.text", Fixture.defects)
        try d.write("repo/readme.ja.md", Fixture.defects)
        try expectUsageError(core + ["repo"], cwd: d.url, mentioning: ["no postings found in repo"])
        // A folder with a posting lints it and still skips the documents.
        try d.write("repo/jobs/analyst.md", Fixture.defects)
        try d.write("repo/readme-the-role.md", Fixture.defects)  // only the exact names are skipped
        let r = try CLI.run(core + ["--format", "json", "repo"], cwd: d.url)
        #expect(r.code == 1)
        #expect(Set(r.rulesByFile.keys) == ["repo/jobs/analyst.md", "repo/readme-the-role.md"])
        // Named on the command line, they are linted.
        let named = try CLI.run(core + ["--format", "json", "repo/README.md", "repo/LICENSE.txt"], cwd: d.url)
        #expect(Set(named.rulesByFile.keys) == ["repo/README.md", "repo/LICENSE.txt"])
        // One empty folder among others is still a mistake.
        try expectUsageError(core + ["repo", "empty"], cwd: d.url, mentioning: ["no postings found in empty"])
    }

    @Test func optionValuesAreTypeCheckedAndDocumented() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.clean)
        try d.write(".jdlint.json", "{\n  \"rules\": {\n    \"requirements/too-many\": {\"max\": \"fifteen\"}\n  }\n}\n")
        let r = try CLI.run(["a.txt"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(".jdlint.json:3:38: rules.requirements/too-many.max: option \"max\" of requirements/too-many expects an integer ≥ 0; found the string \"fifteen\""), "\(r.stderr)")
        try d.write(".jdlint.json", #"{"rules": {"grammar/repeated-word": {"severity": "warnign"}}}"#)
        let sev = try CLI.run(["a.txt"], cwd: d.url)
        #expect(sev.code == 2 && sev.stderr.contains("did you mean \"warning\"?"), "\(sev.stderr)")
        // explain and init print each option's type and default from the same declaration.
        let explain = try CLI.run(["explain", "requirements/too-many"])
        #expect(explain.stdout.contains("- `max` (integer ≥ 0, default `12`): most required items before a finding"), "\(explain.stdout)")
        let initText = try CLI.run(["init", "--stdout"])
        #expect(initText.stdout.contains("// option max (an integer ≥ 0; default 12): most required items before a finding"))
        #expect(initText.stdout.contains("// option words (true or false; default false): "))
    }

    /// Links point at each rule's anchor in docs/rules.md; explain says which profile an example needs.
    @Test func ruleLinksAndProfileCaptions() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        let sarif = try CLI.run(core + ["--format", "sarif", "a.txt"], cwd: d.url)
        let runs = sarif.json["runs"] as? [[String: Any]] ?? []
        let rules = ((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(!rules.isEmpty)
        for r in rules {
            let id = r["id"] as? String ?? ""
            #expect(r["helpUri"] as? String == "https://github.com/jdlint/jdlint/blob/main/docs/rules.md#" + id.replacingOccurrences(of: "/", with: "-"))
        }
        let reference = try CLI.run(["rules", "--format", "reference"])
        #expect(reference.code == 0 && reference.stdout.contains("<a id=\"grammar-indefinite-article\"></a>\n\n### grammar/indefinite-article\n"))
        let explain = try CLI.run(["explain", "salary/history-request"])
        #expect(explain.stdout.contains("## Flagged\n\nWith the profile `eu`:\n\n```text\nPlease send your CV with your salary history.\n```"), "\(explain.stdout)")
        #expect(explain.stdout.contains("## Not flagged\n\nWith the `default` profile only:\n\n```text\nPlease send your CV with your salary history.\n```"), "\(explain.stdout)")
    }

    /// --help names every subcommand, each of which exists.
    @Test func helpListsEverySubcommand() throws {
        let h = try CLI.run(["--help"])
        for sub in ["jdlint rules", "--format F", "reference", "markdown", "jdlint explain", "jdlint init", "jdlint test-pack",
                    "jdlint lsp", "jdlint --jsonl", "jdlint help", "a folder with no postings"] {
            #expect(h.stdout.contains(sub), "help lacks \(sub)")
        }
        #expect(try CLI.run(["test-pack", "--help"]).code == 0)
    }

    /// The inverted-range message quotes the range as the posting wrote it, highest first.
    @Test func invertedRangeIsQuotedAsWritten() throws {
        let r = try CLI.run(["--no-config", "--select", "salary/inverted-range", "-"], stdin: Array("Salary: $80,000 - $60,000 per year.\n".utf8))
        #expect(r.stdout.contains("written highest first (“$80,000 - $60,000 per year”)"), "\(r.stdout)")
    }
}
