import Foundation
import JDLintCore
import Testing
@testable import JDLintLSP

/// What the slow test rule saw, shared with the test (any thread).
final class SlowProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var _started = 0
    private var _running = 0
    private var _cancelled = 0
    private var _released = false

    var started: Int { lock.lock(); defer { lock.unlock() }; return _started }
    var running: Bool { lock.lock(); defer { lock.unlock() }; return _running > 0 }
    var cancelled: Int { lock.lock(); defer { lock.unlock() }; return _cancelled }
    var released: Bool { lock.lock(); defer { lock.unlock() }; return _released }
    func release() { lock.lock(); _released = true; lock.unlock() }

    func begin() { lock.lock(); _started += 1; _running += 1; lock.unlock() }
    func end(cancelled: Bool) { lock.lock(); _running -= 1; if cancelled { _cancelled += 1 }; lock.unlock() }

    /// Waits (at most `timeout` seconds) until `condition` holds.
    func wait(timeout: Double = 30, _ condition: (SlowProbe) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition(self) {
            if Date() > deadline { return false }
            usleep(1000)
        }
        return true
    }
}

/// A deliberately slow rule, injected through `ServerOptions.registry` (users cannot reach it: the CLI always
/// passes the built-in registry). On a document that contains `SLOWLINT` it reports that word, but only after
/// waiting until its lint is cancelled, the test releases it, or a minute has passed: a lint that would take a
/// minute unless cancelled.
struct SlowRule: Rule {
    static let marker = "SLOWLINT"
    let probe: SlowProbe

    var meta: RuleMeta {
        RuleMeta(id: "test/slow", summary: "A deliberately slow rule (tests only).", explanation: "Waits until cancelled.",
                 defaultSeverity: .warning, origin: "test")
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let bytes = context.document.bytes, m = Array(SlowRule.marker.utf8)
        guard bytes.count >= m.count,
              let at = (0...(bytes.count - m.count)).first(where: { bytes[$0..<($0 + m.count)].elementsEqual(m) }) else { return }
        probe.begin()
        let deadline = Date().addingTimeInterval(60)
        while !context.isCancelled && !probe.released && Date() < deadline { usleep(2000) }
        probe.end(cancelled: context.isCancelled)
        reporter.report("The slow rule finished.", at: SourceRange(at, at + m.count))
    }
}

/// The server stays responsive however slow a lint is (issue 21): a newer version cancels the running lint of the
/// old one, and hover, code actions and shutdown are answered while a lint runs.
@Suite struct ResponsivenessTests {
    /// Generous: the slow lint would take a minute; an answer that waited for it would take that long.
    static let bound = 5.0

    func client(_ probe: SlowProbe) -> TestClient {
        TestClient(options: ServerOptions(debounceMs: 0, registry: RuleRegistry.builtin.adding([SlowRule(probe: probe)])))
    }

    func publishes(_ c: TestClient, _ uri: String, version: Int) -> [JSONValue] {
        c.all { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri
            && $0["params"]?["version"]?.intValue == version }
    }

    @Test func aNewerVersionCancelsTheRunningLintOfTheOldOne() {
        let probe = SlowProbe()
        let c = client(probe)
        c.initialize()
        let uri = "file:///tmp/slow-cancel.txt"
        c.open(uri, "We need a engineer. \(SlowRule.marker)\n")
        #expect(probe.wait { $0.running }, "the slow lint of version 1 never started")
        // Version 2 no longer holds the marker: its lint is fast, once version 1's has stopped.
        let sent = Date()
        c.change(uri, replacing: c.offset(uri, of: SlowRule.marker)..<(c.offset(uri, of: SlowRule.marker) + SlowRule.marker.utf8.count),
                 with: "Apply now.")
        let v2 = c.diagnostics(uri, timeout: 30)
        let elapsed = Date().timeIntervalSince(sent)
        print("responsiveness: didChange v2 → its diagnostics while v1's lint ran: \(Int(elapsed * 1000)) ms")
        #expect(codes(v2) == ["grammar/indefinite-article"])
        #expect(elapsed < ResponsivenessTests.bound)
        // Version 1's lint was cancelled (not released, not timed out), and nothing of it was ever published.
        #expect(probe.cancelled == 1)
        #expect(!probe.released)
        c.server.drain()
        #expect(publishes(c, uri, version: 1).isEmpty)
        #expect(publishes(c, uri, version: 2).count == 1)
    }

