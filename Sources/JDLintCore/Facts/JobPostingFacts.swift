/// What a posting states, as schema.org `JobPosting` properties, each with the source range it was read from
/// (`jdlint facts`, docs/facts.md).
///
/// Every property comes from machinery the rules already use: the title, `Label:` lines, front-matter keys and
/// JSON-LD properties (`Prose.fields`), the section catalogue (`Rules/sections.json`), the pay parser, the
/// gazetteer (`Rules/places.txt`) and the years-of-experience reader. A property is present only when the posting
/// states it; nothing is guessed or defaulted. Pure: no I/O.
public struct JobPostingFacts: Sendable {
    /// One property: its schema.org name, its value and the source byte range it was read from.
    public struct Fact: Sendable, Equatable {
        public var property: String
        public var value: JSONValue
        public var evidence: Range<Int>

        public init(property: String, value: JSONValue, evidence: Range<Int>) {
            self.property = property
            self.value = value
            self.evidence = evidence
        }
    }

    /// The properties found, in output order (a JSON-LD input's own properties first, in their order).
    public private(set) var facts: [Fact] = []

    public init(facts: [Fact]) { self.facts = facts }

    /// The fact for a property, if the posting states it.
    public subscript(property: String) -> Fact? { facts.first { $0.property == property } }

    /// The properties `extract` derives from a posting, in output order.
    public static let properties = ["title", "description", "hiringOrganization", "jobLocation", "jobLocationType", "employmentType",
                                    "baseSalary", "datePosted", "validThrough", "responsibilities", "qualifications",
                                    "educationRequirements", "experienceRequirements", "jobBenefits", "directApply", "applicationContact"]

    /// The schema.org `JobPosting` object: `@context`, `@type`, then the properties.
    public var jobPosting: JSONValue {
        // Property names are unique (`extract` keeps the first of each): built in one go, not key by key.
        .object(JSONObject([("@context", .string("https://schema.org")), ("@type", .string("JobPosting"))] + facts.map { ($0.property, $0.value) }))
    }

    /// `{PROPERTY: {"start": POS, "end": POS}}`, positions as in the lint JSON.
    public func evidence(in document: Document) -> JSONValue {
        .object(JSONObject(facts.map { ($0.property, JSONFormatter.range($0.evidence, document)) }))
    }

    /// The `jdlint facts` record of one file: `{"path", "jobPosting", "evidence"}`.
    public func record(path: String, document: Document) -> JSONValue {
        ["path": .string(path), "jobPosting": jobPosting, "evidence": evidence(in: document)]
    }

    // MARK: - Extraction

    /// The facts of an analysed posting.
    public static func extract(_ a: Analysis) -> JobPostingFacts {
        var out: [Fact] = []
        var seen = Set<String>()
        // A JSON-LD object's own properties pass through as written.
        for f in a.fields where f.origin == .jsonld {
            guard let v = f.json, !seen.contains(f.rawKey), !isBlank(v) else { continue }
            seen.insert(f.rawKey)
            out.append(Fact(property: f.rawKey, value: v, evidence: f.valueRange))
        }
        var derived = FactsReader(a)
        derived.run()
        for f in derived.out where !seen.contains(f.property) { out.append(f) }
        return JobPostingFacts(facts: out)
    }

    /// The schema.org properties that state each posting part, for the parts the facts can find: a part is missing
    /// only when the facts have none of them (`structure/missing-section` asks `states(_:in:)`).
    public static let propertiesByPart: [String: [String]] = [
        "title": ["title"], "pay": ["baseSalary"], "location": ["jobLocation", "jobLocationType"],
        "employment-type": ["employmentType"], "how-to-apply": ["applicationContact"], "benefits": ["jobBenefits"],
        "responsibilities": ["responsibilities"], "requirements": ["qualifications", "educationRequirements", "experienceRequirements"],
    ]

    /// Whether the facts of a posting state a part (`location`, `employment-type`, `how-to-apply`): only the readers
    /// of that part run (JSON-LD properties count as well).
    public static func states(_ part: String, in a: Analysis) -> Bool {
        guard let props = propertiesByPart[part] else { return false }
        for f in a.fields where f.origin == .jsonld && props.contains(f.rawKey) {
            if let v = f.json, !isBlank(v) { return true }
        }
        var r = FactsReader(a)
        switch part {
        case "location": r.location()
        case "employment-type": r.employmentType()
        case "how-to-apply": r.apply()
        default: r.run()
        }
        return r.out.contains { props.contains($0.property) }
    }

    /// The schema.org employment types a posting states (`CONTRACTOR`, `PART_TIME`…), as `jdlint facts` reads them.
    public static func employmentTypes(in a: Analysis) -> [String] {
        var r = FactsReader(a)
        r.employmentType()
        guard let v = r.out.first(where: { $0.property == "employmentType" })?.value else {
            if let f = a.fields.first(where: { $0.origin == .jsonld && $0.rawKey == "employmentType" }), let v = f.json {
                return (v.arrayValue ?? [v]).compactMap(\.stringValue)
            }
            return []
        }
        return (v.arrayValue ?? [v]).compactMap(\.stringValue)
    }

    /// Null, an empty string, array or object: states nothing.
    static func isBlank(_ v: JSONValue) -> Bool {
        switch v {
        case .null: return true
        case .string(let s): return s.allSatisfy(\.isWhitespace)
        case .array(let a): return a.isEmpty
        case .object(let o): return o.count == 0
        default: return false
        }
    }

    static func number(_ d: Double) -> JSONValue {
        d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .double(d)
    }
}

/// The properties read from the prose and the fields.
struct FactsReader {
    let a: Analysis
    let t: [UInt8]
    var out: [JobPostingFacts.Fact] = []

    init(_ a: Analysis) {
        self.a = a
        t = a.text
    }

    mutating func add(_ p: String, _ v: JSONValue, _ r: Range<Int>) {
        guard !out.contains(where: { $0.property == p }) else { return }
        out.append(JobPostingFacts.Fact(property: p, value: v, evidence: r))
    }

    /// Fields a property may come from (not JSON-LD: those passed through already), first filled one.
    func field(_ keys: Set<String>) -> Field? {
        a.fields.first { $0.origin != .jsonld && keys.contains($0.key) && !MissingSectionRule.isEmptyValue($0.value) }
    }

    func fields(_ keys: Set<String>) -> [Field] {
        a.fields.filter { $0.origin != .jsonld && keys.contains($0.key) && !MissingSectionRule.isEmptyValue($0.value) }
    }

    mutating func run() {
        title()
        description()
        organization()
        location()
        employmentType()
        salary()
        dates()
        sections()
        experience()
        apply()
        // Output order.
        let order = JobPostingFacts.properties
        out.sort { (order.firstIndex(of: $0.property) ?? order.count) < (order.firstIndex(of: $1.property) ?? order.count) }
    }

    // MARK: title, description, organisation

    mutating func title() {
        guard let title = a.title else { return }
        let s = title.text.trimmed
        guard !s.isEmpty else { return }
        add("title", .string(s), title.range)
    }

    /// The body as written in the source: from the first block after the title to the end of the last block
    /// (front matter left out).
    mutating func description() {
        let blocks = a.blocks
        var first: Int?
        for (i, b) in blocks.enumerated() where i != a.titleBlock && b.kind != .field {
            if a.prose.opaqueRanges.contains(where: { $0.contains(b.sourceRange.lowerBound) && $0.count > b.sourceRange.count }) { continue }
            first = i
            break
        }
        guard let f = first, let last = blocks.indices.last(where: { blocks[$0].kind != .field }), last >= f else { return }
        var start = blocks[f].sourceRange.lowerBound
        let src = a.document.bytes
        // A scraped text's title is the first line of its first paragraph (“Programme Manager⏎Acme Ltd”).
        if a.titleBlock == nil, let title = a.title, title.range.lowerBound == start, title.range.upperBound <= blocks[f].sourceRange.upperBound {
            start = title.range.upperBound
            while start < src.count && Bytes.isWhitespace(src[start]) { start += 1 }
        }
        let r = start..<max(start, blocks[last].sourceRange.upperBound)
        guard r.upperBound <= src.count, !r.isEmpty else { return }
        let text = String(decoding: src[r], as: UTF8.self)
        guard !text.allSatisfy(\.isWhitespace) else { return }
        add("description", .string(text), r)
    }

    static let organizationKeys: Set<String> = ["company", "companyname", "employer", "organisation", "organization",
                                                "hiringorganization", "hiringorganisation", "org", "hiringcompany", "employername"]

    mutating func organization() {
        guard let f = field(Self.organizationKeys) else { return }
        let name = f.value.split(separator: "\n").first.map { $0.trimmed } ?? ""
        guard !name.isEmpty else { return }
        add("hiringOrganization", ["@type": "Organization", "name": .string(name)], f.valueRange)
    }

    // MARK: location

