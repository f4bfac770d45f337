import Foundation
import Testing

@Suite("jdlint facts")
struct FactsCommandTests {
    static let nurse = "# Staff Nurse\n\nJoin our ward in Leeds. Full-time, £28,000 a year.\n"
    static let cook = "Cook\n\nCook meals for our cafe in York. Part-time, £11 an hour.\n"

    static func object(_ bytes: [UInt8]) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }

    static func lines(_ r: CLI.Result) -> [[String: Any]] {
        r.stdout.split(separator: "\n").map { object(Array($0.utf8)) }
    }

    @Test func oneFileIsTheJobPostingAlone() throws {
        let d = try TempDir()
        try d.write("nurse.md", Self.nurse)
        let r = try CLI.run(["facts", "nurse.md"], cwd: d.url)
        #expect(r.code == 0)
        #expect(r.stderr == "")
        let o = Self.object(r.stdoutBytes)
        #expect(o["@context"] as? String == "https://schema.org")
        #expect(o["@type"] as? String == "JobPosting")
        #expect(o["title"] as? String == "Staff Nurse")
        #expect(o["employmentType"] as? String == "FULL_TIME")
        let salary = o["baseSalary"] as? [String: Any]
        #expect(salary?["currency"] as? String == "GBP")
        #expect((salary?["value"] as? [String: Any])?["value"] as? Int == 28000)
        #expect(((o["jobLocation"] as? [String: Any])?["address"] as? [String: Any])?["addressLocality"] as? String == "Leeds")
    }

    @Test func severalFilesAreJSONLinesSortedByPath() throws {
        let d = try TempDir()
        try d.write("b/nurse.md", Self.nurse)
        try d.write("a/cook.txt", Self.cook)
        let r = try CLI.run(["facts", "b/nurse.md", "a/cook.txt"], cwd: d.url)
        #expect(r.code == 0)
        let records = Self.lines(r)
        #expect(records.map { $0["path"] as? String } == ["a/cook.txt", "b/nurse.md"])
        let cook = records[0]
        #expect((cook["jobPosting"] as? [String: Any])?["employmentType"] as? String == "PART_TIME")
        // Evidence: the same position object as the lint JSON.
        let title = (cook["evidence"] as? [String: Any])?["title"] as? [String: Any]
        #expect(title?["start"] as? [String: Int] == ["line": 1, "column": 1, "offset": 0])
        #expect(title?["end"] as? [String: Int] == ["line": 1, "column": 5, "offset": 4])
        // A folder is several files, whatever it holds.
        let folder = try CLI.run(["facts", "a"], cwd: d.url)
        #expect(Self.lines(folder).count == 1)
        #expect(Self.lines(folder).first?["path"] as? String == "a/cook.txt")
    }

    @Test func jsonFormatHoldsTheRecords() throws {
        let d = try TempDir()
        try d.write("nurse.md", Self.nurse)
        let r = try CLI.run(["facts", "--format", "json", "nurse.md"], cwd: d.url)
        #expect(r.code == 0)
        let o = Self.object(r.stdoutBytes)
        #expect(o["version"] as? Int == 1)
        let files = o["files"] as? [[String: Any]] ?? []
        #expect(files.count == 1)
        #expect(files.first?["path"] as? String == "nurse.md")
        #expect((files.first?["jobPosting"] as? [String: Any])?["title"] as? String == "Staff Nurse")
        #expect(files.first?["evidence"] is [String: Any])
        let jsonl = try CLI.run(["facts", "--format=jsonl", "nurse.md"], cwd: d.url)
        #expect(Self.lines(jsonl).count == 1)
        // jsonld for several files: an array of JobPosting objects.
        try d.write("cook.txt", Self.cook)
        let several = try CLI.run(["facts", "--format", "jsonld", "nurse.md", "cook.txt"], cwd: d.url)
        let array = (try? JSONSerialization.jsonObject(with: Data(several.stdoutBytes))) as? [[String: Any]] ?? []
        #expect(array.map { $0["title"] as? String } == ["Cook", "Staff Nurse"])
    }

    @Test func standardInput() throws {
        let r = try CLI.run(["facts", "-"], stdin: Array(Self.cook.utf8))
        #expect(r.code == 0)
        #expect(Self.object(r.stdoutBytes)["title"] as? String == "Cook")
        let l = try CLI.run(["facts", "--format", "jsonl", "-"], stdin: Array(Self.cook.utf8))
        #expect(Self.lines(l).first?["path"] as? String == "<stdin>")
    }

    @Test func allFourFormats() throws {
        let d = try TempDir()
        try d.write("a.txt", "Welder\n\nWeld frames in Hull. Full-time.\n")
        try d.write("b.md", "---\ntitle: Welder\nlocation: Hull\n---\n\nWeld frames. Full-time.\n")
        try d.write("c.html", "<h1>Welder</h1><p>Weld frames in Hull. Full-time.</p>")
        try d.write("d.jsonld", #"{"@context":"https://schema.org","@type":"JobPosting","title":"Welder","employmentType":"FULL_TIME","description":"<p>Weld frames in Hull.</p>"}"#)
        let r = try CLI.run(["facts", "."], cwd: d.url)
        #expect(r.code == 0)
        let records = Self.lines(r)
        #expect(records.count == 4)
        for rec in records {
            let jp = rec["jobPosting"] as? [String: Any] ?? [:]
            #expect(jp["title"] as? String == "Welder", "\(rec["path"] ?? "")")
            #expect(jp["employmentType"] as? String == "FULL_TIME", "\(rec["path"] ?? "")")
            #expect(((jp["jobLocation"] as? [String: Any])?["address"] as? [String: Any])?["addressLocality"] as? String == "Hull", "\(rec["path"] ?? "")")
        }
    }

    @Test func usageErrorsExitTwo() throws {
        let d = try TempDir()
        try d.write("nurse.md", Self.nurse)
        var r = try CLI.run(["facts"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.stderr.contains("no paths given"))
        #expect(r.stdout == "")
        r = try CLI.run(["facts", "--format", "xml", "nurse.md"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.stderr.contains("unknown value \"xml\" for --format"))
        #expect(r.stdout == "")
        r = try CLI.run(["facts", "--format"], cwd: d.url)
        #expect(r.code == 2)
        r = try CLI.run(["facts", "--frobnicate", "nurse.md"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.stderr.contains("unknown option --frobnicate"))
        try FileManager.default.createDirectory(at: d.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        r = try CLI.run(["facts", "empty"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.stderr.contains("no postings found in empty"))
    }

    @Test func unreadableInputIsNamedAndTheRestReported() throws {
        let d = try TempDir()
        try d.write("nurse.md", Self.nurse)
        try d.write("bad.txt", bytes: [0x41, 0xFF, 0x42])
        let r = try CLI.run(["facts", "nurse.md", "bad.txt", "missing.md"], cwd: d.url)
        #expect(r.code == 2)
        #expect(r.stderr.contains("jdlint: bad.txt: is not valid UTF-8"))
        #expect(r.stderr.contains("jdlint: missing.md: no such file or directory"))
        let records = Self.lines(r)
        #expect(records.count == 3)
        #expect(records.first { $0["path"] as? String == "bad.txt" }?["error"] is String)
        #expect((records.first { $0["path"] as? String == "nurse.md" }?["jobPosting"] as? [String: Any])?["title"] as? String == "Staff Nurse")
        // One unreadable file named alone: nothing on standard output.
        let one = try CLI.run(["facts", "bad.txt"], cwd: d.url)
        #expect(one.code == 2)
        #expect(one.stdout == "")
    }

    @Test func batchModeAddsFactsPerRecord() throws {
        let input = ##"{"id": "a", "text": "# Cook\n\nCook in Leeds. Part-time, £11 an hour.\n", "format": "md"}"## + "\n"
            + #"{"id": "b", "text": "Welder"}"# + "\n"
        let r = try CLI.run(["--jsonl", "--facts", "--no-config"], stdin: Array(input.utf8))
        #expect(r.code == 0)
        let lines = Self.lines(r)
        #expect(lines.count == 2)
        let a = lines[0]["facts"] as? [String: Any]
        let jp = a?["jobPosting"] as? [String: Any]
        #expect(jp?["@type"] as? String == "JobPosting")
        #expect(jp?["employmentType"] as? String == "PART_TIME")
        #expect(((a?["evidence"] as? [String: Any])?["title"] as? [String: Any])?["start"] as? [String: Int] == ["line": 1, "column": 3, "offset": 2])
        #expect(lines[0]["diagnostics"] is [Any])
        #expect((lines[1]["facts"] as? [String: Any])?["jobPosting"] is [String: Any])
        // Without --facts, no facts; --facts without --jsonl is a usage error.
        let plain = try CLI.run(["--jsonl", "--no-config"], stdin: Array(input.utf8))
        #expect(Self.lines(plain).allSatisfy { $0["facts"] == nil })
        let misuse = try CLI.run(["--facts", "x.md"])
        #expect(misuse.code == 2)
        #expect(misuse.stderr.contains("--facts needs --jsonl"))
        #expect(misuse.stdout == "")
    }

    @Test func helpListsFacts() throws {
        let r = try CLI.run(["--help"])
        #expect(r.stdout.contains("jdlint facts"))
    }
}
