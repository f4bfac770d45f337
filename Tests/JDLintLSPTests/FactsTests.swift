import Foundation
import JDLintCore
import Testing
@testable import JDLintLSP

/// The facts in the editor: the hover on the title (docs/lsp.md).
@Suite struct FactsHoverTests {
    static let posting = """
        # Senior Data Engineer

        Company: Acme Analytics Ltd
        Location: Leeds, UK
        Job type: Full-time
        Salary: £45,000 - £55,000 per year
        Closing date: 2026-03-31

        We build data pipelines for hospitals.

        ## Requirements

        - 5+ years of experience with Python

        ## How to apply

        Send your CV to jobs@acme.example.

        """

    func hover(_ c: TestClient, _ uri: String, _ p: Position) -> JSONValue? {
        let r = c.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": p.json])
        return r["result"]
    }

    func hoverText(_ c: TestClient, _ uri: String, _ p: Position) -> String? {
        hover(c, uri, p)?["contents"]?["value"]?.stringValue
    }

    @Test func theTitleShowsEachStatedProperty() throws {
        let c = TestClient()
        c.initialize()
        let uri = "file:///tmp/facts-hover.md"
        c.open(uri, Self.posting, language: "markdown")
        _ = c.diagnostics(uri)
        let textAnswer = hoverText(c, uri, Position(line: 0, character: 5))

        let text = try #require(textAnswer)
        #expect(text.contains("- **Title:** Senior Data Engineer\n"), "\(text)")
        #expect(text.contains("- **Organisation:** Acme Analytics Ltd\n"), "\(text)")
        #expect(text.contains("- **Location:** Leeds"), "\(text)")
        #expect(text.contains("- **Employment type:** full-time\n"), "\(text)")
        #expect(text.contains("- **Pay:** GBP 45,000–55,000 per year\n"), "\(text)")
        #expect(text.contains("- **Apply by:** 2026-03-31\n"), "\(text)")
        #expect(text.contains("- **Experience:** 5 years (60 months)\n"), "\(text)")
        #expect(text.contains("- **How to apply:** jobs@acme.example\n"), "\(text)")
        // Not stated, so not shown.
        #expect(!text.contains("Remote"), "\(text)")
        #expect(!text.contains("Posted"), "\(text)")
        #expect(!text.contains("Direct apply"), "\(text)")
        // The hover covers the title.
        let rangeAnswer = hover(c, uri, Position(line: 0, character: 5))?["range"]
        let range = try #require(rangeAnswer)
        #expect(range == ["start": ["line": 0, "character": 2], "end": ["line": 0, "character": 22]])
    }

    @Test func aPostingThatStatesLittleShowsOnlyThat() throws {
        let c = TestClient()
        c.initialize()
        let uri = "file:///tmp/facts-hover-sparse.md"
        c.open(uri, "# Gardener\n\nWe look after the park.\n", language: "markdown")
        _ = c.diagnostics(uri)
        let textAnswer = hoverText(c, uri, Position(line: 0, character: 3))

        let text = try #require(textAnswer)
        #expect(text.contains("- **Title:** Gardener\n"), "\(text)")
        for label in ["Organisation", "Location", "Remote", "Employment type", "Pay", "Posted", "Apply by", "Experience", "How to apply"] {
            #expect(!text.contains("**\(label):**"), "\(label) was shown: \(text)")
        }
    }

    @Test func elsewhereTheHoverIsUnchanged() {
        let c = TestClient()
        c.initialize()
        let uri = "file:///tmp/facts-hover-elsewhere.md"
        c.open(uri, "# Gardener\n\nWe need a engineer.\n", language: "markdown")
        _ = c.diagnostics(uri)
        // On a finding: the rule, no facts.
        let onFinding = hoverText(c, uri, Position(line: 2, character: 8)) ?? ""
        #expect(onFinding.contains("grammar/indefinite-article"), "\(onFinding)")
        #expect(!onFinding.contains("Job posting facts"), "\(onFinding)")
        // On plain text: nothing.
        let plain = hover(c, uri, Position(line: 2, character: 1))
        #expect(plain == .null)
    }

    /// Non-ASCII text (two-byte, three-byte and four-byte UTF-8, one emoji of two UTF-16 units) before the title
    /// on its line and inside it: the range is in the negotiated encoding.
    @Test(arguments: [false, true]) func rangesAreInTheNegotiatedEncoding(utf8: Bool) throws {
        let c = TestClient()
        c.initialize(utf8: utf8)
        let uri = "file:///tmp/facts-hover-\(utf8).html"
        let prefix = "<html><body><p>Café – 🎉 Zürich</p><h1>"
        let title = "Ingénieur 🎉 données"
        c.open(uri, prefix + title + "</h1><p>Un poste à Zürich.</p></body></html>\n", language: "html")
        _ = c.diagnostics(uri)
        func units(_ s: String) -> Int { utf8 ? s.utf8.count : s.utf16.count }
        let inside = Position(line: 0, character: units(prefix + "Ingénieur 🎉 d"))
        let hAnswer = hover(c, uri, inside)

        let h = try #require(hAnswer)
        #expect(h["contents"]?["value"]?.stringValue?.contains("- **Title:** Ingénieur 🎉 données\n") == true, "\(h)")
        #expect(h["range"] == ["start": ["line": 0, "character": .int(units(prefix))],
                               "end": ["line": 0, "character": .int(units(prefix + title))]])
        // Just before the title (on `>` of `<h1>`): not the title.
        let before = hoverText(c, uri, Position(line: 0, character: units(prefix) - 1)) ?? ""
        #expect(!before.contains("Job posting facts"), "\(before)")
    }

    @Test func jsonLDTitleValue() throws {
        let c = TestClient()
        c.initialize()
        let uri = "file:///tmp/facts-hover.json"
        let json = """
            {
              "@context": "https://schema.org",
              "@type": "JobPosting",
              "title": "Night Porter",
              "employmentType": "PART_TIME",
              "hiringOrganization": {"@type": "Organization", "name": "Hotel Ñandú"},
              "description": "<p>Nights at our hotel.</p>"
            }
            """
        c.open(uri, json, language: "json")
        _ = c.diagnostics(uri)
        let textAnswer = hoverText(c, uri, Position(line: 3, character: 16))

        let text = try #require(textAnswer)
        #expect(text.contains("- **Title:** Night Porter\n"), "\(text)")
        #expect(text.contains("- **Employment type:** part-time\n"), "\(text)")
        #expect(text.contains("- **Organisation:** Hotel Ñandú\n"), "\(text)")
        // On the key `"@type"`: no facts.
        let onKey = hoverText(c, uri, Position(line: 2, character: 4)) ?? ""
        #expect(!onKey.contains("Job posting facts"), "\(onKey)")
    }

    @Test func markdownInValuesIsEscaped() {
        #expect(FactsFeatures.text("a *b* [c](d) <e>\n  f") == "a \\*b\\* \\[c\\](d) \\<e\\> f")
        #expect(FactsFeatures.salary(["currency": "USD", "value": ["@type": "QuantitativeValue", "maxValue": 50000, "unitText": "YEAR"]])
                == "USD up to 50,000 per year")
        #expect(FactsFeatures.salary(["value": ["minValue": 20.5, "unitText": "HOUR"]]) == "from 20.5 per hour")
        #expect(FactsFeatures.experience(["monthsOfExperience": 18]) == "18 months")
    }
}
