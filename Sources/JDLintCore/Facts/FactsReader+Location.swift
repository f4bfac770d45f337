// jobLocation and jobLocationType: location fields, the places the prose names, remote work.

extension FactsReader {
    // MARK: location

    static let locationKeys: Set<String> = ["location", "locations", "joblocation", "city", "worklocation", "officelocation",
                                            "placeofwork", "basedin", "based", "address", "town", "workplace", "place"]

    struct Address {
        var locality: String?
        var region: String?
        var postalCode: String?
        var country: String?
        /// Source range.
        var range: SourceRange

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
        while k > 0 && i - k < 160 && t[k - 1] != .period && t[k - 1] != .lineFeed && t[k - 1] != .exclamation && t[k - 1] != .question { k -= 1 }
        guard k < i else { return false }
        let lower = t[k..<i].map(Bytes.lower)
        return exclusionPhrases.contains { Bytes.contains(lower, $0) }
    }

    mutating func location() {
        var places: [Address] = []
        var remote: SourceRange?
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
            for r in Self.labelledLocations(t, a.words) {
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
            let found = placesInProse()
            // The employer's name, whole or its first two words (“Lincoln Learning timeframes”).
            func startsOrgName(_ off: Int) -> Bool {
                orgNames.contains { n in
                    let firstTwo = n.split(separator: .space).prefix(2).joined(separator: [.space])
                    let m = Array(n.split(separator: .space).count >= 2 ? Array(firstTwo) : n)
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

    /// The places the prose names, by offset: a place name in a place context (and the places listed after it), a
    /// city with its state or country (“Richmond, Virginia”), a city named as part of a site (“University Hospitals
    /// Birmingham”), and US “City, ST”; at most 50.
    func placesInProse() -> [(Int, Address)] {
        var found: [(Int, Address)] = []
        placesInContext(&found)
        placesNamedWithTheirSite(&found)
        usCityStates(&found)
        found.sort { $0.0 < $1.0 }
        return found
    }

    /// A place name in a place context (“based in Leeds”, “our Tacoma office”) and the places listed after it.
    func placesInContext(_ found: inout [(Int, Address)]) {
        let w = a.words
        Gazetteer.forEachPlace(t, count: w.count, word: { w[$0].range }, anywhere: false, towns: true) { words, country in
            let r = w[words.lowerBound].range.lowerBound..<w[words.upperBound - 1].range.upperBound
            // A town before “Hospital”, “Park”, “House” is part of a name (“at Cygnet Hospital”, “at Alexandra
            // Park”), and a name before “Road” a street.
            let n = words.upperBound
            if n < w.count, Self.streetWords.contains(w[n].hash) { return true }
            if !country && Self.allCaps(t, r) { return true }
            // A street's name (“Charter House, Parkway”); a town with a capitalised word after it is part of a name
            // (“Wytheville Community College”), unless it names a local service (“Liskeard Community Hospital”).
            if words.count == 1, Self.streetWords.contains(w[words.lowerBound].hash) { return true }
            if !country, !Gazetteer.isCity(Word.hash(t, r)), Self.townNameGoesOn(t, w, n) { return true }
            if n < w.count, !Gazetteer.isCity(Word.hash(t, r)), Bytes.isUpper(t[w[n].range.lowerBound]),
               Self.siteWords.contains(w[n].hash) || Self.namePartWords.contains(w[n].hash),
               t[r.upperBound..<w[n].range.lowerBound].allSatisfy({ $0 == .space }) {
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
                found.append(namedPlace(nr))
                k = next.upperBound
            }
            return found.count < 50
        }
    }

    /// A place named as part of a site (“University Hospitals Birmingham”, “Cumberland Infirmary, Carlisle”,
    /// “Bristol NHS Foundation Trust”), with its state or country, before its postcode, after a site, or described.
    func placesNamedWithTheirSite(_ found: inout [(Int, Address)]) {
        let w = a.words
        Gazetteer.forEachPlace(t, count: w.count, word: { w[$0].range }, anywhere: true, towns: true) { words, country in
            guard !country else { return true }
            let first = w[words.lowerBound].range, last = w[words.upperBound - 1].range
            let p = words.lowerBound - 1, n = words.upperBound
            let r = first.lowerBound..<last.upperBound
            if n < w.count, Self.streetWords.contains(w[n].hash) { return true }
            if Self.allCaps(t, r) { return true }
            if words.count == 1, Self.streetWords.contains(w[words.lowerBound].hash) { return true }
            let known = found.contains(where: { $0.0 == r.lowerBound })
            // “Richmond, Virginia”, “Leeds, England”: a place, a comma and its state or country.
            if Self.qualifier(t, after: last.upperBound) != nil, !known,
               !Self.excludes(t, before: first.lowerBound) {
                let place = qualified(r, country: false)
                if place.locality != nil { found.append((first.lowerBound, place)) }
                return found.count < 50
            }
            // A place before its postcode is an address (“Junction Road, Andover SP10 3QX”, “Newport NP10 9DU”).
            if Self.postcode(t, after: last.upperBound), !known,
               !Self.excludes(t, before: first.lowerBound) {
                found.append(namedPlace(r))
                return found.count < 50
            }
            // A site and its town after “at”, “in”, “within”: “based at Merville Barracks, Colchester”, “within the
            // Princess of Wales hospital, Bridgend”; a site word, a comma and the town: “Practice Plus Group Hospital,
            // Shepton Mallet”.
            let afterSite = Self.cityAfterSite(t, w, words.lowerBound)
                || (p >= 0 && site(p, from: w[p].range.upperBound, to: first.lowerBound, comma: true) && t[w[p].range.upperBound] == .comma)
            if afterSite, Self.nameEnds(t, w, n), !known,
               !Self.excludes(t, before: first.lowerBound) {
                found.append(namedPlace(r))
                return found.count < 50
            }
            // Cities of the main list only: many towns share a name with a company or a hospital (“Cygnet Hospital”).
            guard Gazetteer.isCity(Word.hash(t, r)) else { return true }
            // A sentence about the city as a place (“Norwich is an excellent place to live”, “Carmarthen is a historic
            // town”): the posting tells applicants where they would work.
            if Self.startsSentence(t, first.lowerBound), Self.describesPlace(t, w, n), !known {
                found.append(namedPlace(r))
                return found.count < 50
            }
            // “Greater Richmond”, “Greater Manchester” (a region of its own when the gazetteer has it).
            let greater = p >= 0 && w[p].hash == Self.greaterWord && Bytes.isUpper(t[w[p].range.lowerBound])
            let named = greater || (p >= 0 && site(p, from: w[p].range.upperBound, to: first.lowerBound, comma: true)) || siteAfter(n, end: last.upperBound)
            if named && !known {
                found.append(namedPlace(r))
            }
            return found.count < 50
        }
    }

    /// A place the gazetteer names at prose range `r`, by its offset.
    func namedPlace(_ r: Range<Int>) -> (Int, Address) {
        (r.lowerBound, Self.address(name: String(decoding: t[r], as: UTF8.self), country: false, range: a.sourceRange(r)))
    }

    /// The capitalised site word `k` (“Hospital”) right before a name, `from` its end `to` the name's start: one space,
    /// or a comma and a space with `comma`.
    func site(_ k: Int, from: Int, to: Int, comma: Bool) -> Bool {
        let w = a.words
        guard k >= 0 && k < w.count, Bytes.isUpper(t[w[k].range.lowerBound]), Self.siteWords.contains(w[k].hash) else { return false }
        return to - from <= (comma ? 2 : 1) && !t[from..<to].contains(.lineFeed) && !t[from..<to].contains(.period)
    }

    /// A site word after the name, past up to three capitalised words (“Blackpool Teaching Hospitals”).
    func siteAfter(_ n: Int, end: Int) -> Bool {
        let w = a.words
        var k = n, prevEnd = end
        while k < w.count && k < n + 4 {
            let g = t[prevEnd..<w[k].range.lowerBound]
            guard g.count <= 2, !g.contains(.lineFeed), !g.contains(.period), !g.contains(.comma), Bytes.isUpper(t[w[k].range.lowerBound]) else { return false }
            if Self.siteWords.contains(w[k].hash) { return true }
            prevEnd = w[k].range.upperBound
            k += 1
        }
        return false
    }

    /// US “City, ST” (`Tacoma, WA 98402`) where no place starts already.
    func usCityStates(_ found: inout [(Int, Address)]) {
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
    }

    static let greaterWord = Word.hash("greater")
}
