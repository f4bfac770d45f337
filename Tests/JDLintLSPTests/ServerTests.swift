import Foundation
import JDLintCore
import Testing
@testable import JDLintLSP

@Suite struct LifecycleTests {
    @Test func requestsBeforeInitializeAreRejected() {
        let c = TestClient()
        let r = c.request("textDocument/hover", ["textDocument": ["uri": "file:///x"], "position": ["line": 0, "character": 0]])
        #expect(r["error"]?["code"] == .int(-32002))
        c.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///x.txt", "languageId": "plaintext", "version": 1, "text": "a engineer"]])
        c.initialize()
        c.server.drain()
        #expect(c.all { $0["method"] == "textDocument/publishDiagnostics" }.isEmpty)
    }

    @Test func initializeResult() {
        let c = TestClient()
        let r = c.initialize()
        let caps = r["result"]?["capabilities"]
        #expect(caps?["positionEncoding"] == "utf-16")
        #expect(caps?["textDocumentSync"]?["change"] == 2)
        #expect(caps?["hoverProvider"] == true)
        #expect(caps?["documentFormattingProvider"] == true)
        #expect(caps?["codeActionProvider"]?["codeActionKinds"] == ["quickfix", "source.fixAll.jdlint", "source.jsonLd.jdlint"])
        #expect(caps?["diagnosticProvider"] == nil)
        #expect(r["result"]?["serverInfo"]?["version"] == .string(Version.string))
        let again = c.request("initialize", ["capabilities": [:]])
        #expect(again["error"]?["code"] == .int(-32600))
    }

    @Test func utf8IsNegotiatedWhenOffered() {
        let c = TestClient()
        #expect(c.initialize(utf8: true)["result"]?["capabilities"]?["positionEncoding"] == "utf-8")
    }

    @Test func idsAreEchoedAndUnknownMethodsRejected() {
        let c = TestClient()
        c.initialize()
        let r1 = c.request("jdlint/unknown", [:], id: "abc-1")
        #expect(r1["id"] == "abc-1")
        #expect(r1["error"]?["code"] == .int(-32601))
        let r2 = c.request("jdlint/unknown", [:], id: .int(12345678901))
        #expect(r2["id"] == .int(12345678901))
        c.clear()
        c.notify("$/progress", ["token": 1, "value": [:]])
        c.notify("custom/whatever", [:])
        c.server.drain()
        #expect(c.messages.allSatisfy { $0["method"] == "window/logMessage" })
    }

    @Test func malformedInputKeepsServing() {
        let c = TestClient()
        c.initialize()
        c.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":1,")
        #expect(c.waitFor { $0["error"]?["code"] == .int(-32700) }?["id"] == .null)
        c.sendRaw("[1,2]")
        #expect(c.waitFor { $0["error"]?["code"] == .int(-32600) } != nil)
        let bad = c.request("textDocument/hover", ["textDocument": ["uri": 5]])
        #expect(bad["error"]?["code"] == .int(-32602))
        let ok = c.request("shutdown")
        #expect(ok["result"] == .null && ok["error"] == nil)
    }

    @Test func shutdownThenExitIsZero() {
        let c = TestClient()
        c.initialize()
        #expect(c.request("shutdown")["result"] == .null)
        let after = c.request("textDocument/formatting", ["textDocument": ["uri": "file:///x"], "options": [:]])
        #expect(after["error"]?["code"] == .int(-32600))
        c.notify("exit")
        c.server.drain()
        #expect(c.exitCode == 0)
    }

    @Test func exitWithoutShutdownIsOne() {
        let c = TestClient()
        c.initialize()
        c.notify("exit")
        c.server.drain()
        #expect(c.exitCode == 1)
    }

    @Test func closedInputWithoutShutdownIsOne() {
        let c = TestClient()
        c.initialize()
        c.server.connectionClosed()
        c.server.drain()
        #expect(c.exitCode == 1)
    }
}

@Suite struct DocumentTests {
    let uri = "file:///tmp/jdlint-lsp-test/posting.txt"

