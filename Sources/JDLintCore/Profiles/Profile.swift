/// A profile: what a posting must contain for a purpose (the default house profile, Google for Jobs, a
/// pay-transparency law). Profiles live in `Rules/profiles/NAME.json`; several can be selected at once
/// (`--profile default,us-ny`), and their requirements add up.
public struct Profile: Sendable {
    public var name: String
    public var description: String
    /// One line on the legal or practical basis, shown by `jdlint explain`.
    public var basis: String
    /// Parts the posting must have (ids from `Rules/sections.json`: `title`, `pay`, `benefits`…).
    public var requires: [String]
    /// schema.org JobPosting properties a JSON-LD posting must have (for `google-jobs`).
    public var jsonldRequires: [String]
    /// schema.org JobPosting properties that are recommended.
    public var jsonldRecommends: [String]
    /// Required JSON-LD properties that other properties can stand in for: property → conditions that must all
    /// hold (`jobLocationType=TELECOMMUTE`, `applicantLocationRequirements`).
    public var jsonldAlternatives: [String: [String]]
    /// Pay requirements, read by the salary rules (keys such as `range`, `period`, `currency`, `benefits`,
    /// `noSalaryHistory`, `inPosting`).
    public var pay: JSONObject
    /// The law behind a pay-transparency profile (`"law"`), nil for the others.
    public var law: PayLaw?
    /// The whole JSON object, for rules that read further keys.
    public var raw: JSONObject
    /// Under `--profile auto`, when the law covers only employers above a size the configuration does not give:
    /// `if the employer has 15 or more employees`, shown in the messages that name the law.
    public var condition: String?

    public init(name: String, raw: JSONObject) {
        self.name = name
        self.raw = raw
        description = raw["description"]?.stringValue ?? ""
        basis = raw["basis"]?.stringValue ?? ""
        requires = raw["requires"]?.arrayValue?.compactMap(\.stringValue) ?? []
        jsonldRequires = raw["jsonldRequires"]?.arrayValue?.compactMap(\.stringValue) ?? []
        jsonldRecommends = raw["jsonldRecommends"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var alternatives: [String: [String]] = [:]
        for (key, value) in raw["jsonldAlternatives"]?.objectValue ?? JSONObject() {
            alternatives[key] = value.arrayValue?.compactMap(\.stringValue) ?? []
        }
        jsonldAlternatives = alternatives
        pay = raw["pay"]?.objectValue ?? JSONObject()
        law = PayLaw(raw["law"]?.objectValue)
    }

    /// How messages name the profile: the law with its section (`Colorado (C.R.S. § 8-5-201(2))`), else its name.
    public var label: String {
        guard let l = law else { return name }
        guard let c = condition else { return l.label }
        return "\(l.jurisdiction) (\(l.citation), \(c))"
    }

    /// The keys a profile file may have, and the pay requirements with their types (`bool` or `number`).
    static let knownKeys: Set<String> = ["description", "basis", "requires", "jsonldRequires", "jsonldRecommends", "jsonldAlternatives", "pay", "law"]
    static let payKeys: [String: String] = [
        "range": "bool", "period": "bool", "benefits": "bool", "noSalaryHistory": "bool", "inPosting": "bool",
        "allowFixed": "bool", "allowSingle": "bool", "linkAllowed": "bool", "commissionDisclosure": "bool", "tipsDisclosure": "bool",
        "maxRangeWidth": "number", "exemptAbove": "number",
    ]
    static let lawKeys: Set<String> = ["jurisdiction", "citation", "url", "effective", "employers", "minEmployees", "remote", "posting", "verified", "unsettled", "where"]

    /// What is wrong with a profile file (unknown keys, wrong types, a law without its citation, address or date…);
    /// empty when it is well formed. The built-in profiles are checked by a test.
    public static func problems(_ raw: JSONObject) -> [String] {
        var out: [String] = []
        for (k, _) in raw where !knownKeys.contains(k) { out.append("unknown key \"\(k)\"") }
        for k in ["description", "basis"] where (raw[k]?.stringValue ?? "").isEmpty { out.append("\"\(k)\" must be a non-empty string") }
        if raw["requires"]?.arrayValue == nil { out.append("\"requires\" must be an array of part ids") }
        for (k, v) in raw["pay"]?.objectValue ?? JSONObject() {
            switch payKeys[k] {
            case "bool": if v.boolValue == nil { out.append("pay.\(k) must be true or false") }
            case "number": if (v.intValue ?? 0) <= 0 { out.append("pay.\(k) must be a positive number") }
            default: out.append("unknown pay requirement \"\(k)\"")
            }
        }
        guard let lawValue = raw["law"] else {
            // Every profile with pay requirements names its law.
            if !(raw["pay"]?.objectValue ?? JSONObject()).entries.isEmpty { out.append("a profile with pay requirements needs \"law\"") }
            return out
        }
        guard let law = lawValue.objectValue else { return out + ["\"law\" must be an object"] }
        for (k, _) in law where !lawKeys.contains(k) { out.append("unknown key law.\(k)") }
        for k in ["jurisdiction", "citation", "url", "effective", "employers", "remote", "posting", "verified"] where (law[k]?.stringValue ?? "").isEmpty {
            out.append("law.\(k) must be a non-empty string")
        }
        if let u = law["url"]?.stringValue, !u.hasPrefix("https://") && !u.hasPrefix("http://") { out.append("law.url must be an http(s) address") }
        if let d = law["effective"]?.stringValue, !isDate(d) { out.append("law.effective must be a date YYYY-MM-DD") }
        if let m = law["minEmployees"], !m.isNull && (m.intValue ?? 0) < 1 { out.append("law.minEmployees must be a positive number or null") }
        if law["minEmployees"] == nil { out.append("law.minEmployees must be given (null when every employer is covered)") }
        if let u = law["unsettled"], u.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true { out.append("law.unsettled must be an array of strings") }
        // Where the law applies, for `--profile auto`.
        if let w = law["where"]?.objectValue { out += LawPlace.problems(w) } else { out.append("law.where must say where the law applies (countries, regions, remote)") }
        return out
    }

    /// `YYYY-MM-DD` with a plausible month and day.
    public static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        return y >= 1900 && (1...12).contains(m) && (1...31).contains(d)
    }

