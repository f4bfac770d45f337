import Foundation
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

    /// Every Swift type that conforms to `Rule` in the core is in the registry: a rule written but left out of its
    /// category's `all` list (GrammarRules, StructureRules…) would otherwise vanish silently — no examples checked, no
    /// documentation, no row in the README. Pack rule types (Packs/) are made once per pack entry, not registered.
    @Test func everyRuleTypeIsRegistered() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/JDLintCoreTests/RuleExamplesTests.swift
        let core = parts.joined(separator: "/") + "/Sources/JDLintCore"
        let registered = Set(RuleRegistry.builtin.rules.map { String(describing: type(of: $0)) })
        let declaration = /^\s*(?:public\s+|internal\s+|private\s+|fileprivate\s+)?(?:final\s+)?(?:struct|class|enum)\s+(\w+)[^:{]*:([^{]*)\{/
        var declared: [String] = []
        for path in try TestFiles.list(core) where path.hasSuffix(".swift") && !path.hasPrefix("Packs/") {
            for line in try TestFiles.read(core + "/" + path).split(separator: "\n") {
                guard let m = line.firstMatch(of: declaration) else { continue }
                let conformances = m.output.2.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if conformances.contains("Rule") {
                    let name = String(m.output.1)
                    declared.append(name)
                    let isRegistered = registered.contains(name)
                    #expect(isRegistered,
                            "\(m.output.1) (Sources/JDLintCore/\(path)) conforms to Rule but is not registered: add it to its category's `all` list")
                }
            }
        }
        #expect(declared.count >= 30, "the scan found only \(declared.count) rule types")
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