    @Test func pushDiagnosticsWithEmojiAndCRLF() {
        for utf8 in [false, true] {
            let c = TestClient()
            c.initialize(utf8: utf8)
            c.open(uri, "Senior Engineer 🙂\r\n\r\n🙂🙂 We need a engineer who who can code.\r\n")
            let d = c.diagnostics(uri)!
            #expect(codes(d) == ["grammar/indefinite-article", "grammar/repeated-word"])
            let first = d[0]
            // "🙂🙂 We need " = 2 emoji (2×2 UTF-16 units, 2×4 bytes) + 9 ASCII.
            #expect(first["range"]?["start"] == ["line": 2, "character": .int(utf8 ? 17 : 13)])
            #expect(first["range"]?["end"] == ["line": 2, "character": .int(utf8 ? 18 : 14)])
            #expect(first["severity"] == 1)
            #expect(first["source"] == "jdlint")
            #expect(first["codeDescription"]?["href"]?.stringValue?.hasSuffix("docs/rules.md#grammar-indefinite-article") == true)
            #expect(first["data"]?["fix"]?["applicability"] == "safe")
            #expect(d[1]["severity"] == 2)
        }
    }

    @Test func incrementalChangesAfterNonBMPCharacters() {
        for utf8 in [false, true] {
            let c = TestClient()
            c.initialize(utf8: utf8)
            c.open(uri, "Title 𝒥ob\r\n\r\n😀 We need an engineer.\r\n", language: "text", version: 0)
            #expect(codes(c.diagnostics(uri)) == [])
            let o = c.offset(uri, of: "an engineer")
            c.change(uri, replacing: (o + 1)..<(o + 2), with: "")  // "an" → "a"
            #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article"])
            c.change(uri, replacing: c.offset(uri, of: "engineer")..<c.offset(uri, of: "engineer"), with: "good ")
            #expect(codes(c.diagnostics(uri)) == [])
            // Several changes in one notification, then a full replacement.
            c.versions[uri]! += 1
            c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(c.versions[uri]!)],
                                                "contentChanges": [
                                                    ["range": ["start": ["line": 2, "character": 0], "end": ["line": 2, "character": 0]], "text": "who who "],
                                                    ["text": "Fresh text with with a repeat.\n"],
                                                ]])
            #expect(codes(c.diagnostics(uri)) == ["grammar/repeated-word"])
        }
    }

    @Test func debounceLintsABurstOnce() {
        let c = TestClient(options: ServerOptions(debounceMs: 80))
        c.initialize()
        c.open(uri, "We need a engineer.\n")
        _ = c.diagnostics(uri)
        c.clear()
        for _ in 0..<5 { c.change(uri, replacing: 0..<0, with: "x") }
        let d = c.diagnostics(uri)
        #expect(d != nil)
        usleep(200_000)
        let published = c.all { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(published.count == 1)
        #expect(published.first?["params"]?["version"] == .int(c.versions[uri]!))
    }

    @Test func debounceIsConfigurable() {
        let c = TestClient(options: ServerOptions(debounceMs: 5000))
        c.initialize(initializationOptions: ["debounceMs": 0])
        c.open(uri, "We need a engineer.\n")
        _ = c.diagnostics(uri)
        c.change(uri, replacing: 0..<0, with: "x")
        #expect(c.diagnostics(uri, timeout: 2) != nil)
    }

    @Test func closeClearsDiagnostics() {
        let c = TestClient()
        c.initialize()
        c.open(uri, "We need a engineer.\n")
        _ = c.diagnostics(uri)
        c.clear()
        c.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        let m = c.waitFor { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(m?["params"]?["diagnostics"] == [])
    }

    @Test func languages() {
        let c = TestClient()
        c.initialize()
        c.open("file:///tmp/a.rs", "We need a engineer.\n", language: "rust")
        c.open("file:///tmp/a.md", "# Job\n\nWe need a engineer.\n", language: "markdown")
        c.open("file:///tmp/a.html", "<p>We need a engineer.</p>\n", language: "html")
        c.open("file:///tmp/a.json", "{\"@type\":\"JobPosting\",\"title\":\"Dev\",\"description\":\"We need a engineer.\"}\n", language: "json")
        #expect(codes(c.diagnostics("file:///tmp/a.rs")) == [])
        #expect(codes(c.diagnostics("file:///tmp/a.md")).contains("grammar/indefinite-article"))
        #expect(codes(c.diagnostics("file:///tmp/a.html")).contains("grammar/indefinite-article"))
        #expect(codes(c.diagnostics("file:///tmp/a.json")).contains("grammar/indefinite-article"))
        // JSON files that are not postings (package.json, .jdlint.json) are left alone.
        c.open("file:///tmp/package.json", "{\"name\": \"x\", \"description\": \"a engineer tool\"}\n", language: "json")
        #expect(codes(c.diagnostics("file:///tmp/package.json")) == [])
    }
}

@Suite struct PullDiagnosticTests {
    let uri = "file:///tmp/jdlint-lsp-test/pull.md"

    @Test func pullReportsAndUnchanged() {
        let c = TestClient()
        let caps = c.initialize(pull: true)["result"]?["capabilities"]
        #expect(caps?["diagnosticProvider"]?["workspaceDiagnostics"] == true)
        c.open(uri, "# Job 🚀\r\n\r\nWe need a engineer.\r\n", language: "markdown")
        let r = c.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])["result"]
        #expect(r?["kind"] == "full")
        #expect(codes(r?["items"]?.arrayValue) == ["grammar/indefinite-article"])
        let id = r?["resultId"]
        let again = c.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)], "previousResultId": id!])["result"]
        #expect(again?["kind"] == "unchanged")
        #expect(again?["resultId"] == id)
        c.change(uri, replacing: c.offset(uri, of: "a engineer")..<(c.offset(uri, of: "a engineer") + 1), with: "an")
        let third = c.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)], "previousResultId": id!])["result"]
        #expect(third?["kind"] == "full")
        #expect(third?["items"] == [])
        let ws2 = c.request("workspace/diagnostic", ["previousResultIds": []])["result"]
        #expect(ws2?["items"]?.arrayValue?.first?["kind"] == "full")
        #expect(ws2?["items"]?.arrayValue?.first?["version"] == .int(c.versions[uri]!))
        // Nothing changed: the request is held open until something does.
        let held = c.sendRequest("workspace/diagnostic", ["previousResultIds": [["uri": .string(uri), "value": third!["resultId"]!]]])
        usleep(100_000)
        #expect(c.all { $0["id"] == held }.isEmpty)
        c.change(uri, replacing: 0..<0, with: "We need a engineer. ")
        let ws = c.waitFor { $0["id"] == held }?["result"]
        #expect(ws?["items"]?.arrayValue?.first?["kind"] == "full")
        #expect(codes(ws?["items"]?.arrayValue?.first?["items"]?.arrayValue) == ["grammar/indefinite-article"])
        // A held request can be cancelled.
        let id4 = ws!["items"]!.arrayValue!.first!["resultId"]!
        let held2 = c.sendRequest("workspace/diagnostic", ["previousResultIds": [["uri": .string(uri), "value": id4]]])
        usleep(50_000)
        c.notify("$/cancelRequest", ["id": held2])
        #expect(c.waitFor { $0["id"] == held2 }?["error"]?["code"] == .int(-32800))
        // No push in pull mode.
        #expect(c.all { $0["method"] == "textDocument/publishDiagnostics" }.isEmpty)
    }

    @Test func cancellation() {
        let c = TestClient(options: ServerOptions(debounceMs: 0, lintDelayMs: 400))
        c.initialize(pull: true)
        c.open(uri, "We need a engineer.\n", language: "markdown")
        let start = Date()
        c.sendRequest("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]], id: "slow-1")
        c.notify("$/cancelRequest", ["id": "slow-1"])
        let r = c.waitFor { $0["id"] == "slow-1" }
        #expect(r?["error"]?["code"] == .int(-32800))
        #expect(Date().timeIntervalSince(start) < 0.3)
        // A slow lint does not delay shutdown.
        c.sendRequest("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]], id: "slow-2")
        let t = Date()
        #expect(c.request("shutdown")["result"] == .null)
        #expect(Date().timeIntervalSince(t) < 0.3)
        c.server.drain()
        #expect(c.all { $0["id"] == "slow-1" }.count == 1)
    }
}

@Suite struct ActionTests {
    func actions(_ c: TestClient, _ uri: String, line: Int, only: [String]? = nil, diagnostics: [JSONValue]) -> [JSONValue] {
        var context = JSONObject([("diagnostics", .array(diagnostics))])
        if let only { context["only"] = .array(only.map { .string($0) }) }
        let r = c.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)],
                                                      "range": ["start": ["line": .int(line), "character": 0], "end": ["line": .int(line), "character": 0]],
                                                      "context": .object(context)])
        return r["result"]?.arrayValue ?? []
    }

    @Test func quickFixesAndSuppressions() {
        for (language, uri, prefix) in [("plaintext", "file:///tmp/q.txt", "# "), ("markdown", "file:///tmp/q.md", "<!-- ")] {
            for documentChanges in [false, true] {
                let c = TestClient()
                c.initialize(utf8: documentChanges, documentChanges: documentChanges)
                let text = "Backend Engineer 😀\r\n\r\n  😀 We need a engineer.\r\n"
                c.open(uri, text, language: language)
                let d = c.diagnostics(uri)!
                #expect(codes(d) == ["grammar/indefinite-article"])
                let acts = actions(c, uri, line: 2, diagnostics: d)
                let titles = acts.compactMap { $0["title"]?.stringValue }
                #expect(titles.contains("Disable grammar/indefinite-article for this line"))
                #expect(titles.contains("Disable grammar/indefinite-article for this file"))
                let quick = acts.first { $0["isPreferred"] == true }
                #expect(quick?["kind"] == "quickfix")
                #expect(quick?["diagnostics"]?.arrayValue?.count == 1)
                #expect(c.apply(c.edits(quick?["edit"], uri), to: text) == "Backend Engineer 😀\r\n\r\n  😀 We need an engineer.\r\n")
                if documentChanges {
                    #expect(quick?["edit"]?["documentChanges"]?.arrayValue?.first?["textDocument"]?["version"] == 1)
                }
                for title in ["for this line", "for this file"] {
                    let a = acts.first { $0["title"]?.stringValue?.hasSuffix(title) == true }
                    let fixed = c.apply(c.edits(a?["edit"], uri), to: text)
                    #expect(fixed.contains(prefix + "jdlint-disable"))
                    #expect(fixed.contains("\r\n") && !fixed.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
                    // The inserted comment is recognised: the finding is gone.
                    let check = TestClient()
                    check.initialize()
                    let u2 = uri.replacingOccurrences(of: "/q.", with: "/q2.")
                    check.open(u2, fixed, language: language)
                    #expect(codes(check.diagnostics(u2)) == [], "\(language) \(title): \(fixed)")
                }
                // Stale diagnostics (older version) give no quick fix.
                c.change(uri, replacing: 0..<0, with: " ")
                let stale = actions(c, uri, line: 2, only: ["quickfix"], diagnostics: d)
                #expect(!stale.contains { $0["isPreferred"] == true })
            }
        }
    }

    @Test func fixAllSafeAndUnsafe() {
        let uri = "file:///tmp/fixall.txt"
        let text = "# jdlint-disable-next-line\r\nA clean line.\r\n\r\nWe need a engineer who who codes 🙂.\r\n"
        for unsafe in [false, true] {
            let c = TestClient()
            c.initialize(initializationOptions: ["unsafeFixes": .bool(unsafe)])
            c.open(uri, text)
            #expect(codes(c.diagnostics(uri)) == ["suppression/unused", "grammar/indefinite-article", "grammar/repeated-word"])
            let acts = actions(c, uri, line: 0, only: ["source.fixAll"], diagnostics: [])
            #expect(acts.count == 1)
            #expect(acts.first?["kind"] == "source.fixAll.jdlint")
            let fixed = c.apply(c.edits(acts.first?["edit"], uri), to: text)
            let expected = "A clean line.\r\n\r\nWe need an engineer who codes 🙂.\r\n"
            #expect(fixed == (unsafe ? expected : "# jdlint-disable-next-line\r\n" + expected))
            #expect(actions(c, uri, line: 0, only: ["quickfix"], diagnostics: []).allSatisfy { $0["kind"] == "quickfix" })
        }
    }

    @Test func formattingAppliesSafeFixes() {
        let uri = "file:///tmp/fmt.md"
        let text = "# Role 🎉\r\n\r\nWe need a engineer who who codes.\r\n\r\nPay: 120000 USD.\r\n"
        let c = TestClient()
        c.initialize(utf8: true)
        c.open(uri, text, language: "markdown")
        let r = c.request("textDocument/formatting", ["textDocument": ["uri": .string(uri)], "options": ["tabSize": 2, "insertSpaces": true]])
        let edits = r["result"]?.arrayValue ?? []
        #expect(!edits.isEmpty)
        let fixed = c.apply(edits, to: text)
        #expect(fixed.contains("We need an engineer who codes."))
        #expect(fixed.hasPrefix("# Role 🎉\r\n"))
        // Formatting twice changes nothing more.
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": .string(fixed)]]])
        c.texts[uri] = fixed
        let r2 = c.request("textDocument/formatting", ["textDocument": ["uri": .string(uri)], "options": ["tabSize": 2, "insertSpaces": true]])
        #expect(r2["result"] == [])
    }

    @Test func hover() {
        let uri = "file:///tmp/hover.txt"
        let c = TestClient()
        c.initialize()
        c.open(uri, "😀😀 We need a engineer.\n")
        _ = c.diagnostics(uri)
        // "😀😀 We need " is 13 UTF-16 units; the finding is on "a".
        let h = c.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": 0, "character": 13]])["result"]
        #expect(h?["contents"]?["kind"] == "markdown")
        let md = h?["contents"]?["value"]?.stringValue ?? ""
        #expect(md.contains("grammar/indefinite-article"))
        #expect(md.contains("## Flagged"))
        #expect(h?["range"]?["start"]?["character"] == 13)
        let none = c.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": 0, "character": 2]])
        #expect(none["result"] == .null && none["error"] == nil)
    }
}

