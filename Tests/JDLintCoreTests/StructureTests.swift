import Foundation
import Testing
@testable import JDLintCore

/// Focused tests of the structure rules' logic: section synonyms, profiles, options, and the google-jobs check
/// against the real JSON-LD corpus.
@Suite struct StructureTests {
    static func lint(_ text: String, _ format: DocumentFormat = .markdown, profiles: [String] = ["default"], rule: String,
                     options: JSONObject = JSONObject()) -> [Diagnostic] {
        var c = Configuration()
        c.rules = [(rule, RuleSetting(enabled: true, options: options))]
        let l = Linter(configuration: c, settings: LintSettings(profiles: profiles), select: [rule])
        return l.lint(Document(text: text, format: format)).diagnostics.filter { $0.rule == rule }
    }

    static func present(_ text: String, _ format: DocumentFormat = .markdown) -> Set<String> {
        MissingSectionRule.presentParts(Analysis(document: Document(text: text, format: format)))
    }

    @Test(arguments: [
        ("## What You’ll Do:", "responsibilities"), ("## 2. Duties & Responsibilities", "responsibilities"),
        ("### Your impact", "responsibilities"), ("## Who you are", "requirements"), ("## Must-haves", "requirements"),
        ("## Skills and Experience:", "requirements"), ("## Compensation", "pay"), ("## Salary", "pay"),
        ("## Perks", "benefits"), ("## What we offer", "benefits"), ("## How to Apply", "how-to-apply"),
        ("## Equal Opportunity Employer", "equal-opportunity"), ("## Location", "location"), ("## Job type", "employment-type"),
        ("## IV. Overview", "summary"),
    ])
    func headingSynonyms(_ heading: String, _ part: String) {
        let parts = Self.present("# Title\n\n\(heading)\n\nSomething.\n")
        #expect(parts.contains(part), "\(heading) → \(part)")
    }

    @Test func headingsDoNotOvermatch() {
        let parts = Self.present("# Title\n\n## Our history\n\nSomething.\n\n## The office dog\n\nWoof.\n")
        for p in ["responsibilities", "requirements", "pay", "benefits", "how-to-apply", "equal-opportunity"] {
            #expect(!parts.contains(p), "\(p)")
        }
    }

    @Test func fieldsSatisfyParts() {
        let fm = Self.present("---\ntitle: Engineer\nlocation: Berlin\nsalary: \"€70,000\"\nemployment_type: full-time\n---\n\nHello.\n")
        #expect(fm.isSuperset(of: ["title", "location", "pay", "employment-type"]))
        let line = Self.present("Engineer\n\nLocation: Boston, MA\nJob type: Contract\n\nHello.\n", .text)
        #expect(line.isSuperset(of: ["location", "employment-type"]))
        let jsonld = Self.present("""
            {"@type": "JobPosting", "title": "Engineer", "jobLocation": {"address": {"addressLocality": "Leeds"}},
             "employmentType": "PART_TIME", "baseSalary": {"value": {"minValue": 30000}}}
            """, .jsonld)
        #expect(jsonld.isSuperset(of: ["title", "location", "employment-type", "pay"]))
        // A pay field without a figure, or a placeholder value, does not count.
        let vague = Self.present("---\ntitle: Engineer\nsalary: competitive\nlocation: tbd\n---\n\nHello.\n")
        #expect(!vague.contains("pay") && !vague.contains("location"))
    }

    @Test(arguments: ["Pay: $ 143,736", "A salary from € 2191,- a month", "GBP 25,888 to GBP 33,780", "15GBP/h", "($150k-$230k)", "£30k"])
    func moneyCountsAsPay(_ s: String) {
        #expect(Array(s.utf8).withUnsafeBufferPointer { MissingSectionRule.hasMoney($0) }, "\(s)")
    }

    @Test(arguments: ["Lift 50 pounds", "$ sign", "We have 3 EUR offices", "Call 0800 123", "US 101", "drive $40 million in revenue",
                      "a turnover of £12bn", "$25B market"])
    func notMoney(_ s: String) {
        #expect(!Array(s.utf8).withUnsafeBufferPointer { MissingSectionRule.hasMoney($0) }, "\(s)")
    }

