import Foundation
import Testing
@testable import JDLintCore

/// `JobPostingFacts.extract`: every property present when stated, absent when not, with its evidence.
@Suite struct FactsTests {
    struct Extracted {
        let doc: Document
        let facts: JobPostingFacts

        subscript(_ p: String) -> JSONValue? { facts[p]?.value }

        /// The source text a property was read from.
        func evidence(_ p: String) -> String? {
            guard let r = facts[p]?.evidence else { return nil }
            return String(decoding: doc.bytes[r.offsets], as: UTF8.self)
        }

        var properties: [String] { facts.facts.map(\.property) }
    }

    static func extract(_ text: String, _ format: DocumentFormat) -> Extracted {
        let doc = Document(text: text, format: format)
        return Extracted(doc: doc, facts: JobPostingFacts.extract(Analysis(document: doc)))
    }

    static let markdown = """
        ---
        title: Backend Engineer
        company: Acme Clinics Ltd
        location: Leeds, UK
        employment_type: full-time
        salary: "£50,000–£60,000 per year"
        date_posted: 2026-01-05
        closing_date: 12 March 2026
        ---

        We build tools that help clinics run smoothly, and we need a backend engineer to grow the platform.

        ## Responsibilities
        - Design APIs
        - Review code

        ## Requirements
        - 5+ years of experience with Go or Python

        ## Education
        - A degree in computer science or similar

        ## Benefits
        - 30 days of holiday

        ## How to apply
        Send your CV to jobs@acme.example.
        """

