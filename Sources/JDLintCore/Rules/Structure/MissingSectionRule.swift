/// `structure/missing-section`: the posting lacks a part its profiles require (pay, location, how to apply…), or,
/// with the `google-jobs` profile, JobPosting structured data lacks required or recommended properties.
struct MissingSectionRule: Rule {
    let meta = RuleMeta(
        id: "structure/missing-section",
        summary: "The posting lacks a part its profile requires (pay, location, how to apply…).",
        explanation: """
            Checks the posting against the selected profiles (`--profile`, `"profiles"` in the configuration; \
            `default` unless told otherwise). The default profile expects a title, a summary, responsibilities, \
            requirements, pay, benefits, a location (or a remote statement), the employment type, how to apply and \
            an equal-opportunity statement. A part is present when a heading names it (synonyms in \
            `Rules/sections.json`: “What you’ll do”, “Duties” for responsibilities; “Who you are”, “Must have” for \
            requirements; “Compensation”, “Salary” for pay…; matched case-insensitively, ignoring “&”/“and”, \
            numbering and trailing colons), when a field gives it (`Location: Boston, MA`, front-matter \
            `location:`, JSON-LD `jobLocation`), or when the prose states it (“This is a full-time role”, a salary \
            figure, “based in Leeds”). Each missing part is one finding on the title (or line 1). Duties and the \
            summary count as present when the posting describes the work in prose of some length; a posting that \
            says the work is unpaid or voluntary (`compensation: gratis`, “volunteer position”) states its \
            employment type and pay, and is not asked for responsibilities (the call is the task), benefits, \
            requirements, a location or an \
            equal-opportunity statement; freelance work (“freelance”, “per project”) is not asked for benefits or \
            an equal-opportunity statement, and a posting whose only employment type is contract or freelance work \
            (CONTRACTOR, as `jdlint facts` reads it) is not asked for benefits. A part is reported missing only \
            when `jdlint facts` finds nothing for it either: the two never contradict each other. \
            With the `google-jobs` profile, the schema.org JobPosting structured data (a JSON-LD file or a \
            `<script type="application/ld+json">` in HTML) must have the properties Google requires (title, \
            description, datePosted, hiringOrganization, jobLocation — or jobLocationType TELECOMMUTE with \
            applicantLocationRequirements) and those it recommends (validThrough, employmentType, baseSalary, \
            identifier, directApply).
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("""
                ↓Staff Nurse

                We are looking for a caring nurse to join our ward team in a busy teaching hospital.

                Responsibilities
                - Care for patients on the ward

                Requirements
                - Registered nurse

                Benefits
                - Pension and 27 days of annual leave

                Location: Leeds
                Salary: £28,000 per year

                This is a full-time role. We are an equal opportunity employer.
                """),
            RuleExample("""
                # ↓Data Analyst

                Join our analytics team and help the business make better decisions with data every day.

                ## What you'll do
                - Build dashboards

                ## Who you are
                - You know SQL

                ## Perks
                - Remote-first, 25 days of holiday

                Full-time. Send your CV to jobs@example.com. We are an equal opportunity employer.
                """, format: .markdown),
            RuleExample("""
                <h1>↓↓↓Porter</h1><p>We are hiring a porter for our hotel in Leeds, a friendly and busy place to work.</p>\
                <h2>Duties</h2><ul><li>Carry luggage</li></ul><h2>Requirements</h2><ul><li>Fit and friendly</li></ul>\
                <p><strong>Location:</strong> Bath</p><p>Part-time, 20 hours per week. Apply online.</p>
                """, format: .html),
            // A “Salary” paragraph with no figure under it does not state the pay.
            RuleExample("""
                # ↓Data Analyst

                Join our analytics team in Leeds and help the business make better decisions with data every day.

                **Responsibilities**

                - Build dashboards

                **Requirements**

                - You know SQL

                **Salary**

                Competitive, with a pension and 25 days of holiday.

                Full-time. Send your CV to jobs@example.com. We are an equal opportunity employer.
                """, format: .markdown),
            RuleExample("""
                {"@context": "https://schema.org", "@type": "JobPosting", "title": "↓Welder",
                 "description": "<p>Weld steel frames in our workshop.</p>", "datePosted": "2026-01-05",
                 "jobLocation": {"@type": "Place", "address": {"addressLocality": "Hull"}},
                 "validThrough": "2026-02-05", "employmentType": "FULL_TIME", "identifier": "W-1", "directApply": true,
                 "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP", "value": {"minValue": 30000, "maxValue": 34000}}}
                """, format: .jsonld, profiles: ["google-jobs"]),
            RuleExample("# ↓↓Welder\n\nWeld steel frames.\n", format: .markdown, options: JSONObject([("require", .array(["location"]))]), profiles: ["google-jobs"]),
        ],
        nonTriggering: [
            RuleExample("""
                ---
                title: Backend Engineer
                location: Berlin
                salary: "€70,000–€85,000"
                employment_type: full-time
                ---

                We build tools that help clinics run smoothly, and we need a backend engineer to grow the platform.

                ## Responsibilities
                - Design APIs

                ## Requirements
                - Go or Python

                ## Benefits
                - 30 days of holiday

                ## How to apply
                Send your CV to jobs@example.com.

                We are an equal opportunity employer.
                """, format: .markdown),
            RuleExample("""
                1. Summary:
                A short role at our office in Leeds, helping the finance team close the books every month.

