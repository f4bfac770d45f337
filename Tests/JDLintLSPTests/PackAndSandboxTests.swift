import Foundation
import JDLintCore
import Testing
@testable import JDLintLSP

/// A pack with one existence rule flagging `phrase`.
func packJSON(_ phrase: String) -> String {
    """
    // A test pack.
    {
      "pack": "acme",
      "rules": [
        {
          "id": "acme/banned",
          "kind": "existence",
          "severity": "warning",
          "summary": "Acme bans this phrase.",
          "explanation": "House style.",
          "message": "Acme bans “{match}”.",
          "phrases": ["\(phrase)"],
          "examples": { "triggering": ["We want a ↓\(phrase)."], "nonTriggering": ["We want a colleague."] }
        }
      ]
    }

    """
}

func tempDir() -> String {
    let dir = NSTemporaryDirectory() + "jdlint-lsp2-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: dir + "/style", withIntermediateDirectories: true)
    return dir
}

func write(_ text: String, _ path: String) { try! text.write(toFile: path, atomically: true, encoding: .utf8) }

@Suite struct PackServerTests {
    let posting = "We need a rockstar and a ninja, a zorbulator.\n"

    @Test func packsAreWatchedAndReloadedOnChangeAndSave() {
        let dir = tempDir()
        write(#"{"packs": ["./style/acme.json"]}"#, dir + "/.jdlint.json")
        write(packJSON("rockstar"), dir + "/style/acme.json")
        let uri = URI.from(path: dir + "/job.txt")
        let c = TestClient()
        c.initialize(root: dir)
        c.open(uri, posting)
        #expect(codes(c.diagnostics(uri)).contains("acme/banned"))
        // The pack is watched (a registration naming it).
        let reg = c.waitFor(timeout: 5) { m in
            m["method"] == "client/registerCapability"
                && (m["params"]?["registrations"]?.arrayValue?.first?["id"]?.stringValue?.hasPrefix("jdlint-pack-watcher") ?? false)
        }
        #expect(reg?.serialized().contains("acme.json") == true)
        // The pack changes on disk: didChangeWatchedFiles reloads it (a fresh loader).
        write(packJSON("ninja"), dir + "/style/acme.json")
        c.clear()
        c.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(URI.from(path: dir + "/style/acme.json")), "type": 2]]])
        let m = c.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }
        let banned = (m?["params"]?["diagnostics"]?.arrayValue ?? []).filter { $0["code"] == "acme/banned" }
        #expect(banned.count == 1)
        #expect(banned.first?["message"]?.stringValue?.contains("ninja") == true)
        // And on didSave of the pack.
        write(packJSON("rockstar and a ninja"), dir + "/style/acme.json")
        c.clear()
        c.notify("textDocument/didSave", ["textDocument": ["uri": .string(URI.from(path: dir + "/style/acme.json"))]])
        let s = c.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }
        #expect((s?["params"]?["diagnostics"]?.arrayValue ?? []).first { $0["code"] == "acme/banned" }?["message"]?.stringValue?
            .contains("rockstar and a ninja") == true)
    }

    @Test func brokenPackIsADiagnosticInThePackFileNeverACrash() {
        for utf8 in [false, true] {
            let dir = tempDir()
            write(#"{"packs": ["style/acme.json"]}"#, dir + "/.jdlint.json")
            // Line 3 (1-based) holds the error: "rules" must be an array. An emoji before it on the line.
            let broken = "// 😀 pack\n{\n  \"pack\": \"😀 acme\", \"rules\": 42\n}\n"
            write(broken, dir + "/style/acme.json")
            let c = TestClient()
            c.initialize(utf8: utf8, root: dir)
            let job = URI.from(path: dir + "/job.txt")
            c.open(job, posting)
            let jd = c.diagnostics(job)!
            #expect(codes(jd).first == "config")
            #expect(jd.first?["message"]?.stringValue?.contains("acme.json") == true)
            // The pack itself, open in the editor: its error where it is.
            let packURI = URI.from(path: dir + "/style/acme.json")
            c.open(packURI, broken, language: "json")
            let pd = c.diagnostics(packURI)!
            #expect(codes(pd) == ["pack"])
            let range = pd.first?["range"]
            #expect(range?["start"]?["line"] == 2)
            let lines = LineIndex(Array(broken.utf8))
            let e = RulePack.diagnose(Array(broken.utf8), origin: "acme.json")!
            #expect(e.line == 3)
            let expected = c.encoding.position(lines.offset(line: e.line!, column: e.column!), lines)
            #expect(expected.character > (utf8 ? 26 : 23))
            #expect(range?["start"]?["character"] == .int(expected.character), "\(pd)")
            #expect(pd.first?["message"]?.stringValue?.contains("rules") == true)
            // Typing a fix in the editor clears it (from the editor's text, before saving)…
            let fixedText = broken.replacingOccurrences(of: "\"rules\": 42", with: "\"rules\": []")
            c.change(packURI, replacing: 0..<Array(broken.utf8).count, with: fixedText)
            #expect(codes(c.diagnostics(packURI)) == [])
            // …and breaking JSON syntax shows the parse error at its position.
            c.change(packURI, replacing: 0..<Array(fixedText.utf8).count, with: "{\n  \"pack\": \n")
            let syntax = c.diagnostics(packURI)!
            #expect(codes(syntax) == ["pack"])
            #expect(syntax.first?["message"]?.stringValue?.contains("invalid JSON") == true)
            // No quick fixes, no formatting on a pack.
            let acts = c.request("textDocument/codeAction", ["textDocument": ["uri": .string(packURI)],
                                                             "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                                                             "context": ["diagnostics": .array(syntax)]])
            #expect(acts["result"]?.arrayValue?.isEmpty == true)
            #expect(c.request("textDocument/formatting", ["textDocument": ["uri": .string(packURI)], "options": ["tabSize": 2, "insertSpaces": true]])["result"] == [])
            // Saving the repaired pack reloads it: the posting is linted with it.
            write(packJSON("zorbulator"), dir + "/style/acme.json")
            c.change(packURI, replacing: 0..<Array("{\n  \"pack\": \n".utf8).count, with: packJSON("zorbulator"))
            c.clear()
            c.notify("textDocument/didSave", ["textDocument": ["uri": .string(packURI)]])
            let m = c.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == job }
            #expect(codes(m?["params"]?["diagnostics"]?.arrayValue).filter { $0.hasPrefix("acme/") || $0 == "config" } == ["acme/banned"])
            #expect(codes(c.diagnostics(packURI)) == [])
        }
    }

    @Test func packOpenedBeforeAnyPostingIsRecognised() {
        let dir = tempDir()
        write(#"{"packs": ["./style/acme.json"]}"#, dir + "/.jdlint.json")
        write("{ \"pack\": 1 }", dir + "/style/acme.json")
        let c = TestClient()
        c.initialize(pull: true, root: dir)
        let packURI = URI.from(path: dir + "/style/acme.json")
        c.open(packURI, "{ \"pack\": 1 }", language: "json")
        let r = c.request("textDocument/diagnostic", ["textDocument": ["uri": .string(packURI)]])
        #expect(codes(r["result"]?["items"]?.arrayValue) == ["pack"])
        // A pack missing on disk: a config error on postings, no crash.
        try? FileManager.default.removeItem(atPath: dir + "/style/acme.json")
        c.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(packURI), "type": 3]]])
        let job = URI.from(path: dir + "/job.md")
        c.open(job, "# Engineer\n\nWe need a engineer.\n", language: "markdown")
        let d = c.request("textDocument/diagnostic", ["textDocument": ["uri": .string(job)]])
        #expect(codes(d["result"]?["items"]?.arrayValue) == ["config", "grammar/indefinite-article"])
    }
}

