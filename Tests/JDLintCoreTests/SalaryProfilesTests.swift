import Testing
@testable import JDLintCore

/// The pay-transparency profiles and how the salary rules combine them.
@Suite struct SalaryProfilesTests {
    static let names = ["us-co", "us-ny", "us-ca", "us-wa", "us-il", "eu"]
    /// Every pay-transparency profile: the six first ones and those added with their laws' metadata.
    static let laws = names + ["us-hi", "us-dc", "us-md", "us-mn", "us-nj", "us-vt", "us-ma", "us-ny-nyc", "us-nj-jersey-city",
                               "us-ny-ithaca", "us-ny-westchester", "us-oh-cleveland", "ca-bc", "ca-on", "eu-pl"]

    @Test(arguments: laws)
    func profileLoads(_ name: String) throws {
        let p = try #require(Profile.builtin[name])
        #expect(!p.description.isEmpty)
        #expect(!p.basis.isEmpty)
        #expect(p.requires.contains("pay"))
        #expect(p.pay["period"]?.boolValue == true)
        let law = try #require(p.law, "\(name) has no law")
        #expect(law.url.hasPrefix("https://"))
        #expect(Profile.isDate(law.effective))
        #expect(!law.citation.isEmpty && !law.jurisdiction.isEmpty && !law.employers.isEmpty && !law.remote.isEmpty && !law.posting.isEmpty)
        // What the posting must contain matches what the profile checks.
        #expect(p.requires.contains("benefits") == (p.pay["benefits"]?.boolValue == true))
    }

    @Test(arguments: names)
    func firstProfilesBanPayHistory(_ name: String) throws {
        #expect(try #require(Profile.builtin[name]).pay["noSalaryHistory"]?.boolValue == true)
    }

    /// Every built-in profile file is well formed: known keys and types, and a law with citation, address and date.
    @Test func builtInProfilesValidate() {
        #expect(Profile.names.count == 23)
        for name in Profile.names {
            #expect(Profile.problems(Profile.builtin[name]!.raw) == [], "Rules/profiles/\(name).json")
        }
    }

