import Foundation
import Testing
@testable import JDLintCore

/// The README stays true: its rule table is the registry's, and it names every profile and output format.
@Suite struct ReadmeTests {
    /// A file of the package (found from this file's path), or "" when it is missing.
    static func packageFile(_ relative: String) -> String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return (try? String(contentsOfFile: parts.joined(separator: "/") + "/" + relative, encoding: .utf8)) ?? ""
    }

    static let readme = packageFile("README.md")

    @Test func ruleTableIsCurrent() throws {
        let start = try #require(Self.readme.range(of: "<!-- rules:start -->\n"))
        let end = try #require(Self.readme.range(of: "<!-- rules:end -->"))
        let table = String(Self.readme[start.upperBound..<end.lowerBound])
        #expect(table == RuleDocs.table(.builtin), "README rule table is stale: run scripts/generate")
    }

    static let rulesDoc = packageFile("docs/rules.md")

    /// docs/rules.md, where diagnostics link to (LSP `codeDescription.href`, SARIF `helpUri`), is the registry's.
    @Test func rulesReferenceIsCurrent() {
        #expect(!Self.rulesDoc.isEmpty, "docs/rules.md is missing: run scripts/generate")
        #expect(Self.rulesDoc == RuleDocs.reference(.builtin), "docs/rules.md is stale: run scripts/generate")
    }

    static let payLawsDoc = packageFile("docs/pay-laws.md")

    /// docs/pay-laws.md is the table made from Rules/profiles/, and names every law's profile and citation.
    @Test func payLawsTableIsCurrent() {
        #expect(!Self.payLawsDoc.isEmpty, "docs/pay-laws.md is missing: run scripts/generate")
        #expect(Self.payLawsDoc == PayLaws.markdown(), "docs/pay-laws.md is stale: run scripts/generate")
        for p in PayLaws.profiles {
            #expect(Self.payLawsDoc.contains("| `\(p.name)` |"), "docs/pay-laws.md has no row for \(p.name)")
            #expect(Self.payLawsDoc.contains(p.law!.citation))
        }
    }

    /// Every rule's link lands on an anchor of docs/rules.md.
    @Test func everyRuleLinkHasItsAnchor() {
        for r in RuleRegistry.builtin.rules {
            let url = RuleDocs.url(r.meta.id)
            #expect(url.hasPrefix("https://github.com/jdlint/jdlint/blob/main/docs/rules.md#"))
            let anchor = String(url[url.index(after: url.lastIndex(of: "#")!)...])
            #expect(!anchor.contains("/"), "\(url)")
            #expect(Self.rulesDoc.contains("<a id=\"\(anchor)\"></a>\n\n### \(r.meta.id)\n"), "no anchor \(anchor) in docs/rules.md")
        }
    }

    @Test func mentionsEveryProfileAndFormat() {
        for p in Profile.names { #expect(Self.readme.contains("`\(p)`"), "README does not mention profile \(p)") }
        for f in Formats.names { #expect(Self.readme.contains("`\(f)`"), "README does not mention format \(f)") }
    }
}