    @Test func payInTitleOrAnyPayFieldCounts() {
        #expect(Self.present("---\ntitle: Godot developer ($150k-$230k + equity)\n---\n\nHello.\n").contains("pay"))
        #expect(Self.present("---\ntitle: Dev\nmin_payrange: '143,736'\n---\n\nHello.\n").contains("pay"))
    }

    @Test func proseCuesSatisfyParts() {
        let p = Self.present("# Cook\n\nThis is a full-time role based in Leeds. Send your CV to jobs@example.com. We are an equal opportunity employer and offer a pension.\n")
        #expect(p.isSuperset(of: ["employment-type", "location", "how-to-apply", "equal-opportunity", "benefits"]))
        #expect(Self.present("# Cook\n\nWork in Austin, TX with us.\n").contains("location"))
        #expect(!Self.present("# Cook\n\nWork with us, ZZ top?\n").contains("location"))
    }

    /// The gazetteer: a city or region in a place context, a place on a line of its own or in the title; a country
    /// only after “based in”, “remote in”… (the seed posting's “average salary … in the United States” is no location).
    @Test(arguments: [
        ("# Cook\n\nEvery child in Leeds deserves a good lunch.\n", true),
        ("# Cook\n\nJoin our Tacoma office kitchen.\n", true),
        ("# Cook\n\nSites across the South East, including Portsmouth.\n", true),
        ("# Cook\n\nOrmskirk, West Lancashire\n\nWe need a cook.\n", true),
        ("# Cook - Cardiff\n\nWe need a cook.\n", true),
        ("# Cook\n\nThis role is based in Germany.\n", true),
        ("# Cook\n\nThe average salary for a cook in the United States is $30,000 a year.\n", false),
        ("# Cook\n\nExperience in Python and Excel.\n", false),
        ("# Cook\n\nReading and writing recipes is part of the job.\n", false),
    ])
    func gazetteerLocations(_ text: String, _ location: Bool) {
        #expect(Self.present("# Cook\n\nStatus Full Time Rate 85,000 - 100,000 DOE\n").contains("pay"))
        #expect(Self.present(text).contains("location") == location, "\(text)")
    }

    @Test func oneFindingPerMissingPartOnTheTitle() throws {
        let d = Self.lint("# Cook\n\nWe need a cook.\n", rule: "structure/missing-section")
        #expect(d.allSatisfy { $0.range.lowerBound == 2 })
        let names = ["a pay figure", "benefits", "a location", "the employment type", "application instructions",
                     "an equal-opportunity statement"]
        for name in names {
            #expect(d.filter { $0.message.hasPrefix("The posting lacks \(name):") }.count == 1, "\(name)")
        }
        // The short posting also lacks a summary, responsibilities and requirements: one finding each, no more.
        #expect(d.count == names.count + 3)
    }

    @Test func requireAndIgnoreOptions() {
        let text = "# Cook\n\nWe need a cook for our busy kitchen, someone who loves food and people alike, every day.\n"
        let all = ["responsibilities", "requirements", "pay", "benefits", "location", "employment-type", "how-to-apply", "equal-opportunity"]
        #expect(Self.lint(text, rule: "structure/missing-section", options: JSONObject([("ignore", .array(all.map { .string($0) }))])).isEmpty)
        let d = Self.lint(text, profiles: ["google-jobs"], rule: "structure/missing-section", options: JSONObject([("require", ["pay"])]))
        #expect(d.contains { $0.message.hasPrefix("The posting lacks a pay figure:") })
    }