                2. Duties & Responsibilities:
                - Reconcile accounts

                3. Skills and Experience:
                - Excel

                4. Compensation & Benefits:
                - £25/hour, pension

                Contract: 3 months. To apply, email finance@example.com. We welcome applicants from all backgrounds.
                """, options: JSONObject([("ignore", .array(["title"]))])),
            // Freelance work comes without benefits: not asked for (judged on pythonjobs' contractor postings).
            RuleExample("""
                ---
                title: Illustrator for a children's book
                location: Remote
                employment_type: freelance
                ---

                We are a small publisher looking for an illustrator to draw twelve plates for a picture book about the sea.

                ## What you will do
                - Draw twelve full-page plates

                ## What you bring
                - A portfolio of picture-book work

                ## Pay
                $4,000 for the project, paid in two instalments.

                ## How to apply
                Send your portfolio to art@example.com. We welcome applicants of every background and do not discriminate.
                """, format: .markdown),
            // Headings asked as questions in bold (“What are the key responsibilities of the role?”).
            RuleExample("""
                <h1>CT Radiographer</h1>
                <p>We run imaging services for hospitals across Norfolk, and we are hiring a CT radiographer for our Norwich unit on a full-time, permanent contract.</p>
                <p><strong>What are the key responsibilities of the role?</strong></p>
                <ul><li>Scans to best-practice standards</li></ul>
                <p><strong>What skills will you need?</strong></p>
                <ul><li>BSc Radiography and HCPC registration</li></ul>
                <p><strong>What's in it for you?</strong></p>
                <ul><li>£35,000 - £42,000 per year, 27 days holiday and a pension</li></ul>
                <p>To apply, send your CV to jobs@example.com. We are an equal opportunity employer.</p>
                """, format: .html),
            // Parts stated the way real postings state them: a plain-line heading that Markdown joins to its
            // paragraph, duties in a “Job Summary” paragraph, a city and state in the title, “EOE.”
            RuleExample("""
                # Senior Instructor (Chester VA)

                Job Summary

                This role develops, delivers and evaluates technical training for maintenance staff on offshore wind \
                turbines. It runs classroom and virtual sessions on safety procedures and technical skills, supervises \
                trainees in the shop, tests them on technical subjects and reviews the training materials with the \
                engineering team, so that every new technician starts work safely and confidently.

                Requirements
                Five years of electrical maintenance experience.

                Benefits
                Medical, dental and a pension plan.

                Full-time, $70,000 to $85,000 a year. Apply at example.com/jobs. EOE.
                """, format: .markdown),
            // An NHS bank post (“our bank nurses”) states its employment type; development offered is a benefit.
            RuleExample("""
                # Staff Nurse, Ward 4

                Join the staff bank at Leeds General Infirmary and pick the shifts that suit you, with support from the ward team.

                ## Duties
                - Deliver safe patient care

                ## Requirements
                - NMC registration

                Our bank nurses receive onsite training and personal development. £19.50 an hour. Apply online. We are an equal opportunity employer.
                """, format: .markdown),
            // Parts stated in prose: a working week, a place after a compass word, skills asked for, a balance offered.
            RuleExample("""
                # Community Care Coordinator

                You will coordinate care for residents in West Essex with the district nursing team, arranging visits and \
                reviewing each care plan with families.

                ## Duties
                - Arrange home visits

                You should be organised, with excellent communication skills. We offer a healthy work-life balance on a \
                37.5 hours working week. £28,000 a year. Apply online at example.org/jobs. We are an equal opportunity employer.
                """, format: .markdown),
            // The role as the subject of the work states the duties.
            RuleExample("""
                # Data Scientist

                Location: Washington, DC. Full-time, $120,000 to $140,000 a year, with health insurance and a pension plan.

                The Senior Data Scientist will build and improve analytic pipelines that join our data sources.

                ## Requirements
                - Five years of Python

                Apply at example.com/jobs. We are an equal opportunity employer.
                """, format: .markdown),
            // Voluntary work states its employment type and has no benefits to describe.
            RuleExample("""
                ---
                title: Logo for a graph library
                compensation: gratis
                location: Remote
                ---

                Our small open-source library needs a logo and a simple identity that reads well at favicon size.

                ## What you would do
                - Design a logo

                To apply, email logo@example.org.
                """, format: .markdown),
            // Freelance work has no benefits and is not asked for an equal-opportunity statement.
            RuleExample("""
                # UX designer for a booking app

                We are a two-person startup in Berlin and need a freelance UX designer to rework our booking flow.

                ## The task
                - Redesign the checkout screens

                ## You have
                - A portfolio of mobile work

                Budget: €4,000 for the project. Send your portfolio to hi@example.com.
                """, format: .markdown),
            // A title that names a project is a freelance engagement (as is a rate in billable hours).
            RuleExample("""
                # UI designer for our account settings project

                We are a small open-source team and need a designer to rework the screens where people manage their accounts.

                ## The task
                - Redesign the account settings screens

                ## You have
                - A portfolio of web work

                Budget: €3,000 for the project. Send your portfolio to hi@example.org.
                """, format: .markdown),
            // A place in the prose, on a line of its own, or before “office”.
            RuleExample("""
                # Phlebotomist

                Ormskirk, West Lancashire

                Take blood samples for our community district nursing team, and help patients feel at ease with every visit.

                ## Duties
                - Take samples

                ## Requirements
                - Phlebotomy training