    static let locationKeys: Set<String> = ["location", "locations", "joblocation", "city", "worklocation", "officelocation",
                                            "placeofwork", "basedin", "based", "address", "town", "workplace", "place"]

    struct Address {
        var locality: String?
        var region: String?
        var postalCode: String?
        var country: String?
        var range: Range<Int>

        var isEmpty: Bool { locality == nil && region == nil && postalCode == nil && country == nil }

        var place: JSONValue {
            var ad = JSONObject()
            ad["@type"] = .string("PostalAddress")
            if let locality { ad["addressLocality"] = .string(locality) }
            if let region { ad["addressRegion"] = .string(region) }
            if let postalCode { ad["postalCode"] = .string(postalCode) }
            if let country { ad["addressCountry"] = .string(country) }
            return ["@type": "Place", "address": .object(ad)]
        }

        var key: String { [locality, region, postalCode, country].map { ($0 ?? "").lowercased() }.joined(separator: "|") }
    }

    /// Phrases before a place, in its sentence, that say the job is not there (“does not hire candidates residing
    /// in”, “excluding”, “except”).
    static let exclusionPhrases: [[UInt8]] = ["not hire", "cannot hire", "can't hire", "can’t hire", "unable to hire", "not able to hire",
                                              "not accept", "not open to", "not eligible", "not available to", "excluding", "except",
                                              "not consider"].map { Array($0.utf8) }

    static func excludes(_ t: [UInt8], before i: Int) -> Bool {
        var k = i
        while k > 0 && i - k < 160 && t[k - 1] != 0x2E && t[k - 1] != 0x0A && t[k - 1] != 0x21 && t[k - 1] != 0x3F { k -= 1 }
        guard k < i else { return false }
        let lower = t[k..<i].map(Bytes.lower)
        return exclusionPhrases.contains { p in
            guard lower.count >= p.count else { return false }
            for s in 0...(lower.count - p.count) where lower[s] == p[0] && Array(lower[s..<(s + p.count)]) == p { return true }
            return false
        }
    }

    mutating func location() {
        var places: [Address] = []
        var remote: Range<Int>?
        // A place inside the employer's name (“Company: Lincoln Learning Solutions”) is not where the job is.
        // (there, or wherever the name is written again).
        let orgRanges = fields(Self.organizationKeys).map(\.valueRange)
        let orgNames = fields(Self.organizationKeys).map { Array(($0.value.split(separator: "\n").first.map { $0.trimmed } ?? "").utf8).map(Bytes.lower) }
            .filter { $0.count >= 4 }
        let src = a.document.bytes
        func inOrganizationName(_ at: Int) -> Bool {
            if orgRanges.contains(where: { $0.contains(at) }) { return true }
            return orgNames.contains { n in at + n.count <= src.count && src[at..<(at + n.count)].map(Bytes.lower) == n }
        }
        func append(_ p: Address) {
            // At most twenty places: a posting naming more is a list of sites, and the checks below stay cheap.
            guard !p.isEmpty, places.count < 20 else { return }
            if inOrganizationName(p.range.lowerBound) { return }
            // The same place twice, or a country or region already given with a city, adds nothing.
            if places.contains(where: { $0.key == p.key }) { return }
            // “Richmond” after “Richmond, Virginia”: the same place, said again.
            if let l = p.locality, p.region == nil, p.country == nil, p.postalCode == nil,
               places.contains(where: { $0.locality?.lowercased() == l.lowercased() }) { return }
            if p.locality == nil, places.contains(where: { ($0.country == p.country || p.country == nil) && ($0.region == p.region || p.region == nil) && $0.locality != nil }) {
                return
            }
            places.append(p)
        }
        // Fields: `Location: Albuquerque, NM`, front-matter `location:`.
        for f in fields(Self.locationKeys).prefix(50) where f.value.utf8.count < 300 {
            let (addresses, isRemote) = Self.parseLocation(f.value, range: f.valueRange)
            for p in addresses { append(p) }
            if isRemote && remote == nil { remote = f.valueRange }
        }
        // `Location: …` written inside a paragraph (scraped pages run their labels together): the places it names.
        if places.isEmpty {
            for r in Self.labelledLocations(t) {
                let value = Array(t[r])
                if Self.saysRemote(value) && remote == nil { remote = a.sourceRange(r) }
                for p in Self.places(in: value, anywhere: true, source: { a.sourceRange((r.lowerBound + $0.lowerBound)..<(r.lowerBound + $0.upperBound)) }) {
                    append(p)
                }
            }
        }
        if places.isEmpty {
            // The title (“Staff Nurse - Cardiff”, “Data Analyst (Tacoma, WA)”): any place name counts.
            if let title = a.title, a.document.format != .jsonld {
                for p in Self.places(in: Array(title.text.utf8), anywhere: true, source: { _ in title.range }) { append(p) }
            }
            // The prose: a place name in a place context, and US “City, ST”.
            let w = a.words
            var found: [(Int, Address)] = []
            Gazetteer.forEachPlace(t, count: w.count, word: { w[$0].range }, anywhere: false, towns: true) { words, country in
                let r = w[words.lowerBound].range.lowerBound..<w[words.upperBound - 1].range.upperBound
                // A town before “Hospital”, “Park”, “House” is part of a name (“at Cygnet Hospital”, “at Alexandra
                // Park”), and a name before “Road” a street.
                let n = words.upperBound
                if n < w.count, Self.streetWords.contains(w[n].hash) { return true }
                if !country && Self.allCaps(t, r) { return true }
                if n < w.count, !Gazetteer.isCity(Word.hash(t, r)), Bytes.isUpper(t[w[n].range.lowerBound]),
                   Self.siteWords.contains(w[n].hash) || Self.namePartWords.contains(w[n].hash),
                   t[r.upperBound..<w[n].range.lowerBound].allSatisfy({ $0 == 0x20 }) {
                    return true
                }
                // “Riverside Clinic is hiring”: a name starting a sentence before “Clinic”, “Office” is the site's name.
                if n < w.count, Gazetteer.after.contains(w[n].hash), Self.startsSentence(t, r.lowerBound) { return true }
                // “does not hire candidates residing in New York, California…”: places the job is not.
                if Self.excludes(t, before: r.lowerBound) { return true }
                found.append((r.lowerBound, qualified(r, country: country)))
                // A list of places: “in Chelsea, London and Harefield”, “Leeds or York”.
                var k = words.upperBound
                while k < w.count && found.count < 50 {
                    guard let next = Self.listedPlace(t, w, after: k) else { break }
                    let nr = w[next.lowerBound].range.lowerBound..<w[next.upperBound - 1].range.upperBound
                    found.append((nr.lowerBound, Self.address(name: String(decoding: t[nr], as: UTF8.self), country: false, range: a.sourceRange(nr))))
                    k = next.upperBound
                }
                return found.count < 50
            }
            // A place named as part of a site (“University Hospitals Birmingham”, “Cumberland Infirmary, Carlisle”,
            // “Bristol NHS Foundation Trust”).
            func site(_ k: Int, _ a: Int, _ b: Int, comma: Bool) -> Bool {
                guard k >= 0 && k < w.count, Bytes.isUpper(t[w[k].range.lowerBound]), Self.siteWords.contains(w[k].hash) else { return false }
                return b - a <= (comma ? 2 : 1) && !t[a..<b].contains(0x0A) && !t[a..<b].contains(0x2E)
            }
            /// A site word after the name, past up to three capitalised words (“Blackpool Teaching Hospitals”).
            func siteAfter(_ n: Int, _ end: Int) -> Bool {
                var k = n, prevEnd = end
                while k < w.count && k < n + 4 {
                    let g = t[prevEnd..<w[k].range.lowerBound]
                    guard g.count <= 2, !g.contains(0x0A), !g.contains(0x2E), !g.contains(0x2C), Bytes.isUpper(t[w[k].range.lowerBound]) else { return false }
                    if Self.siteWords.contains(w[k].hash) { return true }
                    prevEnd = w[k].range.upperBound
                    k += 1
                }
                return false
            }
            Gazetteer.forEachPlace(t, count: w.count, word: { w[$0].range }, anywhere: true, towns: true) { words, country in
                guard !country else { return true }
                let first = w[words.lowerBound].range, last = w[words.upperBound - 1].range
                let p = words.lowerBound - 1, n = words.upperBound
                if n < w.count, Self.streetWords.contains(w[n].hash) { return true }
                if Self.allCaps(t, first.lowerBound..<last.upperBound) { return true }
                // “Richmond, Virginia”, “Leeds, England”: a place, a comma and its state or country.
                if Self.qualifier(t, after: last.upperBound) != nil, !found.contains(where: { $0.0 == first.lowerBound }),
                   !Self.excludes(t, before: first.lowerBound) {
                    let place = qualified(first.lowerBound..<last.upperBound, country: false)
                    if place.locality != nil { found.append((first.lowerBound, place)) }
                    return found.count < 50
                }
                // Cities of the main list only: many towns share a name with a company or a hospital (“Cygnet Hospital”).
                guard Gazetteer.isCity(Word.hash(t, first.lowerBound..<last.upperBound)) else { return true }
                // “Greater Richmond”, “Greater Manchester” (a region of its own when the gazetteer has it).
                let greater = p >= 0 && w[p].hash == Self.greaterWord && Bytes.isUpper(t[w[p].range.lowerBound])
                let named = greater || (p >= 0 && site(p, w[p].range.upperBound, first.lowerBound, comma: true)) || siteAfter(n, last.upperBound)
                if named && !found.contains(where: { $0.0 == first.lowerBound }) {
                    let r = first.lowerBound..<last.upperBound
                    found.append((r.lowerBound, Self.address(name: String(decoding: t[r], as: UTF8.self), country: false, range: a.sourceRange(r))))
                }
                return found.count < 50
            }
            var starts = Set(found.map(\.0))
            for (r, state) in Self.cityStates(t) where found.count < 50 && !starts.contains(r.lowerBound) {
                starts.insert(r.lowerBound)
                var p = Address(locality: String(decoding: t[r], as: UTF8.self), region: state, country: "US",
                                range: a.sourceRange(r.lowerBound..<(r.upperBound + 4)))
                if let z = Self.zip(t, after: r.upperBound + 4) {
                    p.postalCode = z
                    p.range = a.sourceRange(r.lowerBound..<(r.upperBound + 10))
                }
                found.append((r.lowerBound, p))
            }
            found.sort { $0.0 < $1.0 }
            // The employer's name, whole or its first two words (“Lincoln Learning timeframes”).
            func startsOrgName(_ off: Int) -> Bool {
                orgNames.contains { n in
                    let firstTwo = n.split(separator: 0x20).prefix(2).joined(separator: [0x20])
                    let m = Array(n.split(separator: 0x20).count >= 2 ? Array(firstTwo) : n)
                    return off + m.count <= t.count && t[off..<(off + m.count)].map(Bytes.lower) == m
                }
            }
            for (off, p) in found.prefix(20) where !startsOrgName(off) {
                append(p)
            }
        }
        if !places.isEmpty {
            let value: JSONValue = places.count == 1 ? places[0].place : .array(places.map(\.place))
            add("jobLocation", value, places[0].range)
        }
        // Remote work: a field that says so, or the prose (“this is a remote role”, “fully remote”).
        if remote == nil, let title = a.title, Self.titleSaysRemote(title.text) { remote = title.range }
        if remote == nil, let (_, r) = Self.remoteCues.first(in: a) { remote = a.sourceRange(r) }
        if let r = remote { add("jobLocationType", "TELECOMMUTE", r) }
    }