@Suite struct SandboxTests {
    let text = "We need a engineer who who codes.\n"

    /// A layout: outer/.jdlint.json (turns grammar off) above the workspace, workspace/ without a config, and
    /// elsewhere/.jdlint.json next to a document outside the workspace.
    func layout() -> (outer: String, workspace: String, elsewhere: String) {
        let outer = tempDir()
        write(#"{"rules": {"grammar": "off"}}"#, outer + "/.jdlint.json")
        let ws = outer + "/workspace", elsewhere = outer + "/elsewhere"
        for d in [ws + "/sub", elsewhere] { try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        write(#"{"rules": {"grammar/repeated-word": "off"}}"#, elsewhere + "/.jdlint.json")
        return (outer, ws, elsewhere)
    }

    @Test func configAboveTheWorkspaceIsNotRead() {
        let (_, ws, _) = layout()
        let c = TestClient()
        c.initialize(root: ws)
        let uri = URI.from(path: ws + "/sub/job.txt")
        c.open(uri, text)
        // The outer config would turn grammar off: it is outside the workspace, so the defaults apply.
        #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article", "grammar/repeated-word"])
        // A config inside the workspace is read.
        write(#"{"rules": {"grammar/indefinite-article": "off"}}"#, ws + "/.jdlint.json")
        c.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(URI.from(path: ws + "/.jdlint.json")), "type": 1]]])
        c.change(uri, replacing: 0..<0, with: " ")
        #expect(codes(c.diagnostics(uri)) == ["grammar/repeated-word"])
    }

