/// What the configuration says about the employer, which a posting cannot show (`"employer"` in `.jdlint.json`):
/// its size decides the laws with a threshold, its states which laws a remote job brings.
public struct Employer: Sendable, Equatable {
    /// Employees in all (as the laws count them); `nil` when not configured.
    public var size: Int?
    /// Where the employer has employees: region codes (`CO`, `NY`, `ON`) or country codes (`DE`); `nil` when not
    /// configured. Limits the laws a remote job open to a whole country brings to these regions.
    public var states: [String]?

    public init(size: Int? = nil, states: [String]? = nil) {
        self.size = size
        self.states = states
    }
}

/// One law `--profile auto` considered for a posting: applied or not, and why.
public struct ProfileChoice: Sendable, Equatable {
    public var profile: String
    public var applied: Bool
    /// Why, in words: `location New York, NY`, `remote job open to applicants in Colorado (…)`.
    public var reason: String
    /// A law not yet in force for the posting: the day it takes effect (`salary/upcoming-law` reports it).
    public var upcoming: String?
    /// Why the law covers the job's place (`location Boston, MA`), without the date.
    public var place: String
    /// The day the laws were judged on (`--as-of`, the posting's date or today), `YYYY-MM-DD`.
    public var date: String?

    public init(profile: String, applied: Bool, reason: String, upcoming: String? = nil, place: String = "", date: String? = nil) {
        self.profile = profile
        self.applied = applied
        self.reason = reason
        self.upcoming = upcoming
        self.place = place
        self.date = date
    }
}

/// Where a law applies (`law.where` in `Rules/profiles/NAME.json`): the countries, regions and cities of its
/// jurisdiction, and whether a remote job open to the whole country brings it (`remote`: `open` or `located`).
public struct LawPlace: Sendable, Equatable {
    /// ISO 3166-1 alpha-2 codes (`US`; the member states for the EU).
    public var countries: [String]
    /// First-level region codes (`CO`, `NY`, `ON`); empty for a whole country.
    public var regions: [String]
    /// City-level laws: the localities the law covers (`New York`, `Brooklyn`…); empty for a whole region.
    public var localities: [String]
    /// Cities that place a posting in one of `regions` when it names no region (`Denver`, `Toronto`).
    public var cities: [String]
    /// `open`: a remote job open to applicants anywhere in the country is covered (the law or its guidance says so);
    /// `located`: only a job the posting places in the jurisdiction.
    public var remote: String

    static let keys: Set<String> = ["countries", "regions", "localities", "cities", "remote"]

    init?(_ o: JSONObject?) {
        guard let o else { return nil }
        func list(_ k: String) -> [String] { o[k]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        countries = list("countries")
        regions = list("regions")
        localities = list("localities")
        cities = list("cities")
        remote = o["remote"]?.stringValue ?? "located"
    }

    static func problems(_ o: JSONObject) -> [String] {
        var out: [String] = []
        for (k, _) in o where !keys.contains(k) { out.append("unknown key law.where.\(k)") }
        for k in ["countries", "regions", "localities", "cities"] {
            if let v = o[k], v.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true { out.append("law.where.\(k) must be an array of strings") }
        }
        if (o["countries"]?.arrayValue ?? []).isEmpty { out.append("law.where.countries must name at least one country") }
        if let r = o["remote"]?.stringValue, r != "open" && r != "located" { out.append("law.where.remote must be \"open\" or \"located\"") }
        if o["remote"]?.stringValue == nil { out.append("law.where.remote must be \"open\" or \"located\"") }
        return out
    }
}

/// `--profile auto`: the pay-transparency laws that apply to a posting, chosen from where the job is (its facts:
/// location, remote), the posting's date (`datePosted`, else `--as-of`, else today) and the employer
/// (configuration). `auto` stands for `default` plus the laws that apply.
public enum AutoProfiles {
    public static let name = "auto"

    /// A place a posting names, normalised: region and country codes where they can be told.
    struct Place: Equatable {
        var locality: String?
        var region: String?
        var country: String?

        /// `Brooklyn, NY`, `Berlin, DE`, `CO, US`, `US`.
        var label: String {
            var parts = [locality, region].compactMap { $0 }
            // Not the pseudo-countries read from a currency (`NA` for dollars, `EU` for euros).
            if region == nil || locality == nil, let c = country, c != "NA" && c != "EU" { parts.append(c) }
            return parts.joined(separator: ", ")
        }
    }