    static let greaterWord = Word.hash("greater")

    /// Written in capitals (“ADA”, “READING”): an acronym or a shout more often than a place.
    static func allCaps(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        var letters = 0
        for k in r where Bytes.isASCIILetter(t[k]) {
            if Bytes.isLower(t[k]) { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Nothing but white space since the start of the text or the end of a sentence.
    static func startsSentence(_ t: [UInt8], _ i: Int) -> Bool {
        var k = i
        while k > 0 && Bytes.isWhitespace(t[k - 1]) { k -= 1 }
        return k == 0 || t[k - 1] == 0x2E || t[k - 1] == 0x21 || t[k - 1] == 0x3F || (k < i && t[k..<i].contains(0x0A))
    }

    /// Capitalised words after a town that make it part of a name (“Alexandra Park”, “Fairfield House”).
    static let namePartWords = WordSet(["park", "house", "school", "academy", "lodge", "hall", "unit", "ward", "practice",
                                        "group", "healthcare", "care", "services", "limited", "ltd", "inc", "partnership"].map { Word.hash($0) })

    static let listJoiners = WordSet(["and", "or"].map { Word.hash($0) })

    /// The words of a place name (towns included, no country) that continue a list at word `k`: after `, `, `and`, `or`,
    /// `&` on the same line.
    static func listedPlace(_ t: [UInt8], _ w: WordList, after k: Int) -> Range<Int>? {
        guard k < w.count, k > 0 else { return nil }
        var j = k
        let gap = t[w[k - 1].range.upperBound..<w[k].range.lowerBound]
        if listJoiners.contains(w[k].hash) {
            guard gap.allSatisfy({ $0 == 0x20 || $0 == 0x2C }), k + 1 < w.count else { return nil }
            j = k + 1
            let g2 = t[w[k].range.upperBound..<w[j].range.lowerBound]
            guard g2.count <= 2, g2.allSatisfy({ $0 == 0x20 }) else { return nil }
        } else {
            let g = Array(gap)
            guard g == [0x2C, 0x20] || g == [0x20, 0x26, 0x20] || g == [0x26, 0x20] || g == [0x2C] else { return nil }
        }
        let names = Gazetteer.namesWithTowns
        guard Bytes.isUpper(t[w[j].range.lowerBound]) else { return nil }
        var n = min(names.maxWords, w.count - j)
        while n >= 1 {
            let last = w[j + n - 1].range
            let h = Word.hash(t, w[j].range.lowerBound..<last.upperBound)
            if Bytes.isUpper(t[last.lowerBound]), names.set.contains(h), !names.countries.contains(h),
               !t[w[j].range.lowerBound..<last.upperBound].contains(0x0A) {
                if j + n < w.count, streetWords.contains(w[j + n].hash) { return nil }
                return j..<(j + n)
            }
            n -= 1
        }
        return nil
    }

    /// Capitalised words that make a place name next to them a site (“University Hospitals Birmingham”).
    static let siteWords = WordSet(["house", "hospital", "hospitals", "infirmary", "nhs", "clinic", "centre", "center", "university",
                                    "college", "trust", "surgery", "campus", "council", "office", "offices", "medical",
                                    "health"].map { Word.hash($0) })

    /// The place named at prose range `r`, with what follows it on the same line (“Tacoma, WA 98402”, “Leeds,
    /// England”).
    func qualified(_ r: Range<Int>, country: Bool) -> Address {
        var p = Self.address(name: String(decoding: t[r], as: UTF8.self), country: country, range: a.sourceRange(r))
        if p.locality != nil, let (more, end) = Self.qualifier(t, after: r.upperBound) {
            p.region = more.region
            p.country = more.country
            var e = end
            if more.region != nil && more.country == "US", let z = Self.zip(t, after: end) {
                p.postalCode = z
                e += 6
            }
            p.range = a.sourceRange(r.lowerBound..<e)
        }
        return p
    }

    static let remoteCues = PhraseList([
        ("fully remote", 0), ("100 remote", 0), ("remote role", 0), ("remote position", 0), ("remote job", 0), ("remote first", 0),
        ("this is a remote", 0), ("work from home", 0), ("work from anywhere", 0), ("working from home", 0), ("telecommute", 0),
        ("telecommuting", 0), ("remote working", 0), ("work remotely", 0), ("remote opportunity", 0), ("remote based", 0),
        ("home based", 0), ("fully remote role", 0), ("location remote", 0), ("remote us", 0), ("remote uk", 0),
    ])

    /// “Remote” in a title (“Data Engineer (Remote)”, “Remote Math Teacher”), not a remote thing (“remote desktop
    /// client”, “Remote Sensing Scientist”).
    static func titleSaysRemote(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var words: [Range<Int>] = []
        Tokenizer.words(b, 0..<b.count) { words.append($0) }
        for (k, r) in words.enumerated() where Word.hash(b, r) == remoteWord {
            if k + 1 < words.count, remoteThings.contains(Word.hash(b, words[k + 1])) { continue }
            return true
        }
        return false
    }
    static let remoteWord = Word.hash("remote")
    static let remoteThings = WordSet(["desktop", "sensing", "monitoring", "control", "controls", "access", "patient", "pilot",
                                       "operated", "operations", "sensor", "sensors", "server", "servers", "site", "sites"].map { Word.hash($0) })

    /// A place name from the gazetteer as an address: a country, a region (a US state, a UK county…) or a locality.
    static func address(name: String, country: Bool, range: Range<Int>) -> Address {
        if country { return Address(country: countryCodes[name.lowercased()] ?? name, range: range) }
        if let code = usStateCodes[name.lowercased()] { return Address(region: code, country: "US", range: range) }
        if regionNames.contains(name.lowercased()) { return Address(region: name, range: range) }
        return Address(locality: name, range: range)
    }

    /// `, WA`, `, Washington`, `, England` after a place name on the same line: its region and country.
    static func qualifier(_ t: [UInt8], after end: Int) -> (Address, Int)? {
        guard end + 3 < t.count, t[end] == 0x2C, t[end + 1] == 0x20 else { return nil }
        let s = end + 2
        var e = s
        while e < t.count && (Bytes.isASCIILetter(t[e]) || (t[e] == 0x20 && e + 1 < t.count && Bytes.isUpper(t[e + 1]))) { e += 1 }
        guard e > s, e - s <= 30 else { return nil }
        let word = String(decoding: t[s..<e], as: UTF8.self)
        if e - s == 2, MissingSectionRule.usStates.contains(word) { return (Address(region: word, country: "US", range: 0..<0), e) }
        if let code = usStateCodes[word.lowercased()] { return (Address(region: code, country: "US", range: 0..<0), e) }
        if let c = countryCodes[word.lowercased()] { return (Address(country: c, range: 0..<0), e) }
        return nil
    }

    /// A five-digit US ZIP code right after `, ST` (`Tacoma, WA 98402`).
    static func zip(_ t: [UInt8], after i: Int) -> String? {
        guard i + 6 <= t.count, t[i] == 0x20 else { return nil }
        let r = (i + 1)..<(i + 6)
        guard t[r].allSatisfy(Bytes.isDigit), i + 6 == t.count || !Bytes.isDigit(t[i + 6]) else { return nil }
        return String(decoding: t[r], as: UTF8.self)
    }

    /// US “City, ST” in the prose: one to three capitalised words on one line, a comma, a state code, then no
    /// letter (`Tacoma, WA`, `Chapel Hill, NC 27514`). Returns the city's range and the code.
    static func cityStates(_ t: [UInt8]) -> [(Range<Int>, String)] {
        var out: [(Range<Int>, String)] = []
        var i = 1
        while i + 4 <= t.count {
            defer { i += 1 }
            guard t[i] == 0x2C, t[i + 1] == 0x20, Bytes.isASCIILetter(t[i - 1]), Bytes.isLower(t[i - 1]),
                  Bytes.isUpper(t[i + 2]), Bytes.isUpper(t[i + 3]), i + 4 == t.count || !Bytes.isASCIILetter(t[i + 4]) else { continue }
            let code = String(decoding: t[(i + 2)..<(i + 4)], as: UTF8.self)
            guard MissingSectionRule.usStates.contains(code) else { continue }
            // Back over up to three capitalised words.
            var start = i
            var words = 0
            var k = i
            while words < 3 {
                var j = k
                while j > 0 && (Bytes.isASCIILetter(t[j - 1]) || t[j - 1] == 0x2E || t[j - 1] == 0x27) { j -= 1 }
                guard j < k, Bytes.isUpper(t[j]) else { break }
                start = j
                words += 1
                guard j > 1, t[j - 1] == 0x20, Bytes.isASCIILetter(t[j - 2]) else { break }
                k = j - 1
            }
            guard words > 0 else { continue }
            out.append((start..<i, code))
            if out.count >= 50 { break }
        }
        return out
    }

    static let locationLabels = WordSet(["location", "locations", "based", "base", "site", "sites", "workplace"].map { Word.hash($0) })

    /// The values of `Location:` labels in the prose (`Location: Chester`, `Location - Chester`, `Work Location :-
    /// Leeds`): a capitalised label word, a colon or dash, then the rest of the line (at most 150 bytes, up to a `|`).
    static func labelledLocations(_ t: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        Tokenizer.words(t, 0..<t.count) { r in
            guard out.count < 10, Bytes.isUpper(t[r.lowerBound]), locationLabels.contains(Word.hash(t, r)) else { return }
            var k = r.upperBound
            while k < t.count && (t[k] == 0x20 || t[k] == 0x09) { k += 1 }
            guard k < t.count, t[k] == 0x3A || t[k] == 0x2D else { return }
            k += 1
            while k < t.count && (t[k] == 0x2D || t[k] == 0x3A) { k += 1 }
            // `Base - ` needs the space a dash label has (`Base-rate` is a word).
            guard k < t.count, t[k] == 0x20 || t[k] == 0x09 || t[k - 1] == 0x3A else { return }
            while k < t.count && (t[k] == 0x20 || t[k] == 0x09 || t[k] == 0xC2 || t[k] == 0xA0) { k += 1 }
            var e = k
            while e < t.count && e - k < 150 && t[e] != 0x0A && t[e] != 0x7C { e += 1 }
            if e > k { out.append(k..<e) }
        }
        return out
    }

    static func saysRemote(_ b: [UInt8]) -> Bool {
        var words: [Range<Int>] = []
        Tokenizer.words(b, 0..<b.count) { words.append($0) }
        return words.prefix(3).contains { Word.hash(b, $0) == Word.hash("remote") }
    }

    /// Words after a name that make it a street (`Floyd Drive`, `Manthorpe Road`), not a town.
    static let streetWords = WordSet(["drive", "road", "street", "avenue", "lane", "way", "close", "court", "crescent", "place",
                                      "terrace", "rd", "st", "ave", "boulevard", "blvd", "square", "gardens", "grove", "row",
                                      "walk", "hill", "parade", "mews"].map { Word.hash($0) })

    /// The places of a text where any place name counts (a title, a field).
    static func places(in b: [UInt8], anywhere: Bool, source: (Range<Int>) -> Range<Int>) -> [Address] {
        var words: [Range<Int>] = []
        Tokenizer.words(b, 0..<b.count) { words.append($0) }
        var out: [Address] = []
        Gazetteer.forEachPlace(b, count: words.count, word: { words[$0] }, anywhere: anywhere, towns: true) { w, country in
            let r = words[w.lowerBound].lowerBound..<words[w.upperBound - 1].upperBound
            if w.upperBound < words.count, streetWords.contains(Word.hash(b, words[w.upperBound])) { return true }
            // A town (not a city of the main list) only after a separator: “Nurse - Wanstead”, “Nurse (Aldeburgh)”.
            if !Gazetteer.isCity(Word.hash(b, r)) {
                var k = r.lowerBound
                while k > 0 && b[k - 1] == 0x20 { k -= 1 }
                guard k > 0, "-(|,/:".utf8.contains(b[k - 1]) || (k >= 3 && b[(k - 3)..<k].elementsEqual([0xE2, 0x80, 0x93])) else { return true }
            }
            var p = address(name: String(decoding: b[r], as: UTF8.self), country: country, range: source(r))
            if p.locality != nil, let (more, _) = qualifier(b, after: r.upperBound) {
                p.region = more.region
                p.country = more.country
            }
            out.append(p)
            return out.count < 10
        }
        return out
    }

    /// A location field's value: places separated by `;`, `|`, ` / ` or ` or `; each `City, Region, Country` with a
    /// postcode where written; “Remote” makes the job remote.
    static func parseLocation(_ value: String, range: Range<Int>) -> ([Address], Bool) {
        var remote = false
        var out: [Address] = []
        var v = value.replacing(" or ", with: ";").replacing(" / ", with: ";")
            .replacing("|", with: ";").replacing("\n", with: ";")
        v = v.replacing("(", with: ",").replacing(")", with: ",")
        for piece in v.split(separator: ";") {
            var p = Address(range: range)
            var parts = piece.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
            // “Hybrid - London”, “Remote - UK”.
            parts = parts.flatMap { part -> [String] in
                let sub = part.split(separator: " - ").map { $0.trimmed }
                return sub.filter { !$0.isEmpty }
            }
            for part in parts {
                let lower = part.lowercased()
                let key = Field.normaliseKey(part)
                if ["remote", "fullyremote", "remoteonly", "100remote", "workfromhome", "homebased", "anywhere", "telecommute",
                    "remotefirst", "remoteworking"].contains(key) {
                    remote = true
                    continue
                }
                if ["hybrid", "onsite", "inoffice", "multiplelocations", "various", "tbc", "flexible", "inperson", "fieldbased",
                    "nationwide", "multiple", "travel", "variouslocations", "hybridremote", "remotehybrid", "officebased",
                    "homebasedwithtravel", "other"].contains(key) { continue }
                if part.count == 2, MissingSectionRule.usStates.contains(part) {
                    p.region = part
                    p.country = p.country ?? "US"
                } else if let zipState = splitStateZip(part) {
                    p.region = zipState.0
                    p.postalCode = zipState.1
                    p.country = p.country ?? "US"
                } else if let code = usStateCodes[lower], p.locality != nil || parts.count == 1 {
                    p.region = code
                    p.country = p.country ?? "US"
                } else if let c = countryCodes[lower] {
                    p.country = c
                } else if isPostcode(part) {
                    p.postalCode = part
                } else if p.locality == nil, let (place, code) = splitPostcode(part) {
                    p.locality = place
                    p.postalCode = code
                } else if regionNames.contains(lower), p.locality != nil || parts.count == 1 {
                    p.region = part
                } else if p.locality == nil, part.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
                    p.locality = part
                }
            }
            // The part the gazetteer knows is the locality (“St Mary’s Hospital, Floyd Drive, Warrington”).
            if let loc = p.locality, !isPlaceName(loc), let known = parts.first(where: { $0 != loc && isPlaceName($0) && countryCodes[$0.lowercased()] == nil
                                                                                            && usStateCodes[$0.lowercased()] == nil && !regionNames.contains($0.lowercased()) }) {
                p.locality = known
            }
            if !p.isEmpty { out.append(p) }
        }
        return (out, remote)
    }

    /// Whether a whole string is a place name of the gazetteer (towns included).
    static func isPlaceName(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard let f = b.first, Bytes.isUpper(f) else { return false }
        return Gazetteer.namesWithTowns.set.contains(Word.hash(b, 0..<b.count))
    }

    /// `Manchester M1 1AE`: a place and the postcode after it.
    static func splitPostcode(_ s: String) -> (String, String)? {
        let words = s.split(separator: " ")
        guard words.count >= 3 else { return nil }
        let code = words.suffix(2).joined(separator: " ")
        guard isPostcode(code) else { return nil }
        return (words.dropLast(2).joined(separator: " "), code)
    }

    /// `WA 98402`.
    static func splitStateZip(_ s: String) -> (String, String)? {
        let parts = s.split(separator: " ")
        guard parts.count == 2, parts[0].count == 2, MissingSectionRule.usStates.contains(String(parts[0])),
              parts[1].count == 5, parts[1].allSatisfy(\.isNumber) else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// A UK postcode (`CA28 7QE`, `SW1A 1AA`) or a five-digit ZIP code.
    static func isPostcode(_ s: String) -> Bool {
        let b = Array(s.utf8)
        if b.count == 5 && b.allSatisfy(Bytes.isDigit) { return true }
        let parts = s.split(separator: " ")
        guard parts.count == 2 else { return false }
        let out = Array(parts[0].utf8), inw = Array(parts[1].utf8)
        guard (2...4).contains(out.count), inw.count == 3, Bytes.isUpper(out[0]), out.allSatisfy({ Bytes.isUpper($0) || Bytes.isDigit($0) }),
              out.contains(where: Bytes.isDigit), Bytes.isDigit(inw[0]), Bytes.isUpper(inw[1]), Bytes.isUpper(inw[2]) else { return false }
        return true
    }

    static let usStateCodes: [String: String] = [
        "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO", "connecticut": "CT",
        "delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
        "kansas": "KS", "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI",
        "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV", "new hampshire": "NH",
        "new jersey": "NJ", "new mexico": "NM", "new york state": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH",
        "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
        "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington state": "WA", "west virginia": "WV",
        "wisconsin": "WI", "wyoming": "WY", "district of columbia": "DC",
    ]

    /// Countries by name (as in `Rules/places.txt`) to ISO 3166-1 alpha-2 codes, for the countries postings name most;
    /// any other country keeps its name.
    static let countryCodes: [String: String] = [
        "united states": "US", "usa": "US", "us": "US", "u.s.": "US", "u.s.a.": "US", "america": "US", "united states of america": "US", "united kingdom": "GB", "uk": "GB",
        "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB", "ireland": "IE",
        "canada": "CA", "australia": "AU", "new zealand": "NZ", "germany": "DE", "france": "FR", "spain": "ES", "italy": "IT",
        "netherlands": "NL", "the netherlands": "NL", "belgium": "BE", "switzerland": "CH", "austria": "AT", "sweden": "SE",
        "norway": "NO", "denmark": "DK", "finland": "FI", "poland": "PL", "portugal": "PT", "india": "IN", "china": "CN",
        "japan": "JP", "singapore": "SG", "mexico": "MX", "brazil": "BR", "south africa": "ZA", "israel": "IL",
        "czechia": "CZ", "czech republic": "CZ", "greece": "GR", "hungary": "HU", "romania": "RO", "ukraine": "UA",
        "philippines": "PH", "argentina": "AR", "nigeria": "NG", "kenya": "KE", "united arab emirates": "AE", "luxembourg": "LU",
        "estonia": "EE", "hong kong": "HK", "south korea": "KR", "pakistan": "PK", "colombia": "CO", "chile": "CL", "turkey": "TR",
    ]

    /// Regions (`addressRegion`) among the gazetteer's names: US states, UK counties and regions, Canadian
    /// provinces, Australian states (as listed by scripts/gen-places).
    static let regionNames: Set<String> = Set([
        "Bedfordshire", "Berkshire", "Buckinghamshire", "Cambridgeshire", "Cheshire", "Cornwall", "Cumbria", "Derbyshire",
        "Devon", "Dorset", "County Durham", "East Riding of Yorkshire", "East Sussex", "Essex", "Gloucestershire",
        "Greater London", "Greater Manchester", "Hampshire", "Herefordshire", "Hertfordshire", "Isle of Wight", "Kent",
        "Lancashire", "Leicestershire", "Lincolnshire", "Merseyside", "Norfolk", "North Yorkshire", "Northamptonshire",
        "Northumberland", "Nottinghamshire", "Oxfordshire", "Rutland", "Shropshire", "Somerset", "South Yorkshire",
        "Staffordshire", "Suffolk", "Surrey", "Tyne and Wear", "Warwickshire", "West Midlands", "West Sussex",
        "West Yorkshire", "Wiltshire", "Worcestershire", "North Tyneside", "South Tyneside", "Teesside", "Wirral",
        "North East", "North West", "Yorkshire", "East Midlands", "East of England", "South East", "South West",
        "Clwyd", "Dyfed", "Gwent", "Gwynedd", "Mid Glamorgan", "Powys", "South Glamorgan", "West Glamorgan",
        "Highlands", "Highland", "Fife", "Lothian", "Lanarkshire", "Ayrshire", "Aberdeenshire", "Tayside", "Grampian",
        "Dumfries and Galloway", "Scottish Borders", "Argyll", "Antrim", "Armagh", "Fermanagh", "Londonderry",
        "Tyrone", "Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia",
        "New Brunswick", "Newfoundland", "Prince Edward Island", "Yukon", "Nunavut", "Northwest Territories",
        "New South Wales", "Queensland", "Tasmania", "Western Australia", "South Australia", "Northern Territory",
        "Australian Capital Territory",
    ].map { $0.lowercased() })

    // MARK: employment type

    static let employmentKeys: Set<String> = ["employmenttype", "jobtype", "type", "contract", "contracttype", "hours", "workinghours",
                                              "schedule", "workschedule", "employment", "positiontype", "workpattern", "workingpattern",
                                              "appointmenttype", "duration", "term", "jobduration", "workhours", "commitment", "contractduration"]

    static let types = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"]

    /// Phrases that state an employment type, tagged with its index in `types`.
    static let employmentCues: PhraseList = {
        var list: [(String, Int)] = []
        for p in ["full time", "fulltime", "full time permanent", "permanent full time"] { list.append((p, 0)) }
        for p in ["part time", "parttime", "permanent part time"] { list.append((p, 1)) }
        // Not “contractor” alone: “a government contractor”, “VEVRAA Federal Contractor”, “the Contractor shall” are the
        // employer, not the job.
        for p in ["contract role", "contract position", "contract basis", "contract to hire", "contract job", "contractor role",
                  "contractor position", "as a contractor", "contractor basis", "independent contractor", "freelance", "freelancer",
                  "c2h", "1099 contract", "contract assignment", "contract opportunity"] { list.append((p, 2)) }
        for p in ["temporary", "fixed term", "seasonal", "locum", "bank staff", "staff bank", "bank nurse", "bank nurses", "bank role",
                  "bank post", "bank position", "bank worker", "bank workers", "bank only", "bank contract", "bank basis",
                  "maternity cover", "temp", "secondment", "fixed term contract", "bank work", "bank shifts", "bank shift",
                  "bank assignments", "join our bank", "join the bank", "flexible bank", "bank opportunities", "bank opportunity",
                  "bank vacancies", "bank vacancy", "bank doctor", "bank doctors", "bank nursing", "bank midwife", "bank midwives",
                  "bank hca", "bank hcas", "bank healthcare assistant", "bank healthcare assistants", "bank registered",
                  "bank staffing", "bank team"] { list.append((p, 3)) }
        // Not “interns” or “internships” alone: “supervise interns”, “internship experience” are not this job.
        for p in ["this internship", "paid internship", "internship position", "internship role", "internship opportunity",
                  "intern position", "intern role", "as an intern", "summer intern", "summer internship"] { list.append((p, 4)) }
        for p in ["volunteer position", "volunteer role", "volunteer opportunity", "voluntary position", "voluntary role", "unpaid position",
                  "unpaid role", "unpaid internship", "as a volunteer", "volunteer basis", "voluntary basis", "pro bono"] { list.append((p, 5)) }
        for p in ["per diem", "prn"] { list.append((p, 6)) }
        return PhraseList(list)
    }()

    /// Words that, right after a full-time or part-time cue, make it something else (“full-time equivalent”,
    /// “full-time education”, “part-time study”).
    static let notEmployment = WordSet(["equivalent", "equivalents", "education", "study", "studies", "student", "students",
                                        "fte", "degree", "mba", "course", "courses", "programme", "program"].map { Word.hash($0) })

    mutating func employmentType() {
        // A field (`Job type: Part-time`, `employment_type: full-time`) says it for the whole posting.
        for f in fields(Self.employmentKeys) where f.value.utf8.count < 200 {
            let b = Array(f.value.utf8)
            var words: [Range<Int>] = []
            Tokenizer.words(b, 0..<b.count) { words.append($0) }
            var found: [Int] = []
            Self.employmentCues.forEach(b, words) { tag, _ in if !found.contains(tag) { found.append(tag) } }
            // A bare `Contract` or `Temp` value.
            let key = Field.normaliseKey(f.value)
            if found.isEmpty, key == "contract" || key == "contractor" { found = [2] }
            if found.isEmpty, key == "intern" || key == "internship" { found = [4] }
            if found.isEmpty, let i = Self.types.firstIndex(of: f.value.uppercased().replacing("-", with: "_")) { found = [i] }
            if !found.isEmpty {
                add("employmentType", Self.typeValue(found), f.valueRange)
                return
            }
        }
        // The prose, the title included: every type stated, in order of first mention.
        var found: [Int] = []
        var first: Range<Int>?
        let w = a.words
        Self.employmentCues.forEach(in: a) { tag, r in
            // “full-time equivalent”, “part-time study”: not the job's type.
            if tag <= 1 {
                let k = a.wordIndex(atOrAfter: r.upperBound)
                if k < w.count, w[k].block == w[a.wordIndex(atOrAfter: r.lowerBound)].block, Self.notEmployment.contains(w[k].hash) { return }
            }
            if !found.contains(tag) { found.append(tag) }
            if first == nil { first = r }
        }
        // An internship named in the title (“Data Science Intern”, “Summer Internship”).
        if !found.contains(4), let title = a.title, Self.titleNamesInternship(title.text) {
            found.insert(4, at: 0)
            if !found.contains(3), Self.titleNamesBankPost(title.text) { found.insert(3, at: 0) }
            add("employmentType", Self.typeValue(found), title.range)
            return
        }
        // An NHS bank post named in the title (“Bank Staff Nurse”, “Paediatric Band 5 Bank Nurses”): temporary staffing.
        if !found.contains(3), let title = a.title, Self.titleNamesBankPost(title.text) {
            found.insert(3, at: 0)
            add("employmentType", Self.typeValue(found), title.range)
            return
        }
        if let r = first {
            add("employmentType", Self.typeValue(found), a.sourceRange(r))
        }
    }

    static let notBankPost = WordSet(["of", "holiday", "holidays", "account", "accounts", "manager", "managers", "teller", "tellers",
                                      "clerk", "statement", "statements", "transfer", "branch", "officer", "analyst", "and"].map { Word.hash($0) })

    static func titleNamesInternship(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var found = false
        Tokenizer.words(b, 0..<b.count) { r in
            let w = Bytes.lowerString(b, r)
            if w == "intern" || w == "internship" || w == "interns" || w == "internships" { found = true }
        }
        return found
    }

    /// A title with “Bank” (capitalised) before a job, not “Bank of…”, “Bank Manager”.
    static func titleNamesBankPost(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var words: [Range<Int>] = []
        Tokenizer.words(b, 0..<b.count) { words.append($0) }
        for (k, r) in words.enumerated() where Bytes.lowerString(b, r) == "bank" && Bytes.isUpper(b[r.lowerBound]) {
            guard k + 1 < words.count, !notBankPost.contains(Word.hash(b, words[k + 1])) else { continue }
            return true
        }
        return false
    }

    static func typeValue(_ found: [Int]) -> JSONValue {
        found.count == 1 ? .string(types[found[0]]) : .array(found.map { .string(types[$0]) })
    }

    // MARK: pay

    mutating func salary() {
        let pay = a.pay
        // A structured field first (front-matter `salary:`), else the first figure of the prose.
        guard var st = pay.first(where: { !$0.inProse }) ?? pay.first(where: { $0.inProse && ($0.currency != nil || $0.period != nil) })
        else { return }
        // Figures of the same currency and period further along the same line state one range: “£34,000 per annum,
        // post Preceptorship = £36,000 per annum”, “£16,195 (under 25) / £17,222 (over 25)”. Not a bonus or a
        // different scale: the figures are within a factor of two.
        if st.inProse {
            var end = st.proseRange.upperBound
            for other in pay where !st.isRange && other.inProse && other.proseRange.lowerBound >= end {
                let gap = t[end..<other.proseRange.lowerBound]
                // Single figures only, not one in brackets after another (“£36,708 (£21,460 pro rata)”).
                guard !gap.contains(0x0A), !other.isRange,
                      gap.filter({ $0 == 0x28 }).count <= gap.filter({ $0 == 0x29 }).count else { break }
                guard other.currency == st.currency, other.period == st.period, !other.openEnded, !st.openEnded,
                      other.min > 0, st.min > 0, max(other.max, st.max) <= 2 * min(other.min, st.min) else { break }
                st.min = min(st.min, other.min)
                st.max = max(st.max, other.max)
                end = other.proseRange.upperBound
                st.sourceRange = st.sourceRange.lowerBound..<max(st.sourceRange.upperBound, other.sourceRange.upperBound)
            }
        }
        var qv = JSONObject()
        qv["@type"] = .string("QuantitativeValue")
        if st.isRange || st.min < st.max {
            qv["minValue"] = JobPostingFacts.number(st.min)
            qv["maxValue"] = JobPostingFacts.number(st.max)
        } else if st.openEnded {
            // “up to £50,000” is a maximum; “from £20/hr”, “£20/hr and up” a minimum.
            let upTo = st.inProse && Self.saysUpTo(t, before: st.proseRange.lowerBound, within: st.proseRange)
            qv[upTo ? "maxValue" : "minValue"] = JobPostingFacts.number(st.min)
        } else {
            qv["value"] = JobPostingFacts.number(st.min)
        }
        if let p = st.period { qv["unitText"] = .string(p.rawValue.uppercased()) }
        var m = JSONObject()
        m["@type"] = .string("MonetaryAmount")
        if let c = st.currency { m["currency"] = .string(c) }
        m["value"] = .object(qv)
        add("baseSalary", .object(m), st.sourceRange)
    }

    /// “up to”, “max”, “maximum” right before or at the start of a statement.
    static func saysUpTo(_ t: [UInt8], before start: Int, within r: Range<Int>) -> Bool {
        let lo = max(0, start - 16)
        let s = Bytes.lowerString(t, lo..<min(t.count, r.lowerBound + 12))
        return s.contains("up to") || s.contains("upto") || s.contains("max")
    }

    // MARK: dates

    static let postedKeys: Set<String> = ["dateposted", "posted", "postedon", "date", "publishdate", "published", "datepublished",
                                          "postingdate", "postdate", "publishedon", "created", "datecreated"]
    static let validKeys: Set<String> = ["validthrough", "closingdate", "closes", "closingon", "deadline", "applicationdeadline",
                                         "applyby", "expires", "expirydate", "expirationdate", "closedate", "applicationclosingdate"]

    mutating func dates() {
        for f in fields(Self.postedKeys) { if let d = Self.isoDate(f.value) { add("datePosted", .string(d), f.valueRange); break } }
        // A line that is nothing but a date, among the first blocks (“Friday, April 3, 2020” under the title of a
        // scraped posting): the day it was posted.
        for b in a.blocks.prefix(8) where b.kind == .paragraph && b.proseRange.count <= 40 {
            if let d = Self.isoDate(String(decoding: t[b.proseRange], as: UTF8.self)) {
                add("datePosted", .string(d), a.sourceRange(b.proseRange))
                break
            }
        }
        for f in fields(Self.validKeys) { if let d = Self.isoDate(f.value) { add("validThrough", .string(d), f.valueRange); break } }
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]

    /// An ISO 8601 date (or date-time, kept as written), or a date written out (“12 March 2026”, “March 12, 2026”,
    /// “12th Mar 2026”) as `YYYY-MM-DD`. Numeric dates like `03/04/2026` are ambiguous and not read.
    static func isoDate(_ raw: String) -> String? {
        let s = raw.trimmed(extra: "\"'")
        let b = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count, b[r].allSatisfy(Bytes.isDigit) else { return nil }
            return Int(String(decoding: b[r], as: UTF8.self))
        }
        if b.count >= 10, let y = digits(0..<4), b[4] == 0x2D, let m = digits(5..<7), b[7] == 0x2D, let d = digits(8..<10),
           (1900...2200).contains(y), (1...12).contains(m), (1...31).contains(d) {
            if b.count == 10 { return s }
            // A time after it: keep the whole value when it is ISO-like (`2026-01-05T09:00:00Z`), else the date.
            if b[10] == 0x54 && b.count <= 35 && b[10...].allSatisfy({ Bytes.isDigit($0) || ":.+-TZ".utf8.contains($0) }) { return s }
            return String(s.prefix(10))
        }
        // Numbers: `6/16/2020` or `16.06.2020`, read only when one of day and month is above 12 (`03/04/2026` stays
        // ambiguous and is not read).
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        if parts.count == 3, parts[2].count == 4, let y = Int(parts[2]), (1900...2200).contains(y),
           parts[0].count <= 2, parts[1].count <= 2, let p = Int(parts[0]), let q = Int(parts[1]), p >= 1, q >= 1 {
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
            if p > 12 && p <= 31 && q <= 12 { return "\(y)-\(two(q))-\(two(p))" }
            if q > 12 && q <= 31 && p <= 12 { return "\(y)-\(two(p))-\(two(q))" }
            return nil
        }
        // Words: a day, a month name, a year in any order of day and month (a weekday before them is dropped:
        // “Friday, April 3, 2020”; `15-Apr-2020` splits at its hyphens).
        var tokens: [String] = []
        Tokenizer.words(b, 0..<b.count) { tokens.append(Bytes.lowerString(b, $0)) }
        if tokens.count == 1 { tokens = tokens[0].split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init) }
        if let first = tokens.first, Self.weekdays.contains(where: { $0 == first || ($0.hasPrefix(first) && first.count >= 3) }) { tokens.removeFirst() }
        guard tokens.count == 3 || (tokens.count == 4 && ["st", "nd", "rd", "th"].contains(tokens[1])) else { return nil }
        var day: Int?, month: Int?, year: Int?
        for tok in tokens {
            if let m = months.firstIndex(where: { $0 == tok || ($0.hasPrefix(tok) && tok.count >= 3) }) { month = m + 1; continue }
            var digitsPart = tok
            for suffix in ["st", "nd", "rd", "th"] where tok.hasSuffix(suffix) && tok.count > 2 { digitsPart = String(tok.dropLast(2)) }
            guard let v = Int(digitsPart) else { if ["st", "nd", "rd", "th"].contains(tok) { continue }; return nil }
            if v >= 1900 && v <= 2200 && digitsPart.count == 4 { year = v } else if v >= 1 && v <= 31 { day = v } else { return nil }
        }
        guard let d = day, let m = month, let y = year else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(y)-\(two(m))-\(two(d))"
    }

    // MARK: sections

    static let responsibilitiesKeys: Set<String> = ["responsibilities", "duties", "tasks", "accountabilities", "jobduties"]
    static let qualificationsKeys: Set<String> = ["requirements", "qualifications", "skills", "qualificationsrequired", "skillsrequired",
                                                  "requiredskills", "requiredqualifications", "musthave"]
    static let educationKeys: Set<String> = ["education", "educationrequirements", "educationrequired", "educationrequirement"]
    static let benefitsKeys: Set<String> = ["benefits", "perks", "jobbenefits"]
    static let educationWord = Word.hash("education")
    static let educationalWord = Word.hash("educational")

    /// Sections whose heading (or `Label:`) names responsibilities, requirements, education or benefits, and
    /// the same parts given as fields.
    mutating func sections() {
        for (keys, property) in [(Self.responsibilitiesKeys, "responsibilities"), (Self.qualificationsKeys, "qualifications"),
                                 (Self.educationKeys, "educationRequirements"), (Self.benefitsKeys, "jobBenefits")] {
            if let f = field(keys) { add(property, .string(f.value.trimmed), f.valueRange) }
        }
        let blocks = a.blocks
        var i = 0
        while i < blocks.count {
            let b = blocks[i]
            var label: Range<Int>?
            var inline: Range<Int>?
            var bodyStart = i + 1
            if b.kind == .heading {
                if i != a.titleBlock { label = b.proseRange }
            } else if b.kind == .paragraph || b.kind == .listItem {
                if let l = SectionCatalog.leadLabel(t, b.proseRange) {
                    label = l
                    var k = l.upperBound + 1
                    while k < b.proseRange.upperBound && Bytes.isWhitespace(t[k]) { k += 1 }
                    if k < b.proseRange.upperBound { inline = k..<b.proseRange.upperBound }
                } else if let l = SectionCatalog.lineLabel(t, b.proseRange) {
                    label = l
                    var k = l.upperBound
                    while k < b.proseRange.upperBound && Bytes.isWhitespace(t[k]) { k += 1 }
                    if k < b.proseRange.upperBound { inline = k..<b.proseRange.upperBound }
                } else if b.kind == .paragraph, i + 1 < blocks.count, blocks[i + 1].kind == .paragraph || blocks[i + 1].kind == .listItem {
                    label = SectionCatalog.blockLabel(t, b.proseRange)
                }
            }
            guard let l = label else { i += 1; continue }
            let ids = partIDs(l)
            guard let property = Self.property(ids, education: isEducation(l)) else { i += 1; continue }
            // The body: the rest of a `Label:` block, or the blocks up to the next heading or labelled block.
            var ranges: [Range<Int>] = []
            if let r = inline {
                ranges.append(r)
                bodyStart = i + 1
                // A `Label:` with a list under it (“Responsibilities: ⏎ • …”) in the same block is covered by `inline`.
            }
            var j = bodyStart
            if inline == nil || b.kind == .heading {
                // A section that is a list ends with its list (a paragraph after it is the posting going on).
                let isList = j < blocks.count && blocks[j].kind == .listItem
                while j < blocks.count {
                    let n = blocks[j]
                    if n.kind == .heading || n.kind == .field { break }
                    if isList && n.kind != .listItem { break }
                    if startsPart(j) { break }
                    ranges.append(n.proseRange)
                    j += 1
                }
            }
            if !ranges.isEmpty {
                let text = ranges.map { proseText($0).trimmed }.filter { !$0.isEmpty }.joined(separator: "\n")
                if !text.isEmpty {
                    let src = a.sourceRange(ranges[0].lowerBound..<ranges[ranges.count - 1].upperBound)
                    add(property, .string(text), src)
                }
            }
            i = max(i + 1, j)
        }
    }

    /// The text of a prose range as written: code the prose holds as U+FFFC (`Figma` in backticks, `{{ x }}`)
    /// comes back from the source, without its backticks.
    func proseText(_ r: Range<Int>) -> String {
        let mapped = a.prose.text
        let src = a.document.bytes
        var out: [UInt8] = []
        var k = r.lowerBound
        while k < r.upperBound {
            if k + 2 < r.upperBound || k + 2 < t.count, t[k] == 0xEF, k + 2 < t.count, t[k + 1] == 0xBF, t[k + 2] == 0xBC {
                let s = mapped.sourceRange(k..<(k + 3))
                if s.upperBound <= src.count {
                    out.append(contentsOf: src[s].filter { $0 != 0x60 })
                }
                k += 3
                continue
            }
            out.append(t[k])
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The part ids a label names.
    func partIDs(_ l: Range<Int>) -> [String] {
        SectionCatalog.parts(forHeading: PhraseText(t[SectionCatalog.stripNumbering(t, l)]))
    }

    func isEducation(_ l: Range<Int>) -> Bool {
        var found = false
        Tokenizer.words(t, l) { r in
            let h = Word.hash(t, r)
            if h == Self.educationWord || h == Self.educationalWord { found = true }
        }
        return found
    }

    static func property(_ ids: [String], education: Bool) -> String? {
        if education { return "educationRequirements" }
        if ids.contains("responsibilities") { return "responsibilities" }
        if ids.contains("requirements") { return "qualifications" }
        if ids.contains("benefits") { return "jobBenefits" }
        return nil
    }

    /// Block `j` starts a part of its own: a label (`Benefits:`, a bold paragraph) naming any part.
    func startsPart(_ j: Int) -> Bool {
        let blocks = a.blocks
        let b = blocks[j]
        guard b.kind == .paragraph || b.kind == .listItem else { return false }
        var l = SectionCatalog.leadLabel(t, b.proseRange) ?? SectionCatalog.lineLabel(t, b.proseRange)
        if l == nil, b.kind == .paragraph, j + 1 < blocks.count, blocks[j + 1].kind == .paragraph || blocks[j + 1].kind == .listItem {
            l = SectionCatalog.blockLabel(t, b.proseRange)
        }
        guard let label = l else { return false }
        return !partIDs(label).isEmpty
    }

    // MARK: experience

    mutating func experience() {
        guard let d = YearsDemand.find(in: a).first(where: { $0.experience && !$0.conditional && $0.min > 0 }) else { return }
        add("experienceRequirements", ["@type": "OccupationalExperienceRequirements", "monthsOfExperience": .int(d.min * 12)],
            a.sourceRange(d.range))
    }

    // MARK: applying

    static let applyKeys: Set<String> = ["apply", "howtoapply", "applyurl", "applicationurl", "applicationlink", "applylink", "applyto",
                                         "applicationemail", "contactemail", "email", "contact", "applicationcontact", "applyat"]
    static let directApplyKeys: Set<String> = ["directapply"]
    static let applyWords = WordSet(["apply", "applying", "application", "applications", "cv", "cvs", "resume", "resumes", "send",
                                     "submit", "email", "e", "interested", "contact", "applicants", "candidates"].map { Word.hash($0) })
    /// Words that speak of applying itself: a block with an address and only “email” or “contact” is as often
    /// about enquiries.
    static let strongApplyWords = WordSet(["apply", "applying", "application", "applications", "cv", "cvs", "resume", "resumes",
                                           "submit"].map { Word.hash($0) })

    mutating func apply() {
        if let f = field(Self.directApplyKeys) {
            let k = Field.normaliseKey(f.value)
            if k == "true" || k == "yes" { add("directApply", true, f.valueRange) }
            if k == "false" || k == "no" { add("directApply", false, f.valueRange) }
        }
        for f in fields(Self.applyKeys) {
            let b = Array(f.value.utf8)
            if let (kind, r) = Self.contact(b, 0..<b.count) {
                add("applicationContact", Self.contactPoint(kind, String(decoding: b[r], as: UTF8.self)),
                    f.valueRange)
                return
            }
        }
        // The prose: an e-mail address or a URL in a block that speaks of applying.
        var underApply = [Bool](repeating: false, count: a.blocks.count)
        for sec in a.sections {
            guard let h = sec.heading, partIDs(a.blocks[h].proseRange).contains("how-to-apply") else { continue }
            for bi in sec.body { underApply[bi] = true }
        }
        for (bi, block) in a.blocks.enumerated() where block.kind != .heading {
            let r = block.proseRange
            guard r.count < 20_000, let (kind, cr) = Self.contact(t, r) else { continue }
            // Only the sentence of the address speaking of applying itself (apply, application, CV, résumé, submit)
            // gives how to apply: an address after “email” or “contact” alone is as often one for enquiries or
            // informal visits (“For further details / informal visits contact: … Email address: …”), and “we look
            // forward to your application. If you have any questions, contact …” is an enquiry address too.
            var lo = cr.lowerBound, hi = cr.upperBound
            while lo > r.lowerBound && !Self.sentenceEnd(t, lo - 1) { lo -= 1 }
            while hi < r.upperBound && !Self.sentenceEnd(t, hi) { hi += 1 }
            var applying = false
            for w in a.words(block: bi) where w.range.lowerBound >= lo && w.range.upperBound <= hi && Self.strongApplyWords.contains(w.hash) {
                applying = true
                break
            }
            // “How to apply” above it.
            if underApply[bi] { applying = true }
            guard applying else { continue }
            add("applicationContact", Self.contactPoint(kind, String(decoding: t[cr], as: UTF8.self)),
                a.sourceRange(cr))
            return
        }
    }

    /// A sentence ends here: `.`, `!` or `?` before a space or a line break, or a line break.
    static func sentenceEnd(_ t: [UInt8], _ i: Int) -> Bool {
        let c = t[i]
        if c == 0x0A { return true }
        guard c == 0x2E || c == 0x21 || c == 0x3F, i + 1 < t.count else { return false }
        return t[i + 1] == 0x20 || t[i + 1] == 0x0A
    }

    static func contactPoint(_ kind: String, _ value: String) -> JSONValue {
        .object(JSONObject([("@type", .string("ContactPoint")), (kind, .string(value))]))
    }

    /// The first e-mail address (`email`) or web address (`url`) in `t[r]`.
    static func contact(_ t: [UInt8], _ r: Range<Int>) -> (String, Range<Int>)? {
        func local(_ c: UInt8) -> Bool { Bytes.isASCIILetter(c) || Bytes.isDigit(c) || "._%+-".utf8.contains(c) }
        func host(_ c: UInt8) -> Bool { Bytes.isASCIILetter(c) || Bytes.isDigit(c) || c == 0x2E || c == 0x2D }
        func trimDots(_ e: Int, _ s: Int) -> Int {
            var e = e
            while e > s && (t[e - 1] == 0x2E || t[e - 1] == 0x2D) { e -= 1 }
            return e
        }
        var i = r.lowerBound
        while i < r.upperBound {
            let c = t[i]
            if c == 0x40 {  // @
                var s = i
                while s > r.lowerBound && local(t[s - 1]) { s -= 1 }
                while s < i && t[s] == 0x2E { s += 1 }
                var e = i + 1
                // A capital right after a small letter starts the next word of text run into the address
                // (`…@trust.nhs.ukTelephone`).
                while e < r.upperBound && host(t[e]) && !(e > i + 1 && Bytes.isLower(t[e - 1]) && Bytes.isUpper(t[e])) { e += 1 }
                e = trimDots(e, i + 1)
                let domain = t[(i + 1)..<e]
                if s < i, let dot = domain.lastIndex(of: 0x2E), e - dot - 1 >= 2, t[(dot + 1)..<e].allSatisfy(Bytes.isASCIILetter) {
                    return ("email", s..<e)
                }
            } else if (c == 0x68 || c == 0x77) && (i == r.lowerBound || !Bytes.isASCIILetter(t[i - 1])) {
                // http://, https://, www.
                let rest = Bytes.lowerString(t, i..<min(r.upperBound, i + 8))
                if rest.hasPrefix("http://") || rest.hasPrefix("https://") || rest.hasPrefix("www.") {
                    var e = i
                    while e < r.upperBound && t[e] > 0x20 && t[e] < 0x7F && !"<>\"'()[]{}".utf8.contains(t[e]) { e += 1 }
                    while e > i && ".,;:!?".utf8.contains(t[e - 1]) { e -= 1 }
                    if e - i > 8 { return ("url", i..<e) }
                }
            }
            i += 1
        }
        return nil
    }
}

/// Short phrases matched as whole words over an analysis's words (or any text's), each with a tag.
struct PhraseList: Sendable {
    /// By first word's hash: the phrases' word hashes and tags, longest first.
    let byFirst: [UInt64: [([UInt64], Int)]]

    init(_ list: [(String, Int)]) {
        var m: [UInt64: [([UInt64], Int)]] = [:]
        for (s, tag) in list {
            let b = Array(s.utf8)
            var hashes: [UInt64] = []
            Tokenizer.words(b, 0..<b.count) { hashes.append(Word.hash(b, $0)) }
            guard let f = hashes.first else { continue }
            m[f, default: []].append((hashes, tag))
        }
        for k in m.keys { m[k]!.sort { $0.0.count > $1.0.count } }
        byFirst = m
    }

    /// Every match in the analysis's words (words of one block only), longest at each start; `body` gets the tag
    /// and the prose range.
    func forEach(in a: Analysis, _ body: (Int, Range<Int>) -> Void) {
        let w = a.words
        let h = a.wordHashes
        scan(count: w.count, hash: { h[$0] }, together: { w[$0].block == w[$1].block },
             range: { w[$0].range.lowerBound..<w[$1].range.upperBound }, body)
    }

    /// The first match in the analysis.
    func first(in a: Analysis) -> (Int, Range<Int>)? {
        var out: (Int, Range<Int>)?
        forEach(in: a) { tag, r in if out == nil { out = (tag, r) } }
        return out
    }

    /// Every match in `b`'s words.
    func forEach(_ b: [UInt8], _ words: [Range<Int>], _ body: (Int, Range<Int>) -> Void) {
        let h = words.map { Word.hash(b, $0) }
        scan(count: h.count, hash: { h[$0] }, together: { _, _ in true }, range: { words[$0].lowerBound..<words[$1].upperBound }, body)
    }

    /// The one matching loop: words `0..<count` by hash, a phrase's words all `together` with its first, the longest
    /// phrase at each start; `range(first, last)` is what `body` gets.
    private func scan(count: Int, hash: (Int) -> UInt64, together: (Int, Int) -> Bool, range: (Int, Int) -> Range<Int>,
                      _ body: (Int, Range<Int>) -> Void) {
        var i = 0
        while i < count {
            guard let cands = byFirst[hash(i)] else { i += 1; continue }
            var matched = 0
            for (hs, tag) in cands where i + hs.count <= count {
                var ok = true
                for k in 1..<max(hs.count, 1) where hash(i + k) != hs[k] || !together(i, i + k) { ok = false; break }
                if ok {
                    body(tag, range(i, i + hs.count - 1))
                    matched = hs.count
                    break
                }
            }
            i += max(matched, 1)
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing white space (and any of `extra`).
    var trimmed: String { trimmed(extra: "") }

    func trimmed(extra: String) -> String {
        let b = Array(utf8)
        let x = Array(extra.utf8)
        var lo = 0, hi = b.count
        while lo < hi && (Bytes.isWhitespace(b[lo]) || x.contains(b[lo])) { lo += 1 }
        while hi > lo && (Bytes.isWhitespace(b[hi - 1]) || x.contains(b[hi - 1])) { hi -= 1 }
        return String(decoding: b[lo..<hi], as: UTF8.self)
    }
}