    /// Every built-in profile, by name (from `Rules/profiles/*.json`).
    public static let builtin: [String: Profile] = {
        var out: [String: Profile] = [:]
        for path in RuleData.paths where path.hasPrefix("profiles/") && path.hasSuffix(".json") {
            let name = String(path.dropFirst("profiles/".count).dropLast(".json".count))
            out[name] = Profile(name: name, raw: RuleData.json(path).objectValue ?? JSONObject())
        }
        return out
    }()

    public static var names: [String] { builtin.keys.sorted() }

    /// Whether a name can be selected: a built-in profile or `auto`.
    public static func isKnown(_ name: String) -> Bool { builtin[name] != nil || name == AutoProfiles.name }

    /// The names `--profile` accepts, for messages.
    public static var selectableNames: [String] { names + [AutoProfiles.name] }
}

extension LintSettings {
    /// The selected profiles that exist (unknown names are rejected by the front ends before linting); under
    /// `--profile auto`, the profiles chosen for the posting being linted.
    public var selectedProfiles: [Profile] { resolvedProfiles ?? profiles.compactMap { Profile.builtin[$0] } }

    /// Whether `--profile auto` is selected.
    public var isAuto: Bool { profiles.contains(AutoProfiles.name) }

    /// These settings for one posting: under `auto`, with the profiles chosen for it (and the choices made);
    /// otherwise unchanged.
    public func resolved(for analysis: Analysis) -> LintSettings {
        guard isAuto, resolvedProfiles == nil else { return self }
        var s = self
        let (ps, choices) = AutoProfiles.resolve(analysis, settings: self)
        s.resolvedProfiles = ps
        s.profileChoices = choices
        s.profiles = ps.map(\.name) + [AutoProfiles.name]
        return s
    }

    /// Union of the parts required by the selected profiles, in first-seen order.
    public var requiredParts: [String] {
        var seen = Set<String>()
        return selectedProfiles.flatMap(\.requires).filter { seen.insert($0).inserted }
    }

    /// The pay requirement `key` of the first selected profile that sets it.
    public func payRequirement(_ key: String) -> JSONValue? {
        for p in selectedProfiles { if let v = p.pay[key] { return v } }
        return nil
    }
}

/// The law behind a pay-transparency profile (`"law"` in `Rules/profiles/NAME.json`): what it is, where to read
/// it, from when and to whom it applies. Shown by `jdlint explain salary/missing-range`, docs/pay-laws.md and the
/// salary rules' messages.
public struct PayLaw: Sendable, Equatable {
    /// `Colorado`, `New York City`, `British Columbia`.
    public var jurisdiction: String
    /// The section that requires pay in postings: `C.R.S. § 8-5-201(2)`.
    public var citation: String
    /// The address of the primary source (the statute, ordinance or regulation, else the agency's page on it).
    public var url: String
    /// The day the posting requirement took or takes effect, `YYYY-MM-DD`.
    public var effective: String
    /// Who is covered, in words (size threshold, where the employees must be).
    public var employers: String
    /// The smallest employer covered (employees), when the law sets a number; `nil` when it covers every employer.
    public var minEmployees: Int?
    /// Which postings are covered by where the job is, remote jobs included, with the source of the rule.
    public var remote: String
    /// What a posting must contain, in words.
    public var posting: String
    /// Where and how the details were checked.
    public var verified: String
    /// Details that are unsettled or that could not be verified.
    public var unsettled: [String]
    /// Where the law applies, for `--profile auto`.
    public var place: LawPlace?

    /// `Colorado (C.R.S. § 8-5-201(2))`: how messages name the law.
    public var label: String { "\(jurisdiction) (\(citation))" }

    init?(_ o: JSONObject?) {
        guard let o else { return nil }
        jurisdiction = o["jurisdiction"]?.stringValue ?? ""
        citation = o["citation"]?.stringValue ?? ""
        url = o["url"]?.stringValue ?? ""
        effective = o["effective"]?.stringValue ?? ""
        employers = o["employers"]?.stringValue ?? ""
        minEmployees = o["minEmployees"]?.intValue
        remote = o["remote"]?.stringValue ?? ""
        posting = o["posting"]?.stringValue ?? ""
        verified = o["verified"]?.stringValue ?? ""
        unsettled = o["unsettled"]?.arrayValue?.compactMap(\.stringValue) ?? []
        place = LawPlace(o["where"]?.objectValue)
    }
}
