import Foundation
import Testing
@testable import JDLintCore
@testable import JDLintKit

@Suite("Fixing: --fix, --diff, round trips, atomic writes")
struct FixTests {
    @Test func fixWritesSafeFixesAndIsIdempotent() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        let r = try CLI.run(core + ["--fix", "--show-fixes", "a.txt"], cwd: d.url)
        #expect(r.code == 0)
        #expect(d.readText("a.txt") == Fixture.clean)
        #expect(r.stdout.contains("a.txt: fixed 3 problems (3 edits in 1 pass); none remain"))
        #expect(r.stdout.contains("Fixed 3 problems; no problems remain in 1 file."))
        let again = try CLI.run(core + ["--fix", "a.txt"], cwd: d.url)
        #expect(again.code == 0)
        #expect(d.readText("a.txt") == Fixture.clean)
        #expect(!again.stdout.contains("Fixed"))
    }

    @Test func severalFixesInOneFile() throws {
        let d = try TempDir()
        try d.write("a.txt", "Analyst\n\nJoin the the team.\nAnother sentence with with words.\n")
        let r = try CLI.run(["--no-config", "--select", "grammar/repeated-word", "--fix", "--show-fixes", "a.txt"], cwd: d.url)
        #expect(r.stdout.contains("fixed 2 problems"))
        #expect(d.readText("a.txt") == "Analyst\n\nJoin the team.\nAnother sentence with words.\n")
    }

    @Test func showFixesSaysWhatRemains() throws {
        let d = try TempDir()
        // The repeated word is fixed; the empty section has no fix and remains.
        try d.write("a.md", "# Analyst\n\nJoin the the team.\n\n## Benefits\n\n## Pay\n\n$50,000 a year.\n")
        let sel = ["--no-config", "--select", "grammar/repeated-word,structure/empty-section"]
        let r = try CLI.run(sel + ["--fix", "--show-fixes", "a.md"], cwd: d.url)
        #expect(r.stdout.contains("a.md: fixed 1 problem (1 edit in 1 pass); 1 remains\n"))
        #expect(r.stdout.contains("a.md:5:1: warning [structure/empty-section]"))
        #expect(r.stdout.contains("Fixed 1 problem; 1 remains (0 errors, 1 warning, 0 infos) in 1 file."))
        #expect(r.code == 0)
        // JSON after --fix reports what remains, positions in the fixed text.
        try d.write("b.md", "# Analyst\n\nJoin the the team.\n\n## Benefits\n\n## Pay\n\n$50,000 a year.\n")
        let j = try CLI.run(sel + ["--fix", "--format", "json", "b.md"], cwd: d.url)
        #expect(j.rulesByFile["b.md"] == ["structure/empty-section"])
    }

    @Test func diffWritesNothing() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        try d.write("b.txt", Fixture.clean)
        let r = try CLI.run(core + ["--diff", "a.txt", "b.txt"], cwd: d.url)
        #expect(r.code == 1)
        #expect(d.readText("a.txt") == Fixture.defects)
        #expect(r.stdout.hasPrefix("--- a/a.txt\n+++ b/a.txt\n@@ -1,5 +1,5 @@\n"))
        #expect(r.stdout.contains("-Pay: $64334 per year.\n+Pay: $64,334 per year.\n"))
        #expect(!r.stdout.contains("b.txt"))
        let clean = try CLI.run(core + ["--diff", "b.txt"], cwd: d.url)
        #expect(clean.code == 0)
        #expect(clean.stdout.isEmpty)
        // Absolute paths get git-style names; with --output the report goes to the file and the diff to stdout.
        let abs = try CLI.run(core + ["--diff", "--format", "json", "--output", "report.json", d.url.appendingPathComponent("a.txt").path], cwd: d.url)
        #expect(abs.stdout.hasPrefix("--- a\(d.path)/a.txt\n+++ b\(d.path)/a.txt\n"))
        #expect(d.readText("report.json").hasPrefix("{\"version\":1,"))
        // CRLF lines keep their CR in the diff (so patch reproduces them).
        try d.write("crlf.txt", Fixture.defects.replacingOccurrences(of: "\n", with: "\r\n"))
        let crlf = try CLI.run(core + ["--diff", "crlf.txt"], cwd: d.url)
        #expect(crlf.stdoutBytes.contains(0x0D))
        #expect(crlf.stdout.contains("-Pay: $64334 per year.\r\n+Pay: $64,334 per year.\r\n"))
        // Diffs come in path order whatever the argument order.
        try d.write("0.txt", Fixture.defects)
        let both = try CLI.run(core + ["--diff", "a.txt", "0.txt"], cwd: d.url)
        #expect(both.stdout.hasPrefix("--- a/0.txt\n"))
        #expect(both.stdout.contains("+++ b/a.txt\n"))
        // --diff wins over --fix.
        #expect(try CLI.run(core + ["--fix", "--diff", "a.txt"], cwd: d.url).code == 1)
        #expect(d.readText("a.txt") == Fixture.defects)
    }

    @Test func lineEndingsAndBOMSurvive() throws {
        let d = try TempDir()
        let crlf = Fixture.defects.replacingOccurrences(of: "\n", with: "\r\n")
        try d.write("crlf.txt", crlf)
        try d.write("bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array(Fixture.defects.utf8))
        // Mixed: CRLF, LF and a lone CR, and no final newline.
        let mixed = "Senior Analyst\r\n\nWe need a engineer who can join the the team.\r\rPay: $64334 per year."
        try d.write("mixed.txt", mixed)
        let r = try CLI.run(core + ["--fix", "crlf.txt", "bom.txt", "mixed.txt"], cwd: d.url)
        #expect(r.code == 0, "\(r.stdout)\(r.stderr)")
        #expect(d.readText("crlf.txt") == Fixture.clean.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(d.read("bom.txt") == [0xEF, 0xBB, 0xBF] + Array(Fixture.clean.utf8))
        #expect(d.readText("mixed.txt") == "Senior Analyst\r\n\nWe need an engineer who can join the team.\r\rPay: $64,334 per year.")
    }

    @Test func permissionsAndSymlinksAreKept() throws {
        let d = try TempDir()
        let p = try d.write("a.txt", Fixture.defects)
        chmod(p, 0o640)
        let target = try d.write("real/b.txt", Fixture.defects)
        let link = d.url.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/b.txt")
        #expect(try CLI.run(core + ["--fix", "a.txt", "link.txt"], cwd: d.url).code == 0)
        let attrs = try FileManager.default.attributesOfItem(atPath: p)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == "real/b.txt")
        #expect(String(decoding: (try Data(contentsOf: URL(fileURLWithPath: target))), as: UTF8.self) == Fixture.clean)
        // No temporary files are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: d.path).filter { $0.contains("jdlint-") }
        #expect(leftovers.isEmpty)
    }

    @Test func atomicWriterRefusesAFileChangedOnDisk() throws {
        let d = try TempDir()
        let p = try d.write("a.txt", "old text\n")
        // Changed before writing.
        #expect(throws: AtomicWriter.WriteError.changedOnDisk(p)) {
            try AtomicWriter.write(Array("new\n".utf8), to: p, expectedOriginal: Array("other text\n".utf8))
        }
        #expect(d.readText("a.txt") == "old text\n")
        // Changed while the temporary file was being written.
        AtomicWriter.beforeRename = { path in try? Data("edited meanwhile\n".utf8).write(to: URL(fileURLWithPath: path)) }
        defer { AtomicWriter.beforeRename = nil }
        #expect(throws: AtomicWriter.WriteError.changedOnDisk(p)) {
            try AtomicWriter.write(Array("new\n".utf8), to: p, expectedOriginal: Array("old text\n".utf8))
        }
        AtomicWriter.beforeRename = nil
        #expect(d.readText("a.txt") == "edited meanwhile\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: d.path) == ["a.txt"])
        // Unchanged: written.
        try AtomicWriter.write(Array("new\n".utf8), to: p, expectedOriginal: Array("edited meanwhile\n".utf8))
        #expect(d.readText("a.txt") == "new\n")
        #expect(AtomicWriter.WriteError.changedOnDisk(p).description.contains("changed on disk since it was read; not overwritten"))
    }

    @Test func unwritableFolderIsAClearError() throws {
        guard getuid() != 0 else { return }
        let d = try TempDir()
        try d.write("ro/a.txt", Fixture.defects)
        chmod(d.url.appendingPathComponent("ro").path, 0o555)
        defer { chmod(d.url.appendingPathComponent("ro").path, 0o755) }
        let r = try CLI.run(core + ["--fix", "ro/a.txt"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.stderr.contains("ro/a.txt"))
    }
}