@Suite(.serialized) struct ConfigurationTests {
    func workspace(_ config: String?) -> String {
        let dir = NSTemporaryDirectory() + "jdlint-lsp-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if let config { try! config.write(toFile: dir + "/.jdlint.json", atomically: true, encoding: .utf8) }
        return dir
    }

    let text = "We need a engineer who who codes.\n"

    @Test func workspaceConfigAndWatchedFiles() {
        let dir = workspace(#"{"rules": {"grammar/repeated-word": "off"}}"#)
        let uri = URI.from(path: dir + "/job.txt")
        let c = TestClient()
        c.initialize(root: dir)
        #expect(c.waitFor { $0["method"] == "client/registerCapability" } != nil)
        c.open(uri, text)
        #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article"])
        try! #"{"rules": {"grammar/indefinite-article": "off"}}"#.write(toFile: dir + "/.jdlint.json", atomically: true, encoding: .utf8)
        c.clear()
        c.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(URI.from(path: dir + "/.jdlint.json")), "type": 2]]])
        let m = c.waitFor { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(codes(m?["params"]?["diagnostics"]?.arrayValue) == ["grammar/repeated-word"])
    }

    @Test func settingsOverrideTheFile() {
        let dir = workspace(#"{"rules": {"grammar/repeated-word": "off"}}"#)
        let uri = URI.from(path: dir + "/job.txt")
        let c = TestClient()
        c.initialize(root: dir, initializationOptions: ["jdlint": ["rules": ["grammar/repeated-word": "error"]]])
        c.open(uri, text)
        let d = c.diagnostics(uri)
        #expect(codes(d) == ["grammar/indefinite-article", "grammar/repeated-word"])
        #expect(d?.last?["severity"] == 1)
        c.clear()
        c.notify("workspace/didChangeConfiguration", ["settings": ["jdlint": ["rules": ["grammar/indefinite-article": "off"]]]])
        let m = c.waitFor { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(codes(m?["params"]?["diagnostics"]?.arrayValue) == [])
    }

    @Test func workspaceConfigurationRequest() {
        let c = TestClient()
        c.responders["workspace/configuration"] = { params in
            #expect(params?["items"]?.arrayValue?.first?["section"] == "jdlint")
            return [["rules": ["grammar": "off"]]]
        }
        c.initialize(configuration: true)
        #expect(c.waitFor { $0["method"] == "workspace/configuration" } != nil)
        c.server.drain()
        c.open("file:///tmp/cfg.txt", text)
        #expect(codes(c.diagnostics("file:///tmp/cfg.txt")) == [])
        c.responders["workspace/configuration"] = { _ in [["rules": [:]]] }
        c.clear()
        c.notify("workspace/didChangeConfiguration", ["settings": .null])
        let m = c.waitFor { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(codes(m?["params"]?["diagnostics"]?.arrayValue) == ["grammar/indefinite-article", "grammar/repeated-word"])
    }

    @Test func publishedLintsWaitForTheInitialSettings() {
        let c = TestClient()
        c.initialize(configuration: true)  // no responder: the settings request stays unanswered for now
        let request = c.waitFor { $0["method"] == "workspace/configuration" }
        #expect(request != nil)
        c.open("file:///tmp/held.txt", text)
        c.server.drain()
        // Not linted without the user's settings (which would publish findings they switched off).
        #expect(!c.messages.contains { $0["method"] == "textDocument/publishDiagnostics" })
        c.send(["jsonrpc": "2.0", "id": request?["id"] ?? .null, "result": [["rules": ["grammar": "off"]]]])
        let m = c.waitFor { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(codes(m?["params"]?["diagnostics"]?.arrayValue) == [])
    }

    @Test func pulledDiagnosticsWaitForTheInitialSettings() {
        let c = TestClient()
        c.initialize(pull: true, configuration: true)  // the settings request stays unanswered for now
        let request = c.waitFor { $0["method"] == "workspace/configuration" }
        #expect(request != nil)
        let uri = "file:///tmp/held-pull.txt"
        c.open(uri, text)
        let id = c.sendRequest("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])
        c.server.drain()
        // No report computed without the user's settings…
        #expect(!c.messages.contains { $0["id"] == id && $0["method"] == nil })
        c.send(["jsonrpc": "2.0", "id": request?["id"] ?? .null, "result": [["rules": ["grammar": "off"]]]])
        // …and the one sent once they arrive has them.
        let r = c.waitFor { $0["id"] == id && $0["method"] == nil }
        #expect(r?["result"]?["kind"] == "full")
        #expect(codes(r?["result"]?["items"]?.arrayValue) == [])
    }

    @Test func aRequestWaitingForTheInitialSettingsIsCancelledAndShutdownGoesAhead() {
        let c = TestClient()
        c.initialize(pull: true, configuration: true)  // the settings request stays unanswered for now
        let request = c.waitFor { $0["method"] == "workspace/configuration" }
        #expect(request != nil)
        let uri = "file:///tmp/held-cancel.txt"
        c.open(uri, text)
        let id = c.sendRequest("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])
        c.notify("$/cancelRequest", ["id": id])
        // Answered at once, well before the settings arrive (a second at most), and never started.
        let cancelled = c.waitFor(timeout: 0.5) { $0["id"] == id && $0["method"] == nil }
        #expect(cancelled?["error"]?["code"] == .int(ErrorCode.requestCancelled))
        let shutdown = c.request("shutdown", timeout: 0.5)
        #expect(shutdown["result"] == .null && shutdown["error"] == nil)
        c.send(["jsonrpc": "2.0", "id": request?["id"] ?? .null, "result": [["rules": ["grammar": "off"]]]])
        c.server.drain()
        #expect(c.logs.contains { $0.contains("cancelled before it started") } || c.all { $0["id"] == id }.count == 1)
        #expect(c.all { $0["id"] == id && $0["method"] == nil }.count == 1)
    }

    @Test func aSecondInitializedDoesNotHoldMessagesForever() {
        let c = TestClient()
        c.initialize(pull: true, configuration: true)  // never answered
        c.notify("initialized", [:])
        let uri = "file:///tmp/twice.txt"
        c.open(uri, text)
        let r = c.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]], timeout: 5)
        #expect(codes(r["result"]?["items"]?.arrayValue) == ["grammar/indefinite-article", "grammar/repeated-word"])
    }

    @Test func anUnansweredSettingsRequestHoldsLintsForOneSecondAtMost() {
        let c = TestClient()
        c.initialize(configuration: true)  // never answered
        #expect(c.waitFor { $0["method"] == "workspace/configuration" } != nil)
        c.open("file:///tmp/unanswered.txt", text)
        #expect(codes(c.diagnostics("file:///tmp/unanswered.txt", timeout: 5)) == ["grammar/indefinite-article", "grammar/repeated-word"])
    }

    @Test func configErrorsAreDiagnosticsNotCrashes() {
        let dir = workspace(#"{"rules": {"grammar/no-such-rule": "off"}}"#)
        let uri = URI.from(path: dir + "/job.txt")
        let c = TestClient()
        c.initialize(root: dir)
        c.open(uri, "Ünïcode 😀 title\n\nWe need a engineer.\n")
        let d = c.diagnostics(uri)!
        #expect(codes(d) == ["config", "grammar/indefinite-article"])
        #expect(d[0]["range"]?["start"] == ["line": 0, "character": 0])
        #expect(d[0]["message"]?.stringValue?.contains("no-such-rule") == true)
        #expect(c.waitFor { $0["method"] == "window/showMessage" }?["params"]?["type"] == 1)
        // Invalid JSON in the file, and bad settings, too.
        try! "{ nope".write(toFile: dir + "/.jdlint.json", atomically: true, encoding: .utf8)
        c.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(URI.from(path: dir + "/.jdlint.json")), "type": 2]]])
        c.change(uri, replacing: 0..<0, with: " ")
        #expect(codes(c.diagnostics(uri)) == ["config", "grammar/indefinite-article"])
        c.notify("workspace/didChangeConfiguration", ["settings": ["jdlint": ["debounceMs": "soon"]]])
        c.change(uri, replacing: 0..<0, with: " ")
        #expect(codes(c.diagnostics(uri)).first == "config")
    }
}