    @Test func googleJobsTelecommuteAlternative() {
        let remote = """
            {"@type": "JobPosting", "title": "Dev", "description": "Code.", "datePosted": "2026-01-01", "hiringOrganization": "Acme",
             "jobLocationType": "TELECOMMUTE", "validThrough": "2026-02-01", "employmentType": "FULL_TIME", "baseSalary": 1,
             "identifier": "1", "directApply": false}
            """
        #expect(Self.lint(remote, .jsonld, profiles: ["google-jobs"], rule: "structure/missing-section").map(\.message)
            == ["The JobPosting structured data lacks the required jobLocation: Google for Jobs does not list a posting without its required properties."])
    }

    @Test func googleJobsOnHTMLWithEmbeddedJSONLD() {
        let html = """
            <html><head><title>Dev</title><script type="application/ld+json">{"@type": "JobPosting", "title": "Dev"}</script></head>
            <body><h1>Dev</h1><p>Code.</p></body></html>
            """
        let d = Self.lint(html, .html, profiles: ["google-jobs"], rule: "structure/missing-section")
        #expect(d.count == 1)
        #expect(d.first?.message.contains("the required description, datePosted, hiringOrganization and jobLocation") == true)
    }

    static var corpus: URL? {
        for p in ["/work/shared/corpus", FileManager.default.currentDirectoryPath + "/../shared/corpus"] {
            if FileManager.default.fileExists(atPath: p + "/jsonld/nhs_jobs") { return URL(fileURLWithPath: p) }
        }
        return nil
    }

    /// `--profile google-jobs` reports exactly the JobPosting properties each record of the corpus lacks.
    @Test func googleJobsOnCorpusReportsExactlyTheMissingProperties() throws {
        guard let root = Self.corpus else {
            print("skipped: /work/shared/corpus (or ../shared/corpus) is absent")
            return
        }
        let dir = root.appendingPathComponent("jsonld/nhs_jobs")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(!files.isEmpty)
        let profile = try #require(Profile.builtin["google-jobs"])
        for name in files {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            func has(_ k: String) -> Bool {
                guard let v = obj[k] else { return false }
                if v is NSNull { return false }
                if let s = v as? String { return !s.trimmingCharacters(in: .whitespaces).isEmpty }
                if let a = v as? [Any] { return !a.isEmpty }
                if let o = v as? [String: Any] { return !o.isEmpty }
                return true
            }
            var missingRequired = profile.jsonldRequires.filter { !has($0) }
            missingRequired.removeAll { k in
                guard let alt = profile.jsonldAlternatives[k], !alt.isEmpty else { return false }
                return alt.allSatisfy { c in
                    let parts = c.split(separator: "=", maxSplits: 1).map(String.init)
                    return parts.count == 2 ? "\(obj[parts[0]] ?? "")".uppercased().contains(parts[1].uppercased()) : has(parts[0])
                }
            }
            let missingRecommended = profile.jsonldRecommends.filter { !has($0) }
            let diags = Self.lint(String(decoding: data, as: UTF8.self), .jsonld, profiles: ["google-jobs"], rule: "structure/missing-section")
            if missingRequired.isEmpty && missingRecommended.isEmpty {
                #expect(diags.isEmpty, "\(name)")
                continue
            }
            let d = try #require(diags.first, "\(name)")
            #expect(diags.count == 1, "\(name)")
            for k in missingRequired { #expect(d.message.contains(k), "\(name): \(k)") }
            for k in missingRecommended { #expect(d.message.contains(k), "\(name): \(k)") }
            // Nothing the record has is reported.
            for k in profile.jsonldRequires + profile.jsonldRecommends where has(k) && !missingRequired.contains(k) {
                #expect(!d.message.contains(" \(k)"), "\(name): \(k) is present")
            }
        }
    }

    @Test func pageResidueFindsOnlyWholeBlocks() {
        #expect(Self.lint("# Cook\n\nBack to top\n", rule: "structure/page-residue").count == 1)
        #expect(Self.lint("# Cook\n\nWe will get you back to top form.\n", rule: "structure/page-residue").isEmpty)
        #expect(Self.lint("# Cook\n\n[Apply now](https://x.example/apply)\n", rule: "structure/page-residue").isEmpty)
    }

    @Test func templateResidueSkipsJekyllLiquid() {
        #expect(Self.lint("---\ntitle: Cook\n---\n\n# {{ page.title }}\n\n{% include map.html %}\n", rule: "structure/template-residue").isEmpty)
        #expect(Self.lint("# Cook\n\nJoin {{ company }} today.\n", rule: "structure/template-residue").count == 1)
    }

    @Test func lengthCountsProseOnly() throws {
        let long = "# Cook\n\n" + String(repeating: "word ", count: 1200) + "\n"
        let d = try #require(Self.lint(long, rule: "structure/length").first)
        #expect(d.message.contains("1201 words"))
    }
}
