import Testing
@testable import JDLintCore

/// The pay-transparency profiles and how the salary rules combine them.
@Suite struct SalaryProfilesTests {
    static let names = ["us-co", "us-ny", "us-ca", "us-wa", "us-il", "eu"]

    @Test(arguments: names)
    func profileLoads(_ name: String) throws {
        let p = try #require(Profile.builtin[name])
        #expect(!p.description.isEmpty)
        #expect(!p.basis.isEmpty)
        #expect(p.requires.contains("pay"))
        #expect(p.pay["noSalaryHistory"]?.boolValue == true)
        #expect(p.pay["period"]?.boolValue == true)
    }

    @Test func requirementsCombine() {
        let s = LintSettings(profiles: ["eu", "us-ny"])
        // eu says range: false, us-ny range: true; the first profile that sets a key wins for payRequirement…
        #expect(s.payRequirement("range")?.boolValue == false)
        // …but the salary rules want a range when any selected profile does.
        #expect(SalarySupport.profiles(s, requiring: "range").map(\.name) == ["us-ny"])
        #expect(Set(LintSettings(profiles: ["us-ny", "us-co"]).requiredParts) == ["pay", "benefits"])
    }

    func findings(_ text: String, _ profiles: [String], format: DocumentFormat = .markdown) -> [Diagnostic] {
        var c = Configuration()
        c.rules = []
        let l = Linter(registry: .builtin, configuration: c, settings: LintSettings(profiles: profiles), select: ["salary/"])
        return l.lint(Document(text: text, format: format)).diagnostics
    }

    @Test func singleFigureUnderSeveralProfiles() {
        let text = "# Nurse\n\nPay: a fixed rate of $25 per hour, with health insurance.\n"
        // us-ny accepts a fixed single figure; us-co does not.
        #expect(!findings(text, ["us-ny"]).contains { $0.rule == "salary/missing-range" })
        #expect(findings(text, ["us-ny", "us-co"]).contains { $0.rule == "salary/missing-range" })
        #expect(!findings(text, ["eu"]).contains { $0.rule == "salary/missing-range" })
    }

    @Test func explanationsNameTheLegalBasis() throws {
        let m = try #require(RuleRegistry.builtin.rule("salary/missing-range")).meta
        #expect(m.explanation.containsBytes("§ 194-b"))
        #expect(m.explanation.containsBytes("RCW 49.58.110"))
        let h = try #require(RuleRegistry.builtin.rule("salary/history-request")).meta
        #expect(h.explanation.containsBytes("2023/970"))
        let b = try #require(RuleRegistry.builtin.rule("salary/benefits-missing")).meta
        #expect(b.explanation.containsBytes("us-wa") && !b.explanation.containsBytes("`us-ny`"))
    }

    @Test func structuredPayCountsAsPay() {
        let json = """
            {"@context": "https://schema.org", "@type": "JobPosting", "title": "Nurse", "description": "We are hiring.",
             "baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "value": {"@type": "QuantitativeValue",
               "minValue": 60000, "maxValue": 70000, "unitText": "YEAR"}}}
            """
        let f = findings(json, ["us-ny"], format: .jsonld)
        #expect(!f.contains { $0.rule == "salary/missing-range" || $0.rule == "salary/missing-period" || $0.rule == "salary/missing-currency" })
    }
}
