import Foundation
import JDLintCore
import Testing
@testable import JDLintLSP
import JDLintTestSupport

@Suite struct SuppressionActionTests {
    /// Applies the "Disable … for this line/file" action and checks that the finding is gone.
    func check(_ text: String, language: String, ext: String, expectInserted: String, file: Bool) {
        let uri = "file:///tmp/sup-\(UUID().uuidString).\(ext)"
        let c = TestClient()
        c.initialize()
        c.open(uri, text, language: language)
        let d = c.diagnostics(uri)!
        let finding = d.first { $0["code"] == "grammar/indefinite-article" }!
        let line = finding["range"]!["start"]!["line"]!
        let r = c.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)],
                                                      "range": ["start": ["line": line, "character": 0], "end": ["line": line, "character": 0]],
                                                      "context": ["diagnostics": [finding], "only": ["quickfix"]]])
        let suffix = file ? "for this file" : "for this line"
        let action = r["result"]?.arrayValue?.first { $0["title"]?.stringValue?.hasSuffix(suffix) == true }
        let fixed = c.apply(c.edits(action?["edit"], uri), to: text)
        #expect(fixed.contains(expectInserted), "\(fixed)")
        let check = TestClient()
        check.initialize()
        check.open(uri + "2", fixed, language: language)
        #expect(!codes(check.diagnostics(uri + "2")).contains("grammar/indefinite-article"), "\(fixed)")
        #expect(!codes(check.diagnostics(uri + "2")).contains("suppression/unused"), "\(fixed)")
    }

    @Test func markdownInsideAParagraphAndAfterFrontMatter() {
        let md = "---\ntitle: Engineer\n---\n\n# Engineer\n\nFirst line of the paragraph\nand we need a engineer.\n"
        check(md, language: "markdown", ext: "md", expectInserted: "\n<!-- jdlint-disable-next-line grammar/indefinite-article -->\nand we", file: false)
        check(md, language: "markdown", ext: "md", expectInserted: "---\n<!-- jdlint-disable grammar/indefinite-article -->\n\n# Engineer", file: true)
    }

    @Test func htmlKeepsTheDoctypeFirst() {
        let html = "<!DOCTYPE html>\n<html><body>\n  <p>We need a engineer.</p>\n</body></html>\n"
        check(html, language: "html", ext: "html", expectInserted: "  <!-- jdlint-disable-next-line grammar/indefinite-article -->\n  <p>", file: false)
        check(html, language: "html", ext: "html", expectInserted: "<!DOCTYPE html>\n<!-- jdlint-disable grammar/indefinite-article -->\n", file: true)
    }

    @Test func textWithoutFinalNewline() {
        check("Engineer\n\nWe need a engineer.", language: "plaintext", ext: "txt", expectInserted: "# jdlint-disable grammar/indefinite-article\nEngineer", file: true)
    }

    @Test func jsonHasNoSuppressionActions() {
        let uri = "file:///tmp/sup.json"
        let c = TestClient()
        c.initialize()
        c.open(uri, "{\"@type\":\"JobPosting\",\"description\":\"We need a engineer.\"}", language: "json")
        let d = c.diagnostics(uri)!
        let r = c.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)],
                                                      "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                                                      "context": ["diagnostics": .array(d)]])
        let titles = r["result"]?.arrayValue?.compactMap { $0["title"]?.stringValue } ?? []
        #expect(!titles.contains { $0.hasPrefix("Disable") })
        #expect(titles.contains { $0.contains("an") })
    }
}