    @Test func markdownWithFrontMatter() {
        let x = Self.extract(Self.markdown, .markdown)
        #expect(x["title"] == "Backend Engineer")
        #expect(x.evidence("title") == "Backend Engineer")
        #expect(x["hiringOrganization"] == ["@type": "Organization", "name": "Acme Clinics Ltd"])
        #expect(x["jobLocation"] == ["@type": "Place", "address": ["@type": "PostalAddress", "addressLocality": "Leeds", "addressCountry": "GB"]])
        #expect(x.evidence("jobLocation") == "Leeds, UK")
        #expect(x["employmentType"] == "FULL_TIME")
        #expect(x.evidence("employmentType") == "full-time")
        #expect(x["baseSalary"] == ["@type": "MonetaryAmount", "currency": "GBP",
                                    "value": ["@type": "QuantitativeValue", "minValue": 50000, "maxValue": 60000, "unitText": "YEAR"]])
        #expect(x["datePosted"] == "2026-01-05")
        #expect(x["validThrough"] == "2026-03-12")
        #expect(x.evidence("validThrough") == "12 March 2026")
        #expect(x["responsibilities"] == "Design APIs\nReview code")
        #expect(x.evidence("responsibilities") == "Design APIs\n- Review code")
        #expect(x["qualifications"] == "5+ years of experience with Go or Python")
        #expect(x["educationRequirements"] == "A degree in computer science or similar")
        #expect(x["jobBenefits"] == "30 days of holiday")
        #expect(x["experienceRequirements"] == ["@type": "OccupationalExperienceRequirements", "monthsOfExperience": 60])
        #expect(x.evidence("experienceRequirements") == "5+ years")
        #expect(x["applicationContact"] == ["@type": "ContactPoint", "email": "jobs@acme.example"])
        #expect(x.evidence("applicationContact") == "jobs@acme.example")
        // The body as written, front matter left out.
        let description = x["description"]?.stringValue ?? ""
        #expect(description.hasPrefix("We build tools"))
        #expect(description.hasSuffix("Send your CV to jobs@acme.example."))
        #expect(!description.contains("company:"))
        // Not stated: never invented.
        #expect(x["directApply"] == nil)
        #expect(x["jobLocationType"] == nil)
        // Output order is the documented one.
        #expect(x.properties == JobPostingFacts.properties.filter { x.properties.contains($0) })
    }

    @Test func codeSpansComeBackAsWrittenAndUSIsACountry() {
        let x = Self.extract("---\ntitle: Designer\nlocation: Remote (US)\n---\n\n## What you bring\n\n- Comfort with `Figma`\n", .markdown)
        #expect(x["qualifications"] == "Comfort with Figma")
        #expect(x["jobLocation"] == ["@type": "Place", "address": ["@type": "PostalAddress", "addressCountry": "US"]])
        #expect(x["jobLocationType"] == "TELECOMMUTE")
    }

    @Test func nothingStatedNothingInvented() {
        let x = Self.extract("# Welder\n\nWeld steel frames.\n", .markdown)
        #expect(x.properties == ["title", "description"])
        #expect(x["description"] == "Weld steel frames.")
    }

    @Test func lookalikesAreNotFacts() {
        let x = Self.extract("""
            # Analyst

            The average salary in the United States is high, and customers in Germany love us. We grew 3 years ago.
            Our full-time equivalent headcount is 30. Write to privacy@acme.example about your data.
            You will supervise interns; internships count as experience. Call 0113 496 0000 for directions. We are a VEVRAA Federal Contractor and a government contractor.
            """, .markdown)
        for p in ["jobLocation", "jobLocationType", "employmentType", "baseSalary", "experienceRequirements", "applicationContact",
                  "hiringOrganization", "datePosted", "validThrough", "responsibilities", "qualifications", "jobBenefits"] {
            #expect(x[p] == nil, "\(p): \(String(describing: x[p]))")
        }
    }

    @Test func plainText() {
        let x = Self.extract("""
            Staff Nurse - Cardiff

            Join our ward team. This is a part-time post, 20 hours per week, paid £12.50 per hour.

            Duties:
            Care for patients on the ward and keep records.

            To apply, visit https://jobs.example.org/nurse-42 today.
            """, .text)
        #expect(x["title"] == "Staff Nurse - Cardiff")
        #expect(x["jobLocation"] == ["@type": "Place", "address": ["@type": "PostalAddress", "addressLocality": "Cardiff"]])
        #expect(x.evidence("jobLocation") == "Staff Nurse - Cardiff")
        #expect(x["employmentType"] == "PART_TIME")
        #expect(x.evidence("employmentType") == "part-time")
        #expect(x["baseSalary"] == ["@type": "MonetaryAmount", "currency": "GBP", "value": ["@type": "QuantitativeValue", "value": 12.5, "unitText": "HOUR"]])
        #expect(x.evidence("baseSalary")?.contains("£12.50") == true)
        #expect(x["responsibilities"] == "Care for patients on the ward and keep records.")
        #expect(x["applicationContact"] == ["@type": "ContactPoint", "url": "https://jobs.example.org/nurse-42"])
        #expect(x["description"]?.stringValue?.hasPrefix("Join our ward team.") == true)
        // A title stacked on the rest of a scraped header is left out of the description too.
        let y = Self.extract("Programme Manager\nAcme Ltd\n\nRun our programmes.\n", .text)
        #expect(y["title"] == "Programme Manager")
        #expect(y["description"] == "Acme Ltd\n\nRun our programmes.")
    }

    @Test func html() {
        let x = Self.extract("""
            <html><head><title>Porter | Hotel Jobs</title></head><body>
            <h1>Porter</h1><p>We are hiring a porter for our hotel in Exeter, a friendly and busy place to work.</p>
            <h2>Duties</h2><ul><li>Carry luggage</li><li>Greet guests</li></ul>
            <h2>What we offer</h2><ul><li>Meals on shift</li></ul>
            <p>Temporary, for the summer season. Up to £24,000 a year.</p></body></html>
            """, .html)
        #expect(x["title"] == "Porter")
        #expect(x["jobLocation"] == ["@type": "Place", "address": ["@type": "PostalAddress", "addressLocality": "Exeter"]])
        #expect(x.evidence("jobLocation") == "Exeter")
        #expect(x["responsibilities"] == "Carry luggage\nGreet guests")
        #expect(x["jobBenefits"] == "Meals on shift")
        #expect(x["employmentType"] == .array(["TEMPORARY"]) || x["employmentType"] == "TEMPORARY")
        #expect(x["baseSalary"] == ["@type": "MonetaryAmount", "currency": "GBP", "value": ["@type": "QuantitativeValue", "maxValue": 24000, "unitText": "YEAR"]])
        #expect(x["description"]?.stringValue?.hasPrefix("<p>We are hiring") == true)
    }

    static let jsonld = """
        {"@context": "https://schema.org", "@type": "JobPosting", "title": "Welder", "identifier": "W-1",
         "description": "<p>Weld steel frames in our workshop in Hull. This is a full-time role, £30,000 a year.</p>",
         "datePosted": "2026-01-05", "hiringOrganization": {"@type": "Organization", "name": "Acme"},
         "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP", "value": {"@type": "QuantitativeValue", "minValue": 31000, "maxValue": 34000, "unitText": "YEAR"}}}
        """

    @Test func jsonLDPassesThroughAndTheDescriptionFillsGaps() {
        let x = Self.extract(Self.jsonld, .jsonld)
        // Its own properties, as written and in its order.
        #expect(Array(x.properties.prefix(6)) == ["title", "identifier", "description", "datePosted", "hiringOrganization", "baseSalary"])
        #expect(x["identifier"] == "W-1")
        #expect(x["baseSalary"]?["value"]?["minValue"] == 31000)  // not the description's £30,000
        #expect(x["hiringOrganization"] == ["@type": "Organization", "name": "Acme"])
        #expect(x.evidence("datePosted") == "\"2026-01-05\"")
        // What the object lacks, from its description.
        #expect(x["employmentType"] == "FULL_TIME")
        #expect(x.evidence("employmentType") == "full-time")
        #expect(x["jobLocation"]?["address"]?["addressLocality"] == "Hull")
    }

    @Test func usCityStateZipAndSeveralPlaces() {
        let x = Self.extract("""
            # Warehouse Associate

            Work at our Tacoma, WA 98402 distribution centre. We also have a team based in Boston.
            """, .markdown)
        let places = x["jobLocation"]?.arrayValue ?? []
        #expect(places.count == 2)
        #expect(places.first == ["@type": "Place", "address": ["@type": "PostalAddress", "addressLocality": "Tacoma", "addressRegion": "WA",
                                                              "postalCode": "98402", "addressCountry": "US"]])
        #expect(places.last?["address"]?["addressLocality"] == "Boston")
        #expect(x.evidence("jobLocation") == "Tacoma, WA 98402")
    }

    @Test func locationFields() {
        var x = Self.extract("# Nurse\n\nLocation: Remote\n\nCare for patients.\n", .markdown)
        #expect(x["jobLocationType"] == "TELECOMMUTE")
        #expect(x["jobLocation"] == nil)
        x = Self.extract("# Nurse\n\nLocation: London; Manchester M1 1AE\n\nCare for patients.\n", .markdown)
        #expect(x["jobLocation"] == .array([["@type": "Place", "address": ["@type": "PostalAddress", "addressLocality": "London"]],
                                            ["@type": "Place", "address": ["@type": "PostalAddress", "addressLocality": "Manchester", "postalCode": "M1 1AE"]]]))
        x = Self.extract("# Analyst\n\nLocation: Albuquerque, NM\n\nAnalyse data.\n", .markdown)
        #expect(x["jobLocation"] == ["@type": "Place", "address": ["@type": "PostalAddress", "addressLocality": "Albuquerque", "addressRegion": "NM", "addressCountry": "US"]])
        x = Self.extract("# Data Engineer (Remote)\n\nBuild pipelines.\n", .markdown)
        #expect(x["jobLocationType"] == "TELECOMMUTE")
        #expect(x.evidence("jobLocationType") == "Data Engineer (Remote)")
        x = Self.extract("# Remote Sensing Scientist\n\nStudy satellite images.\n", .markdown)
        #expect(x["jobLocationType"] == nil)
        x = Self.extract("# Analyst\n\nThis is a fully remote role for people anywhere.\n", .markdown)
        #expect(x["jobLocationType"] == "TELECOMMUTE")
        #expect(x.evidence("jobLocationType") == "fully remote role")
    }

    @Test func placesInSitesLabelsAndTowns() {
        // A place named in a site, not a street; a town of the towns list after a dash in the title.
        var x = Self.extract("<h1>Bank Staff Nurse - Aldeburgh</h1><p>Join University Hospitals Birmingham on Floyd Drive.</p>", .html)
        #expect(x["jobLocation"] == .array([["@type": "Place", "address": ["@type": "PostalAddress", "addressLocality": "Aldeburgh"]],
                                            ["@type": "Place", "address": ["@type": "PostalAddress", "addressLocality": "Birmingham"]]]))
        #expect(x["employmentType"] == "TEMPORARY")
        #expect(x.evidence("employmentType") == "Bank Staff")
        x = Self.extract("# Bank Physiotherapist\n\nTreat patients. Full-time hours available.\n", .markdown)
        #expect(x["employmentType"] == .array(["TEMPORARY", "FULL_TIME"]))
        #expect(x.evidence("employmentType") == "Bank Physiotherapist")
        // `Location:` run into a paragraph of a scraped page.
        x = Self.extract("<h1>Nurse</h1><p>Salary: £30,000 Location: St Mary’s Hospital, Floyd Drive, Warrington, WA2 8DB Contract: permanent</p>", .html)
        #expect(x["jobLocation"]?["address"]?["addressLocality"] == "Warrington")
        #expect(x.evidence("jobLocation") == "Warrington")
        // A town alone on a line (a heading) is not a place: “Porter” is a job here.
        x = Self.extract("# Porter\n\nCarry luggage for guests.\n", .markdown)
        #expect(x["jobLocation"] == nil)
        // A list of places after a place context; a town before “Hospital” is the hospital's name.
        x = Self.extract("# Nurse\n\nWe have sites in Chelsea, London and Harefield. Training at Cygnet Hospital.\n", .markdown)
        #expect((x["jobLocation"]?.arrayValue ?? []).map { $0["address"]?["addressLocality"] } == ["Chelsea", "London", "Harefield"])
        // A place with its state written out; “Greater Richmond”; an acronym in capitals is not a place.
        x = Self.extract("# Clerk\n\nThe store, at 12 Main Rd, Richmond, Virginia, serves the Greater Richmond area. We follow the ADA.\n", .markdown)
        #expect(x["jobLocation"]?["address"] == ["@type": "PostalAddress", "addressLocality": "Richmond", "addressRegion": "VA", "addressCountry": "US"])
        #expect(x.evidence("jobLocation") == "Richmond, Virginia")
        x = Self.extract("# Data Science Intern\n\nAnalyse data.\n", .markdown)
        #expect(x["employmentType"] == "INTERN")
        // “Bank of …” in a title is not a bank post.
        x = Self.extract("# Bank of Scotland Teller\n\nServe customers.\n", .markdown)
        #expect(x["employmentType"] == nil)
    }

    @Test(arguments: [
        ("Job type: Part-Time (30-40 hours per week)", JSONValue.string("PART_TIME")),
        ("We offer a paid internship over the summer.", "INTERN"),
        ("Position Type: Intern", "INTERN"),
        ("This is a volunteer position for the festival.", "VOLUNTEER"),
        ("Per diem shifts are available on weekends.", "PER_DIEM"),
        ("An independent contractor engagement for three months.", "CONTRACTOR"),
        ("A 12 month fixed-term post.", "TEMPORARY"),
        ("Full time or part time hours considered.", .array(["FULL_TIME", "PART_TIME"])),
        ("employment_type: FULL_TIME", "FULL_TIME"),
    ])
    func employmentTypes(_ line: String, _ expected: JSONValue) {
        let x = Self.extract("# Role\n\n\(line)\n", .markdown)
        #expect(x["employmentType"] == expected, "\(line)")
    }

    @Test func payVariants() {
        var x = Self.extract("# Cook\n\nPay: $20 - $25 an hour.\n", .markdown)
        #expect(x["baseSalary"] == ["@type": "MonetaryAmount", "currency": "USD", "value": ["@type": "QuantitativeValue", "minValue": 20, "maxValue": 25, "unitText": "HOUR"]])
        x = Self.extract("# Cook\n\nSalary from €3,000 per month.\n", .markdown)
        #expect(x["baseSalary"]?["value"] == ["@type": "QuantitativeValue", "minValue": 3000, "unitText": "MONTH"])
        #expect(x["baseSalary"]?["currency"] == "EUR")
        // Single figures along one line make one range; a pro-rata figure in brackets or a bonus does not join it.
        x = Self.extract("# Nurse\n\nSalary: £34,000 per annum, after preceptorship £36,000 per annum.\n", .markdown)
        #expect(x["baseSalary"]?["value"] == ["@type": "QuantitativeValue", "minValue": 34000, "maxValue": 36000, "unitText": "YEAR"])
        #expect(x.evidence("baseSalary") == "£34,000 per annum, after preceptorship £36,000 per annum")
        x = Self.extract("# Nurse\n\nSalary: £36,708 - £39,867 (£21,460 to £23,306 pro rata) per annum.\n", .markdown)
        #expect(x["baseSalary"]?["value"]?["minValue"] == 36708)
        x = Self.extract("# Nurse\n\nSalary: £30,000 per year and a £5,000 welcome bonus.\n", .markdown)
        #expect(x["baseSalary"]?["value"] == ["@type": "QuantitativeValue", "value": 30000, "unitText": "YEAR"])
        // A figure without a currency keeps no currency: none is invented.
        x = Self.extract("# Cook\n\nSalary: 45,000 per year.\n", .markdown)
        #expect(x["baseSalary"]?["currency"] == nil)
        #expect(x["baseSalary"]?["value"]?["value"] == 45000)
    }

    @Test func payWrittenAgainstItsPeriodAndAlternatives() {
        // A period glued to a figure with its currency (benchmarks/facts misses: `£40,000pa`, `£33,792.19per annum`).
        var x = Self.extract("# Nurse\n\nA competitive salary of up to £41,000pa FTE.\n", .markdown)
        #expect(x["baseSalary"]?["value"] == ["@type": "QuantitativeValue", "maxValue": 41000, "unitText": "YEAR"])
        x = Self.extract("# Paramedic\n\nSalary: £31,250.50per annum\n", .markdown)
        #expect(x["baseSalary"]?["value"] == ["@type": "QuantitativeValue", "value": 31250.5, "unitText": "YEAR"])
        x = Self.extract("# Manager\n\nSalary: £26,000 - £31,000pa plus bonus\n", .markdown)
        #expect(x["baseSalary"]?["value"] == ["@type": "QuantitativeValue", "minValue": 26000, "maxValue": 31000, "unitText": "YEAR"])
        // Letters glued to a figure without a currency stay something else (`40kg`, `3rd`), and a bare `1999pa` is not pay.
        #expect(Self.extract("# Porter\n\nSalary: lift up to 25kg.\n", .markdown)["baseSalary"] == nil)
        // ` / ` between alternatives: the hours of one do not make the next figure something other than pay.
        x = Self.extract("# Support Worker\n\nSalary: £17,100 based on 37 hours / £20,800 based on 45 hours / £9.10 per hour\n", .markdown)
        #expect(x["baseSalary"]?["value"] == ["@type": "QuantitativeValue", "minValue": 17100, "maxValue": 20800])
    }

    @Test func placesAfterCompassWordsSitesAndPostcodes() {
        func localities(_ text: String, _ format: DocumentFormat = .markdown) -> [String] {
            let x = Self.extract(text, format)
            let places = x["jobLocation"]?.arrayValue ?? (x["jobLocation"].map { [$0] } ?? [])
            return places.compactMap { $0["address"]?["addressLocality"]?.stringValue ?? $0["address"]?["addressRegion"]?.stringValue
                ?? $0["address"]?["addressCountry"]?.stringValue }
        }
        // Lower-case and paired compass words between the preposition and the place.
        #expect(localities("# Nurse\n\nThe hospital is located in central London, near the river.\n") == ["London"])
        #expect(localities("# Nurse\n\nA ward in south-east London.\n") == ["London"])
        // “North West” before “London” is London's part, not the region of England.
        #expect(localities("# Nurse\n\nA unit in inner North West London.\n") == ["London"])
        // A site, a comma and its town after “at”; a site word, a comma and a town.
        #expect(localities("# Psychologist\n\nThis role is based at Marston Barracks, Colchester and works with a small team.\n") == ["Colchester"])
        #expect(localities("# Nurse\n\nThe Elms Hospital, Shepton Mallet has been rated outstanding.\n") == ["Shepton Mallet"])
        // A place before its postcode, on the same line or the next.
        #expect(localities("# Receptionist\n\nThe team works from 4 Mill Road, Andover SP10 1AA.\n") == ["Andover"])
        #expect(localities("<h1>Nurse</h1><p>Ward 3</p><p>Aldeburgh</p><p>IP15 5AA</p>", .html) == ["Aldeburgh"])
        // Not places: products in a list after “in”, a street after a site, a name that goes on.
        #expect(localities("# Assistant\n\nProficient in Microsoft Excel, Outlook, Word and PowerPoint.\n").isEmpty)
        #expect(localities("# Porter\n\nWrite to Personnel, University House, Winston Churchill Avenue.\n").isEmpty)
        #expect(!localities("# Lecturer\n\nWe work with colleagues at Dublin City University, Trinity College Dublin.\n").contains("Trinity"))
        // A distance or where people live is not where the job is (blind judgements, benchmarks/facts/location-judgements-*).
        #expect(localities("# Nurse\n\nOur clinic is based in Winchester, about 20 minutes from Eastleigh.\n") == ["Winchester"])
        #expect(localities("# Nurse\n\nThe ward is within easy reach of central London.\n").isEmpty)
        #expect(localities("# Therapist\n\nWe provide services for people living in Powys.\n").isEmpty)
        #expect(localities("# Engineer\n\nThis is a remote role; applicants must reside in Texas.\n").isEmpty)
        // A sentence about the city as a place.
        #expect(localities("# Oncologist\n\nJoin our team.\n\nLeicester is a vibrant place to live and work.\n") == ["Leicester"])
        #expect(localities("# Oncologist\n\nJoin our team.\n\nLeicester is hiring five nurses for the new ward this spring.\n").isEmpty)
        #expect(localities("# Oncologist\n\nJoin our team.\n\nLeicester is a lovely city only 20 minutes away by train.\n").isEmpty)
        // A town that a capitalised name goes on from is that name, unless the name is a local service in the town.
        #expect(localities("# Ward Sister\n\nA post at Dawlish Community Hospital on the coast.\n") == ["Dawlish"])
        #expect(localities("# Nurse\n\nJoin us within the Holsworthy Community Nursing Team.\n") == ["Holsworthy"])
        #expect(localities("# Lecturer\n\nTeach at Somers Town College of Art.\n").isEmpty)
        #expect(localities("# Nurse\n\nWork at the South West Thames Renal and Transplant Unit.\n").isEmpty)
    }

    @Test func employmentTypesAreTheFactsOwn() {
        // JSON-LD's own employmentType passes through `jdlint facts`; the check that spares volunteer postings the
        // benefits and pay findings reads the same value, not the description's “volunteer position”.
        let json = #"{"@context":"https://schema.org","@type":"JobPosting","title":"Guide","employmentType":"FULL_TIME","description":"<p>This is a volunteer position at the museum.</p>"}"#
        let a = Analysis(document: Document(text: json, format: .jsonld))
        #expect(JobPostingFacts.employmentTypes(in: a) == ["FULL_TIME"])
        #expect(JobPostingFacts.extract(a)["employmentType"]?.value == "FULL_TIME")
        let text = Analysis(document: Document(text: "# Guide\n\nThis is a volunteer position at the museum.\n", format: .markdown))
        #expect(JobPostingFacts.employmentTypes(in: text) == ["VOLUNTEER"])
    }

    @Test func datesNeedADate() {
        let x = Self.extract("---\ntitle: Cook\ndate: last Tuesday\nclosing_date: 03/04/2026\n---\n\nCook meals.\n", .markdown)
        #expect(x["datePosted"] == nil)
        #expect(x["validThrough"] == nil)
        #expect(FactsReader.isoDate("March 12, 2026") == "2026-03-12")
        #expect(FactsReader.isoDate("2026-01-05T09:00:00Z") == "2026-01-05T09:00:00Z")
        #expect(FactsReader.isoDate("1st Feb 2027") == "2027-02-01")
    }

    @Test func contactRunIntoText() {
        let x = Self.extract("<h1>Nurse</h1><p>To apply contact: Email addressjo.bloggs@trust.nhs.ukTelephone 0100</p>", .html)
        #expect(x["applicationContact"]?["email"] == "addressjo.bloggs@trust.nhs.uk")
    }

    @Test func jsonLDInHTML() {
        let x = Self.extract("""
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Welder",
            "employmentType":"PART_TIME","identifier":"W-9"}</script></head>
            <body><h1>Welder</h1><p>Weld frames in Hull. Full-time.</p></body></html>
            """, .html)
        #expect(x["employmentType"] == "PART_TIME")  // the structured data wins over the prose
        #expect(x["identifier"] == "W-9")
        #expect(x["jobLocation"]?["address"]?["addressLocality"] == "Hull")
    }

    @Test func directApplyOnlyWhenSaid() {
        var x = Self.extract("---\ntitle: Cook\ndirect_apply: true\n---\n\nCook meals.\n", .markdown)
        #expect(x["directApply"] == true)
        x = Self.extract("# Cook\n\nApply at https://example.com/apply.\n", .markdown)
        #expect(x["directApply"] == nil)
        #expect(x["applicationContact"]?["url"] == "https://example.com/apply")
    }

    @Test func evidencePositionsAsInTheLintJSON() {
        let x = Self.extract("# Cook\n\nPay: £12 an hour in Leeds city centre, full-time.\n", .markdown)
        let record = x.facts.record(path: "cook.md", document: x.doc)
        #expect(record["path"] == "cook.md")
        #expect(record["jobPosting"]?["@context"] == "https://schema.org")
        #expect(record["jobPosting"]?["@type"] == "JobPosting")
        #expect(record["evidence"]?["title"] == ["start": ["line": 1, "column": 3, "offset": 2], "end": ["line": 1, "column": 7, "offset": 6]])
        let pay = record["evidence"]?["baseSalary"]
        #expect(pay?["start"]?["line"] == 3)
        // Every property has evidence, and every evidence range lies in the file.
        for f in x.facts.facts {
            #expect(f.evidence.upperBound <= x.doc.bytes.count && !f.evidence.isEmpty, "\(f.property)")
            #expect(record["evidence"]?[f.property] != nil, "\(f.property)")
        }
    }

    /// Hostile input: the fuzz seeds and regressions, and pathological shapes; nothing crashes.
    @Test func hostileInputsDoNotCrash() throws {
        var inputs: [[UInt8]] = []
        for dir in ["regressions/lint", "seeds/lint"] {
            let path = FuzzRegressionTests.fuzzDir + "/" + dir
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                let all = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
                if Bytes.firstInvalidUTF8(all) == nil { inputs.append(all) }
            }
        }
        #expect(inputs.count > 5)
        inputs.append(Array(String(repeating: "Location: ", count: 5000).utf8))
        inputs.append(Array(String(repeating: "@", count: 20000).utf8))
        inputs.append(Array((String(repeating: "a@b.", count: 5000) + "\n" + String(repeating: "Tacoma, WA ", count: 3000)).utf8))
        inputs.append(Array(String(repeating: "[{\"@type\":\"JobPosting\",\"title\":", count: 300).utf8))
        inputs.append(Array(String(repeating: "## Responsibilities\n", count: 3000).utf8))
        inputs.append(Array(String(repeating: "based in London, ", count: 3000).utf8))
        inputs.append(Array(("{\"@type\":\"JobPosting\"," + (0..<20000).map { "\"k\($0)\":\($0)," }.joined() + "\"title\":\"x\"}").utf8))
        // Twenty thousand JSON-LD properties pass through, each once.
        let many = JobPostingFacts.extract(Analysis(document: Document(bytes: inputs[inputs.count - 1], format: .jsonld)))
        #expect(many.facts.count >= 20001)
        for bytes in inputs {
            for format in DocumentFormat.allCases {
                let doc = Document(bytes: bytes, format: format)
                let facts = JobPostingFacts.extract(Analysis(document: doc))
                for f in facts.facts { #expect(f.evidence.upperBound <= bytes.count) }
                _ = facts.record(path: "x", document: doc).serialized()
            }
        }
    }

    /// False facts found by blind judging on the corpus, each now a regression example: a YAML-tagged or numeric
    /// date, an enquiry address taken for how to apply, the employer's name and an excluded state taken for places.
    @Test func judgedFalseFactsStayFixed() {
        let tagged = Self.extract("---\ntitle: Analyst\ncreated: !!timestamp '2016-03-25'\n---\n\nWe are hiring.\n", .markdown)
        #expect(tagged["datePosted"] == .string("2016-03-25"))
        #expect(Self.extract("Analyst\n\nPosted: 6/16/2020\n\nWe are hiring.\n", .text)["datePosted"] == .string("2020-06-16"))
        #expect(Self.extract("Analyst\n\nPosted: 16.06.2020\n\nWe are hiring.\n", .text)["datePosted"] == .string("2020-06-16"))
        #expect(Self.extract("Analyst\n\nPosted: 03/04/2020\n\nWe are hiring.\n", .text)["datePosted"] == nil)
        let enquiry = Self.extract("<h1>Nurse</h1>\n<p>We look forward to reading your application. If you have any questions, contact Jo on jo@example.org.</p>\n<p>For further details / informal visits contact:</p>\n<p>Email address: sam@example.org</p>\n", .html)
        #expect(enquiry["applicationContact"] == nil)
        let apply = Self.extract("<h1>Nurse</h1>\n<p>To apply, send your CV to jobs@example.org.</p>\n", .html)
        #expect(apply.evidence("applicationContact") == "jobs@example.org")
        let org = Self.extract("# Teacher\n\nCompany: Lincoln Learning Solutions\n\nUphold the values of Lincoln Learning Solutions every day and meet Lincoln Learning timeframes.\n", .markdown)
        #expect(org["jobLocation"] == nil)
        let excluded = Self.extract("# Engineer\n\nThis is a remote role. We do not hire candidates residing in New York, California, Hawaii or Alaska.\n", .markdown)
        #expect(excluded["jobLocation"] == nil)
        #expect(excluded["jobLocationType"] == .string("TELECOMMUTE"))
    }
}
