import Foundation
import JDLintCore
import Testing
@testable import JDLintLSP

/// Bugs found by driving real editors.
@Suite struct EditorBugTests {
    let text = "We need a engineer who who codes.\n"

    /// Neovim encodes an empty Lua table as `[]`: `{"jdlint": []}` means "no settings", not a configuration error.
    @Test func emptyArraySettingsAreAnEmptyObject() {
        let uri = "file:///tmp/nvim-\(UUID().uuidString).txt"
        let c = TestClient()
        c.initialize(initializationOptions: ["jdlint": []])
        c.open(uri, text)
        #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article", "grammar/repeated-word"])
        c.notify("workspace/didChangeConfiguration", ["settings": ["jdlint": ["rules": ["grammar/repeated-word": "off"]]]])
        c.change(uri, replacing: 0..<0, with: " ")
        #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article"])
        c.notify("workspace/didChangeConfiguration", ["settings": ["jdlint": []]])
        c.change(uri, replacing: 0..<0, with: " ")
        #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article", "grammar/repeated-word"])
        #expect(c.all { $0["method"] == "window/showMessage" }.isEmpty)
        #expect(!c.logs.contains { $0.contains("unknown setting") })
        // A non-empty array is still an error.
        c.notify("workspace/didChangeConfiguration", ["settings": ["jdlint": [1]]])
        c.change(uri, replacing: 0..<0, with: " ")
        #expect(codes(c.diagnostics(uri)).first == "config")
    }

    func actions(_ c: TestClient, _ uri: String, line: Int, diagnostics: [JSONValue]) -> [JSONValue] {
        let r = c.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)],
                                                      "range": ["start": ["line": .int(line), "character": 0], "end": ["line": .int(line), "character": 0]],
                                                      "context": ["diagnostics": .array(diagnostics)]])
        return r["result"]?.arrayValue ?? []
    }

    /// ALE sends back only `range`, `code` and `message`: the quick fix is found from the server's cache.
    @Test func contextDiagnosticsWithoutSourceOrData() {
        for utf8 in [false, true] {
            let uri = "file:///tmp/ale-\(UUID().uuidString).txt"
            let c = TestClient()
            c.initialize(utf8: utf8)
            let body = "Engineer 😀\r\n\r\n😀 We need a engineer. We need a analyst.\r\n"
            c.open(uri, body)
            let d = c.diagnostics(uri)!
            #expect(codes(d) == ["grammar/indefinite-article", "grammar/indefinite-article"])
            // Only the second finding, stripped down the way ALE sends it.
            let second = d[1]
            let stripped: JSONValue = ["range": second["range"]!, "code": second["code"]!, "message": second["message"]!]
            let acts = actions(c, uri, line: 2, diagnostics: [stripped])
            let quick = acts.filter { $0["isPreferred"] == true }
            #expect(quick.count == 1)
            #expect(c.apply(c.edits(quick.first?["edit"], uri), to: body) == "Engineer 😀\r\n\r\n😀 We need a engineer. We need an analyst.\r\n")
            #expect(acts.contains { $0["title"] == "Disable grammar/indefinite-article for this line" })
            // Same code but another range, or another tool's diagnostic at the same range: no quick fix.
            var moved = second["range"]!
            if case .object(var o) = moved, case .object(var s) = o["start"]! {
                s["character"] = .int((s["character"]?.intValue ?? 0) + 1)
                o["start"] = .object(s)
                moved = .object(o)
            }
            #expect(!actions(c, uri, line: 2, diagnostics: [["range": moved, "code": second["code"]!, "message": "x"]])
                .contains { $0["isPreferred"] == true })
            #expect(!actions(c, uri, line: 2, diagnostics: [["range": second["range"]!, "code": second["code"]!, "message": "x", "source": "vale"]])
                .contains { $0["isPreferred"] == true })
        }
    }
}
