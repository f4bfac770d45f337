import Foundation
import Testing
@testable import JDLintCore

/// Cooperative cancellation of a lint (`LintCancellation`, issue 21): the language server stops the lint of a
/// version that a newer one replaced. The engine checks between its steps and before each rule; a cancelled lint
/// throws instead of returning an incomplete result.
@Suite struct CancellationTests {
    /// A cancellation that turns true at its `after`-th check, counting the checks.
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var checks = 0
        let after: Int
        init(after: Int) { self.after = after }
        var cancellation: LintCancellation {
            LintCancellation { [self] in
                lock.lock()
                defer { lock.unlock() }
                checks += 1
                return checks >= after
            }
        }
    }

    static let text = "Senior Engineer\n\nWe need a engineer who who can code.\n\n- Python\n- a MBA\n"

    @Test func anUncancelledLintIsTheUsualOne() throws {
        let doc = Document(text: Self.text, format: .markdown, path: "x.md")
        let linter = Linter()
        let plain = linter.lint(doc).diagnostics
        let never = Counter(after: .max)
        let (result, memo) = try linter.lint(document: doc, prose: Frontends.extract(doc), previous: nil,
                                             parallel: { n, body in for i in 0..<n { body(i) } }, cancellation: never.cancellation)
        #expect(!plain.isEmpty)
        #expect(result.diagnostics == plain)
        #expect(memo != nil)
        // Asked before the analysis, before the rules, before each rule and at the end.
        #expect(never.checks >= linter.activeRuleIDs.count)
        let analysis = Analysis(document: doc)
        #expect(try linter.lint(analysis, parallel: { n, body in for i in 0..<n { body(i) } }, cancellation: .never).diagnostics == plain)
    }

    @Test func aLintCancelledBetweenRulesThrowsAndRunsNoFurtherRule() {
        let doc = Document(text: Self.text, format: .markdown, path: "x.md")
        let linter = Linter()
        for after in [1, 2, 5] {
            let c = Counter(after: after)
            #expect(throws: LintCancelled.self) {
                _ = try linter.lint(document: doc, prose: Frontends.extract(doc), previous: nil,
                                    parallel: { n, body in for i in 0..<n { body(i) } }, cancellation: c.cancellation)
            }
        }
        let analysis = Analysis(document: doc)
        let c = Counter(after: 3)
        #expect(throws: LintCancelled.self) {
            _ = try linter.lint(analysis, parallel: { n, body in for i in 0..<n { body(i) } }, cancellation: c.cancellation)
        }
    }

    @Test func rulesSeeTheCancellation() {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var value = false
        }
        struct Probe: Rule {
            let seen: Seen
            var meta: RuleMeta { RuleMeta(id: "test/probe", summary: "", explanation: "", defaultSeverity: .info) }
            func check(_ context: RuleContext, _ reporter: inout Reporter) {
                let cancelled = context.isCancelled
                seen.lock.lock()
                seen.value = cancelled
                seen.lock.unlock()
            }
        }
        let doc = Document(text: Self.text, format: .text, path: "x.txt")
        let seen = Seen()
        let linter = Linter(registry: RuleRegistry([Probe(seen: seen)]))
        // Not cancelled when the lint and the rule start (checks 1 and 2), cancelled when the rule asks (check 3).
        let c = Counter(after: 3)
        #expect(throws: LintCancelled.self) {
            _ = try linter.lint(Analysis(document: doc), parallel: { n, body in for i in 0..<n { body(i) } }, cancellation: c.cancellation)
        }
        #expect(seen.value)
        // Without a cancellation the rule sees none.
        _ = linter.lint(Analysis(document: doc))
        #expect(!seen.value)
    }
}
