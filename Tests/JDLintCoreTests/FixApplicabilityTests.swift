import Foundation
import Testing
@testable import JDLintCore

/// Fixes are what their rules declare (issue 21): every fix a rule offers, on its own examples and on every posting
/// of the shared corpus, has an applicability the rule's `RuleMeta.fixes` lists. `salary/number-format` once declared
/// safe fixes and emitted unsafe ones on the corpus.
@Suite struct FixApplicabilityTests {
    /// The findings whose fix has an applicability its rule does not declare, as readable lines.
    static func undeclared(_ diagnostics: [Diagnostic], _ registry: RuleRegistry, in name: String) -> [String] {
        var declared: [String: [Applicability]] = [:]
        for r in registry.rules { declared[r.meta.id] = r.meta.fixes }
        return diagnostics.compactMap { d in
            guard let fix = d.fix, !(declared[d.rule] ?? []).contains(fix.applicability) else { return nil }
            return "\(name): \(d.rule) offers a \(fix.applicability.rawValue) fix (declared: \((declared[d.rule] ?? []).map(\.rawValue)))"
        }
    }

    @Test func examplesOfferOnlyDeclaredFixes() {
        var problems: [String] = []
        for rule in RuleRegistry.builtin.rules {
            let linter = Linter(registry: RuleRegistry([rule]), select: [rule.meta.id])
            let inputs = rule.meta.triggering.map { (ExampleChecker.stripMarkers($0.text).0, $0.format) }
                + rule.meta.corrections.map { ($0.input, $0.format) }
            for (text, format) in inputs {
                let result = linter.lint(Document(text: text, format: format))
                problems += Self.undeclared(result.diagnostics, .builtin, in: "\(rule.meta.id) example")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
    }

    @Test func corpusOffersOnlyDeclaredFixes() throws {
        guard let root = TestFiles.corpus else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        let linter = Linter(select: RuleRegistry.builtin.ids)
        var problems: [String] = []
        var files = 0
        for rel in try TestFiles.list(root + "/real") {
            guard let format = DocumentFormat.infer(fromPath: rel),
                  let data = FileManager.default.contents(atPath: root + "/real/" + rel) else { continue }
            files += 1
            let result = linter.lint(Document(bytes: Array(data), format: format, path: rel))
            problems += Self.undeclared(result.diagnostics, .builtin, in: rel)
        }
        #expect(files > 1000)
        #expect(problems.isEmpty, "\(problems.count) undeclared fixes:\n\(problems.prefix(10).joined(separator: "\n"))")
    }

    /// The check itself fails on a rule that declares safe fixes and offers an unsafe one.
    struct Liar: Rule {
        let meta = RuleMeta(id: "test/liar", summary: "s", explanation: "e", defaultSeverity: .warning, fix: .safe)
        func check(_ context: RuleContext, _ reporter: inout Reporter) {
            reporter.report("m", at: SourceRange(0, 1), fix: Fix(title: "t", applicability: .unsafe, edits: [.replace(SourceRange(0, 1), with: "x")]))
        }
    }

    @Test func checkCatchesAnUndeclaredApplicability() {
        let registry = RuleRegistry([Liar()])
        let result = Linter(registry: registry, select: ["test/liar"]).lint(Document(text: "a", format: .text))
        #expect(Self.undeclared(result.diagnostics, registry, in: "liar").count == 1)
        #expect(RuleRegistry.builtin.rules.first { $0.meta.id == "salary/number-format" }?.meta.fixes == [.safe, .unsafe])
    }
}
