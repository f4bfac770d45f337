import Foundation
import Testing

/// The three rules the fixtures exercise; selecting them keeps these tests independent of rules added later.
let core = ["--no-config", "--select", "grammar/indefinite-article,grammar/repeated-word,salary/number-format"]

@Suite("Exit codes and CI flags")
struct ExitCodeTests {
    @Test func cleanFileExitsZero() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.clean)
        let r = try CLI.run(core + ["a.txt"], cwd: d.url)
        #expect(r.code == 0)
        #expect(r.stdout.contains("No problems found in 1 file."))
        #expect(r.stderr.isEmpty)
    }

    @Test func errorsExitOne() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        let r = try CLI.run(core + ["a.txt"], cwd: d.url)
        #expect(r.code == 1)
        #expect(r.stdout.contains("a.txt:3:9: error [grammar/indefinite-article]"))
        #expect(r.stdout.contains("a.txt:3:37: warning [grammar/repeated-word]"))
        #expect(r.stdout.contains("Found 3 problems (1 error, 2 warnings, 0 infos) in 1 file. 3 fixable with --fix."))
    }

    @Test func warningsAloneExitZero() throws {
        let d = try TempDir()
        try d.write("w.txt", Fixture.warningOnly)
        #expect(try CLI.run(core + ["w.txt"], cwd: d.url).code == 0)
    }

    @Test func maxWarnings() throws {
        let d = try TempDir()
        try d.write("w.txt", Fixture.warningOnly)
        #expect(try CLI.run(core + ["--max-warnings", "0", "w.txt"], cwd: d.url).code == 1)
        #expect(try CLI.run(core + ["--max-warnings=1", "w.txt"], cwd: d.url).code == 0)
        let bad = try CLI.run(core + ["--max-warnings", "-3", "w.txt"], cwd: d.url)
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("--max-warnings"))
    }

    @Test func exitZero() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        let r = try CLI.run(core + ["--exit-zero", "a.txt"], cwd: d.url)
        #expect(r.code == 0)
        #expect(r.stdout.contains("[grammar/indefinite-article]"))
        // Unusable input still exits 2.
        #expect(try CLI.run(core + ["--exit-zero", "missing.txt"], cwd: d.url).code == 2)
    }

    @Test func quietShowsErrorsOnlyButKeepsTheExitCode() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        try d.write("w.txt", Fixture.warningOnly)
        let r = try CLI.run(core + ["--quiet", "a.txt", "w.txt"], cwd: d.url)
        #expect(r.code == 1)
        #expect(r.stdout.contains("[grammar/indefinite-article]"))
        #expect(!r.stdout.contains("warning ["))
        // --max-warnings counts warnings that --quiet hides.
        #expect(try CLI.run(core + ["-q", "--max-warnings", "0", "w.txt"], cwd: d.url).code == 1)
    }

    @Test func usageErrorsExitTwo() throws {
        let d = try TempDir()
        for args in [["--frobnicate"], ["--format", "yaml"], ["--format"], ["--color", "sometimes"], ["--jobs", "0"],
                     ["--select", "grammar/no-such-rule"], ["--ignore", "nosuchcategory/"], ["--profile", "atlantis"],
                     ["--fix=yes"]] {
            let r = try CLI.run(["--no-config"] + args + ["x.txt"], cwd: d.url)
            #expect(r.code == 2, "\(args)")
            #expect(r.stderr.hasPrefix("jdlint: "), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args)")
        }
        let typo = try CLI.run(["--fixx", "x.txt"], cwd: d.url)
        #expect(typo.stderr.contains("did you mean --fix?"))
        let profile = try CLI.run(["--profile", "atlantis", "x.txt"], cwd: d.url)
        #expect(profile.stderr.contains("unknown profile \"atlantis\""))
        #expect(profile.stderr.contains("known: "))
    }

    @Test func versionAndHelp() throws {
        let v = try CLI.run(["--version"])
        #expect(v.code == 0 && v.stdout.hasPrefix("jdlint "))
        let h = try CLI.run(["--help"])
        #expect(h.code == 0)
        for flag in ["--fix", "--unsafe-fixes", "--diff", "--show-fixes", "--format", "--max-warnings", "--exit-zero", "--quiet",
                     "--statistics", "--select", "--ignore", "--profile", "--no-config", "--stdin-filename", "--jobs", "init"] {
            #expect(h.stdout.contains(flag), "help lacks \(flag)")
        }
        for f in ["text", "json", "jsonl", "sarif", "github", "junit", "checkstyle", "rdjson"] { #expect(h.stdout.contains(f)) }
    }

    @Test func selectAndIgnoreByIdAndCategory() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        let onlyGrammar = try CLI.run(["--no-config", "--format", "json", "--select", "grammar/", "a.txt"], cwd: d.url)
        let rules = onlyGrammar.rulesByFile["a.txt"] ?? []
        #expect(rules.contains("grammar/indefinite-article"))
        #expect(rules.allSatisfy { $0.hasPrefix("grammar/") })
        let ignored = try CLI.run(core + ["--format", "json", "--ignore", "grammar/repeated-word,salary", "a.txt"], cwd: d.url)
        #expect(ignored.rulesByFile["a.txt"] == ["grammar/indefinite-article"])
        let ignoredCategory = try CLI.run(core + ["--format", "json", "--ignore", "grammar/", "a.txt"], cwd: d.url)
        #expect(ignoredCategory.rulesByFile["a.txt"] == ["salary/number-format"])
        #expect(ignoredCategory.code == 0)
    }

    @Test func statistics() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        try d.write("w.txt", Fixture.warningOnly)
        let r = try CLI.run(core + ["--statistics", "a.txt", "w.txt"], cwd: d.url)
        #expect(r.stdout.contains("     2  grammar/repeated-word (warning, 2 fixable)"))
        #expect(r.stdout.contains("     1  grammar/indefinite-article (error, 1 fixable)"))
        // Machine formats stay parseable: the table goes to standard error.
        let j = try CLI.run(core + ["--statistics", "--format", "json", "a.txt"], cwd: d.url)
        #expect(j.json["version"] as? Int == 1)
        #expect(j.stderr.contains("grammar/indefinite-article"))
    }

    @Test func configDiscoveryNoConfigAndExplicitConfig() throws {
        // `--select` with exact ids would override the files, so the files themselves pick the rules ("all" first).
        let d = try TempDir()
        try d.write("jobs/a.txt", Fixture.defects)
        try d.write(".jdlint.json", #"{"rules": {"all": "off", "grammar/repeated-word": "error", "salary/number-format": "on"}}"#)
        try d.write("other.json", #"{"rules": {"all": "off", "salary/number-format": "on"}}"#)
        let found = try CLI.run(["--format", "json", "jobs/a.txt"], cwd: d.url)
        #expect(found.rulesByFile["jobs/a.txt"] == ["grammar/repeated-word", "salary/number-format"])
        let sev = ((found.json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])?.first?["severity"] as? String
        #expect(sev == "error")
        let none = try CLI.run(core + ["--format", "json", "jobs/a.txt"], cwd: d.url)
        #expect(none.rulesByFile["jobs/a.txt"] == ["grammar/indefinite-article", "grammar/repeated-word", "salary/number-format"])
        let explicit = try CLI.run(["--config", "other.json", "--format", "json", "jobs/a.txt"], cwd: d.url)
        #expect(explicit.rulesByFile["jobs/a.txt"] == ["salary/number-format"])
        // A config in a sub-folder wins for the files below it.
        try d.write("jobs/.jdlint.json", #"{"rules": {"all": "off", "grammar/indefinite-article": "warning"}}"#)
        let nearest = try CLI.run(["--format", "json", "jobs/a.txt"], cwd: d.url)
        #expect(nearest.rulesByFile["jobs/a.txt"] == ["grammar/indefinite-article"])
        #expect(nearest.code == 0)
    }

    @Test func profilesAndPacks() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        let ok = try CLI.run(core + ["--profile", "default", "--format", "json", "a.txt"], cwd: d.url)
        #expect(ok.code == 1 && ok.stderr.isEmpty)
        let missing = try CLI.run(core + ["--pack", "nope.json", "a.txt"], cwd: d.url)
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("nope.json") && missing.stderr.contains("not found"))
    }

    @Test func folderWalkSkipsHiddenFilesAndForeignJSON() throws {
        let d = try TempDir()
        try d.write("jobs/a.txt", Fixture.defects)
        try d.write("jobs/package.json", #"{"name": "x", "version": "1.0.0"}"#)
        try d.write("jobs/posting.json", #"{"@context": "https://schema.org", "@type": "JobPosting", "title": "Analyst", "description": "We need a engineer."}"#)
        try d.write("jobs/.hidden.txt", Fixture.defects)
        try d.write("jobs/.git/x.txt", Fixture.defects)
        try d.write("jobs/node_modules/x.txt", Fixture.defects)
        try d.write("jobs/notes.rtf", Fixture.defects)
        let r = try CLI.run(core + ["--format", "json", "."], cwd: d.url)
        #expect(Set(r.rulesByFile.keys) == ["jobs/a.txt", "jobs/posting.json"])
        // Named explicitly, any file is linted.
        let named = try CLI.run(core + ["--format", "json", "jobs/.hidden.txt", "jobs/package.json"], cwd: d.url)
        #expect(Set(named.rulesByFile.keys) == ["jobs/.hidden.txt", "jobs/package.json"])
    }

    @Test func colourOnlyWhenAsked() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        #expect(try CLI.run(core + ["--color", "always", "a.txt"], cwd: d.url).stdout.contains("\u{1B}["))
        #expect(!(try CLI.run(core + ["a.txt"], cwd: d.url).stdout.contains("\u{1B}[")))  // not a terminal
        #expect(!(try CLI.run(core + ["--color", "always", "--format", "json", "a.txt"], cwd: d.url).stdout.contains("\u{1B}[")))
    }

    @Test func stdinFilenamePicksTheNearestConfig() throws {
        let d = try TempDir()
        try d.write("jobs/.jdlint.json", #"{"rules": {"all": "off", "salary/number-format": "error"}}"#)
        let r = try CLI.run(["--format", "json", "--stdin-filename", "jobs/new.txt", "-"], cwd: d.url, stdin: Array(Fixture.defects.utf8))
        #expect(r.rulesByFile["jobs/new.txt"] == ["salary/number-format"])
        #expect(r.code == 1)
    }

    @Test func ignoreGlobsInConfig() throws {
        let d = try TempDir()
        try d.write("jobs/a.txt", Fixture.defects)
        try d.write("jobs/drafts/b.txt", Fixture.defects)
        try d.write("jobs/c.md", Fixture.defects)
        try d.write(".jdlint.json", #"{"ignore": ["drafts", "*.md"]}"#)
        let r = try CLI.run(["--select", "grammar/indefinite-article", "--format", "json", "."], cwd: d.url)
        #expect(Set(r.rulesByFile.keys) == ["jobs/a.txt"])
    }

    @Test func parallelOutputIsStableAndSorted() throws {
        let d = try TempDir()
        var names: [String] = []
        for i in 0..<40 {
            let name = "dir\(i % 3)/posting-\(String(format: "%02d", (i * 17) % 40)).txt"
            names.append(name)
            try d.write(name, i % 2 == 0 ? Fixture.defects : Fixture.warningOnly)
        }
        let one = try CLI.run(core + ["--format", "json", "--jobs", "1", "."], cwd: d.url)
        for _ in 0..<3 {
            let many = try CLI.run(core + ["--format", "json", "--jobs", "8", "."], cwd: d.url)
            #expect(many.stdout == one.stdout)
        }
        let paths = (one.json["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(paths == names.sorted())
        #expect(paths.count == 40)
    }
}