                ## Benefits
                - 27 days of annual leave

                This post is 30hrs/week, £24,000 a year. Apply online. We are an equal opportunity employer.
                """, format: .markdown),
            // Headings written as paragraphs of their own (bold in Markdown, a plain `<p>` in HTML).
            RuleExample("""
                # Data Analyst

                Join our analytics team in Leeds and help the business make better decisions with data every day.

                **Responsibilities**

                - Build dashboards

                **Who you are**

                - You know SQL

                **Benefits**

                - 25 days of holiday

                Full-time, £32,000 a year. Send your CV to jobs@example.com. We are an equal opportunity employer.
                """, format: .markdown),
            RuleExample("""
                <h1>Porter</h1><p>We are hiring a porter for our hotel in Leeds, a friendly and busy place to work.</p>\
                <p>Duties</p><ul><li>Carry luggage</li></ul><p>Requirements</p><ul><li>Fit and friendly</li></ul>\
                <p>What we offer</p><ul><li>Meals on shift</li></ul>\
                <p>Part-time, 20 hours per week, £12 an hour. Apply online at example.com/jobs. We are an equal opportunity employer.</p>
                """, format: .html),
            RuleExample("# Welder\n\nWeld steel frames.\n", format: .markdown, options: JSONObject([("ignore", .array(["summary", "responsibilities", "requirements", "pay", "benefits", "location", "employment-type", "how-to-apply", "equal-opportunity"]))])),
            RuleExample("""
                {"@context": "https://schema.org", "@type": "JobPosting", "title": "Welder", "hiringOrganization": {"name": "Acme"},
                 "description": "<p>Weld steel frames in our workshop.</p>", "datePosted": "2026-01-05",
                 "jobLocationType": "TELECOMMUTE", "applicantLocationRequirements": {"@type": "Country", "name": "UK"},
                 "validThrough": "2026-02-05", "employmentType": "FULL_TIME", "identifier": "W-1", "directApply": true,
                 "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP", "value": {"minValue": 30000, "maxValue": 34000}}}
                """, format: .jsonld, profiles: ["google-jobs"]),
        ],
        options: [
            RuleOption("require", .stringList, default: [], "Extra part ids to require on top of the profiles' (ids of `Rules/sections.json`: title, summary, responsibilities, requirements, pay, benefits, location, employment-type, how-to-apply, equal-opportunity)."),
            RuleOption("ignore", .stringList, default: [], "Part ids (or JSON-LD property names) not to require, whatever the profiles say."),
        ])

    static let usStates: Set<String> = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
                                        "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
                                        "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
                                        "WI", "WY", "DC"]

    /// Values that do not fill a field.
    static func isEmptyValue(_ s: String) -> Bool {
        // More than a dozen ASCII letters and digits: a real value (no need to normalise a whole description).
        var alnum = 0
        for b in s.utf8 where Bytes.isASCIILetter(b) || Bytes.isDigit(b) {
            alnum += 1
            if alnum > 12 { return false }
        }
        let k = Field.normaliseKey(s)
        return k.isEmpty || ["tbd", "tbc", "na", "none", "null", "todo", "xxx", "unknown", "unspecified"].contains(k)
    }

    /// Which parts the document has.
    static func presentParts(_ a: Analysis) -> Set<String> {
        var present = Set<String>()
        let t = a.text
        let blocks = a.blocks
        // Title
        if a.title != nil { present.insert("title") }
        // Headings and `Label:` lead-ins
        var firstOtherHeading = blocks.count
        var firstPartHeading = blocks.count
        for (i, b) in blocks.enumerated() {
            var r: Range<Int>?
            var standalone = false
            if b.kind == .heading {
                r = b.proseRange
                if i != a.titleBlock && firstOtherHeading == blocks.count { firstOtherHeading = i }
            } else if b.kind == .paragraph || b.kind == .listItem {
                r = SectionCatalog.leadLabel(t, b.proseRange) ?? SectionCatalog.lineLabel(t, b.proseRange)
                // A heading written as a paragraph of its own, with the section's text after it.
                if r == nil, b.kind == .paragraph, i + 1 < blocks.count,
                   blocks[i + 1].kind == .paragraph || blocks[i + 1].kind == .listItem {
                    r = SectionCatalog.blockLabel(t, b.proseRange)
                    standalone = r != nil
                }
            }
            guard let range = r else { continue }
            if b.kind == .heading && i == a.titleBlock { continue }
            let text = PhraseText(t[SectionCatalog.stripNumbering(t, range)])
            var ids = SectionCatalog.parts(forHeading: text)
            // Such a paragraph is often a label of a page's form (“Additional contact information”, “Salary”
            // above “Competitive”): pay still needs its figure and how to apply its instructions.
            if standalone { ids.removeAll { $0 == "pay" || $0 == "how-to-apply" } }
            for id in ids { present.insert(id) }
            if !ids.isEmpty && !ids.contains("summary") && firstPartHeading == blocks.count { firstPartHeading = i }
        }
        // Fields: by key, and by the key as written (`Duties & Responsibilities: …`).
        for f in a.fields {
            let valueText = f.value
            let filled = !isEmptyValue(valueText) || f.json?.boolValue != nil
            guard filled else { continue }
            if !present.contains("pay") && Self.payKeyParts.contains(where: { f.key.containsBytes($0) })
                && valueText.utf8.contains(where: Bytes.isDigit) {
                present.insert("pay")
            }
            for pi in SectionCatalog.partsByField[f.key] ?? [] {
                let id = SectionCatalog.parts[pi].id
                if id == "pay" && !valueText.utf8.contains(where: Bytes.isDigit) && !Self.statesUnpaid(valueText) { continue }
                if id == "location" && f.key == "joblocationtype" && !valueText.uppercased().contains("TELECOMMUTE") { continue }
                present.insert(id)
            }
            if f.origin == .line {
                let raw = PhraseText(Array(f.rawKey.utf8))
                for id in SectionCatalog.parts(forHeading: raw) { present.insert(id) }
            }
        }
        // Summary: an opening paragraph of some length before the first section heading, or a paragraph of prose
        // anywhere (a posting whose role is described in prose has a summary, whatever its headings).
        if !present.contains("summary") {
            for b in blocks where b.kind == .paragraph {
                let r = b.proseRange
                if a.wordIndex(atOrAfter: r.upperBound) - a.wordIndex(atOrAfter: r.lowerBound) >= 15 { present.insert("summary"); break }
            }
        }
        if !present.contains("summary") {
            _ = firstOtherHeading
            let limit = min(blocks.count, firstPartHeading == blocks.count ? 12 : firstPartHeading)
            for i in 0..<limit where blocks[i].kind == .paragraph || blocks[i].kind == .field && blocks[i].proseRange.count > 80 {
                // The block's words from the analysis (a scraped page can be one paragraph of thousands).
                let r = blocks[i].proseRange
                if a.wordIndex(atOrAfter: r.upperBound) - a.wordIndex(atOrAfter: r.lowerBound) >= 15 { present.insert("summary"); break }
            }
        }
        // Pay figures: in the prose, the title or any field (`title: Godot developer ($150k–$230k)`).
        func hasMoney(_ s: String) -> Bool {
            var s = s
            return s.withUTF8 { Self.hasMoney($0) }
        }
        if !a.pay.isEmpty || t.withUnsafeBufferPointer({ Self.hasMoney($0) }) || hasMoney(a.title?.text ?? "") || Self.labelledFigure(a)
            || a.fields.contains(where: { hasMoney($0.value) }) {
            present.insert("pay")
        }
        // Prose cues, for the parts still missing.
        // One pass over the prose with every part's cues, stopping once each missing part has one.
        let parts = SectionCatalog.parts
        var missing = [Bool](repeating: false, count: parts.count)
        var missingCount = 0
        for (i, p) in parts.enumerated() where !p.cues.isEmpty && !present.contains(p.id) { missing[i] = true; missingCount += 1 }
        if missingCount > 0 {
            let cues = Self.cues
            var found = 0
            // A long posting skips the cues of the parts already present (building that filter costs about one
            // pass over the cue list, more than a short posting's whole scan).
            let include = a.phraseText.count > cues.part.count ? cues.part.map { missing[$0] } : nil
            cues.set.forEachMatch(in: a.phraseText, include: include) { i, _ in
                let p = cues.part[i]
                if missing[p] {
                    missing[p] = false
                    found += 1
                    present.insert(parts[p].id)
                }
                return found < missingCount
            }
        }
        // Front-matter values in prose (`deliverables:`, `tags: full time`, `description:`): the same cues.
        if missingCount > 0 {
            let cues = Self.cues
            for f in a.fields where f.origin == .frontMatter && f.value.utf8.count > 3 {
                let text = PhraseText(Array(f.value.utf8)[...])
                cues.set.forEachMatch(in: text, include: nil) { i, _ in
                    let p = cues.part[i]
                    if missing[p] {
                        missing[p] = false
                        present.insert(parts[p].id)
                    }
                    return true
                }
            }
        }
        // “Boston, MA”, “(Chester VA)”: a US city and state; a named site in the prose, the title or a field.
        if !present.contains("location") && (hasCityState(t) || hasNamedSite(a) || namesPlace(a)) { present.insert("location") }
        // The role named as the subject of the work: “The Senior Data Scientist will build…” (a capitalised word of
        // the title, then “will”).
        if !present.contains("responsibilities"), let title = a.title?.text {
            let tb = Array(title.utf8)
            var titleWords: [UInt64] = []
            Tokenizer.words(tb, 0..<tb.count) { r in if r.count >= 4 { titleWords.append(Word.hash(tb, r)) } }
            let w = a.words
            if !titleWords.isEmpty && w.count > 1 {
                for i in 2..<w.count where w[i].hash == Self.willHash && Bytes.isUpper(t[w[i - 1].range.lowerBound])
                    && titleWords.contains(w[i - 1].hash) && Gazetteer.sameLine(t, w[i - 1].range.upperBound, w[i].range.lowerBound) {
                    // “The” before the role's capitalised words (“The Senior Data Scientist will”), not “Working for
                    // UCLH Bank will provide” or “(Consultant Dermatologist will be considered)”.
                    var k = i - 1
                    while k > 0 && i - k < 5 && Bytes.isUpper(t[w[k - 1].range.lowerBound]) && w[k - 1].hash != Self.theHash { k -= 1 }
                    if k > 0 && w[k - 1].hash == Self.theHash && Gazetteer.sameLine(t, w[k - 1].range.upperBound, w[i].range.lowerBound) {
                        present.insert("responsibilities")
                        break
                    }
                }
            }
        }
        // The work described in prose: a section introducing the role (“Job Summary”, “About the role”) with a
        // paragraph of some length, written as job-description prose (“Delivers classroom training…”).
        if !present.contains("responsibilities") {
            for s in a.sections {
                guard let h = s.heading, h != a.titleBlock else { continue }
                let ids = SectionCatalog.parts(forHeading: PhraseText(t[SectionCatalog.stripNumbering(t, blocks[h].proseRange)]))
                guard ids.contains("summary") else { continue }
                var words = 0
                for bi in s.body where blocks[bi].kind == .paragraph {
                    let r = blocks[bi].proseRange
                    words += a.wordIndex(atOrAfter: r.upperBound) - a.wordIndex(atOrAfter: r.lowerBound)
                }
                if words >= 60 { present.insert("responsibilities"); break }
            }
        }
        // Weekly hours written as one token (“30hrs/week”, “37.5hrs pw”): the cue phrases read them as other words.
        if !present.contains("employment-type") && Self.statesWeeklyHours(t) { present.insert("employment-type") }
        // Unpaid or voluntary work (an open-source call, a volunteer placement) states its employment type and its
        // pay, and has no benefits to describe; judged on real postings, an equal-opportunity statement and a list
        // of requirements are not worth asking of it either. Freelance work is a contract for a job, not
        // employment: it states its type, has no benefits, an equal-opportunity statement is not expected of it, and
        // judges found its location not worth asking for (the gigs judged were done online).
        switch Self.engagement(a) {
        case .unpaid: for part in Self.notAskedOfUnpaidWork { present.insert(part) }
        case .freelance: for part in ["benefits", "equal-opportunity", "employment-type", "location"] { present.insert(part) }
        case .employment: break
        }
        return present
    }

    /// Every part's cue phrases in one set (`part[i]` is the index in `SectionCatalog.parts` of phrase `i`'s part).
    static let cues: (set: PhraseSet, part: [Int]) = {
        var phrases: [Phrase] = [], part: [Int] = []
        for (pi, p) in SectionCatalog.parts.enumerated() { for c in p.cues { phrases.append(c); part.append(pi) } }
        return (PhraseSet(phrases), part)
    }()

    static let siteWords = WordSet(words: ["hospital", "infirmary", "campus", "hospice", "house", "school", "elementary", "academy",
                                           "university", "college", "county", "borough", "district", "street", "road", "park",
                                           "city", "centre", "center", "village", "clinic", "surgery", "ward", "hospitals", "campuses", "trust",
                                           "schools", "headquarters", "lodge"])

    static let notAskedOfUnpaidWork = ["employment-type", "pay", "benefits", "equal-opportunity", "requirements", "location",
                                       "responsibilities"]

    /// A number of hours glued to its unit and followed by the week (“30hrs/week”, “37.5 hrs pw”, “20h per week”).
    static func statesWeeklyHours(_ t: [UInt8]) -> Bool {
        var i = 0
        let n = t.count
        while i < n {
            guard Bytes.isDigit(t[i]) else { i += 1; continue }
            var j = i
            while j < n && (Bytes.isDigit(t[j]) || t[j] == 0x2E) { j += 1 }
            if j < n && t[j] == 0x20 { j += 1 }
            var k = j
            while k < n && Bytes.isASCIILetter(t[k]) { k += 1 }
            let unit = Bytes.lowerString(t, j..<k)
            if unit == "hrs" || unit == "hr" || unit == "h" || unit == "hours" {
                var m = k
                while m < n && m < k + 3 && (t[m] == 0x2F || t[m] == 0x20) { m += 1 }
                var e = m
                while e < n && Bytes.isASCIILetter(t[e]) { e += 1 }
                let next = Bytes.lowerString(t, m..<e)
                if ["week", "wk", "pw", "per", "weekly", "a"].contains(next) && (next != "per" && next != "a" || e + 5 < n && Bytes.lowerString(t, (e + 1)..<min(n, e + 5)).hasPrefix("week")) {
                    return true
                }
            }
            i = max(k, i + 1)
        }
        return false
    }

    /// What kind of engagement a posting offers, as far as it says.
    enum Engagement { case employment, freelance, unpaid }

    /// Unpaid when a pay field says so (`compensation: gratis`, `rate: gratis / Negotiable`) or the prose calls it
    /// voluntary (“volunteer position”); freelance when the prose says so (“freelance”, “per project”, “outside
    /// IR35”) or the posting lists its deliverables (a project brief). Shared by the structure rules: a short
    /// volunteer call is not a short job posting.
    static func engagement(_ a: Analysis) -> Engagement {
        // A pay field (`compensation:`, `rate:`, `hiredrate:`, `salary_note:`) that says gratis or unpaid.
        for f in a.fields where f.value.utf8.count < 200 {
            let pay = (SectionCatalog.partsByField[f.key] ?? []).contains(where: { SectionCatalog.parts[$0].id == "pay" })
                || payKeyParts.contains(where: { f.key.containsBytes($0) }) || f.key.containsBytes("rate")
            if pay && statesUnpaid(f.value) { return .unpaid }
        }
        var unpaid = false
        volunteerCues.forEachMatch(in: a.phraseText) { _ in unpaid = true; return false }
        if unpaid { return .unpaid }
        // A project brief's template (`deliverables:`, filled or not) is a freelance engagement.
        if a.fields.contains(where: { $0.key == "deliverables" && $0.origin == .frontMatter }) { return .freelance }
        // A title that names a project, not a post (“UI designer for our account interface project”, “Django
        // Backend Contract Project”): the work is the project.
        if let title = a.title?.text, Self.namesAProject(title) { return .freelance }
        var freelance = false
        freelanceCues.forEachMatch(in: a.phraseText) { _ in freelance = true; return false }
        // Front-matter values are not in the prose (`contract: Contractor (Outside IR35)`).
        for f in a.fields where !freelance && f.origin == .frontMatter && f.value.utf8.count < 200 {
            freelanceCues.forEachMatch(in: PhraseText(Array(f.value.utf8)[...])) { _ in freelance = true; return false }
        }
        return freelance ? .freelance : .employment
    }

    /// The title ends in “project” and says what it is for (“Logo for our mapping project”, “Django Backend
    /// Contract Project”); “Modernist Versions Project Post-Doctoral Fellowship” or “Research Assistant, ‘City
    /// Witness’ Project” name the employer's project, not the engagement.
    static func namesAProject(_ title: String) -> Bool {
        let b = Array(title.utf8)
        var words: [Range<Int>] = []
        Tokenizer.words(b, 0..<b.count) { words.append($0) }
        guard words.count >= 3, let last = words.last, Word.hash(b, last) == projectHash else { return false }
        return words.dropLast().contains { Word.hash(b, $0) == forHash || Word.hash(b, $0) == contractHash }
    }
    static let projectHash = Word.hash("project")
    static let forHash = Word.hash("for")
    static let contractHash = Word.hash("contract")

    /// The prose says the work is a freelance job.
    static let freelanceCues = PhraseSet(["freelance", "freelancer", "freelancers", "independent contractor", "per project",
                                          "project basis", "fixed fee", "one off project", "one-off project", "freelance basis", "ir35", "1099",
                                          "project based", "project-based",
                                          "day rate contract", "daily rate contract", "billable hours"].map { Phrase($0) })

    /// The prose says the work is voluntary.
    static let volunteerCues = PhraseSet(["volunteer position", "volunteer role", "volunteer opportunity", "volunteer opportunities",
                                          "voluntary position", "voluntary role", "unpaid position", "unpaid role", "unpaid internship",
                                          "volunteers wanted", "looking for volunteers", "seeking volunteers", "as a volunteer",
                                          "this is a volunteer", "volunteer basis", "voluntary basis", "pro bono"].map { Phrase($0) })

    /// A pay field that says the work is unpaid (`compensation: gratis`): the pay is stated.
    static func statesUnpaid(_ s: String) -> Bool {
        let k = Field.normaliseKey(s)
        if ["gratis", "unpaid", "volunteer", "voluntary", "probono", "free", "nopay", "equity", "equityonly"].contains(k) { return true }
        // `rate: gratis / Negotiable`, `compensation: free shirt / swag / gratis`
        let b = Array(s.utf8)
        var unpaid = false
        Tokenizer.words(b, 0..<b.count) { r in
            let h = Word.hash(b, r)
            if h == Self.gratis || h == Self.unpaidWord { unpaid = true }
        }
        return unpaid
    }
    static let gratis = Word.hash("gratis")
    static let unpaidWord = Word.hash("unpaid")

    /// A place from the gazetteer: in the prose in a place context (“based in Leeds”, “our Tacoma office”), in the
    /// title or a short field anywhere (“Staff Nurse - Cardiff”, `Company: Leeds Teaching Hospitals`).
    static func namesPlace(_ a: Analysis) -> Bool {
        let w = a.words
        if Gazetteer.namesPlace(a.text, count: w.count, word: { w[$0].range }, anywhere: false) { return true }
        if let title = a.title?.text, Gazetteer.namesPlace(title, anywhere: true) { return true }
        for f in a.fields where f.value.utf8.count < 120 && !FrontMatter.proseKeys.contains(f.key) {
            if Gazetteer.namesPlace(f.value, anywhere: true) { return true }
        }
        return false
    }

    /// A named workplace: “Glenfield Hospital”, “Leicester Royal Infirmary”, “Main Campus”, “Fellview Health Centre”.
    static func hasNamedSite(_ a: Analysis) -> Bool {
        let t = a.text
        let w = a.words
        if w.count > 1 {
            for i in 1..<w.count where Bytes.isUpper(t[w[i].range.lowerBound]) && Bytes.isUpper(t[w[i - 1].range.lowerBound]) {
                if siteWords.contains(w[i].hash) { return true }
            }
        }
        // The title and the fields (`Company: Chesterfield County Public Schools`, `title: Nurse (Chester VA)`).
        var texts: [String] = a.fields.filter { $0.origin != .jsonld || $0.value.utf8.count < 200 }.map(\.value)
        if let title = a.title?.text { texts.append(title) }
        for s in texts where s.utf8.count < 400 {
            let b = Array(s.utf8)
            if hasCityState(b) { return true }
            var prevUpper = false
            var i = 0
            while i < b.count {
                guard Bytes.isASCIILetter(b[i]) else { i += 1; continue }
                var j = i
                while j < b.count && Bytes.isASCIILetter(b[j]) { j += 1 }
                let upper = Bytes.isUpper(b[i])
                if upper && prevUpper && siteWords.contains(Word.hash(b, i..<j)) { return true }
                prevUpper = upper
                i = j
            }
        }
        return false
    }

    /// A figure of four or more digits right after a pay word, without a currency (“Rate 85,000 - 100,000 DOE”).
    static func labelledFigure(_ a: Analysis) -> Bool {
        let w = a.words
        let t = a.text
        guard w.count > 1 else { return false }
        for i in 0..<w.count where labelWords.contains(w[i].hash) {
            var k = w[i].range.upperBound
            let end = min(t.count, k + 4)
            while k < end && (t[k] == 0x20 || t[k] == 0x3A) { k += 1 }
            var digits = 0
            while k < t.count && (Bytes.isDigit(t[k]) || t[k] == 0x2C) { if Bytes.isDigit(t[k]) { digits += 1 }; k += 1 }
            if digits >= 4 { return true }
        }
        return false
    }
    static let willHash = Word.hash("will")
    static let theHash = Word.hash("the")
    static let labelWords = WordSet(["salary", "rate", "pay", "compensation", "wage", "stipend"].map { Word.hash($0) })

    /// Field keys that name pay wherever they appear in the key (`salary_min`, `min_payrange`, `base_compensation`).
    static let payKeyParts = ["salary", "wage", "compensation", "payrange", "payband", "payrate", "paygrade", "payscale", "remuneration"]

    static let bigUnits: [[UInt8]] = ["million", "billion", "trillion", "bn", "mn", "m", "b"].map { Array($0.utf8) }

    static let currencyCodes: [[UInt8]] = ["usd", "gbp", "eur", "cad", "aud", "chf", "nzd", "sek", "nok", "dkk", "inr", "jpy"].map { Array($0.utf8) }

    /// A sum of money: a currency symbol or ISO code next to a number of two or more digits (`$ 143,736`,
    /// `€ 2191`, `GBP 25,888`, `15GBP/h`, `$150k`).
    static func hasMoney(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = t.count
        func digitsAt(_ k: Int) -> Bool {
            var j = k
            while j < n && (t[j] == 0x20 || (t[j] == 0xC2 && j + 1 < n && t[j + 1] == 0xA0)) { j += t[j] == 0x20 ? 1 : 2; if j - k > 2 { return false } }
            var d = 0
            while j < n && (Bytes.isDigit(t[j]) || t[j] == 0x2C || t[j] == 0x2E) { if Bytes.isDigit(t[j]) { d += 1 }; j += 1 }
            // `$40 million in revenue`, `£1bn turnover`: money, but not pay.
            while j < n && t[j] == 0x20 { j += 1 }
            for unit in Self.bigUnits where j + unit.count <= n && Bytes.equalsLower(t, j..<(j + unit.count), unit)
                && (j + unit.count == n || !Bytes.isASCIILetter(t[j + unit.count])) { return false }
            return d >= 2
        }
        func digitsBefore(_ k: Int) -> Bool {
            var j = k
            while j > 0 && t[j - 1] == 0x20 && k - j < 2 { j -= 1 }
            var d = 0
            while j > 0 && (Bytes.isDigit(t[j - 1]) || t[j - 1] == 0x2C || t[j - 1] == 0x2E || t[j - 1] == 0x6B) { if Bytes.isDigit(t[j - 1]) { d += 1 }; j -= 1 }
            return d >= 2
        }
        var i = 0
        while i < n {
            let c = t[i]
            var symLen = 0
            if c == 0x24 { symLen = 1 }  // $
            else if c == 0xC2 && i + 1 < n && t[i + 1] == 0xA3 { symLen = 2 }  // £
            else if c == 0xE2 && i + 2 < n && t[i + 1] == 0x82 && t[i + 2] == 0xAC { symLen = 3 }  // €
            if symLen > 0 {
                if digitsAt(i + symLen) || digitsBefore(i) { return true }
                i += symLen
                continue
            }
            // A code starts with a capital (most three-letter words do not, so the list is not read for them).
            if Bytes.isUpper(c) && (i == 0 || !Bytes.isASCIILetter(t[i - 1])) && i + 3 <= n && (i + 3 == n || !Bytes.isASCIILetter(t[i + 3])) {
                for code in currencyCodes where Bytes.equalsLower(t, i..<(i + 3), code) {
                    if digitsAt(i + 3) || digitsBefore(i) { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// “Boston, MA” anywhere; “(Chester VA)” and “Chester VA,” (a capitalised word, a space, a state code, then a
    /// closing bracket or a comma), where a bare two capitals could be a word (“OR”, “IN”) or an acronym.
    static func hasCityState(_ t: [UInt8]) -> Bool {
        var i = 1
        while i + 4 <= t.count {
            if t[i] == 0x20 && Bytes.isASCIILetter(t[i - 1]) && Bytes.isUpper(t[i + 1]) && Bytes.isUpper(t[i + 2])
                && i + 3 < t.count && (t[i + 3] == UInt8(ascii: ")") || t[i + 3] == UInt8(ascii: ","))
            {
                var k = i - 1
                while k > 0 && Bytes.isASCIILetter(t[k - 1]) { k -= 1 }
                if Bytes.isUpper(t[k]) && Bytes.isLower(t[i - 1]) && usStates.contains(String(decoding: t[(i + 1)..<(i + 3)], as: UTF8.self)) {
                    return true
                }
            }
            if t[i] == 0x2C && t[i + 1] == 0x20 && Bytes.isASCIILetter(t[i - 1]) && Bytes.isUpper(t[i + 2]) && Bytes.isUpper(t[i + 3])
                && (i + 4 == t.count || !Bytes.isASCIILetter(t[i + 4]))
            {
                if usStates.contains(String(decoding: t[(i + 2)..<(i + 4)], as: UTF8.self)) { return true }
            }
            i += 1
        }
        return false
    }

    /// Where the finding goes: the title, or the first line with text.
    static func anchor(_ a: Analysis) -> Range<Int> {
        if let t = a.title, !t.range.isEmpty { return t.range }
        // Line 1 (the first line with text), whatever it holds: a finding about the whole posting must not fall
        // under a suppression comment meant for the line after it.
        let lines = a.document.lines
        for l in 0..<lines.lineCount where lines.contentEnd(ofLine: l) > lines.contentStart(ofLine: l) {
            return lines.contentStart(ofLine: l)..<lines.contentEnd(ofLine: l)
        }
        return 0..<0
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let ignore = Set(context.strings("ignore") ?? [])
        var required = context.settings.requiredParts
        for r in context.strings("require") ?? [] where !required.contains(r) { required.append(r) }
        required = required.filter { !ignore.contains($0) && SectionCatalog.byID[$0] != nil }
        if !required.isEmpty {
            let present = Self.presentParts(a)
            // One finding per missing part: each can be judged, fixed or suppressed on its own. A part is missing
            // only when `jdlint facts` finds nothing for it either (one truth: a location the facts extract is never
            // reported missing).
            // Freelance and contract work, and volunteering, come without benefits (and volunteering without pay):
            // a posting that is only that is not asked for them.
            var notExpected: Set<String> = []
            if required.contains(where: { ($0 == "benefits" || $0 == "pay") && !present.contains($0) }) {
                let types = JobPostingFacts.employmentTypes(in: a)
                if !types.isEmpty && types.allSatisfy({ $0 == "CONTRACTOR" || $0 == "VOLUNTEER" }) { notExpected.insert("benefits") }
                if !types.isEmpty && types.allSatisfy({ $0 == "VOLUNTEER" }) { notExpected.insert("pay") }
            }
            for part in required where !present.contains(part) && !notExpected.contains(part) && !JobPostingFacts.states(part, in: a) {
                guard let p = SectionCatalog.byID[part] else { continue }
                reporter.report("The posting lacks \(p.name): \(p.why).", at: Self.anchor(a))
            }
        }
        checkStructuredData(context, ignore: ignore, &reporter)
    }

    /// The JSON-LD checks of profiles such as `google-jobs`.
    func checkStructuredData(_ context: RuleContext, ignore: Set<String>, _ reporter: inout Reporter) {
        let a = context.analysis
        var requires: [String] = []
        var recommends: [String] = []
        var alternatives: [String: [String]] = [:]
        for p in context.settings.selectedProfiles {
            for r in p.jsonldRequires where !requires.contains(r) && !ignore.contains(r) { requires.append(r) }
            for r in p.jsonldRecommends where !recommends.contains(r) && !ignore.contains(r) { recommends.append(r) }
            alternatives.merge(p.jsonldAlternatives) { x, _ in x }
        }
        guard !requires.isEmpty || !recommends.isEmpty else { return }
        let jsonld = a.fields.filter { $0.origin == .jsonld }
        guard !jsonld.isEmpty else {
            // One truth: what the posting states is what `jdlint facts` writes as JSON-LD.
            let stated = JobPostingFacts.extract(a).facts.map(\.property).filter { requires.contains($0) }
            let hint = stated.isEmpty ? "" : " `jdlint facts` writes one from what the posting states (\(Self.list(stated)))."
            reporter.report("The page has no schema.org JobPosting structured data (JSON-LD): Google for Jobs cannot list it.\(hint)",
                            at: Self.anchor(a))
            return
        }
        func value(_ key: String) -> Field? {
            jsonld.first { $0.rawKey == key && (!Self.isEmptyValue($0.value) || $0.json?.boolValue != nil) }
        }
        func holds(_ condition: String) -> Bool {
            if let eq = condition.firstIndex(of: "=") {
                let key = String(condition[..<eq]), want = String(condition[condition.index(after: eq)...])
                guard let f = value(key) else { return false }
                return f.value.uppercased().containsBytes(want.uppercased())
            }
            return value(condition) != nil
        }
        let missingRequired = requires.filter { key in
            value(key) == nil && !(alternatives[key].map { !$0.isEmpty && $0.allSatisfy(holds) } ?? false)
        }
        let missingRecommended = recommends.filter { value($0) == nil }
        guard !missingRequired.isEmpty || !missingRecommended.isEmpty else { return }
        var parts: [String] = []
        if !missingRequired.isEmpty { parts.append("the required \(Self.list(missingRequired))") }
        if !missingRecommended.isEmpty { parts.append("the recommended \(Self.list(missingRecommended))") }
        let why = missingRequired.isEmpty ? "Google for Jobs shows complete postings better"
            : "Google for Jobs does not list a posting without its required properties"
        // The text may state what the structured data lacks (the facts read both): say which, so it is copied over.
        let facts = JobPostingFacts.extract(a)
        let inText = (missingRequired + missingRecommended).filter { key in
            facts.facts.contains { $0.property == key && !jsonld.contains { $0.rawKey == key } }
        }
        let copy = inText.isEmpty ? "" : " The posting's text states \(Self.list(inText)): add \(inText.count == 1 ? "it" : "them") to the JSON-LD."
        reporter.report("The JobPosting structured data lacks \(parts.joined(separator: " and ")): \(why).\(copy)", at: Self.anchor(a))
    }
}
