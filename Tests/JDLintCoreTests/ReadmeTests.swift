import Foundation
import Testing
@testable import JDLintCore

/// The README stays true: its rule table is the registry's, and it names every profile and output format.
@Suite struct ReadmeTests {
    static let readme: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return (try? String(contentsOfFile: parts.joined(separator: "/") + "/README.md", encoding: .utf8)) ?? ""
    }()

    @Test func ruleTableIsCurrent() throws {
        let start = try #require(Self.readme.range(of: "<!-- rules:start -->\n"))
        let end = try #require(Self.readme.range(of: "<!-- rules:end -->"))
        let table = String(Self.readme[start.upperBound..<end.lowerBound])
        #expect(table == RuleDocs.table(.builtin), "README rule table is stale: run scripts/gen-readme-rules")
    }

    @Test func mentionsEveryProfileAndFormat() {
        for p in Profile.names { #expect(Self.readme.contains("`\(p)`"), "README does not mention profile \(p)") }
        for f in Formats.names { #expect(Self.readme.contains("`\(f)`"), "README does not mention format \(f)") }
    }
}
