import Testing
@testable import JDLintCore

@Suite struct SuppressionTests {
    func rules(_ text: String, _ format: DocumentFormat) -> [String] {
        Linter().lint(Document(text: text, format: format)).diagnostics.map(\.rule)
    }

    @Test func textNextLine() {
        let t = "Intro line here.\n\n# jdlint-disable-next-line grammar/repeated-word\nWe need the the best.\n\nWe need the the best.\n"
        #expect(rules(t, .text).filter { $0 == "grammar/repeated-word" }.count == 1)
    }

    @Test func markdownBlockDisableEnable() {
        let t = "# T\n\n<!-- jdlint-disable grammar -->\n\nWe need the the best and a apple.\n\n<!-- jdlint-enable grammar -->\n\nWe need the the best.\n"
        let r = rules(t, .markdown)
        #expect(r.filter { $0.hasPrefix("grammar/") } == ["grammar/repeated-word"])
    }

    @Test func htmlDisableLine() {
        let t = "<p>We need the the best. <!-- jdlint-disable-line --></p>\n<p>We need a apple.</p>"
        let r = rules(t, .html)
        #expect(!r.contains("grammar/repeated-word"))
        #expect(r.contains("grammar/indefinite-article"))
    }

    @Test func unusedSuppressionIsReported() {
        let t = "# jdlint-disable-next-line grammar/repeated-word\nA clean line.\n"
        #expect(rules(t, .text).contains("suppression/unused"))
        let used = "# jdlint-disable-next-line grammar/repeated-word\nWe need the the best.\n"
        #expect(!rules(used, .text).contains("suppression/unused"))
    }

    @Test func suppressingOneRuleKeepsOthers() {
        let t = "# jdlint-disable-next-line grammar/repeated-word\nWe need the the best for a 8-hour shift.\n"
        let r = rules(t, .text)
        #expect(!r.contains("grammar/repeated-word"))
        #expect(r.contains("grammar/indefinite-article"))
    }
}
