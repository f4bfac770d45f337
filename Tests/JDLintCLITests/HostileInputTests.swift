import Foundation
import Testing
import JDLintCore
@testable import JDLintKit

/// Hostile inputs the other CLI suites do not cover (issue 11): symbolic link loops, empty files, FIFOs, unreadable
/// folders, files deleted between walking and reading, and configuration values that look like shell commands.
/// Each bad input gets one message naming it, the run exits 2, and the other files are still linted.
@Suite("Hostile input")
struct HostileInputTests {
    @Test func fileSymlinkLoop() throws {
        let d = try TempDir()
        try d.write("good.txt", Fixture.defects)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: d.url.appendingPathComponent("a.txt").path, withDestinationPath: "b.txt")
        try fm.createSymbolicLink(atPath: d.url.appendingPathComponent("b.txt").path, withDestinationPath: "a.txt")
        let r = try CLI.run(core + ["good.txt", "a.txt"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.errorLines == ["jdlint: a.txt: symbolic link loop"])
        #expect(r.stdout.contains("good.txt:3:9: error"))
        // Found while walking a folder: the same message, the folder's good file still linted.
        let w = try CLI.run(core + ["."], cwd: d.url)
        #expect(w.code == 2)
        #expect(w.errorLines == ["jdlint: a.txt: symbolic link loop", "jdlint: b.txt: symbolic link loop"])
        #expect(w.stdout.contains("good.txt:3:9: error"))
    }

    /// Paths of the files the JSON report shows as linted (not the entries of inputs that could not be).
    func linted(_ r: CLI.Result) -> [String] {
        (r.json["files"] as? [[String: Any]] ?? []).filter { $0["error"] == nil }.compactMap { $0["path"] as? String }.sorted()
    }

