import Testing
@testable import JDLintCore

/// Front ends: every format maps its prose back to exact source byte ranges (entities, JSON escapes, CRLF, BOM,
/// emoji), and finds the structure the rules rely on (title, headings, fields, lists, front matter).
@Suite struct FrontendTests {
    // MARK: helpers

    static func analyse(_ text: String, _ format: DocumentFormat) -> Analysis {
        let a = Analysis(document: Document(text: text, format: format))
        checkInvariants(a)
        return a
    }

    /// Every verbatim prose byte is the source byte it maps to; ranges stay inside their buffers.
    static func checkInvariants(_ a: Analysis, sourceLocation: SourceLocation = #_sourceLocation) {
        let t = a.prose.text
        let src = a.document.bytes
        for s in t.spans {
            #expect(s.start + s.length <= t.count, sourceLocation: sourceLocation)
            #expect(s.sourceStart + s.sourceLength <= src.count, sourceLocation: sourceLocation)
            if s.verbatim {
                #expect(Array(t.bytes[s.start..<(s.start + s.length)]) == Array(src[s.sourceStart..<(s.sourceStart + s.length)]),
                        "verbatim span differs from its source", sourceLocation: sourceLocation)
            }
        }
        for b in a.blocks {
            #expect(b.proseRange.upperBound <= t.count, sourceLocation: sourceLocation)
            #expect(b.sourceRange.upperBound <= src.count && b.sourceRange.lowerBound <= b.sourceRange.upperBound, sourceLocation: sourceLocation)
            let r = a.sourceRange(b.proseRange)
            #expect(r.lowerBound >= b.sourceRange.lowerBound || b.kind == .field, "prose starts inside its block", sourceLocation: sourceLocation)
        }
        for f in a.fields {
            #expect(f.keyRange.upperBound <= src.count && f.valueRange.upperBound <= src.count, sourceLocation: sourceLocation)
        }
    }

    /// The prose range of the first occurrence of `s` in the prose buffer.
    static func prose(_ a: Analysis, _ s: String) -> Range<Int>? {
        let n = Array(s.utf8), t = a.text
        guard n.count <= t.count else { return nil }
        for i in 0...(t.count - n.count) where Array(t[i..<(i + n.count)]) == n { return i..<(i + n.count) }
        return nil
    }

    /// The source text a prose substring maps to.
    static func source(_ a: Analysis, _ s: String) -> String? {
        prose(a, s).map { a.document.text(a.sourceRange($0)) }
    }

    static func blockTexts(_ a: Analysis, _ kind: BlockKind) -> [String] {
        a.blocks.indices.filter { a.blocks[$0].kind == kind }.map { a.string(block: $0) }
    }

    // MARK: plain text

    @Test func textMapsThroughBOMCRLFAndEmoji() throws {
        let text = "\u{FEFF}Café Manager 👩🏽‍🍳\r\n\r\nWe serve crêpes — and you’ll love it.\r\n\r\n• Run the floor\r\n• Train staff\r\n"
        let a = Self.analyse(text, .text)
        #expect(a.title?.text == "Café Manager 👩🏽‍🍳")
        #expect(a.document.text(try #require(a.title).range) == "Café Manager 👩🏽‍🍳")
        #expect(Self.source(a, "crêpes — and you’ll") == "crêpes — and you’ll")
        let items = a.blocks.filter { $0.kind == .listItem }
        #expect(items.count == 2 && items.allSatisfy { $0.marker == "•" })
        #expect(Set(items.map(\.listID)).count == 1)
        #expect(items.map { a.document.text($0.markerRange!) } == ["•", "•"])
        // The BOM is not prose and is not part of any range.
        #expect(a.blocks.allSatisfy { $0.sourceRange.lowerBound >= 3 })
    }

    @Test func textFieldsAndHeadings() throws {
        let a = Self.analyse("Barista\n\nLocation: Leeds, UK\nJob type: Part-time\n\nRequirements:\n- Latte art\n\nABOUT US\n\nWe roast.\n", .text)
        let loc = try #require(a.fields("location").first)
        #expect(loc.value == "Leeds, UK" && a.document.text(loc.valueRange) == "Leeds, UK" && a.document.text(loc.keyRange) == "Location")
        #expect(a.fields("jobtype").first?.value == "Part-time")
        #expect(Self.blockTexts(a, .heading) == ["Barista", "Requirements", "ABOUT US"])
        #expect(a.titleBlock == 0)
    }

    @Test func textTitleSkipsNavigationResidue() {
        let a = Self.analyse("Top\n\nSenior Baker\n\nWe bake bread every morning for the whole town.\n", .text)
        #expect(a.title?.text == "Senior Baker")
    }

    @Test func textNBSPIndentedBullets() {
        let a = Self.analyse("Baker\n\n\u{00A0}\u{00A0}- Knead dough\n\u{00A0}\u{00A0}- Bake\n", .text)
        #expect(Self.blockTexts(a, .listItem) == ["Knead dough", "Bake"])
        #expect(Self.source(a, "Knead dough") == "Knead dough")
    }

    // MARK: Markdown

    @Test func markdownInlineMarkupIsStrippedWithExactOffsets() throws {
        let a = Self.analyse("# Data *Analyst* 📊\n\nWork with **SQL** and [our team](https://x.example) on `code` &amp; more.\n", .markdown)
        #expect(a.title?.text == "Data Analyst 📊")
        let p = try #require(Self.blockTexts(a, .paragraph).first)
        #expect(p == "Work with SQL and our team on \u{FFFC} & more.")
        #expect(Self.source(a, "our team") == "our team")
        #expect(Self.source(a, "SQL") == "SQL")
        // The decoded entity maps to the whole entity; a code span to the whole span.
        #expect(Self.source(a, "&") == "&amp;")
        #expect(Self.source(a, "\u{FFFC}") == "`code`")
        #expect(!a.isVerbatim(try #require(Self.prose(a, "& more"))))
        #expect(a.isVerbatim(try #require(Self.prose(a, "our team"))))
    }

    @Test func markdownFrontMatterFields() throws {
        let text = "---\ntitle: \"Senior \\\"Python\\\" Dev\"\nlocation: Berlin # HQ\nsalary: '€70,000'\ntags:\n  - python\n  - remote\n---\n\n# Overview\n\nWe build things.\n"
        let a = Self.analyse(text, .markdown)
        let title = try #require(a.title)
        #expect(title.text == "Senior \"Python\" Dev")
        #expect(a.document.text(title.range) == "Senior \\\"Python\\\" Dev")
        #expect(a.fields("location").first?.value == "Berlin")
        #expect(a.document.text(try #require(a.fields("location").first).valueRange).hasPrefix("Berlin"))
        #expect(a.fields("salary").first?.value == "€70,000")
        #expect(a.fields("tags").first?.json == .array(["python", "remote"]))
        // The heading is a section, not the title (the front matter gives the title).
        #expect(a.titleBlock == nil)
        #expect(Self.blockTexts(a, .heading) == ["Overview"])
    }

    @Test func markdownHeaderlessFrontMatter() {
        // The `key: value … ---` form some job boards export, without an opening `---`.
        let a = Self.analyse("title: Python Dev\ncompany: Acme\nlocation: Leeds\ncontact:\n    email: jobs@acme.example\n---\n\n# Overview\n\nWe build things.\n", .markdown)
        #expect(a.title?.text == "Python Dev")
        #expect(a.fields("company").first?.value == "Acme")
        #expect(a.fields("location").first?.value == "Leeds")
        #expect(!a.text.isEmpty && Self.prose(a, "company") == nil)
    }

    @Test func markdownHeaderlessFrontMatterWithCommentsAndSpacedKeys() {
        let text = """
            start of a boxed comment whose first line was cut   #
            # more comment                                        #
            ##########################################################

            # The title, in quotes:
            title: "Chapter Director"
            appointment type: perm
            key objectives:
              - Lead the team
            ---
            {% comment %}
            Editors' notes.
            {% endcomment %}
            **Job title:** {{ page.title }}

            ## Duties

            Lead the chapter. {% include job/apply_button.html %}
            """
        let a = Self.analyse(text, .markdown)
        #expect(a.title?.text == "Chapter Director")
        #expect(a.fields("appointmenttype").first?.value == "perm")
        #expect(Self.prose(a, "Editors") == nil)
        #expect(Self.prose(a, "page.title") == nil && Self.prose(a, "include") == nil)
        #expect(Self.blockTexts(a, .heading) == ["Duties"])
    }

    /// Link text is rendered in place, not by a recursion per nesting level: 100,000 nested links overflowed the
    /// call stack (issue 21), and copying each level's text into the one above was quadratic.
    @Test func markdownDeeplyNestedLinks() throws {
        let depth = 100_000
        let a = Self.analyse("Care " + String(repeating: "[", count: depth) + "x" + String(repeating: "](y)", count: depth) + " team.\n", .markdown)
        #expect(Self.blockTexts(a, .paragraph) == ["Care x team."])
        #expect(Self.source(a, "x") == "x")
        let b = Self.analyse("See [the [our *team*](a) page](b) and ![x [y](z)](w).\n", .markdown)
        #expect(Self.blockTexts(b, .paragraph) == ["See the our team page and \u{FFFC}."])
    }

    /// A code span closes at the next backtick run of the opener's length; other lengths (and an opener left
    /// after an escaped backtick) stay text. Found through an index of runs, not a scan per opener.
    @Test func markdownCodeSpanRunLengths() throws {
        let a = Self.analyse("Use ` `` a ``` b `` c ``` d.\n", .markdown)
        #expect(Self.blockTexts(a, .paragraph) == ["Use ` \u{FFFC} c ``` d."])
        #expect(Self.source(a, "\u{FFFC}") == "`` a ``` b ``")
        let b = Self.analyse("Use \\`` x ` y `` z.\n", .markdown)
        #expect(Self.blockTexts(b, .paragraph) == ["Use `\u{FFFC} y `` z."])
        #expect(Self.source(b, "\u{FFFC}") == "` x `")
        let rising = (1...60).map { String(repeating: "`", count: $0) }.joined(separator: " ")
        let c = Self.analyse("Run " + rising + " end.\n", .markdown)
        #expect(Self.blockTexts(c, .paragraph) == ["Run " + rising + " end."])
    }

    /// Liquid tags close at the first `}}` or `%}` after them; one left open stays text, and so do the openers
    /// after it (each once found by a scan to the end of the paragraph).
    @Test func markdownLiquidTagsOpenAndClosed() throws {
        let a = Self.analyse("---\ntitle: Cook\n---\n\nJoin {{ a }} and {% b %} {{ c {{ d %} e.\n", .markdown)
        #expect(Self.blockTexts(a, .paragraph) == ["Join \u{FFFC} and \u{FFFC} {{ c {{ d %} e."])
    }

    @Test func markdownWithoutFrontMatterKeepsLiquidAsText() {
        let a = Self.analyse("# Cook\n\nJoin {{ company }} today.\n", .markdown)
        #expect(Self.source(a, "{{ company }}") == "{{ company }}")
    }

    @Test func markdownScrapedParagraphSplitsAtFieldsAndLabels() throws {
        let a = Self.analyse("# Data Scientist\n\nCompany: Acme\nLocation: Boston, MA\n\nData Scientist\nEducation Required: BSc\nSkills Required:\nPython and SQL\n", .markdown)
        #expect(a.fields("company").first?.value == "Acme")
        #expect(a.fields("location").first?.value == "Boston, MA")
        #expect(a.fields("educationrequired").first?.value == "BSc")
        #expect(Self.blockTexts(a, .paragraph) == ["Data Scientist", "Skills Required:\nPython and SQL"])
        let loc = try #require(a.fields("location").first)
        #expect(a.document.text(loc.valueRange) == "Boston, MA")
    }

    @Test func markdownListsAndMarkers() {
        let a = Self.analyse("# Cook\n\n- Chop\n- Fry\n* Plate\n\n+ Pension\n+ Lunch\n\n1. One\n2. Two\n", .markdown)
        let items = a.blocks.filter { $0.kind == .listItem }
        #expect(items.map { $0.marker ?? "" } == ["-", "-", "*", "+", "+", "1.", "2."])
        // Adjacent mixed markers: one list. After a blank line, another marker starts a new list.
        #expect(items[0].listID == items[2].listID)
        #expect(items[2].listID != items[3].listID)
        #expect(items[3].listID == items[4].listID)
        #expect(items[5].listID != items[4].listID && items[5].listID == items[6].listID)
        #expect(items.allSatisfy { a.document.text($0.markerRange!) == $0.marker })
    }

    @Test func markdownSetextAndCRLF() {
        let a = Self.analyse("Porter\r\n======\r\n\r\nCarry bags.\r\n\r\nDuties\r\n------\r\n\r\n- Open doors\r\n", .markdown)
        #expect(a.title?.text == "Porter")
        #expect(Self.blockTexts(a, .heading) == ["Porter", "Duties"])
        #expect(Self.source(a, "Open doors") == "Open doors")
    }

    @Test func markdownHTMLBlockAndDirectives() {
        let a = Self.analyse("# Cook\n\n<!-- jdlint-disable-next-line grammar/ -->\n<p>We &amp; you.</p>\n", .markdown)
        #expect(a.prose.directives.first?.kind == .disableNextLine)
        #expect(Self.source(a, "&") == "&amp;")
    }

    // MARK: HTML

    @Test func htmlEntitiesAndWhitespace() throws {
        let text = "<h1>Caf&eacute; Lead</h1>\n<p>Fish&nbsp;&amp;\u{00A0}chips,\n   daily &#8212; &#x1F600; “quotes”.</p>"
        let a = Self.analyse(text, .html)
        #expect(a.title?.text == "Café Lead")
        #expect(Self.source(a, "é") == "&eacute;")
        let p = try #require(Self.blockTexts(a, .paragraph).first)
        #expect(p == "Fish & chips, daily — 😀 “quotes”.")
        #expect(Self.source(a, "—") == "&#8212;")
        #expect(Self.source(a, "😀") == "&#x1F600;")
        #expect(Self.source(a, "“quotes”") == "“quotes”")
        #expect(Self.source(a, "Fish") == "Fish")
    }

    @Test func htmlLineBreakIsASpaceThatIsNotVerbatim() throws {
        let a = Self.analyse("<p>one\ntwo\tthree four</p>", .html)
        #expect(Self.blockTexts(a, .paragraph) == ["one two three four"])
        #expect(!a.isVerbatim(try #require(Self.prose(a, "one two"))))
        #expect(!a.isVerbatim(try #require(Self.prose(a, "two three"))))
        #expect(a.isVerbatim(try #require(Self.prose(a, "three four"))))
        #expect(Self.source(a, "one two") == "one\ntwo")
    }

    @Test func htmlBoldParagraphs() {
        let a = Self.analyse("""
            <h1>Nurse</h1><p><strong>About the role</strong></p><p>Care for people.</p>
            <p><strong>Salary – £31,365 to £37,890 per annum</strong></p><p><strong>- Uniform provided</strong></p>
            <p><strong>Please contact us if you require further info!</strong></p><p><strong>Location:</strong> Leeds</p>
            """, .html)
        #expect(Self.blockTexts(a, .heading) == ["Nurse", "About the role"])
        #expect(a.blocks.first { $0.kind == .heading && !$0.explicit }?.level == 3)
    }

    @Test func htmlWholePageSkipsChromeAndReadsJSONLD() throws {
        let text = """
            <!DOCTYPE html><html><head><title>Cook &amp; Chef | Jobs</title>
            <script type="application/ld+json">{"@type": "JobPosting", "title": "Cook", "employmentType": "FULL_TIME"}</script>
            <style>p { color: red }</style></head>
            <body><nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav>
            <main><h1>Cook</h1><ul><li>Fry</li><li>Plate</li></ul><pre>code here</pre></main>
            <footer>© 2026 Acme</footer></body></html>
            """
        let a = Self.analyse(text, .html)
        #expect(Self.prose(a, "Home") == nil && Self.prose(a, "2026") == nil && Self.prose(a, "color") == nil)
        #expect(Self.prose(a, "code here") == nil)
        #expect(a.fields("employmenttype").first?.value == "FULL_TIME")
        #expect(a.fields("employmenttype").first?.origin == .jsonld)
        // The JSON-LD title is the metadata title; its range is inside the script.
        let title = try #require(a.title)
        #expect(title.text == "Cook" && a.document.text(title.range) == "Cook")
        let items = a.blocks.filter { $0.kind == .listItem }
        #expect(items.count == 2 && items[0].listID == items[1].listID && items.allSatisfy { $0.marker == "li" })
    }

    // MARK: JSON-LD

    @Test func jsonldEscapesMapToTheirSource() throws {
        let text = "\u{FEFF} \n{\"@type\": \"JobPosting\", \"title\": \"Caf\\u00e9 \\\"Lead\\\" 🍰\", \"description\": \"Line one.\\nSecond line \\u2014 more.\", \"datePosted\": \"2026-01-01\"}"
        let a = Self.analyse(text, .jsonld)
        let title = try #require(a.title)
        #expect(title.text == "Café \"Lead\" 🍰")
        #expect(a.document.text(title.range) == "Caf\\u00e9 \\\"Lead\\\" 🍰")
        #expect(Self.source(a, "é") == "\\u00e9")
        #expect(Self.source(a, "—") == "\\u2014")
        #expect(Self.source(a, "Second line") == "Second line")
        let date = try #require(a.fields("dateposted").first)
        #expect(a.document.text(date.keyRange).contains("datePosted"))
        #expect(date.rawKey == "datePosted")
    }

    @Test func jsonldEntityEscapedHTMLDescription() throws {
        let text = #"{"@type": "JobPosting", "title": "SLT", "description": "&lt;p&gt;Speech &amp;amp; language.&lt;/p&gt;\n&lt;ul&gt;&lt;li&gt;Assess&lt;/li&gt;&lt;/ul&gt;"}"#
        let a = Self.analyse(text, .jsonld)
        #expect(Self.blockTexts(a, .paragraph) == ["Speech & language."])
        #expect(Self.blockTexts(a, .listItem) == ["Assess"])
        #expect(Self.source(a, "Speech") == "Speech")
        #expect(Self.source(a, "&") == "&amp;amp;")
    }

    @Test func jsonldGraphAndInvalidJSON() {
        let g = Self.analyse(#"{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "Acme"}, {"@type": "JobPosting", "title": "Cook"}]}"#, .jsonld)
        #expect(g.title?.text == "Cook")
        let bad = Self.analyse(#"{"@type": "JobPosting", "title": }"#, .jsonld)
        #expect(!bad.prose.problems.isEmpty)
    }
}

import Foundation

/// The mapping invariants on real postings of every corpus folder (skipped when the corpus is absent).
@Suite struct FrontendCorpusTests {
    @Test func invariantsHoldOnTheCorpus() throws {
        let roots = ["/work/shared/corpus", FileManager.default.currentDirectoryPath + "/../shared/corpus"]
        guard let root = roots.first(where: { FileManager.default.fileExists(atPath: $0 + "/real") }) else {
            print("skipped: /work/shared/corpus (or ../shared/corpus) is absent")
            return
        }
        let fm = FileManager.default
        var checked = 0
        for group in ["real", "html", "jsonld"] {
            for folder in (try? fm.contentsOfDirectory(atPath: "\(root)/\(group)")) ?? [] {
                let dir = "\(root)/\(group)/\(folder)"
                let files = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted().prefix(60)
                for name in files {
                    guard let format = DocumentFormat.infer(fromPath: name),
                          let data = fm.contents(atPath: "\(dir)/\(name)") else { continue }
                    let a = Analysis(document: Document(bytes: Array(data), format: format))
                    FrontendTests.checkInvariants(a)
                    checked += 1
                }
            }
        }
        #expect(checked > 300)
    }
}
