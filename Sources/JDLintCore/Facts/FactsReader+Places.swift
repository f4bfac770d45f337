// Reading places: gazetteer names in context, addresses, postcodes and ZIP codes, states, regions and countries.

extension FactsReader {
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
        return k == 0 || t[k - 1] == .period || t[k - 1] == .exclamation || t[k - 1] == .question || (k < i && t[k..<i].contains(.lineFeed))
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
            guard gap.allSatisfy({ $0 == .space || $0 == .comma }), k + 1 < w.count else { return nil }
            j = k + 1
            let g2 = t[w[k].range.upperBound..<w[j].range.lowerBound]
            guard g2.count <= 2, g2.allSatisfy({ $0 == .space }) else { return nil }
        } else {
            let g = Array(gap)
            guard g == [.comma, .space] || g == [.space, .ampersand, .space] || g == [.ampersand, .space] || g == [.comma] else { return nil }
        }
        let names = Gazetteer.namesWithTowns
        guard Bytes.isUpper(t[w[j].range.lowerBound]) else { return nil }
        let start = w[j].range.lowerBound
        guard let (n, h) = Gazetteer.longestName(t, names, count: w.count, word: { w[$0].range }, j, where: { _, h, last in
            Bytes.isUpper(t[last.lowerBound]) && !names.countries.contains(h) && !t[start..<last.upperBound].contains(.lineFeed)
        }) else { return nil }
        if j + n < w.count, streetWords.contains(w[j + n].hash) { return nil }
        // A town that a capitalised word follows is a name (“London, Cygnet Hospital Blackheath”).
        if !Gazetteer.isCity(h), townNameGoesOn(t, w, j + n) { return nil }
        return j..<(j + n)
    }

    /// Capitalised words that make a place name next to them a site (“University Hospitals Birmingham”).
    static let siteWords = WordSet(["house", "hospital", "hospitals", "infirmary", "nhs", "clinic", "centre", "center", "university",
                                    "college", "trust", "surgery", "campus", "council", "office", "offices", "medical",
                                    "health", "camhs", "cmht", "hospice", "barracks"].map { Word.hash($0) })

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
    static func address(name: String, country: Bool, range: SourceRange) -> Address {
        if country { return Address(country: countryCodes[name.lowercased()] ?? name, range: range) }
        if let code = usStateCodes[name.lowercased()] { return Address(region: code, country: "US", range: range) }
        if regionNames.contains(name.lowercased()) { return Address(region: name, range: range) }
        return Address(locality: name, range: range)
    }

    /// `, WA`, `, Washington`, `, England` after a place name on the same line: its region and country.
    static func qualifier(_ t: [UInt8], after end: Int) -> (Address, Int)? {
        guard end + 3 < t.count, t[end] == .comma, t[end + 1] == .space else { return nil }
        let s = end + 2
        var e = s
        while e < t.count && (Bytes.isASCIILetter(t[e]) || (t[e] == .space && e + 1 < t.count && Bytes.isUpper(t[e + 1]))) { e += 1 }
        guard e > s, e - s <= 30 else { return nil }
        let word = String(decoding: t[s..<e], as: UTF8.self)
        if e - s == 2, MissingSectionRule.usStates.contains(word) { return (Address(region: word, country: "US", range: SourceRange(at: 0)), e) }
        if let code = usStateCodes[word.lowercased()] { return (Address(region: code, country: "US", range: SourceRange(at: 0)), e) }
        if let c = countryCodes[word.lowercased()] { return (Address(country: c, range: SourceRange(at: 0)), e) }
        return nil
    }

    /// A UK postcode right after a place name, after a space or `, ` (`Andover SP10 3QX`, `Leeds, LS1 4AP`).
    static func postcode(_ t: [UInt8], after end: Int) -> Bool {
        // Or on the next line, as an address is written (“Liverpool” then “L8 7SS”).
        var k = end
        if k < t.count && t[k] == .comma { k += 1 }
        guard k < t.count, t[k] == .space || t[k] == .lineFeed else { return false }
        k += 1
        if t[k - 1] == .lineFeed { while k < t.count && t[k] == .lineFeed && k - end < 3 { k += 1 } }
        // The outward code: one or two letters, a digit, then a digit or letter at most.
        let s = k
        while k < t.count && k - s < 2 && Bytes.isUpper(t[k]) { k += 1 }
        guard k > s, k < t.count, Bytes.isDigit(t[k]) else { return false }
        k += 1
        if k < t.count && (Bytes.isDigit(t[k]) || Bytes.isUpper(t[k])) { k += 1 }
        guard k < t.count, t[k] == .space else { return false }
        k += 1
        // The inward code: a digit and two letters, then no letter or digit.
        guard k + 3 <= t.count, Bytes.isDigit(t[k]), Bytes.isUpper(t[k + 1]), Bytes.isUpper(t[k + 2]) else { return false }
        return k + 3 == t.count || !(Bytes.isASCIILetter(t[k + 3]) || Bytes.isDigit(t[k + 3]))
    }

    static let siteClauseStarts = WordSet(["at", "in", "within", "based", "located"].map { Word.hash($0) })
    /// Lower-case words inside a site's name: links (“Princess of Wales”) and site nouns (“Wales hospital”).
    static let siteNameLinks = WordSet(["of", "the", "and", "hospital", "hospitals", "centre", "center", "unit", "site"].map { Word.hash($0) })
    static let siteNouns = WordSet(["hospital", "hospitals", "centre", "center", "unit", "site"].map { Word.hash($0) })

    /// Word `i` (a city) follows `, ` after a capitalised name that follows “at”, “in”, “within” in the same clause
    /// (“based at Merville Barracks, Colchester”, “at Defence Medical Rehabilitation Centre, Stanford Hall,
    /// Loughborough”).
    /// A list of single words (“in Excel, Word, Outlook”) or a product (“in Microsoft Excel, Outlook”) is not a site:
    /// the name needs two words in a row and a word that makes it a site (Hospital, Barracks, Hall, Court…).
    static func cityAfterSite(_ t: [UInt8], _ w: WordList, _ i: Int) -> Bool {
        guard i >= 2 else { return false }
        let gap = t[w[i - 1].range.upperBound..<w[i].range.lowerBound]
        guard gap.elementsEqual([UInt8.comma, .space]) else { return false }
        var k = i - 1
        var names = 0
        var twoInARow = false
        var siteWord = false
        while k >= 0 && i - k <= 9 {
            let g = t[w[k].range.upperBound..<w[k + 1].range.lowerBound]
            guard g.count <= 2, g.allSatisfy({ $0 == .space || $0 == .comma }) else { return false }
            let h = w[k].hash
            if siteWords.contains(h) || namePartWords.contains(h) || streetWords.contains(h) || siteNouns.contains(h) {
                siteWord = true
            }
            if Bytes.isUpper(t[w[k].range.lowerBound]) {
                if names > 0 && g.allSatisfy({ $0 == .space }) { twoInARow = true }
                names += 1
            } else if siteClauseStarts.contains(h) {
                return twoInARow && siteWord && g.allSatisfy { $0 == .space }
            } else if siteNameLinks.contains(h) {
                if g.allSatisfy({ $0 == .space }) { twoInARow = true }
            } else {
                return false
            }
            k -= 1
        }
        return false
    }

    /// The name ends at word `n - 1`: no capitalised word follows it after a space (“Winston Churchill Avenue”,
    /// “Trinity College”, “Carlton Colville”).
    static func nameEnds(_ t: [UInt8], _ w: WordList, _ n: Int) -> Bool {
        guard n < w.count else { return true }
        let g = t[w[n - 1].range.upperBound..<w[n].range.lowerBound]
        return !(g.allSatisfy({ $0 == .space }) && Bytes.isUpper(t[w[n].range.lowerBound]))
    }

    static let awayWord = Word.hash("away")
    static let numberWords = WordSet(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "fifteen", "twenty",
                                      "thirty", "forty", "fifty", "few", "an", "a"].map { Word.hash($0) })
    static let placeVerbs = WordSet(["is", "has", "offers"].map { Word.hash($0) })
    static let placeNouns = WordSet(["place", "city", "town", "area", "county", "village", "destination", "situated", "located",
                                     "live"].map { Word.hash($0) })

    /// Words `n…` say what a place is like (“is an excellent place to live”, “is a historic town”, “is conveniently
    /// situated”): a verb, then within eight words of the same sentence a word for a place, and no distance in it.
    static func describesPlace(_ t: [UInt8], _ w: WordList, _ n: Int) -> Bool {
        guard n < w.count, placeVerbs.contains(w[n].hash) else { return false }
        var k = n + 1
        var place = false
        // Not a place to live near the job (“Stamford is a lovely town only 20 minutes away”).
        while k < w.count && k <= n + 16 {
            guard Gazetteer.sameLine(t, w[k - 1].range.upperBound, w[k].range.lowerBound) else { break }
            // A distance: “away”, or a unit after a number (“20 minutes”; not “miles of coastline”).
            if w[k].hash == awayWord || (Gazetteer.distance.contains(w[k].hash) && (Bytes.isDigit(t[w[k - 1].range.lowerBound])
                                                                                  || numberWords.contains(w[k - 1].hash))) { return false }
            if k <= n + 8 && placeNouns.contains(w[k].hash) { place = true }
            k += 1
        }
        return place
    }

    /// Words that end the name of a local service named after its town.
    static let serviceSites = WordSet(["hospital", "hospitals", "infirmary", "clinic", "centre", "center", "surgery", "team", "unit",
                                       "ward", "practice"].map { Word.hash($0) })

    /// A town with capitalised words after it is a name (“Wytheville Community College”, “Somers Town”), unless the
    /// words name a local service after it: “Liskeard Community Hospital”, “Holsworthy Community Nursing Team”,
    /// “Hexham General hospital” are in that town.
    static func townNameGoesOn(_ t: [UInt8], _ w: WordList, _ n: Int) -> Bool {
        guard !nameEnds(t, w, n) else { return false }
        var k = n
        while k < w.count && k < n + 4 {
            let g = t[w[k - 1].range.upperBound..<w[k].range.lowerBound]
            guard g.allSatisfy({ $0 == .space }) else { return true }
            if k > n, serviceSites.contains(w[k].hash) { return false }
            guard Bytes.isUpper(t[w[k].range.lowerBound]) else { return true }
            k += 1
        }
        return true
    }

    /// A five-digit US ZIP code right after `, ST` (`Tacoma, WA 98402`).
    static func zip(_ t: [UInt8], after i: Int) -> String? {
        guard i + 6 <= t.count, t[i] == .space else { return nil }
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
            guard t[i] == .comma, t[i + 1] == .space, Bytes.isASCIILetter(t[i - 1]), Bytes.isLower(t[i - 1]),
                  Bytes.isUpper(t[i + 2]), Bytes.isUpper(t[i + 3]), i + 4 == t.count || !Bytes.isASCIILetter(t[i + 4]) else { continue }
            let code = String(decoding: t[(i + 2)..<(i + 4)], as: UTF8.self)
            guard MissingSectionRule.usStates.contains(code) else { continue }
            // Back over up to three capitalised words.
            var start = i
            var words = 0
            var k = i
            while words < 3 {
                var j = k
                while j > 0 && (Bytes.isASCIILetter(t[j - 1]) || t[j - 1] == .period || t[j - 1] == .apostrophe) { j -= 1 }
                guard j < k, Bytes.isUpper(t[j]) else { break }
                start = j
                words += 1
                guard j > 1, t[j - 1] == .space, Bytes.isASCIILetter(t[j - 2]) else { break }
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
    static func labelledLocations(_ t: [UInt8], _ words: WordList) -> [Range<Int>] {
        var out: [Range<Int>] = []
        // The analysis's words, with their hashes (not a second tokenization of the whole text).
        for w in words {
            let r = w.range
            guard out.count < 10 else { break }
            guard Bytes.isUpper(t[r.lowerBound]), locationLabels.contains(w.hash) else { continue }
            var k = r.upperBound
            while k < t.count && (t[k] == .space || t[k] == .tab) { k += 1 }
            guard k < t.count, t[k] == .colon || t[k] == .hyphen else { continue }
            k += 1
            while k < t.count && (t[k] == .hyphen || t[k] == .colon) { k += 1 }
            // `Base - ` needs the space a dash label has (`Base-rate` is a word).
            guard k < t.count, t[k] == .space || t[k] == .tab || t[k - 1] == .colon else { continue }
            while k < t.count && (t[k] == .space || t[k] == .tab || t[k] == 0xC2 || t[k] == 0xA0) { k += 1 }
            var e = k
            while e < t.count && e - k < 150 && t[e] != .lineFeed && t[e] != .verticalBar { e += 1 }
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
                                      "walk", "hill", "parade", "mews", "parkway"].map { Word.hash($0) })

    /// The places of a text where any place name counts (a title, a field).
    static func places(in b: [UInt8], anywhere: Bool, source: (Range<Int>) -> SourceRange) -> [Address] {
        var words: [Range<Int>] = []
        Tokenizer.words(b, 0..<b.count) { words.append($0) }
        var out: [Address] = []
        Gazetteer.forEachPlace(b, count: words.count, word: { words[$0] }, anywhere: anywhere, towns: true) { w, country in
            let r = words[w.lowerBound].lowerBound..<words[w.upperBound - 1].upperBound
            if w.upperBound < words.count, streetWords.contains(Word.hash(b, words[w.upperBound])) { return true }
            // A town (not a city of the main list) only after a separator: “Nurse - Wanstead”, “Nurse (Aldeburgh)”.
            if !Gazetteer.isCity(Word.hash(b, r)) {
                var k = r.lowerBound
                while k > 0 && b[k - 1] == .space { k -= 1 }
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
    static func parseLocation(_ value: String, range: SourceRange) -> ([Address], Bool) {
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
}