@Suite(.serialized) struct MoreConfigurationTests {
    func workspace(_ config: String) -> String {
        let dir = NSTemporaryDirectory() + "jdlint-lsp-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try! config.write(toFile: dir + "/.jdlint.json", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func languagesAndIgnore() {
        let dir = workspace(#"{"languages": ["asciidoc"], "ignore": ["drafts/**"]}"#)
        let c = TestClient()
        c.initialize(root: dir)
        let adoc = URI.from(path: dir + "/job.adoc"), draft = URI.from(path: dir + "/drafts/job.txt")
        c.open(adoc, "We need a engineer.\n", language: "asciidoc")
        c.open(draft, "We need a engineer.\n")
        #expect(codes(c.diagnostics(adoc)) == ["grammar/indefinite-article"])
        #expect(codes(c.diagnostics(draft)) == [])
        let f = c.request("textDocument/formatting", ["textDocument": ["uri": .string(draft)], "options": ["tabSize": 2, "insertSpaces": true]])
        #expect(f["result"] == [])
    }

    @Test func savingTheConfigReloadsIt() {
        let dir = workspace(#"{"rules": {"grammar/indefinite-article": "off"}}"#)
        let c = TestClient()
        c.initialize(root: dir)
        let uri = URI.from(path: dir + "/job.txt")
        c.open(uri, "We need a engineer.\n")
        #expect(codes(c.diagnostics(uri)) == [])
        try! "{}".write(toFile: dir + "/.jdlint.json", atomically: true, encoding: .utf8)
        c.clear()
        c.notify("textDocument/didSave", ["textDocument": ["uri": .string(URI.from(path: dir + "/.jdlint.json"))]])
        let m = c.waitFor { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(codes(m?["params"]?["diagnostics"]?.arrayValue) == ["grammar/indefinite-article"])
    }

    @Test func unsafeFixesSettingAtRuntime() {
        let uri = "file:///tmp/unsafe.txt"
        let text = "# jdlint-disable-next-line\nA clean line.\n"
        let c = TestClient()
        c.initialize()
        c.open(uri, text)
        #expect(codes(c.diagnostics(uri)) == ["suppression/unused"])
        let ctx: JSONValue = ["textDocument": ["uri": .string(uri)], "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                              "context": ["diagnostics": [], "only": ["source.fixAll.jdlint"]]]
        #expect(c.request("textDocument/codeAction", ctx)["result"] == [])
        c.notify("workspace/didChangeConfiguration", ["settings": ["jdlint": ["unsafeFixes": true]]])
        let acts = c.request("textDocument/codeAction", ctx)["result"]?.arrayValue ?? []
        #expect(acts.count == 1)
        #expect(c.apply(c.edits(acts.first?["edit"], uri), to: text) == "A clean line.\n")
        // The unused-suppression finding carries the Unnecessary tag.
        #expect(c.diagnostics(uri)?.first?["tags"] == [1])
    }

    @Test func shutdownThenClosedInputIsZero() {
        let c = TestClient()
        c.initialize()
        _ = c.request("shutdown")
        c.server.connectionClosed()
        c.server.drain()
        #expect(c.exitCode == 0)
    }

    @Test func logMessagesFollowTheTraceLevel() {
        let c = TestClient()
        c.initialize()
        c.notify("textDocument/didChange", ["textDocument": ["uri": "file:///not-open", "version": 2], "contentChanges": []])
        #expect(c.waitFor { $0["method"] == "window/logMessage" && $0["params"]?["type"] == 2 } != nil)
        c.notify("$/setTrace", ["value": "verbose"])
        c.sendRequest("jdlint/nothing")
        #expect(c.waitFor { $0["method"] == "window/logMessage" && $0["params"]?["type"] == 4 } != nil)
    }
}

/// The server lints edits incrementally (`LintMemo`): after any sequence of edits it must publish what a fresh
/// server publishes for the same text.
@Suite struct IncrementalServerTests {
    static func shape(_ d: [JSONValue]?) -> [String] {
        (d ?? []).map { "\($0["code"] ?? .null) \($0["range"] ?? .null) \($0["message"] ?? .null) \($0["severity"] ?? .null)" }
    }

    @Test func editsPublishWhatAFreshOpenPublishes() {
        var text = "# Platform Engineer 🚀\n\n## Responsibilities\n\n"
        for i in 0..<30 { text += "- You will build a API \(i) and and review code 😀.\n" }
        text += "\n## Pay\n\nThe salary is $64334 per year.\n\nWe need a engineer who who can lift heavy objects.\n"
        let inserts = ["a ", "an ", "\n\n", "## Benefits\n", "the the ", "$90000 ", "😀", "- ", "rockstar ", "\r\n", "x"]
        var rng = SplitMix64(seed: 0x5EED_1A7E)
        for language in ["markdown", "plaintext"] {
            let uri = "file:///tmp/incremental-\(language).md"
            let c = TestClient()
            c.initialize()
            c.open(uri, text, language: language)
            _ = c.diagnostics(uri)
            var current = Array(text.utf8)
            for step in 0..<25 {
                func boundary(_ o: Int) -> Int {
                    var o = min(max(o, 0), current.count)
                    while o > 0 && o < current.count && Bytes.isContinuation(current[o]) { o -= 1 }
                    return o
                }
                let at = boundary(Int.random(in: 0...current.count, using: &rng))
                let end = step % 3 == 2 ? boundary(at + Int.random(in: 1...12, using: &rng)) : at
                let insert = step % 3 == 2 ? "" : inserts.randomElement(using: &rng)!
                c.change(uri, replacing: at..<end, with: insert)
                current.replaceSubrange(at..<end, with: Array(insert.utf8))
                let published = c.diagnostics(uri)
                if step == 0 {
                    // The first edit (a few bytes in one place) re-ran the block rules on a block or two, not all.
                    c.server.drain()
                    let memo = c.server.syncOnState { server in server.memos[uri]?.memo }
                    #expect((memo?.relinted ?? 99) <= 3 && memo?.reusedAnalysis == true, "\(String(describing: memo?.relinted))")
                }
                let fresh = TestClient()
                fresh.initialize()
                fresh.open(uri, String(decoding: current, as: UTF8.self), language: language)
                let expected = fresh.diagnostics(uri)
                #expect(Self.shape(published) == Self.shape(expected), "\(language), edit \(step): \(String(decoding: current, as: UTF8.self).debugDescription.prefix(200))")
                if Self.shape(published) != Self.shape(expected) { break }
            }
        }
    }
}

/// A push lint keeps its memo before its diagnostics reach the client, so the lint of the edit the client sends as
/// soon as it sees them starts from it (with a memo two edits old, everything between the two edits is linted again).
@Suite struct MemoHandOverTests {
    @Test func theNextEditsLintStartsFromThisLintsMemo() {
        let c = TestClient()
        c.initialize()
        let uri = "file:///tmp/memo-hand-over.md"
        var text = "# Platform Engineer\n\n"
        for i in 0..<120 { text += "Paragraph \(i): you will build services with the team.\n\n" }
        c.open(uri, text, language: "markdown")
        _ = c.diagnostics(uri)
        // Forty one-byte insertions at alternate ends of the document, prepared here; each is sent by the client the
        // moment the diagnostics of the previous version arrive (on the thread that publishes them).
        let lines = LineIndex(Array(text.utf8))
        let near = lines.lineIndex(containing: c.offset(uri, of: "Paragraph 3:"))
        let far = lines.lineIndex(containing: c.offset(uri, of: "Paragraph 117:"))
        var changes: [JSONValue] = []
        for step in 0..<40 {
            // At the start of a line: no line moves.
            let at: JSONValue = ["line": .int(step % 2 == 0 ? near : far), "character": 0]
            changes.append(["jsonrpc": "2.0", "method": "textDocument/didChange",
                            "params": ["textDocument": ["uri": .string(uri), "version": .int(step + 2)],
                                       "contentChanges": [["range": ["start": at, "end": at], "text": "x"]]]])
        }
        let server = c.server!, prepared = changes
        c.onMessage = { m in
            guard m["method"] == "textDocument/publishDiagnostics", let v = m["params"]?["version"]?.intValue, v >= 1, v <= prepared.count else { return }
            server.receive(prepared[v - 1].serializedBytes())
        }
        c.send(changes[0])
        #expect(c.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == .int(changes.count + 1) } != nil)
        c.server.drain()
        let relinted = c.server.syncOnState { server in server.memos[uri]?.memo.relinted }
        #expect((relinted ?? 99) <= 3, "the last edit re-linted \(relinted.map(String.init) ?? "?") blocks")
    }
}
