import Testing
@testable import JDLintCore
import JDLintTestSupport

/// `Linter.sort` sorts long lists as indices and permutes them in place; it must give what a stable sort of the
/// findings gives, ties (equal by `Diagnostic.ordered`, told apart only by their fix) in their original order.
@Suite struct FindingSortTests {
    @Test(arguments: [0, 1, 2, 100, 4_096, 4_097, 20_000])
    func indexSortEqualsAStableSort(count: Int) {
        var rng = SplitMix64(seed: UInt64(count) &+ 7)
        let rules = ["grammar/spacing", "grammar/indefinite-article", "structure/page-residue"]
        var findings: [Diagnostic] = []
        for i in 0..<count {
            let start = Int.random(in: 0..<(count / 8 + 2), using: &rng)
            let length = Int.random(in: 0..<3, using: &rng)
            // Few distinct messages, so many findings tie; the fix title records the original position.
            findings.append(Diagnostic(rule: rules.randomElement(using: &rng)!, severity: .warning,
                                       message: ["a", "b"].randomElement(using: &rng)!, range: SourceRange(start, start + length),
                                       fix: Fix(title: "\(i)", applicability: .safe, edits: [])))
        }
        var expected = findings
        expected.sort(by: Diagnostic.ordered)  // the standard library's sort is stable
        var sorted = findings
        Linter.sort(&sorted)
        #expect(sorted.map { $0.fix!.title } == expected.map { $0.fix!.title })
        // Sorted input stays as it is.
        Linter.sort(&sorted)
        #expect(sorted.map { $0.fix!.title } == expected.map { $0.fix!.title })
    }
}

/// A reporter fills fixed chunks once a rule has many findings; the findings come out whole and in order.
@Suite struct ReporterChunkTests {
    @Test(arguments: [0, 1, 4_096, 4_097, 10_001])
    func chunksKeepEveryFindingInOrder(count: Int) {
        let analysis = Analysis(document: Document(text: "Care Assistant\n", format: .text))
        let rule = RuleRegistry.builtin.rules[0]
        var reporter = Reporter(meta: rule.meta, analysis: analysis)
        for i in 0..<count { reporter.report("finding \(i)", at: SourceRange(at: i)) }
        #expect(reporter.diagnostics.map(\.message) == (0..<count).map { "finding \($0)" })
        let chunks = reporter.take()
        #expect(chunks.dropLast().allSatisfy { $0.count == Reporter.chunkSize })
        #expect(chunks.joined().map(\.range.lowerBound) == Array(0..<count))
        #expect(reporter.diagnostics.isEmpty)
    }
}