    @Test func validationFindsMistakes() throws {
        func problems(_ json: String) throws -> [String] {
            Profile.problems(try #require(JSONParser.parseValue(Array(json.utf8), allowComments: true).objectValue))
        }
        let law = #""jurisdiction": "X", "citation": "§ 1", "url": "https://x.example", "effective": "2025-01-01", "employers": "all", "minEmployees": null, "remote": "r", "posting": "p", "verified": "v", "where": {"countries": ["US"], "remote": "located"}"#
        #expect(try problems(#"{"description": "d", "basis": "b", "requires": ["pay"], "pay": {"range": true}, "law": {\#(law)}}"#) == [])
        #expect(try problems(#"{"description": "d", "basis": "b", "requires": ["pay"], "pay": {"range": true}}"#) == ["a profile with pay requirements needs \"law\""])
        #expect(try problems(#"{"description": "d", "basis": "b", "requires": [], "pay": {"range": "yes", "ranged": true}, "law": {\#(law)}}"#)
                == ["pay.range must be true or false", "unknown pay requirement \"ranged\""])
        let bad = law.replacing("2025-01-01", with: "1 Jan 2025").replacing("https://x.example", with: "x.example").replacing("\"minEmployees\": null", with: "\"minEmployees\": 0")
        #expect(try problems(#"{"description": "d", "basis": "b", "requires": ["pay"], "pay": {}, "law": {\#(bad), "note": 1}}"#)
                == ["unknown key law.note", "law.url must be an http(s) address", "law.effective must be a date YYYY-MM-DD", "law.minEmployees must be a positive number or null"])
        #expect(try problems(#"{"description": "d", "basis": "b", "requires": ["pay"], "law": {"citation": "§ 1"}}"#).contains("law.url must be a non-empty string"))
    }

    /// Messages name the law and its section.
    @Test func messagesNameTheLaw() {
        let b = findings("# Nurse\n\nSalary: $60,000 - $70,000 per year.\n", ["us-co"]).filter { $0.rule == "salary/benefits-missing" }
        #expect(b.map(\.message) == ["No benefits are described: Colorado (C.R.S. § 8-5-201(2)) requires a general description of the benefits and other compensation."])
        let r = findings("# Nurse\n\nPay: $25 per hour.\n", ["us-dc", "us-mn"]).filter { $0.rule == "salary/missing-range" }
        // Minnesota accepts a single figure (“a fixed pay rate”), the District does not.
        #expect(r.map(\.message) == ["A single figure (“USD 25 per hour”) is not a range: District of Columbia (D.C. Code § 32-1453.01(a)(1)) requires the minimum and the maximum pay."])
        let none = findings("# Nurse\n\nWe are hiring.\n", ["us-ma", "ca-on"]).filter { $0.rule == "salary/missing-range" }
        #expect(none.map(\.message) == ["No pay is stated: give the salary or hourly rate as a range (required by Massachusetts (M.G.L. c. 149, § 105F)); Ontario (Employment Standards Act, 2000, Part III.1; O. Reg. 476/24) also accepts a single figure."])
    }

    /// Vermont: commission and tips; Illinois: a link to the pay scale.
    @Test func vermontAndIllinoisSpecials() {
        let tipped = findings("# Server\n\nA tipped position.\n", ["us-vt"]).filter { $0.rule == "salary/missing-range" }
        #expect(tipped.count == 1 && tipped[0].message.contains("A tipped job states its base wage or range of base wages (Vermont (21 V.S.A. § 495p))."))
        #expect(findings("# Sales\n\nPaid on commission.\n", ["us-vt"]).filter { $0.rule == "salary/missing-range" }.isEmpty)
        #expect(findings("# Sales\n\nA commission-based role.\n", ["us-vt"]).filter { $0.rule == "salary/missing-range" }.isEmpty)
        // “Commission” in an equal-opportunity statement is not pay.
        let eeo = findings("# Sales\n\nWe follow the guidance of the Equal Employment Opportunity Commission.\n", ["us-vt"])
        #expect(eeo.filter { $0.rule == "salary/missing-range" }.map(\.message) == ["No pay is stated: give the salary or hourly rate, or its range (required by Vermont (21 V.S.A. § 495p))."])
        // “Tips” that are advice do not make a tipped job.
        #expect(!findings("# Server\n\nRead our tips for applying.\n", ["us-vt"]).contains { $0.message.contains("tipped") })
        let both = findings("# Sales\n\nPaid on commission.\n", ["us-vt", "us-ma"]).filter { $0.rule == "salary/missing-range" }
        #expect(both.count == 1 && both[0].message.contains("Massachusetts") && !both[0].message.contains("Vermont"))
        #expect(findings("# Nurse\n\nSee our pay scale at https://example.com/pay.\n", ["us-il"]).filter { $0.rule == "salary/missing-range" }.isEmpty)
        #expect(findings("# Nurse\n\nSee our pay scale at https://example.com/pay.\n", ["us-il", "us-wa"]).filter { $0.rule == "salary/missing-range" }.count == 1)
    }

    /// Ontario: an annual range at most $50,000 wide; a range whose top is above $200,000 a year is exempt.
    @Test func ontarioRangeWidth() {
        let wide = findings("# Analyst\n\nSalary: $60,000 - $120,000 per year.\n", ["ca-on"]).filter { $0.rule == "salary/missing-range" }
        #expect(wide.map(\.message) == ["The range “USD 60,000–120,000 per year” spans more than 50,000 a year: Ontario (Employment Standards Act, 2000, Part III.1; O. Reg. 476/24) allows at most that between the minimum and the maximum."])
        #expect(findings("# Analyst\n\nSalary: $60,000 - $110,000 per year.\n", ["ca-on"]).filter { $0.rule == "salary/missing-range" }.isEmpty)
        #expect(findings("# Director\n\nSalary: $150,000 - $250,000 per year.\n", ["ca-on"]).filter { $0.rule == "salary/missing-range" }.isEmpty)
        // Hourly ranges are not judged, and other laws do not limit the width.
        #expect(findings("# Analyst\n\nPay: $20 - $90 per hour.\n", ["ca-on"]).filter { $0.rule == "salary/missing-range" }.isEmpty)
        #expect(findings("# Analyst\n\nSalary: $60,000 - $120,000 per year.\n", ["ca-bc", "us-ny"]).filter { $0.rule == "salary/missing-range" }.isEmpty)
    }

    /// `jdlint explain salary/missing-range` lists every law with its citation, date, threshold and address.
    @Test func explanationListsEveryLaw() throws {
        let m = try #require(RuleRegistry.builtin.rule("salary/missing-range")).meta
        for name in Self.laws {
            let law = try #require(Profile.builtin[name]?.law)
            let line = try #require(m.explanation.split(separator: "\n").first { $0.hasPrefix("- `\(name)`:") }, "no line for \(name)")
            #expect(line.contains(law.citation) && line.contains(law.effective) && line.contains(law.url))
            if let n = law.minEmployees { #expect(line.contains("\(n)"), "\(name): threshold \(n) not in \(line)") }
        }
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
        // us-ny accepts a fixed single figure; us-wa wants a range; Colorado's law (C.R.S. § 8-5-201(2): “the hourly rate
        // or salary compensation, or a range”) accepts a single figure.
        #expect(!findings(text, ["us-ny"]).contains { $0.rule == "salary/missing-range" })
        #expect(findings(text, ["us-ny", "us-wa"]).contains { $0.rule == "salary/missing-range" })
        #expect(!findings(text, ["us-ny", "us-co"]).contains { $0.rule == "salary/missing-range" })
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
