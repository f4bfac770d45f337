import Testing
@testable import JDLintCore

/// The one generic test that walks the registry and verifies every rule's own examples (Swift rules and
/// JSON pack rules alike), as written, with CRLF line endings and with offsets shifted by a BOM or emoji.
@Suite struct RuleExamplesTests {
    static let ids = RuleRegistry.builtin.ids

    @Test(arguments: ids)
    func examples(_ id: String) throws {
        let rule = try #require(RuleRegistry.builtin.rule(id))
        let failures = ExampleChecker.check(rule, registry: .builtin)
        for f in failures { Issue.record("\(f)") }
    }

    @Test(arguments: ids)
    func documentation(_ id: String) throws {
        let m = try #require(RuleRegistry.builtin.rule(id)).meta
        let parts = m.id.split(separator: "/", omittingEmptySubsequences: false)
        #expect(parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } },
                "rule ids are category/kebab-name")
        #expect(!m.summary.isEmpty)
        #expect(m.explanation.count >= m.summary.count)
        #expect(!m.triggering.isEmpty, "every rule shows at least one triggering example")
        #expect(!m.nonTriggering.isEmpty, "every rule shows at least one non-triggering example")
        if let fix = m.fix, fix != .displayOnly {
            #expect(!m.corrections.isEmpty, "a rule with fixes shows at least one correction")
        }
    }

    @Test func registryIsSortedAndUnique() {
        let ids = RuleRegistry.builtin.ids
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
    }

    /// The checker itself must be able to fail: a wrong marker is reported.
    @Test func checkerDetectsWrongMarker() throws {
        struct Probe: Rule {
            let meta = RuleMeta(id: "test/probe", summary: "s", explanation: "e", defaultSeverity: .warning,
                                triggering: [RuleExample("We need ↓the the best.")], nonTriggering: [RuleExample("Fine.")])
            func check(_ context: RuleContext, _ reporter: inout Reporter) {
                let a = context.analysis
                for w in a.words where a.string(w.range) == "the" { reporter.report("x", prose: w.range); break }
            }
        }
        let reg = RuleRegistry([Probe()])
        let failures = ExampleChecker.check(Probe(), registry: reg)
        // The probe reports the first "the" (where the marker is) — passes; move the marker and it must fail.
        #expect(failures.isEmpty)
        struct Probe2: Rule {
            let meta = RuleMeta(id: "test/probe", summary: "s", explanation: "e", defaultSeverity: .warning,
                                triggering: [RuleExample("We need the ↓the best.")], nonTriggering: [RuleExample("Fine.")])
            func check(_ context: RuleContext, _ reporter: inout Reporter) { Probe().check(context, &reporter) }
        }
        #expect(!ExampleChecker.check(Probe2(), registry: RuleRegistry([Probe2()])).isEmpty)
    }
}
