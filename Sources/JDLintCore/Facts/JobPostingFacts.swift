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
        /// Where the document states it (source range).
        public var evidence: SourceRange

        public init(property: String, value: JSONValue, evidence: SourceRange) {
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
        case "title": r.title()
        case "pay": r.salary()
        case "benefits", "responsibilities": r.sections()
        case "requirements": r.sections(); r.experience()
        default: return false
        }
        return r.out.contains { props.contains($0.property) }
    }

    /// The schema.org employment types a posting states (`CONTRACTOR`, `PART_TIME`…), as `jdlint facts` reads them:
    /// a JSON-LD `employmentType` first (it passes through), else what the text states.
    public static func employmentTypes(in a: Analysis) -> [String] {
        if let f = a.fields.first(where: { $0.origin == .jsonld && $0.rawKey == "employmentType" }), let v = f.json, !isBlank(v) {
            return (v.arrayValue ?? [v]).compactMap(\.stringValue)
        }
        var r = FactsReader(a)
        r.employmentType()
        guard let v = r.out.first(where: { $0.property == "employmentType" })?.value else { return [] }
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

    mutating func add(_ p: String, _ v: JSONValue, _ r: SourceRange) {
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
        let r = SourceRange(start, max(start, blocks[last].sourceRange.upperBound))
        guard r.upperBound <= src.count, !r.isEmpty else { return }
        let text = String(decoding: src[r.offsets], as: UTF8.self)
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
}