    @Test func hoverCodeActionsAndShutdownAreAnsweredWhileALintRuns() {
        let probe = SlowProbe()
        let c = client(probe)
        c.initialize()
        let uri = "file:///tmp/slow-requests.txt"
        c.open(uri, "We need a engineer.\n")
        let v1 = c.diagnostics(uri)!
        #expect(codes(v1) == ["grammar/indefinite-article"])
        // Version 2 appends the marker after the finding: its lint runs (and would for a minute).
        c.change(uri, replacing: Array(c.texts[uri]!.utf8).count..<Array(c.texts[uri]!.utf8).count, with: "\(SlowRule.marker)\n")
        #expect(probe.wait { $0.running }, "the slow lint of version 2 never started")

        // Hover on “a”: answered from version 1's findings (before the edit, so at the same place).
        let article = ["line": 0, "character": 8] as JSONValue
        var t = Date()
        let hover = c.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": article], timeout: 60)
        let hoverTime = Date().timeIntervalSince(t)
        #expect(probe.running, "the hover waited for the lint")
        #expect(hover["result"]?["contents"]?["value"]?.stringValue?.contains("grammar/indefinite-article") == true)
        #expect(hover["result"]?["range"]?["start"] == ["line": 0, "character": 8])

        // A quick fix for version 1's diagnostic, as the editor shows it: answered, with the fix at its place.
        t = Date()
        let actions = c.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)],
                                                             "range": ["start": article, "end": article],
                                                             "context": ["diagnostics": .array(v1)]], timeout: 60)
        let actionTime = Date().timeIntervalSince(t)
        #expect(probe.running, "the code action waited for the lint")
        let fix = actions["result"]?.arrayValue?.first { $0["title"]?.stringValue?.contains("an") == true && $0["isPreferred"] == true }
        let edits = c.edits(fix?["edit"], uri)
        #expect(c.apply(edits, to: c.texts[uri]!) == "We need an engineer.\n\(SlowRule.marker)\n")

        // Shutdown: answered at once, and the running lint is cancelled.
        t = Date()
        let shutdown = c.request("shutdown", timeout: 60)
        let shutdownTime = Date().timeIntervalSince(t)
        #expect(shutdown["result"] == .null && shutdown["error"] == nil)
        print("responsiveness: during a slow lint, hover \(Int(hoverTime * 1000)) ms, codeAction \(Int(actionTime * 1000)) ms, shutdown \(Int(shutdownTime * 1000)) ms")
        #expect(hoverTime < ResponsivenessTests.bound)
        #expect(actionTime < ResponsivenessTests.bound)
        #expect(shutdownTime < ResponsivenessTests.bound)
        #expect(probe.wait { $0.cancelled == 1 }, "shutdown did not cancel the running lint")
        c.server.drain()
        // Nothing for version 2 was published: it was cancelled before it finished.
        #expect(publishes(c, uri, version: 2).isEmpty)
        c.notify("exit")
        c.server.drain()
        #expect(c.exitCode == 0)
    }

    @Test func aPullRequestDuringACancelledLintGetsTheNewestVersion() {
        let probe = SlowProbe()
        let c = client(probe)
        c.initialize(pull: true)
        let uri = "file:///tmp/slow-pull.txt"
        c.open(uri, "We need a engineer. \(SlowRule.marker)\n")
        let id = c.sendRequest("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])
        #expect(probe.wait { $0.running }, "the slow lint never started")
        let marker = c.offset(uri, of: SlowRule.marker)
        c.change(uri, replacing: marker..<(marker + SlowRule.marker.utf8.count), with: "Apply now.")
        let r = c.waitFor(timeout: 30) { $0["id"] == id }
        #expect(probe.cancelled == 1 && !probe.released)
        // The lint of version 1 was cancelled and the request answered with version 2's findings.
        #expect(r?["result"]?["resultId"]?.stringValue?.hasPrefix("1.2.") == true)
        #expect(codes(r?["result"]?["items"]?.arrayValue) == ["grammar/indefinite-article"])
    }

    @Test func aHoverOnADocumentNotYetLintedAnswersNothingRatherThanWait() {
        let probe = SlowProbe()
        let c = client(probe)
        c.initialize()
        let uri = "file:///tmp/slow-open.txt"
        c.open(uri, "We need a engineer. \(SlowRule.marker)\n")
        #expect(probe.wait { $0.running })
        let hover = c.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": 0, "character": 8]], timeout: 60)
        #expect(probe.running)
        #expect(hover["result"] == .null && hover["error"] == nil)
        // Released, the lint finishes and is published (the slow rule's finding included).
        probe.release()
        #expect(codes(c.diagnostics(uri)) == ["grammar/indefinite-article", "test/slow"])
    }
}