/// A test rule whose fixes overlap: every "aa" becomes "a" (so "aaaa" offers three overlapping fixes).
struct CollapseRule: Rule {
    let meta = RuleMeta(id: "test/collapse", summary: "Collapse doubled a.", explanation: "", defaultSeverity: .warning, fix: .safe)
    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let b = context.document.bytes
        var i = 0
        while i + 1 < b.count {
            if b[i] == 0x61 && b[i + 1] == 0x61 {
                reporter.report("doubled", at: SourceRange(i, i + 2), fix: Fix(title: "collapse", applicability: .safe, edits: [.replace(SourceRange(i, i + 2), with: "a")]))
            }
            i += 1
        }
    }
}

/// A test rule that inserts a line break after "BREAK" (to check line-ending adaptation) and offers an edit
/// inside the BOM (which must never be applied).
struct BreakRule: Rule {
    let meta = RuleMeta(id: "test/break", summary: "Break lines.", explanation: "", defaultSeverity: .warning, fix: .safe)
    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let b = context.document.bytes
        var i = 0
        while i + 5 <= b.count {
            if Array(b[i..<(i + 5)]) == Array("BREAK".utf8) {
                reporter.report("break", at: SourceRange(i, i + 5), fix: Fix(title: "break", applicability: .safe, edits: [.replace(SourceRange(i, i + 5), with: "BR\nEAK")]))
            }
            i += 1
        }
        if context.document.hasBOM {
            reporter.report("bom", at: SourceRange(0, 3), fix: Fix(title: "drop", applicability: .safe, edits: [.remove(SourceRange(0, 3))]))
        }
    }
}

