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
    /// The whole JSON object, for rules that read further keys.
    public var raw: JSONObject

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
}

extension LintSettings {
    /// The selected profiles that exist (unknown names are rejected by the front ends before linting).
    public var selectedProfiles: [Profile] { profiles.compactMap { Profile.builtin[$0] } }

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
