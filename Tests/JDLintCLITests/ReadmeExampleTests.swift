import Foundation
import Testing

/// The README's first command and the output it shows: every line shown (the block elides the middle with “…”) is
/// a line the command really prints, in the same order, and the summary line is the real one.
@Suite struct ReadmeExampleTests {
    @Test func theReadmeShowsTheRealOutput() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let intro = try #require(readme.range(of: "swift run jdlint Examples/orthopedic-technician.txt"), "the README's first command moved")
        let open = try #require(readme.range(of: "```text\n", range: intro.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        let shown = readme[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init).filter { $0 != "…" }
        #expect(shown.count >= 3)

        let r = try CLI.run(["Examples/orthopedic-technician.txt"], cwd: CLI.packageRoot)
        let printed = r.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        // In order: each shown line is found after the previous one.
        var at = 0
        for line in shown {
            let k = printed[at...].firstIndex(of: line)
            #expect(k != nil, "README shows a line the command does not print (regenerate the block from a real run): \(line)")
            if let k { at = k + 1 }
        }
        #expect(printed.last == shown.last, "the README's summary line is not the real one")
        // The lines before the “…” are the first lines printed, with nothing left out between them.
        let head = readme[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init).prefix { $0 != "…" }
        #expect(Array(printed.prefix(head.count)) == Array(head))
    }
}
