import Testing
@testable import JDLintCore

/// `--profile auto`: which pay-transparency laws apply to a posting, from its facts, its date and the employer.
@Suite struct AutoProfilesTests {
    func lint(_ text: String, format: DocumentFormat = .markdown, asOf: String? = nil, today: String? = "2026-12-06",
              employer: Employer? = nil, profiles: [String] = ["auto"], select: [String] = ["salary"]) -> LintResult {
        let settings = LintSettings(profiles: profiles, today: today, asOf: asOf, employer: employer)
        return Linter(settings: settings, select: select).lint(Document(text: text, format: format))
    }

    func applied(_ r: LintResult) -> [String] { r.profileChoices.filter(\.applied).map(\.profile) }

    @Test func cityLawsComeWithTheirStates() {
        let r = lint("# Nurse\n\nLocation: Brooklyn, NY\n\nPay: up to $40 per hour.\n")
        #expect(applied(r) == ["us-ny", "us-ny-nyc"])
        #expect(r.profileChoices.first?.reason == "location Brooklyn, NY")
        // The size threshold is unknown: the law applies and the message says on what it depends.
        let m = r.diagnostics.first { $0.rule == "salary/missing-range" }?.message ?? ""
        #expect(m.contains("New York City (NYC Admin. Code § 8-107(32), if the employer has 4 or more employees)"), "\(m)")
    }

    @Test func placesWithoutRegionCodes() {
        #expect(applied(lint("# Analyst\n\nLocation: Toronto\n\nSalary: $70,000 - $90,000 per year.\n")) == ["ca-on"])
        #expect(applied(lint("# Analyst\n\nLocation: Remote - Colorado\n\nSalary: $70,000 - $90,000 per year.\n")) == ["us-co"])
        #expect(applied(lint("# Analyst\n\nLocation: Berlin, Germany\n\nSalary: €50,000 per year.\n")) == ["eu"])
        // A member state's own law with the Directive: Poland's from 24 December 2025, the Directive's from 7 June 2026.
        #expect(applied(lint("# Analyst\n\nLocation: Kraków, Poland\n\nWe are hiring.\n", asOf: "2026-01-10")) == ["eu-pl"])
        #expect(applied(lint("# Analyst\n\nLocation: Kraków, Poland\n\nWe are hiring.\n")) == ["eu", "eu-pl"])
        #expect(applied(lint("# Analyst\n\nLocation: White Plains, NY\n\nSalary: $70,000 - $90,000 per year.\n")) == ["us-ny", "us-ny-westchester"])
        // A city name alone in a posting paid in pounds is not the American or Canadian city (corpus: NHS postings
        // at Queen's Hospital, in Bedford, Scarborough, Colchester CO4).
        #expect(applied(lint("# Nurse\n\nLocation: Queens\n\nSalary: £30,000 per year.\n")).isEmpty)
        #expect(applied(lint("# Nurse\n\nLocation: Scarborough\n\nSalary: £30,000 per year.\n")).isEmpty)
        #expect(applied(lint("# Nurse\n\nLocation: Colchester, CO\n\nSalary: £30,000 per year.\n")).isEmpty)
        // …and with no country at all, a city name alone decides nothing.
        #expect(applied(lint("# Nurse\n\nLocation: Queens\n\nWe are hiring a nurse.\n")).isEmpty)
        // A place no law covers, and no place at all: nothing applied, and the output says why.
        let leeds = lint("# Analyst\n\nLocation: Leeds, United Kingdom\n\nSalary: £30,000 per year.\n")
        #expect(applied(leeds).isEmpty)
        #expect(leeds.profileChoices.map(\.reason) == ["no pay-transparency law covers Leeds, GB"])
        #expect(lint("# Analyst\n\nWe are hiring an analyst.\n").profileChoices.map(\.reason) == ["no location stated: no pay-transparency law chosen"])
    }

    @Test func remoteJobsBringTheLawsThatCoverRemoteWork() {
        // Open to the whole country (the currency tells which): the laws whose remote rule covers such jobs.
        let r = lint("# Engineer\n\nThis is a fully remote role.\n\nSalary: $100,000 per year.\n")
        #expect(applied(r) == ["us-ca", "us-co", "us-ny", "us-ny-nyc", "us-ny-westchester", "us-wa"])
        #expect(r.profileChoices.first { $0.profile == "us-co" }?.reason.hasPrefix("remote job open to applicants in Colorado") == true)
        // The employer's states limit them.
        let only = lint("# Engineer\n\nThis is a fully remote role.\n\nSalary: $100,000 per year.\n", employer: Employer(states: ["CO"]))
        #expect(applied(only) == ["us-co"])
        #expect(only.profileChoices.contains { $0.profile == "us-wa" && !$0.applied && $0.reason.contains("no employees in Washington") })
        // A remote job placed in one state is that state's only.
        #expect(applied(lint("# Engineer\n\nLocation: Denver, CO (Remote)\n\nSalary: $100,000 per year.\n")) == ["us-co"])
        // No country at all: no law is guessed.
        #expect(lint("# Engineer\n\nThis is a fully remote role.\n").profileChoices.map(\.reason) == ["remote job, no country stated: no pay-transparency law chosen"])
    }

