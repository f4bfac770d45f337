import Dispatch
import Foundation
import Testing
@testable import JDLintCore

/// The language server runs one posting's rules on every core (`Linter.lint(_:parallel:)`); the result must be the
/// sequential one, finding for finding and in the same order.
@Suite struct ParallelLintTests {
    static func parallel(_ n: Int, _ body: @escaping @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: n, execute: body)
    }

    static func same(_ doc: Document, _ linter: Linter) -> Bool {
        let analysis = Analysis(document: doc)
        let sequential = linter.lint(analysis).diagnostics
        for _ in 0..<3 {
            // The analysis passes in parallel too, as the server runs them.
            let pa = Analysis(document: doc, parallel: parallel)
            guard pa.words == analysis.words, pa.wordHashes == analysis.wordHashes, pa.wordKeys == analysis.wordKeys,
                  pa.sentences == analysis.sentences, pa.pay.count == analysis.pay.count,
                  pa.phraseText.hashes.elementsEqual(analysis.phraseText.hashes), pa.blockPhrases == analysis.blockPhrases
            else { return false }
            let p = linter.lint(pa, parallel: parallel).diagnostics
            guard p.count == sequential.count else { return false }
            for (a, b) in zip(p, sequential) where a.rule != b.rule || a.range != b.range || a.message != b.message
                || a.severity != b.severity || a.fix?.edits.map(\.range) != b.fix?.edits.map(\.range) { return false }
        }
        return true
    }

    @Test func examplesLintTheSameInParallel() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples").standardized.path
        var checked = 0
        for name in try TestFiles.list(root) where !name.contains("/") {
            guard let format = DocumentFormat.infer(fromPath: name) else { continue }
            let doc = Document(text: try TestFiles.read(root + "/" + name), format: format, path: name)
            let linter = Linter()
            #expect(!linter.lint(doc).diagnostics.isEmpty, "\(name) has findings to compare")
            #expect(Self.same(doc, linter), "\(name)")
            checked += 1
        }
        #expect(checked >= 4)
    }

    @Test func everyRulesTriggeringExamplesLintTheSameInParallel() {
        let linter = Linter()
        for rule in RuleRegistry.builtin.rules {
            for ex in rule.meta.triggering {
                let text = ex.text.replacing(String(RuleExample.marker), with: "")
                let doc = Document(text: text, format: ex.format)
                #expect(Self.same(doc, linter), "\(rule.meta.id): \(text.prefix(60))")
            }
        }
    }
}
