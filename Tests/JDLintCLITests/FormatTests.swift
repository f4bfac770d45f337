import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects elements and attributes; fails on any XML error.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    static func parse(_ s: String) -> XMLCollector? {
        let c = XMLCollector()
        let p = XMLParser(data: Data(s.utf8))
        p.delegate = c
        return p.parse() ? c : nil
    }
}

@Suite("Output formats")
struct FormatTests {
    /// Files with findings, a tricky name and message characters, and one unreadable file.
    func run(_ format: String, extra: [String] = []) throws -> CLI.Result {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        try d.write("dir, with: odd & <chars>/b.md", "# Analyst\n\nWe need a engineer & \"more\" <people>.\n")
        try d.write("c.txt", Fixture.clean)
        try d.write("bad.txt", bytes: [0x41, 0xFF])
        return try CLI.run(core + ["--format", format] + extra + ["."], cwd: d.url)
    }

    @Test func json() throws {
        let r = try run("json")
        #expect(r.code == 2)
        let files = r.json["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["path"] as? String ?? "" } == ["a.txt", "bad.txt", "c.txt", "dir, with: odd & <chars>/b.md"])
        let d = (files[0]["diagnostics"] as? [[String: Any]])?.first
        #expect(d?["rule"] as? String == "grammar/indefinite-article")
        let start = (d?["range"] as? [String: Any])?["start"] as? [String: Any]
        #expect(start?["line"] as? Int == 3 && start?["column"] as? Int == 9 && start?["offset"] as? Int == 24)
        let fix = d?["fix"] as? [String: Any]
        #expect(fix?["applicability"] as? String == "safe")
        #expect(((fix?["edits"] as? [[String: Any]])?.first?["replacement"]) as? String == "an")
        let summary = r.json["summary"] as? [String: Any]
        #expect(summary?["files"] as? Int == 4 && summary?["errors"] as? Int == 2 && summary?["fixable"] as? Int == 4)
        #expect(Set(summary?.keys.map { $0 } ?? []) == ["files", "errors", "warnings", "infos", "fixable"])
    }

    @Test func jsonl() throws {
        let r = try run("jsonl")
        let lines = r.stdout.split(separator: "\n").map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0 != nil })
        #expect(lines[0]?["path"] as? String == "a.txt" && lines[0]?["rule"] as? String == "grammar/indefinite-article")
        #expect(lines[3]?["path"] as? String == "bad.txt" && lines[3]?["error"] is String)
        #expect(lines[4]?["range"] is [String: Any])
        let clean = try CLI.run(core + ["--format", "jsonl", "-"], stdin: Array(Fixture.clean.utf8))
        #expect(clean.stdout.isEmpty && clean.code == 0)
    }

    @Test func github() throws {
        let r = try run("github")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "::error file=a.txt,line=3,endLine=3,col=9,endColumn=10,title=jdlint grammar/indefinite-article::Use “an” before “engineer”: it starts with a vowel sound. (fix: Change “a” to “an”)")
        #expect(lines[1].hasPrefix("::warning file=a.txt,line=3,endLine=3,col=37,endColumn=40,title=jdlint grammar/repeated-word::"))
        #expect(lines.contains { $0.hasPrefix("::error file=bad.txt,title=jdlint::") })
        // Property values escape `,` and `:`; the message escapes `%` and line breaks.
        #expect(lines.contains { $0.hasPrefix("::error file=dir%2C with%3A odd & <chars>/b.md,line=3,") })
        #expect(GitHubFormatterEscapes.data("50% off\r\nnow") == "50%25 off%0D%0Anow")
    }

    @Test func junit() throws {
        let r = try run("junit")
        let x = try #require(XMLCollector.parse(r.stdout), "junit output is not well-formed XML:\n\(r.stdout)")
        let cases = x.elements.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["name"] ?? "" } == ["a.txt", "bad.txt", "c.txt", "dir, with: odd & <chars>/b.md"])
        #expect(x.elements.filter { $0.name == "failure" }.count == 2)
        #expect(x.elements.filter { $0.name == "error" }.count == 1)
        let suite = x.elements.first { $0.name == "testsuite" }
        #expect(suite?.attributes["tests"] == "4" && suite?.attributes["failures"] == "2" && suite?.attributes["errors"] == "1")
        #expect(x.text.contains("a.txt:3:9: error [grammar/indefinite-article]"))
    }

    @Test func checkstyle() throws {
        let r = try run("checkstyle")
        let x = try #require(XMLCollector.parse(r.stdout), "checkstyle output is not well-formed XML:\n\(r.stdout)")
        #expect(x.elements.first?.name == "checkstyle")
        let files = x.elements.filter { $0.name == "file" }.map { $0.attributes["name"] ?? "" }
        #expect(files == ["a.txt", "bad.txt", "c.txt", "dir, with: odd & <chars>/b.md"])
        let errors = x.elements.filter { $0.name == "error" }
        #expect(errors.count == 5)
        #expect(errors[0].attributes["line"] == "3" && errors[0].attributes["column"] == "9")
        #expect(errors[0].attributes["severity"] == "error" && errors[0].attributes["source"] == "jdlint.grammar/indefinite-article")
        #expect(errors[1].attributes["severity"] == "warning")
    }

    @Test func rdjson() throws {
        let r = try run("rdjson")
        let root = r.json
        #expect((root["source"] as? [String: Any])?["name"] as? String == "jdlint")
        let diags = root["diagnostics"] as? [[String: Any]] ?? []
        #expect(diags.count == 5)
        let first = diags[0]
        #expect(first["severity"] as? String == "ERROR")
        #expect((first["code"] as? [String: Any])?["value"] as? String == "grammar/indefinite-article")
        let loc = first["location"] as? [String: Any]
        #expect(loc?["path"] as? String == "a.txt")
        let sugg = (first["suggestions"] as? [[String: Any]])?.first
        #expect(sugg?["text"] as? String == "an")
        let start = ((sugg?["range"] as? [String: Any])?["start"]) as? [String: Any]
        #expect(start?["line"] as? Int == 3 && start?["column"] as? Int == 9)
    }

    @Test func rdjsonColumnsAreUTF8Bytes() throws {
        let r = try CLI.run(core + ["--format", "rdjson", "-"], stdin: Array("Café staff: we need a engineer.\n".utf8))
        let d = (r.json["diagnostics"] as? [[String: Any]])?.first
        let start = (((d?["location"] as? [String: Any])?["range"] as? [String: Any])?["start"]) as? [String: Any]
        #expect(start?["column"] as? Int == 22)  // "Café" is 5 bytes: scalar column 21, byte column 22
    }

    @Test func sarifStructure() throws {
        let r = try run("sarif")
        #expect(r.json["version"] as? String == "2.1.0")
        let run = (r.json["runs"] as? [[String: Any]])?.first ?? [:]
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any] ?? [:]
        #expect(driver["name"] as? String == "jdlint")
        let rules = driver["rules"] as? [[String: Any]] ?? []
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.contains("grammar/indefinite-article") && ids.contains("suppression/unused"))
        for rule in rules {
            #expect(rule["shortDescription"] is [String: Any] && rule["fullDescription"] is [String: Any] && rule["help"] is [String: Any])
            #expect(((rule["defaultConfiguration"] as? [String: Any])?["level"]) is String)
        }
        let results = run["results"] as? [[String: Any]] ?? []
        #expect(results.count == 4)
        let first = results[0]
        #expect(first["ruleId"] as? String == "grammar/indefinite-article" && first["level"] as? String == "error")
        #expect(ids[first["ruleIndex"] as? Int ?? -1] == "grammar/indefinite-article")
        let phys = ((first["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any]
        #expect((phys?["artifactLocation"] as? [String: Any])?["uri"] as? String == "a.txt")
        let region = phys?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 3 && region?["startColumn"] as? Int == 9 && region?["endColumn"] as? Int == 10)
        #expect((first["partialFingerprints"] as? [String: String])?.isEmpty == false)
        let fix = (first["fixes"] as? [[String: Any]])?.first
        let change = (fix?["artifactChanges"] as? [[String: Any]])?.first
        let rep = (change?["replacements"] as? [[String: Any]])?.first
        #expect((rep?["insertedContent"] as? [String: Any])?["text"] as? String == "an")
        // The odd path is percent-encoded; the unreadable file is a notification.
        let uris = results.compactMap { (((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String }
        #expect(uris.contains("dir%2C%20with%3A%20odd%20%26%20%3Cchars%3E/b.md"))
        let inv = (run["invocations"] as? [[String: Any]])?.first
        #expect(inv?["executionSuccessful"] as? Bool == false)
        #expect(((inv?["toolExecutionNotifications"] as? [[String: Any]])?.count) == 1)
        // Fingerprints are stable when lines move.
        let moved = try CLI.run(core + ["--format", "sarif", "-"], stdin: Array(("\n\n" + Fixture.defects).utf8))
        let orig = try CLI.run(core + ["--format", "sarif", "-"], stdin: Array(Fixture.defects.utf8))
        func prints(_ r: CLI.Result) -> [String] {
            (((r.json["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]] ?? []).compactMap { ($0["partialFingerprints"] as? [String: String])?.values.first }
        }
        #expect(prints(moved) == prints(orig) && !prints(orig).isEmpty)
    }

    @Test func outputFile() throws {
        let d = try TempDir()
        try d.write("a.txt", Fixture.defects)
        let r = try CLI.run(core + ["--format", "sarif", "--output", "out.sarif", "a.txt"], cwd: d.url)
        #expect(r.code == 1 && r.stdout.isEmpty)
        #expect(d.readText("out.sarif").contains("\"version\": \"2.1.0\""))
    }
}

/// Mirrors the workflow-command escaping rules (checked against the formatter's output above).
enum GitHubFormatterEscapes {
    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}