    @Test func employerSizeDecidesThresholds() {
        let small = lint("# Nurse\n\nLocation: Brooklyn, NY\n\nPay: up to $40 per hour.\n", employer: Employer(size: 3))
        #expect(applied(small).isEmpty)
        #expect(small.diagnostics.filter { $0.rule == "salary/missing-range" }.isEmpty)
        #expect(small.profileChoices.first?.reason == "location Brooklyn, NY; the employer has 3 employees, the law covers 4 or more")
        let big = lint("# Nurse\n\nLocation: Brooklyn, NY\n\nPay: up to $40 per hour.\n", employer: Employer(size: 40))
        #expect(applied(big) == ["us-ny", "us-ny-nyc"])
        let m = big.diagnostics.first { $0.rule == "salary/missing-range" }?.message ?? ""
        #expect(m.contains("New York City (NYC Admin. Code § 8-107(32)) require") || m.contains("New York City (NYC Admin. Code § 8-107(32)),"), "\(m)")
        #expect(!m.contains("if the employer has"))
    }

    @Test func datesDecideWhetherALawIsInForce() {
        let text = "# Nurse\n\nLocation: Boston, MA\n\nPosted: 2025-06-01\n\nWe are hiring a nurse.\n"
        // Posted before Massachusetts' law took effect: not applied; it is coming within the year.
        let before = lint(text)
        #expect(applied(before).isEmpty)
        #expect(before.profileChoices.first?.upcoming == "2025-10-29")
        #expect(before.diagnostics.map(\.rule) == ["salary/upcoming-law"])
        #expect(before.diagnostics.first?.severity == .info)
        // --as-of wins over the posting's date.
        let after = lint(text, asOf: "2026-01-01")
        #expect(applied(after) == ["us-ma"])
        #expect(after.diagnostics.map(\.rule) == ["salary/missing-range"])
        // No date in the posting: today.
        let undated = lint("# Nurse\n\nLocation: Boston, MA\n\nWe are hiring a nurse.\n", today: "2025-01-01")
        #expect(applied(undated).isEmpty)
        #expect(undated.profileChoices.first?.reason.contains("not in force until 2025-10-29 (today, 2025-01-01)") == true)
    }

    @Test func autoKeepsTheOtherProfiles() {
        // `auto` stands for `default` plus the laws; other profiles named with it stay.
        let r = lint("# Nurse\n\nLocation: Denver, CO\n\nWe are hiring a nurse.\n", profiles: ["auto", "google-jobs"], select: [])
        let s = LintSettings(profiles: ["auto", "google-jobs"]).resolved(for: r.analysis)
        #expect(s.selectedProfiles.map(\.name) == ["default", "google-jobs", "us-co"])
        #expect(r.diagnostics.contains { $0.rule == "salary/missing-range" })
        // Without auto nothing is chosen and the output has no choices.
        #expect(lint("# Nurse\n\nLocation: Denver, CO\n\nWe are hiring a nurse.\n", profiles: ["default"]).profileChoices.isEmpty)
    }

    @Test func everyLawSaysWhereItApplies() throws {
        for p in PayLaws.profiles {
            let w = try #require(p.law?.place, "\(p.name) has no law.where")
            #expect(!w.countries.isEmpty)
            #expect(w.remote == "open" || w.remote == "located")
        }
        let json = #"{"description": "x", "basis": "y", "requires": ["pay"], "pay": {"range": true}, "law": {"jurisdiction": "X", "citation": "c", "url": "https://x", "effective": "2025-01-01", "employers": "e", "minEmployees": null, "remote": "r", "posting": "p", "verified": "v", "where": {"countries": ["US"], "remote": "sometimes"}}}"#
        let raw = try #require(JSONParser.parseValue(Array(json.utf8), allowComments: true).objectValue)
        #expect(Profile.problems(raw) == ["law.where.remote must be \"open\" or \"located\""])
    }

    @Test func employerConfiguration() throws {
        let c = try Configuration.parse(Array(#"{"employer": {"size": 40, "states": ["ny", "CO"]}}"#.utf8), file: "c.json", baseDirectory: "/")
        #expect(c.employer == Employer(size: 40, states: ["NY", "CO"]))
        for (bad, path) in [(#"{"employer": {"size": 0}}"#, "employer.size"), (#"{"employer": {"size": 4.5}}"#, "employer.size"),
                            (#"{"employer": {"states": ["N"]}}"#, "employer.states[0]"), (#"{"employer": {"sise": 4}}"#, "employer.sise"),
                            (#"{"employer": 4}"#, "employer")] {
            #expect(throws: ConfigError.self) { _ = try Configuration.parse(Array(bad.utf8), file: "c.json", baseDirectory: "/") }
            do { _ = try Configuration.parse(Array(bad.utf8), file: "c.json", baseDirectory: "/") } catch { #expect(error.path == path, "\(bad)") }
        }
        // The linter takes the employer from the configuration.
        var cfg = Configuration()
        cfg.employer = Employer(size: 3)
        let r = Linter(configuration: cfg, settings: LintSettings(profiles: ["auto"]), select: ["salary"])
            .lint(Document(text: "# Nurse\n\nLocation: Brooklyn, NY\n\nPay: up to $40 per hour.\n", format: .markdown))
        #expect(r.profileChoices.allSatisfy { !$0.applied })
    }
}