    /// A folder that links to itself and to its parent is walked once: no `self/self/self/…` paths, no file linted
    /// twice, one message per link that leads back.
    @Test func directorySymlinkLoop() throws {
        let d = try TempDir()
        try d.write("jobs/good.txt", Fixture.defects)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: d.url.appendingPathComponent("jobs/self").path, withDestinationPath: "../jobs")
        try fm.createSymbolicLink(atPath: d.url.appendingPathComponent("jobs/up").path, withDestinationPath: "..")
        let r = try CLI.run(core + ["--format", "json", "jobs"], cwd: d.url)
        #expect(r.code == 2)
        #expect(linted(r) == ["jobs/good.txt"], "\(linted(r))")
        #expect(r.errorLines == ["jdlint: jobs/self: symbolic link loop; skipped", "jdlint: jobs/up/jobs: symbolic link loop; skipped"],
                "\(r.stderr)")
        // Starting inside the loop gives the same single walk.
        let s = try CLI.run(core + ["--format", "json", "jobs/self"], cwd: d.url)
        #expect(s.code == 2)
        #expect(linted(s) == ["jobs/self/good.txt"], "\(linted(s))")
        #expect(s.errorLines.count == 2, "\(s.stderr)")
        #expect(!s.stderr.contains("self/self/self"))
    }

    /// Empty files are valid (empty) documents: no message, no finding from the prose rules, exit 0.
    @Test func emptyFiles() throws {
        let d = try TempDir()
        for name in ["a.txt", "b.md", "c.html"] { try d.write(name, "") }
        try d.write("bom.txt", bytes: [0xEF, 0xBB, 0xBF])
        let r = try CLI.run(core + ["a.txt", "b.md", "c.html", "bom.txt"], cwd: d.url)
        #expect(r.code == 0, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("in 4 files"), "\(r.stdout)")
        // Fixing an empty file leaves it alone.
        let f = try CLI.run(core + ["--fix", "a.txt", "bom.txt"], cwd: d.url)
        #expect(f.code == 0)
        #expect(d.read("a.txt") == [] && d.read("bom.txt") == [0xEF, 0xBB, 0xBF])
        // On standard input too.
        let s = try CLI.run(core + ["--stdin-filename", "x.md", "-"], cwd: d.url, stdin: [])
        #expect(s.code == 0, "\(s.stdout) \(s.stderr)")
    }

    /// A file over `Document.maximumSize` (2 GiB − 1) is refused up front with a message and exit code 2, before
    /// anything is read (the file here is sparse: it takes no disk space); the other files are still linted.
    @Test func fileOverTwoGiB() throws {
        let d = try TempDir()
        try d.write("good.txt", Fixture.defects)
        let big = d.url.appendingPathComponent("huge.txt").path
        #expect(FileManager.default.createFile(atPath: big, contents: Data("Care Assistant\n".utf8)))
        #expect(truncate(big, off_t(Document.maximumSize) + 1) == 0)
        let r = try CLI.run(core + ["good.txt", "huge.txt"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.errorLines == ["jdlint: huge.txt: is larger than 2 GiB (2147483648 bytes), more than jdlint lints; split it"], "\(r.stderr)")
        #expect(r.stdout.contains("good.txt:3:9: error"))
    }

    /// A FIFO named on the command line or met while walking does not block the run.
    @Test func fifo() throws {
        let d = try TempDir()
        try d.write("good.txt", Fixture.defects)
        #expect(mkfifo(d.url.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        let r = try CLI.run(core + ["good.txt", "pipe.txt"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.errorLines == ["jdlint: pipe.txt: is not a regular file (FIFO, device or socket); skipped"], "\(r.stderr)")
        #expect(r.stdout.contains("good.txt:3:9: error"))
        let w = try CLI.run(core + ["."], cwd: d.url)
        #expect(w.code == 2)
        #expect(w.errorLines.count == 1 && w.errorLines.first?.hasPrefix("jdlint: pipe.txt: ") == true, "\(w.stderr)")
        #expect(w.stdout.contains("good.txt:3:9: error"))
    }

    @Test func unreadableDirectory() throws {
        // Root reads every folder: the message cannot be provoked (the walker's error path is the same as for any
        // unreadable folder, covered by this test when run as an ordinary user).
        guard getuid() != 0 else { return }
        let d = try TempDir()
        try d.write("jobs/good.txt", Fixture.defects)
        try d.write("jobs/locked/x.txt", Fixture.defects)
        let locked = d.url.appendingPathComponent("jobs/locked").path
        chmod(locked, 0)
        defer { chmod(locked, 0o755) }
        let r = try CLI.run(core + ["jobs"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.errorLines == ["jdlint: jobs/locked: directory cannot be read (permission denied?)"])
        #expect(r.stdout.contains("jobs/good.txt:3:9: error"))
    }

    /// Files that disappear (or turn into something else) between the folder walk and the read, reproduced without
    /// a race by running the two steps the CLI runs, with the change in between.
    @Test func fileDeletedWhileLinting() throws {
        let d = try TempDir()
        try d.write("jobs/a.txt", Fixture.defects)
        try d.write("jobs/b.txt", Fixture.defects)
        try d.write("jobs/c.txt", Fixture.defects)
        let jobs = d.url.appendingPathComponent("jobs").path
        let (files, problems) = FileWalker.expand([jobs]) { _ in false }
        #expect(problems.isEmpty)
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["a.txt", "b.txt", "c.txt"])
        try FileManager.default.removeItem(atPath: jobs + "/b.txt")
        try FileManager.default.removeItem(atPath: jobs + "/c.txt")
        try FileManager.default.createSymbolicLink(atPath: jobs + "/c.txt", withDestinationPath: "gone.txt")
        var messages: [String] = []
        var linted = 0
        for f in files {
            switch InputReader.read(path: f) {
            case .success: linted += 1
            case .failure(let p): messages.append("\(p)")
            }
        }
        #expect(linted == 1)
        #expect(messages == [jobs + "/b.txt: no such file or directory", jobs + "/c.txt: broken symbolic link"])
    }

    /// The configuration is data: values that look like shell commands are only ever names of files or rules.
    /// (Nothing in Sources/ starts processes or opens sockets: no Process, posix_spawn, system, popen, exec*,
    /// dlopen, URLSession or socket calls.)
    @Test func configurationCannotRunCommands() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        let marker = d.url.appendingPathComponent("pwned").path
        let attempts = [
            #"{"extends": "$(touch pwned).json"}"#,
            #"{"extends": "`touch pwned`"}"#,
            #"{"packs": ["x.json; touch pwned"]}"#,
            #"{"rules": {"$(touch pwned)": "error"}}"#,
            #"{"ignore": ["$(touch pwned)"], "profiles": ["|touch pwned"]}"#,
        ]
        for config in attempts {
            try d.write(".jdlint.json", config)
            let r = try CLI.run(["a.txt"], cwd: d.url, env: ["SHELL": "/bin/sh"])
            #expect(r.code == 2, "\(config): \(r.stderr)")
            #expect(r.errorLines.count == 1, "\(config): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: marker), "\(config) ran a command")
        }
    }
}