    @Test func documentOutsideEveryFolderUsesTheDefaults() {
        let (_, ws, elsewhere) = layout()
        let c = TestClient()
        c.initialize(root: ws)
        for path in [elsewhere + "/job.txt", elsewhere + "/../elsewhere/job2.txt", ws + "/../elsewhere/job3.txt"] {
            let uri = URI.from(path: path)
            c.open(uri, text)
            #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article", "grammar/repeated-word"], "\(path)")
        }
        #expect(c.logs.contains { $0.contains("outside every workspace folder") })
        // The client's settings still apply to it.
        c.notify("workspace/didChangeConfiguration", ["settings": ["jdlint": ["rules": ["grammar/repeated-word": "off"]]]])
        let uri = URI.from(path: elsewhere + "/job.txt")
        c.change(uri, replacing: 0..<0, with: " ")
        #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article"])
    }

    @Test func noWorkspaceFolderReadsNoConfig() {
        let (_, _, elsewhere) = layout()
        let c = TestClient()
        c.initialize()
        let uri = URI.from(path: elsewhere + "/job.txt")
        c.open(uri, text)
        #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article", "grammar/repeated-word"])
    }

    @Test func workspaceFoldersEachReadTheirOwnConfig() {
        let (outer, ws, elsewhere) = layout()
        let c = TestClient()
        // Two folders named through workspaceFolders (rootUri names the first).
        var general = JSONObject()
        general["positionEncodings"] = ["utf-16"]
        let params: JSONValue = ["processId": .null, "rootUri": .string(URI.from(path: ws)),
                                 "workspaceFolders": [["uri": .string(URI.from(path: ws)), "name": "ws"],
                                                      ["uri": .string(URI.from(path: elsewhere + "/")), "name": "else"]],
                                 "capabilities": ["general": .object(general)]]
        _ = c.request("initialize", params)
        c.notify("initialized", [:])
        let inElsewhere = URI.from(path: elsewhere + "/job.txt")
        c.open(inElsewhere, text)
        #expect(codes(c.diagnostics(inElsewhere)) == ["grammar/indefinite-article"])
        let inWs = URI.from(path: ws + "/job.txt")
        c.open(inWs, text)
        #expect(codes(c.diagnostics(inWs)) == ["grammar/indefinite-article", "grammar/repeated-word"])
        // A path that only shares a prefix with a folder is outside it.
        try! FileManager.default.createDirectory(atPath: outer + "/workspace-other", withIntermediateDirectories: true)
        write(#"{"rules": {"grammar": "off"}}"#, outer + "/workspace-other/.jdlint.json")
        let lookalike = URI.from(path: outer + "/workspace-other/job.txt")
        c.open(lookalike, text)
        #expect(codes(c.diagnostics(lookalike)) == ["grammar/indefinite-article", "grammar/repeated-word"])
    }

    @Test func symbolicLinksCannotLeadOutside() {
        let (outer, ws, elsewhere) = layout()
        // ws/link → elsewhere (which has a config): a document under the link is outside the workspace.
        try! FileManager.default.createSymbolicLink(atPath: ws + "/link", withDestinationPath: elsewhere)
        let c = TestClient()
        c.initialize(root: ws)
        let uri = URI.from(path: ws + "/link/job.txt")
        c.open(uri, text)
        #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article", "grammar/repeated-word"])
        // A workspace opened through a link still reads its own config.
        try! FileManager.default.createSymbolicLink(atPath: outer + "/ws-link", withDestinationPath: elsewhere)
        let d = TestClient()
        d.initialize(root: outer + "/ws-link")
        let inside = URI.from(path: outer + "/ws-link/job.txt")
        d.open(inside, text)
        #expect(codes(d.diagnostics(inside)) == ["grammar/indefinite-article"])
    }

    @Test func extendsAndPacksOutsideTheWorkspaceAreFollowed() {
        let (outer, ws, _) = layout()
        write(packJSON("zorbulator"), outer + "/style/acme.json")
        write(#"{"packs": ["./style/acme.json"], "rules": {"grammar/repeated-word": "off"}}"#, outer + "/base.json")
        write(#"{"extends": "../base.json"}"#, ws + "/.jdlint.json")
        let c = TestClient()
        c.initialize(root: ws)
        let uri = URI.from(path: ws + "/job.txt")
        c.open(uri, "We need a engineer who who is a zorbulator.\n")
        #expect(codes(c.diagnostics(uri)).sorted() == ["acme/banned", "grammar/indefinite-article"])
    }
}