@Suite("Fixer engine")
struct FixerTests {
    @Test func overlappingFixesAreDeferredToLaterPasses() {
        let linter = Linter(registry: RuleRegistry([CollapseRule()]))
        let doc = Document(text: "x aaaaaaaa y aa z\n", format: .text)
        let r = Fixer.fix(doc, with: linter)
        #expect(String(decoding: r.bytes, as: UTF8.self) == "x a y a z\n")
        #expect(r.passes > 1 && r.passes <= Fixer.maxPasses)
        #expect(r.remaining.isEmpty)
        // Fixing the result changes nothing.
        let again = Fixer.fix(Document(bytes: r.bytes, format: .text), with: linter)
        #expect(!again.changed && again.bytes == r.bytes)
    }

    @Test func passesAreBounded() {
        let linter = Linter(registry: RuleRegistry([CollapseRule()]))
        let doc = Document(text: String(repeating: "a", count: 5000), format: .text)
        let r = Fixer.fix(doc, with: linter)
        #expect(r.passes == Fixer.maxPasses)
        #expect(r.bytes.count < 5000)
    }

    @Test func replacementsFollowTheLineEndingsAndNeverTouchTheBOM() {
        let linter = Linter(registry: RuleRegistry([BreakRule()]))
        let crlf = Document(bytes: [0xEF, 0xBB, 0xBF] + Array("one BREAK\r\ntwo\n".utf8), format: .text)
        let r = Fixer.fix(crlf, with: linter)
        // The BOM edit is refused; the CRLF line gets CRLF, and the edit is applied once per pass until stable.
        #expect(Array(r.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: r.bytes.dropFirst(3), as: UTF8.self) == "one BR\r\nEAK\r\ntwo\n")
        let lf = Fixer.fix(Document(text: "one\ntwo BREAK", format: .text), with: linter)
        #expect(String(decoding: lf.bytes, as: UTF8.self) == "one\ntwo BR\nEAK")
    }

    @Test func editsInsideAScalarOrALineBreakAreRefused() {
        let doc = Document(text: "é\r\nx", format: .text)
        #expect(!Fixer.isApplicable(.insert("x", at: 1), to: doc))   // inside é
        #expect(!Fixer.isApplicable(.insert("x", at: 3), to: doc))   // between CR and LF
        #expect(Fixer.isApplicable(.insert("x", at: 2), to: doc))
        #expect(!Fixer.isApplicable(.remove(SourceRange(4, 9)), to: doc))
    }
}
