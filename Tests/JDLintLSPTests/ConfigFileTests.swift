import Foundation
import JDLintCore
import Testing
@testable import JDLintLSP

/// An open `.jdlint.json` shows the configuration loader's errors where they are, from the editor's text (issue 21);
/// postings keep the last good configuration meanwhile.
@Suite struct ConfigFileTests {
    let posting = "We need a engineer who who codes.\n"

    func publishes(_ c: TestClient, _ uri: String) -> [JSONValue] {
        c.all { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }
    }

    /// The newest diagnostics published for `uri` after the last `clear()`, waiting for one.
    func nextPublished(_ c: TestClient, _ uri: String) -> [JSONValue]? {
        _ = c.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }
        c.server.drain()
        return publishes(c, uri).last?["params"]?["diagnostics"]?.arrayValue
    }

    /// The LSP range (UTF-16) of `needle` in `text`, computed here independently of the server's converter.
    func range(of needle: String, in text: String, encoding: PositionEncoding = .utf16) -> JSONValue {
        let r = text.range(of: needle)!
        func pos(_ i: String.Index) -> JSONValue {
            let before = text[..<i]
            let line = before.filter { $0 == "\n" }.count
            let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            let chars = encoding == .utf16 ? text[lineStart..<i].utf16.count : text[lineStart..<i].utf8.count
            return ["line": .int(line), "character": .int(chars)]
        }
        return ["start": pos(r.lowerBound), "end": pos(r.upperBound)]
    }

    @Test func errorsAreShownWhereTheyAreAsYouTypeAndPostingsKeepTheLastGoodConfiguration() {
        for utf8 in [false, true] {
            let dir = tempDir()
            let good = #"{"rules": {"grammar/repeated-word": "off"}}"# + "\n"
            write(good, dir + "/.jdlint.json")
            let c = TestClient()
            c.initialize(utf8: utf8, root: dir)
            let enc: PositionEncoding = utf8 ? .utf8 : .utf16
            let job = URI.from(path: dir + "/job.txt")
            c.open(job, posting)
            #expect(codes(c.diagnostics(job)) == ["grammar/indefinite-article"])

            // Opened as it is on disk: no errors, and the posting is not re-linted.
            let cfg = URI.from(path: dir + "/.jdlint.json")
            c.clear()
            c.open(cfg, good, language: "json")
            #expect(c.diagnostics(cfg) == [])
            #expect(publishes(c, job).isEmpty)

            // Every error of the loader at once, each at its key (and value on the same line), after an emoji (two
            // UTF-16 units, four bytes) on the line.
            let broken = """
                {
                  // 😀 settings
                  "profile": "us-nyc",
                  "rules": {
                    "grammar/repeated-word": "off",
                    /* 😀 */ "requirements/too-many": {"maxx": 15},
                    "grammar/indefinte-article": "off",
                    "salary/implausible": {"severity": "warning", "maxRatio": "fifteen"}
                  }
                }

                """
            c.clear()
            c.change(cfg, replacing: 0..<Array(good.utf8).count, with: broken)
            let d = c.diagnostics(cfg)!
            let messages = d.compactMap { $0["message"]?.stringValue }
            #expect(d.count == 4, "\(messages)")
            #expect(d.allSatisfy { $0["severity"] == 1 && $0["code"] == "config" && $0["source"] == "jdlint" })
            let tooMany = d.first { $0["message"]?.stringValue?.contains("maxx") == true }
            #expect(tooMany?["range"] == range(of: #""maxx": 15"#, in: broken, encoding: enc))
            #expect(tooMany?["message"]?.stringValue?.contains(#"did you mean "max""#) == true)
            let unknownRule = d.first { $0["message"]?.stringValue?.contains("indefinte") == true }
            #expect(unknownRule?["range"] == range(of: #""grammar/indefinte-article": "off""#, in: broken, encoding: enc))
            #expect(unknownRule?["message"]?.stringValue?.contains(#"did you mean "grammar/indefinite-article""#) == true)
            let profile = d.first { $0["message"]?.stringValue?.contains("us-nyc") == true }
            #expect(profile?["range"] == range(of: #""profile": "us-nyc""#, in: broken, encoding: enc))
            let wrongType = d.first { $0["message"]?.stringValue?.contains("fifteen") == true }
            #expect(wrongType?["range"] == range(of: #""maxRatio": "fifteen""#, in: broken, encoding: enc), "\(messages)")
            // The posting keeps the last good configuration (repeated-word off), with no configuration error.
            #expect(codes(nextPublished(c, job)) == ["grammar/indefinite-article"])
            #expect(c.all { $0["method"] == "window/showMessage" }.isEmpty)

            // Invalid JSON: shown where the parser stopped; the posting is not even re-linted.
            let syntax = "{\n  \"rules\": {\"grammar\": \"off\",,}\n}\n"
            c.clear()
            c.change(cfg, replacing: 0..<Array(broken.utf8).count, with: syntax)
            let s = c.diagnostics(cfg)!
            #expect(s.count == 1)
            #expect(s.first?["message"]?.stringValue?.contains("invalid JSON") == true)
            #expect(s.first?["range"]?["start"]?["line"] == 1)
            c.server.drain()
            #expect(publishes(c, job).isEmpty)

            // Fixed, but not saved: the errors clear and the posting uses the editor's text, not the disk.
            let fixed = #"{"rules": {"grammar/indefinite-article": "off"}}"# + "\n"
            c.clear()
            c.change(cfg, replacing: 0..<Array(syntax.utf8).count, with: fixed)
            #expect(c.diagnostics(cfg) == [])
            #expect(codes(nextPublished(c, job)) == ["grammar/repeated-word"])

            // Closed without saving: the disk's configuration applies again.
            c.clear()
            c.notify("textDocument/didClose", ["textDocument": ["uri": .string(cfg)]])
            #expect(codes(nextPublished(c, job)) == ["grammar/indefinite-article"])
            #expect(publishes(c, cfg).last?["params"]?["diagnostics"] == [])
        }
    }

    @Test func errorsInExtendedFilesAndPacksAreShownOnTheEntryThatNamesThem() {
        let dir = tempDir()
        write(#"{"rules": {"grammar/no-such-rule": "off"}}"#, dir + "/base.json")
        let text = """
            {
              "extends": "./base.json",
              "packs": ["./style/missing.json"]
            }

            """
        write(text, dir + "/.jdlint.json")
        let c = TestClient()
        c.initialize(pull: true, root: dir)
        let cfg = URI.from(path: dir + "/.jdlint.json")
        c.open(cfg, text, language: "json")
        // Pull diagnostics too. The pack that does not load stops the check (its rules would be unknown).
        let r = c.request("textDocument/diagnostic", ["textDocument": ["uri": .string(cfg)]])["result"]?["items"]?.arrayValue
        #expect(r?.count == 1)
        #expect(r?.first?["range"] == range(of: #""./style/missing.json""#, in: text))
        #expect(r?.first?["message"]?.stringValue?.contains("rule pack not found") == true)
        // The pack removed from the list: the extended file's error, on the `extends` entry.
        let noPack = text.replacingOccurrences(of: #","# + "\n" + #"  "packs": ["./style/missing.json"]"#, with: "")
        c.change(cfg, replacing: 0..<Array(text.utf8).count, with: noPack)
        let e = c.request("textDocument/diagnostic", ["textDocument": ["uri": .string(cfg)]])["result"]?["items"]?.arrayValue
        #expect(e?.count == 1)
        #expect(e?.first?["range"] == range(of: #""./base.json""#, in: noPack))
        #expect(e?.first?["message"]?.stringValue?.contains("base.json") == true)
        #expect(e?.first?["message"]?.stringValue?.contains("no-such-rule") == true)
        // No quick fixes, no formatting, no hover for a configuration file.
        #expect(c.request("textDocument/formatting", ["textDocument": ["uri": .string(cfg)], "options": ["tabSize": 2, "insertSpaces": true]])["result"] == [])
        #expect(c.request("textDocument/hover", ["textDocument": ["uri": .string(cfg)], "position": ["line": 1, "character": 5]])["result"] == .null)
    }

    @Test func aConfigurationOutsideTheWorkspaceIsLeftAlone() {
        let ws = tempDir(), elsewhere = tempDir()
        let text = #"{"rules": {"grammar/no-such-rule": "off"}}"#
        write(text, elsewhere + "/.jdlint.json")
        let c = TestClient()
        c.initialize(root: ws)
        let cfg = URI.from(path: elsewhere + "/.jdlint.json")
        c.open(cfg, text, language: "json")
        #expect(c.diagnostics(cfg) == [])
    }

    @Test func brokenFromTheStartPostingsShowTheErrorOnLineOneWithTheDefaults() {
        let dir = tempDir()
        let text = #"{"rules": {"grammar/repeated-word": "of"}}"#
        write(text, dir + "/.jdlint.json")
        let c = TestClient()
        c.initialize(root: dir)
        let cfg = URI.from(path: dir + "/.jdlint.json")
        c.open(cfg, text, language: "json")
        let d = c.diagnostics(cfg)!
        #expect(d.count == 1)
        #expect(d.first?["range"] == range(of: #""grammar/repeated-word": "of""#, in: text))
        #expect(d.first?["message"]?.stringValue?.contains(#"did you mean "off""#) == true)
        // No good configuration to keep: the defaults, and the error on line 1, as before.
        let job = URI.from(path: dir + "/job.txt")
        c.open(job, posting)
        #expect(codes(c.diagnostics(job)) == ["config", "grammar/indefinite-article", "grammar/repeated-word"])
    }
}
