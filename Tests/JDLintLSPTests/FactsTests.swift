import Foundation
import JDLintCore
import Testing
@testable import JDLintLSP

/// The facts in the editor: the hover on the title, and the action that inserts or updates an HTML page's
/// schema.org JobPosting JSON-LD block (docs/lsp.md).
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

@Suite struct JSONLDActionTests {
    static let page = """
        <!DOCTYPE html>
        <html>
          <head>
            <title>Staff Nurse</title>
          </head>
          <body>
            <h1>Staff Nurse</h1>
            <p>Company: St Anne’s Hospital</p>
            <p>This is a full-time role based in Leeds. Salary: £30,000 - £35,000 per year.</p>
            <p>Apply by sending your CV to jobs@stannes.example.</p>
          </body>
        </html>

        """

    func actions(_ c: TestClient, _ uri: String, only: [String]? = nil) -> [JSONValue] {
        var context = JSONObject([("diagnostics", .array([]))])
        if let only { context["only"] = .array(only.map { .string($0) }) }
        let r = c.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)],
                                                      "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                                                      "context": .object(context)])
        return r["result"]?.arrayValue ?? []
    }

    func jsonLD(_ c: TestClient, _ uri: String, only: [String]? = nil) -> JSONValue? {
        actions(c, uri, only: only).first { $0["kind"]?.stringValue == LanguageServer.jsonLDKind }
    }

    /// The facts `jdlint facts --format jsonld` prints for a text.
    func facts(_ text: String, _ format: DocumentFormat) -> JSONValue {
        JobPostingFacts.extract(Analysis(document: Document(bytes: Array(text.utf8), format: format, path: nil))).jobPosting
    }

    /// The single edit's byte range and text, and the document after it.
    func applied(_ c: TestClient, _ uri: String, _ action: JSONValue?, to text: String) throws -> (Range<Int>, String, String) {
        let edits = c.edits(action?["edit"], uri)
        try #require(edits.count == 1)
        let r = c.encoding.byteRange(try LSPRange(Params(edits[0]["range"])), LineIndex(Array(text.utf8))).offsets
        return (r, try #require(edits[0]["newText"]?.stringValue), c.apply(edits, to: text))
    }

    @Test func insertsBeforeTheHeadsEnd() throws {
        let c = TestClient()
        c.initialize()
        let uri = "file:///tmp/jsonld-insert.html"
        let text = Self.page
        c.open(uri, text, language: "html")
        _ = c.diagnostics(uri)
        let actionAnswer = jsonLD(c, uri)

        let action = try #require(actionAnswer)
        #expect(action["title"] == "Insert schema.org JobPosting JSON-LD")
        let (range, newText, result) = try applied(c, uri, action, to: text)
        // Inserted at the start of the `</head>` line; nothing of the page replaced or lost.
        let bytes = Array(text.utf8), out = Array(result.utf8)
        #expect(range.isEmpty)
        let headLine = c.offset(uri, of: "  </head>")
        #expect(range.lowerBound == headLine)
        #expect(Array(out[..<range.lowerBound]) == Array(bytes[..<range.lowerBound]))
        #expect(Array(out[(range.lowerBound + newText.utf8.count)...]) == Array(bytes[range.lowerBound...]))
        // The block: the facts' JobPosting, pretty-printed, indented under `<head>`, and nothing in it closes the
        // script early (the description holds `</p>`).
        #expect(newText.hasPrefix("    <script type=\"application/ld+json\">\n    {\n      \"@context\": \"https://schema.org\","), "\(newText)")
        #expect(newText.hasSuffix("\n    }\n    </script>\n"), "\(newText)")
        let json = String(newText.dropFirst("    <script type=\"application/ld+json\">".count).dropLast("    </script>\n".count))
        #expect(!json.contains("</"))
        let value = try JSONParser.parseValue(Array(json.utf8))
        #expect(value == facts(text, .html))
        #expect(value["employmentType"] == "FULL_TIME")
        #expect(value["title"] == "Staff Nurse")

        // Applied, the page's facts are the block's: nothing left to update.
        c.change(uri, replacing: range, with: newText)
        _ = c.diagnostics(uri)
        let again = jsonLD(c, uri)
        #expect(again == nil)
    }

    @Test func withoutAHeadTheBlockGoesAtTheEnd() throws {
        let c = TestClient()
        c.initialize()
        let uri = "file:///tmp/jsonld-end.html"
        let text = "<h1>Gardener</h1>\r\n<p>A part-time role in Leeds.</p>"
        c.open(uri, text, language: "html")
        _ = c.diagnostics(uri)
        let found = jsonLD(c, uri)
        let (range, newText, result) = try applied(c, uri, try #require(found), to: text)
        #expect(range == text.utf8.count..<text.utf8.count)
        #expect(result.hasPrefix(text))
        // The page's CRLF line endings, and a line break before the block since the page had none at its end.
        #expect(newText.hasPrefix("\r\n<script type=\"application/ld+json\">\r\n{\r\n"), "\(newText)")
        #expect(newText.hasSuffix("}\r\n</script>\r\n"), "\(newText)")
        #expect(!newText.replacing("\r\n", with: "").contains("\n"))
    }

    @Test func updatesTheExistingBlock() throws {
        let c = TestClient()
        c.initialize()
        let uri = "file:///tmp/jsonld-update.html"
        let existing = """
            {"@context": "https://schema.org", "@type": "JobPosting", "title": "Staff Nurse (Band 5)",
                 "identifier": {"@type": "PropertyValue", "value": "SN-42"}}
            """
        let text = Self.page.replacing("  </head>", with: "    <script type=\"application/ld+json\">\n    \(existing)\n    </script>\n  </head>")
        c.open(uri, text, language: "html")
        _ = c.diagnostics(uri)
        let actionAnswer = jsonLD(c, uri)

        let action = try #require(actionAnswer)
        #expect(action["title"] == "Update schema.org JobPosting JSON-LD")
        let (range, newText, result) = try applied(c, uri, action, to: text)
        // The block's content is replaced, between its first and last non-blank bytes: its tags, its indentation
        // and the rest of the page stay byte for byte.
        let start = c.offset(uri, of: "{\"@context\"")
        #expect(range == start..<(start + existing.utf8.count))
        let bytes = Array(text.utf8), out = Array(result.utf8)
        #expect(Array(out[..<range.lowerBound]) == Array(bytes[..<range.lowerBound]))
        #expect(Array(out[(range.lowerBound + newText.utf8.count)...]) == Array(bytes[range.upperBound...]))
        let value = try JSONParser.parseValue(Array(newText.utf8))
        #expect(value == facts(text, .html))
        // Its own properties kept as written; what the page states added.
        #expect(value["title"] == "Staff Nurse (Band 5)")
        #expect(value["identifier"]?["value"] == "SN-42")
        #expect(value["employmentType"] == "FULL_TIME")
        #expect(result.components(separatedBy: "application/ld+json").count == 2)
    }

    @Test func aJobPostingInsideAGraphIsLeftAlone() {
        let c = TestClient()
        c.initialize()
        let uri = "file:///tmp/jsonld-graph.html"
        let graph = "{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"WebPage\"}, {\"@type\": \"JobPosting\", \"title\": \"Staff Nurse\"}]}"
        let text = Self.page.replacing("  </head>", with: "<script type=\"application/ld+json\">\(graph)</script>\n  </head>")
        c.open(uri, text, language: "html")
        _ = c.diagnostics(uri)
        let general = jsonLD(c, uri), asked = jsonLD(c, uri, only: ["source"])
        #expect(general == nil)
        #expect(asked == nil)
    }

    @Test func onlyHTMLDocumentsGetTheAction() throws {
        let c = TestClient()
        c.initialize()
        let md = "file:///tmp/jsonld-no.md"
        c.open(md, "# Staff Nurse\n\nThis is a full-time role based in Leeds.\n", language: "markdown")
        let json = "file:///tmp/jsonld-no.json"
        c.open(json, "{\"@context\": \"https://schema.org\", \"@type\": \"JobPosting\", \"title\": \"Staff Nurse\"}", language: "json")
        let html = "file:///tmp/jsonld-yes.html"
        c.open(html, Self.page, language: "html")
        for uri in [md, json, html] { _ = c.diagnostics(uri) }
        let got = [jsonLD(c, md), jsonLD(c, md, only: [LanguageServer.jsonLDKind]), jsonLD(c, json), jsonLD(c, json, only: ["source"]),
                   jsonLD(c, html),
                   // Asked for by kind (`only`), and not offered when another kind is asked for.
                   jsonLD(c, html, only: ["source"]), jsonLD(c, html, only: ["quickfix"]), jsonLD(c, html, only: [LanguageServer.fixAllKind])]
        #expect(got.map { $0 != nil } == [false, false, false, false, true, true, false, false])
    }

    @Test func theKindIsAdvertised() {
        let c = TestClient()
        let r = c.initialize()
        let kinds = r["result"]?["capabilities"]?["codeActionProvider"]?["codeActionKinds"]?.arrayValue ?? []
        #expect(kinds.contains(.string(LanguageServer.jsonLDKind)))
        #expect(LanguageServer.jsonLDKind.hasPrefix("source."))
        #expect(r["result"]?["capabilities"]?["codeActionProvider"]?["resolveProvider"] == false)
    }

    /// A client that resolves edits gets the action without its edit (which holds the whole description) and the
    /// same edit from `codeAction/resolve`; once the document changed, resolving fails with ContentModified.
    @Test func clientsThatResolveEditsGetTheEditOnResolve() throws {
        let plain = TestClient()
        plain.initialize()
        let c = TestClient()
        let initialized = c.initialize(resolvesEdits: true)
        #expect(initialized["result"]?["capabilities"]?["codeActionProvider"]?["resolveProvider"] == true)
        let uri = "file:///tmp/jsonld-resolve.html"
        for client in [plain, c] {
            client.open(uri, Self.page, language: "html")
            _ = client.diagnostics(uri)
        }
        let full = jsonLD(plain, uri)
        let listedAnswer = jsonLD(c, uri)
        let listed = try #require(listedAnswer)
        #expect(listed["edit"] == nil)
        #expect(listed["data"] == ["uri": .string(uri), "version": 1])
        #expect(listed["title"] == full?["title"])
        let resolved = c.request("codeAction/resolve", listed)
        #expect(resolved["result"]?["edit"] != nil)
        #expect(resolved["result"]?["edit"] == full?["edit"])
        // Another version: the listed action no longer applies.
        c.change(uri, replacing: 0..<0, with: " ")
        let stale = c.request("codeAction/resolve", listed)
        #expect(stale["error"]?["code"] == .int(ErrorCode.contentModified), "\(stale)")
        // An action that came with its edit is returned as it is.
        let other: JSONValue = ["title": "Something", "kind": "quickfix"]
        let same = c.request("codeAction/resolve", other)
        #expect(same["result"] == other)
    }

    @Test func scannerSkipsCommentsAndOtherScripts() {
        let b = Array("<!-- </head> <script type=\"application/ld+json\">{}</script> --><script>var s = \"</head>\"</script><SCRIPT TYPE='application/LD+JSON'>{\"@type\":\"JobPosting\"}</Script></HEAD>".utf8)
        let page = FactsFeatures.scan(b)
        #expect(page.scripts.map { String(decoding: b[$0], as: UTF8.self) } == ["{\"@type\":\"JobPosting\"}"])
        #expect(page.headClose.map { String(decoding: b[$0...], as: UTF8.self) } == "</HEAD>")
    }
}