    /// The laws for one posting: the profiles to lint with (`default` and the other selected profiles first, then
    /// the laws that apply, each labelled with the employer-size condition when the size is not configured), and
    /// every law considered with the reason.
    public static func resolve(_ analysis: Analysis, settings: LintSettings) -> (profiles: [Profile], choices: [ProfileChoice]) {
        let facts = JobPostingFacts.extract(analysis)
        // The pay's currency tells the country when the address does not (`£` pay: a Queens, Bedford or Boston in
        // the UK; `CO4` is a Colchester postcode, not Colorado).
        let currencyCountry: String? = {
            guard let c = facts["baseSalary"]?.value.objectValue?["currency"]?.stringValue else { return nil }
            // A bare `$` reads as USD: dollars say North America (`NA`: the US or Canada), euros the EU.
            return ["USD": "NA", "CAD": "NA", "GBP": "GB", "EUR": "EU", "AUD": "AU", "NZD": "NZ", "INR": "IN", "CHF": "CH"][c]
        }()
        var places = places(facts, currencyCountry: currencyCountry)
        let remote = facts["jobLocationType"]?.value.stringValue == "TELECOMMUTE"
        // The posting's date: `--as-of` wins, then the posting's own date, then today.
        let posted = facts["datePosted"]?.value.stringValue.map { String($0.prefix(10)) }
        let date = settings.asOf ?? (posted.flatMap { Profile.isDate($0) ? $0 : nil }) ?? settings.today
        let dateWhy = settings.asOf != nil ? "--as-of \(settings.asOf!)" : posted != nil ? "posted \(posted!)" : "today, \(settings.today ?? "")"
        // A remote job that names only a country (or none) is open to the whole country; the currency tells the
        // country when nothing else does.
        if places.isEmpty && remote, let c = currencyCountry { places = [Place(locality: nil, region: nil, country: c)] }

        var out: [Profile] = []
        var choices: [ProfileChoice] = []
        // Sentences that exclude places (“does not hire candidates residing in New York, California…”).
        let excluded = remote ? exclusions(analysis.text) : []
        for name in settings.profiles where name != Self.name {
            if let p = Profile.builtin[name] { out.append(p) }
        }
        if !out.contains(where: { $0.name == "default" }), let d = Profile.builtin["default"] { out.insert(d, at: 0) }

        for law in PayLaws.profiles {
            guard let l = law.law, let w = l.place, !out.contains(where: { $0.name == law.name }) else { continue }
            var why: String?
            for p in places where located(p, in: w) {
                why = "location \(p.label)"
                break
            }
            if why == nil, remote, w.remote == "open" {
                let open = places.isEmpty ? [] : places.filter { $0.region == nil && $0.locality == nil && w.countries.contains($0.country == "NA" ? "US" : $0.country ?? "") }
                if !open.isEmpty {
                    let name = l.jurisdiction.lowercased().replacing(" state", with: "").replacing(" city", with: "").replacing(" county", with: "")
                    // The law's own place, or the state or province it lies in (Westchester County in New York).
                    let names = [name] + w.regions.flatMap { r in regionCodes.filter { $0.value.region == r }.map { $0.key.replacing(" state", with: "") } }
                    if excluded.contains(where: { e in names.contains { Bytes.contains(e, Array($0.utf8)) } }) {
                        choices.append(ProfileChoice(profile: law.name, applied: false,
                                                     reason: "remote job, but the posting excludes applicants in \(l.jurisdiction)"))
                        continue
                    }
                    if let states = settings.employer?.states, !w.regions.isEmpty,
                       !w.regions.contains(where: { r in states.contains { $0.equalsIgnoringASCIICase(r) } }) {
                        choices.append(ProfileChoice(profile: law.name, applied: false,
                                                     reason: "remote job, but the employer has no employees in \(l.jurisdiction) (configuration: employer.states)"))
                        continue
                    }
                    why = "remote job open to applicants in \(l.jurisdiction) (the law covers remote jobs that could be done there)"
                }
            }
            guard let why else { continue }
            if let date, !date.isEmpty, l.effective > date {
                choices.append(ProfileChoice(profile: law.name, applied: false, reason: "\(why); not in force until \(l.effective) (\(dateWhy))",
                                             upcoming: l.effective, place: why, date: date))
                continue
            }
            if let min = l.minEmployees, let size = settings.employer?.size {
                if size < min {
                    choices.append(ProfileChoice(profile: law.name, applied: false,
                                                 reason: "\(why); the employer has \(size) employee\(size == 1 ? "" : "s"), the law covers \(min) or more"))
                    continue
                }
                out.append(law)
            } else if let min = l.minEmployees {
                var conditional = law
                conditional.condition = "if the employer has \(min) or more employees"
                out.append(conditional)
            } else {
                out.append(law)
            }
            choices.append(ProfileChoice(profile: law.name, applied: true, reason: why))
        }
        if choices.isEmpty {
            let reason: String
            if places.isEmpty {
                reason = remote ? "remote job, no country stated: no pay-transparency law chosen" : "no location stated: no pay-transparency law chosen"
            } else {
                reason = "no pay-transparency law covers \(places.map(\.label).joined(separator: "; "))"
            }
            choices.append(ProfileChoice(profile: "", applied: false, reason: reason))
        }
        return (out, choices)
    }

