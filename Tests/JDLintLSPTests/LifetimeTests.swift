import Foundation
import JDLintCore
import Testing
@testable import JDLintLSP

/// Servers are freed once they exit: nothing they queued or keep for later (lints, timers, parked requests, the
/// answers held by other threads) refers to them for good.
@Suite struct LifetimeTests {
    /// Waits (at most `timeout` seconds: a timer of the server, such as the one second it waits for the initial
    /// settings, may hold it until it fires) until `server` is nil.
    func freed(_ server: () -> LanguageServer?, timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while server() != nil {
            if Date() > deadline { return false }
            usleep(2000)
        }
        return true
    }

    /// A session that uses every request and notification kind, ended by `end`.
    func session(pull: Bool, _ end: (TestClient) -> Void) -> (server: () -> LanguageServer?, client: () -> TestClient?) {
        weak var weakServer: LanguageServer?
        weak var weakClient: TestClient?
        do {
            let c = TestClient()
            weakServer = c.server
            weakClient = c
            c.responders["workspace/configuration"] = { _ in [["debounceMs": 0]] }
            c.initialize(pull: pull, configuration: true)
            let uri = "file:///tmp/lifetime.md", html = "file:///tmp/lifetime.html"
            c.open(uri, "# Barista\n\nWe need a engineer who who can lift heavy objects.\n", language: "markdown")
            c.open(html, "<html><head><title>Barista</title></head><body><h1>Barista</h1><p>Pay: £30,000 a year.</p></body></html>\n",
                   language: "html")
            if pull {
                _ = c.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])
                // Answered at once (a report changed), then parked: the second one waits for a change.
                let first = c.request("workspace/diagnostic", ["previousResultIds": []])
                let ids: [JSONValue] = (first["result"]?["items"]?.arrayValue ?? []).map {
                    ["uri": $0["uri"] ?? .null, "value": $0["resultId"] ?? .null]
                }
                c.sendRequest("workspace/diagnostic", ["previousResultIds": .array(ids)])
            } else {
                _ = c.diagnostics(uri)
            }
            c.change(uri, replacing: 0..<0, with: "x")
            let position: JSONValue = ["line": 2, "character": 8]
            _ = c.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": position])
            _ = c.request("textDocument/codeAction", ["textDocument": ["uri": .string(html)], "range": ["start": position, "end": position],
                                                      "context": ["diagnostics": []]])
            _ = c.request("textDocument/formatting", ["textDocument": ["uri": .string(uri)], "options": ["tabSize": 2, "insertSpaces": true]])
            // A request the client never answers stays outstanding.
            c.notify("workspace/didChangeConfiguration", ["settings": .null])
            end(c)
            c.server.drain()
        }
        return ({ weakServer }, { weakClient })
    }

    @Test(arguments: [false, true])
    func aServerIsFreedAfterShutdownAndExit(pull: Bool) {
        let s = session(pull: pull) { c in
            _ = c.request("shutdown")
            c.notify("exit")
            c.server.drain()
            #expect(c.exitCode == 0)
        }
        #expect(s.client() == nil)
        #expect(freed(s.server), "the server is still alive after shutdown and exit")
    }

    @Test func aServerIsFreedWhenItsClientGoesAway() {
        let s = session(pull: false) { _ in }
        #expect(s.client() == nil)
        #expect(freed(s.server), "the server is still alive after its client went away")
    }

    @Test func aServerIsFreedAfterExitWhileALintRuns() {
        let probe = SlowProbe()
        weak var weakServer: LanguageServer?
        do {
            let c = TestClient(options: ServerOptions(debounceMs: 0, registry: RuleRegistry.builtin.adding([SlowRule(probe: probe)])))
            weakServer = c.server
            c.initialize()
            c.open("file:///tmp/lifetime-slow.txt", "We need a engineer. \(SlowRule.marker)\n")
            #expect(probe.wait { $0.running })
            c.notify("exit")
            #expect(probe.wait { $0.cancelled == 1 }, "exit did not stop the running lint")
        }
        #expect(freed({ weakServer }), "the server is still alive after exit")
    }
}
