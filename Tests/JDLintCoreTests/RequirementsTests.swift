import Testing
@testable import JDLintCore

/// Focused tests for the requirements rules: the years parser, the technology data and the injectable clock.
@Suite struct RequirementsTests {
    func demands(_ text: String) -> [YearsDemand] {
        YearsDemand.find(in: Analysis(document: Document(text: text, format: .text)))
    }

    func lint(_ text: String, _ select: [String], year: Int = 2026, format: DocumentFormat = .text) -> [Diagnostic] {
        Linter(settings: LintSettings(currentYear: year), select: select).lint(Document(text: text, format: format)).diagnostics
    }

    @Test func parsesYearsDemands() {
        let d = demands("5+ years of experience")
        #expect(d.count == 1 && d[0].min == 5 && d[0].max == nil && d[0].experience)
        let r = demands("3–5 years' experience")
        #expect(r.count == 1 && r[0].min == 3 && r[0].max == 5)
        let w = demands("at least three (3) years of relevant experience")
        #expect(w.count == 1 && w[0].min == 3 && w[0].experience)
        let cap = demands("no more than 2 years of experience")
        #expect(cap.count == 1 && cap[0].isMaximumOnly && cap[0].explicitCap)
        let upTo = demands("up to 2 years of experience")
        #expect(upTo.count == 1 && !upTo[0].explicitCap)
        #expect(demands("within the last 5 years").isEmpty)
        #expect(demands("a 4-year degree").isEmpty)
        #expect(demands("We have over 30 years of experience.").isEmpty)
        #expect(demands("children aged 5 years and over").isEmpty)
        #expect(!(demands("a 3 year contract").first?.experience ?? false))
    }

    @Test func technologyDataIsLargeAndSane() {
        let idx = TechnologyIndex.shared
        #expect(idx.techs.count >= 150)
        #expect(idx.techs.allSatisfy { $0.year >= 1890 && $0.year <= 2026 })
        let root = RuleData.json("technologies.json")
        let kinds = Set((root["technologies"]?.arrayValue ?? []).compactMap { $0["kind"]?.stringValue })
        #expect(kinds.isSuperset(of: ["clinical", "business", "certification", "language"]))
    }

    @Test func technologyAgeUsesTheInjectedYear() {
        let text = "- 10+ years of Swift\n"
        #expect(lint(text, ["requirements/technology-age"], year: 2026).isEmpty)
        let old = lint(text, ["requirements/technology-age"], year: 2020)
        #expect(old.count == 1 && old[0].message.contains("2014"))
        // Kubernetes (2014): 8 years is impossible in 2020, possible in 2026.
        #expect(lint("8 years of Kubernetes", ["requirements/technology-age"], year: 2020).count == 1)
        #expect(lint("8 years of Kubernetes", ["requirements/technology-age"], year: 2026).isEmpty)
    }

    @Test func technologyListsAndClinicalTools() {
        let ds = lint("Requires 13+ years of experience with Epic, Meditech Expanse and FHIR.", ["requirements/technology-age"])
        let b = Array("Requires 13+ years of experience with Epic, Meditech Expanse and FHIR.".utf8)
        #expect(ds.map { String(decoding: b[$0.range.offsets], as: UTF8.self) } == ["Meditech Expanse", "FHIR"])
    }

    @Test func experienceMismatchTitleWords() {
        #expect(ExperienceMismatchRule.seniority("Junior Analyst") == "Junior")
        #expect(ExperienceMismatchRule.seniority("Entry-Level Technician") == "entry-level")
        #expect(ExperienceMismatchRule.seniority("Lab Technician I") == "level I")
        #expect(ExperienceMismatchRule.seniority("Teacher - Title I Math") == nil)
        #expect(ExperienceMismatchRule.seniority("Graduate Research Assistant") == nil)
        #expect(ExperienceMismatchRule.seniority("Senior Engineer") == nil)
    }

    @Test func tooManyCountsOptions() {
        let md = "## Requirements\n\n" + (1...13).map { "- item \($0)\n" }.joined()
        #expect(lint(md, ["requirements/too-many"], format: .markdown).count == 1)
        var c = Configuration()
        c.rules = [("requirements/too-many", RuleSetting(enabled: true, options: JSONObject([("max", .int(20))])))]
        let l = Linter(configuration: c, select: ["requirements/too-many"])
        #expect(l.lint(Document(text: md, format: .markdown)).diagnostics.isEmpty)
    }
}