    /// The rest of each sentence after a phrase that excludes places, lower-cased.
    static func exclusions(_ t: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var start = 0
        for i in 0...t.count {
            guard i == t.count || t[i] == 0x2E || t[i] == 0x0A || t[i] == 0x21 || t[i] == 0x3F else { continue }
            if i - start > 8 && i - start < 400 {
                let lower = t[start..<i].map(Bytes.lower)
                for p in FactsReader.exclusionPhrases {
                    if let k = Bytes.firstOffset(of: p, in: lower) { out.append(Array(lower[(k + p.count)...])); break }
                }
            }
            start = i + 1
        }
        return out
    }

    /// Whether a place lies in a law's jurisdiction.
    static func located(_ p: Place, in w: LawPlace) -> Bool {
        if let c = p.country, !w.countries.contains(c) && !(c == "EU" && w.countries.count > 1)
            && !(c == "NA" && (w.countries.contains("US") || w.countries.contains("CA"))) { return false }
        func named(_ list: [String]) -> Bool {
            guard let loc = p.locality else { return false }
            return list.contains { $0.equalsIgnoringASCIICase(loc) }
        }
        let inRegion: Bool
        if w.regions.isEmpty {
            inRegion = p.country != nil
        } else if let r = p.region {
            inRegion = w.regions.contains(r)
        } else {
            // No region named: a city of the law's own list, or one of its known cities, in a country the posting
            // states (the address or the pay's currency): a city name alone is too often a town, a hospital or a
            // street elsewhere (Queens, Bedford, Scarborough).
            inRegion = p.country != nil && (named(w.cities) || named(w.localities))
        }
        guard inRegion else { return false }
        return w.localities.isEmpty || named(w.localities)
    }

    /// The places of a posting's facts, with regions and countries told from names (`Colorado` → CO, US).
    static func places(_ facts: JobPostingFacts, currencyCountry: String? = nil) -> [Place] {
        guard let v = facts["jobLocation"]?.value else { return [] }
        let list = v.arrayValue ?? [v]
        var out: [Place] = []
        for item in list {
            guard let a = item.objectValue?["address"]?.objectValue else { continue }
            var p = Place(locality: a["addressLocality"]?.stringValue, region: a["addressRegion"]?.stringValue?.uppercased(),
                          country: a["addressCountry"]?.stringValue?.uppercased())
            if let r = p.region, r.count != 2, let code = regionCodes[r.lowercased()] {
                p.region = code.region
                if p.country == nil { p.country = code.country }
            }
            if p.region == nil, let l = p.locality, let code = regionCodes[l.lowercased()] {
                p.region = code.region
                p.locality = nil
                if p.country == nil { p.country = code.country }
            }
            if p.country == nil { p.country = currencyCountry }
            // Pay in pounds or euros outweighs a US or Canadian country read from a two-letter code.
            if let cc = currencyCountry, cc != "NA", p.country == "US" || p.country == "CA" { p.country = cc }
            if p.country == nil || p.country == "NA", let r = p.region {
                if usStates.contains(r) { p.country = "US" } else if caProvinces.contains(r) { p.country = "CA" }
            }
            // A region code of another country (`CO` in a UK posting is a postcode): not a region.
            if let r = p.region, let c = p.country, (c == "US" && !usStates.contains(r)) || (c == "CA" && !caProvinces.contains(r)) || (c != "US" && c != "CA" && c != "NA") {
                p.region = nil
            }
            if p.locality == nil && p.region == nil && p.country == nil { continue }
            if !out.contains(p) { out.append(p) }
        }
        return out
    }

    static let usStates: Set<String> = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
                                        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
                                        "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"]
    static let caProvinces: Set<String> = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]

    /// Region names to codes, for the regions the laws name (a posting that writes “Remote - Colorado”).
    static let regionCodes: [String: (region: String, country: String)] = [
        "california": ("CA", "US"), "colorado": ("CO", "US"), "district of columbia": ("DC", "US"), "hawaii": ("HI", "US"),
        "illinois": ("IL", "US"), "maryland": ("MD", "US"), "massachusetts": ("MA", "US"), "minnesota": ("MN", "US"),
        "new jersey": ("NJ", "US"), "new york state": ("NY", "US"), "ohio": ("OH", "US"), "vermont": ("VT", "US"),
        "washington state": ("WA", "US"), "texas": ("TX", "US"), "florida": ("FL", "US"), "georgia": ("GA", "US"),
        "arizona": ("AZ", "US"), "oregon": ("OR", "US"), "pennsylvania": ("PA", "US"), "virginia": ("VA", "US"),
        "north carolina": ("NC", "US"), "michigan": ("MI", "US"), "utah": ("UT", "US"), "connecticut": ("CT", "US"),
        "british columbia": ("BC", "CA"), "ontario": ("ON", "CA"), "quebec": ("QC", "CA"), "alberta": ("AB", "CA"),
    ]
}

extension String {
    /// Equal ignoring ASCII case.
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return zip(utf8, other.utf8).allSatisfy { a, b in Bytes.lower(a) == Bytes.lower(b) }
    }
}
