/// Place names from `Rules/places.txt` (GeoNames cities of 15,000+ people, countries, US states, UK nations; see
/// `scripts/gen-places`), and the one test of whether a text names a place: a capitalised place name in a place
/// context — after “in”, “at”, “near”, “of”, “based”… (“based in Leeds”), before “office”, “campus”, “site”…
/// (“our Tacoma office”), or at the start of a line of at most six words (“Ormskirk, West Lancashire”). In a title or a field every capitalised place name counts (“Nurse - Cardiff”).
public enum Gazetteer {
    /// Hashes (`Word.hash`) of every name, and the most words a name has.
    /// `starts`: hashes of the first four bytes of every name (all of it when shorter), a quick test that none starts.
    typealias Names = (set: WordSet, countries: WordSet, maxWords: Int, cities: WordSet, starts: WordSet)

    static let names: Names = build([places])

    /// `names` and the towns of `Rules/places-towns.txt`: the places `jdlint facts` reads (the lint rules read
    /// `names` only).
    static let namesWithTowns: Names = build([places, parse("places-towns.txt")])

    /// The names of one file: their hashes, those of its countries and cities, of their first four bytes, and the
    /// most words a name has.
    typealias Parsed = (hashes: [UInt64], countries: [UInt64], cities: [UInt64], starts: [UInt64], maxWords: Int)

    /// `Rules/places.txt`, read once for both name sets (loading it was most of a small lint's start-up).
    static let places: Parsed = parse("places.txt")

    static func build(_ files: [Parsed]) -> Names {
        (WordSet(files.lazy.flatMap(\.hashes)), WordSet(files.lazy.flatMap(\.countries)), min(files.map(\.maxWords).max() ?? 1, 5),
         WordSet(files.lazy.flatMap(\.cities)), WordSet(files.lazy.flatMap(\.starts)))
    }

    /// One name a line; `#` starts a comment line, `@` marks a country, `+` a town read as a city.
    static func parse(_ file: String) -> Parsed {
        var out: Parsed = ([], [], [], [], 1)
        guard let text = RuleData.text(file) else { return out }
        // The lines are ranges of one array: no array per line.
        let b = Array(text.utf8)
        out.hashes.reserveCapacity(b.count / 8)
        out.starts.reserveCapacity(b.count / 8)
        var i = 0
        while i < b.count {
            var e = i
            while e < b.count && b[e] != .lineFeed { e += 1 }
            defer { i = e + 1 }
            guard e > i, b[i] != .numberSign else { continue }
            var s = i
            let country = b[s] == .at
            if country { s += 1 }
            // `+York` in places-towns.txt: a city read as the cities of places.txt are.
            let city = s < e && b[s] == .plus
            if city { s += 1 }
            let h = Word.hash(b, s..<e)
            out.hashes.append(h)
            out.starts.append(Word.hash(b, s..<min(s + 4, e)))
            if country { out.countries.append(h) }
            if city || file == "places.txt" { out.cities.append(h) }
            var words = 0
            Tokenizer.words(b, s..<e) { _ in words += 1 }
            out.maxWords = max(out.maxWords, words)
        }
        return out
    }

    /// Whether a name (its `Word.hash`) is a city of places.txt or a `+` city of places-towns.txt, not a town.
    static func isCity(_ h: UInt64) -> Bool { namesWithTowns.cities.contains(h) }

    /// Words before “in” that make a country the job's place (“based in Germany”, “remote in Canada”).
    static let strongBefore = WordSet(["based", "located", "remote", "anywhere", "work", "working", "position", "role", "job",
                                       "office", "offices", "opportunity", "areas", "area", "sites", "site", "parts", "throughout",
                                       "across"].map { Word.hash($0) })

    static let before = WordSet(["in", "at", "near", "around", "across", "throughout", "within", "based", "located", "outside", "from",
                                 "nr", "of", "including"].map { Word.hash($0) })
    static let after = WordSet(["office", "offices", "campus", "site", "sites", "area", "region", "hospital", "hospitals", "headquarters",
                                "hq", "branch", "centre", "center", "location", "based", "store", "warehouse", "clinic", "studio",
                                "plant", "depot", "facility", "team"].map { Word.hash($0) })

    static let compass = WordSet(["north", "south", "east", "west", "central", "greater", "mid", "northern", "southern", "eastern",
                                  "western", "inner", "outer", "upper", "lower", "northeast", "northwest", "southeast", "southwest",
                                  "downtown"].map { Word.hash($0) })
    static let distance = WordSet(["minutes", "mins", "minute", "miles", "mile", "hour", "hours", "hrs", "km", "kilometres",
                                   "kilometers", "journey", "drive", "commute", "away", "distance", "reach", "ride"].map { Word.hash($0) })
    static let awayFrom = WordSet(["from", "of", "outside", "near", "around"].map { Word.hash($0) })
    /// (Not “residents of Brent”: a community post serves the residents where it is.)
    static let residing = WordSet(["living", "live", "lives", "reside", "resides", "residing"].map { Word.hash($0) })
    static let the = Word.hash("the")
    static let inHash = Word.hash("in")

    /// Whether the words of `t` (ranges in text order) name a place; `anywhere`: no context needed (a title, a field).
    public static func namesPlace(_ t: [UInt8], count: Int, word: (Int) -> Range<Int>, anywhere: Bool) -> Bool {
        var found = false
        forEachPlace(t, count: count, word: word, anywhere: anywhere) { _, _ in
            found = true
            return false
        }
        return found
    }

    /// Calls `body` with the word indices of every place name `namesPlace` accepts, in text order, and whether it
    /// is a country; scanning goes on after the name while `body` returns `true`. With `towns`, the towns of
    /// `Rules/places-towns.txt` count too.
    public static func forEachPlace(_ t: [UInt8], count: Int, word: (Int) -> Range<Int>, anywhere: Bool, towns: Bool = false,
                                    _ body: (_ words: Range<Int>, _ country: Bool) -> Bool) {
        let names = towns ? Self.namesWithTowns : Self.names
        var i = 0
        scan: while i < count {
            let r = word(i)
            guard Bytes.isUpper(t[r.lowerBound]) else { i += 1; continue }
            // The longest name starting here: its words on one line, the last one capitalised too.
            guard let (n, h) = longestName(t, names, count: count, word: word, i, where: { n, _, last in
                n == 1 || (Bytes.isUpper(t[last.lowerBound]) && sameLine(t, r.lowerBound, last.upperBound))
            }) else { i += 1; continue }
            let last = word(i + n - 1)
            // A region named by compass words before a place (“North East” in “North East London”) is the
            // place's part: the place is read next, with the compass words before it.
            if i + n < count, (i..<(i + n)).allSatisfy({ compass.contains(Word.hash(t, word($0))) }),
               Bytes.isUpper(t[word(i + n).lowerBound]), t[last.upperBound..<word(i + n).lowerBound].allSatisfy({ $0 == .space }),
               startsName(t, names, count: count, word: word, i + n) {
                i += n
                continue scan
            }
            // The preposition right before, or before “the” (“across the South East”).
            // A compass word between them (“residents in West Essex”, “across North Wales”) is part of the place.
            // Lower case too, and two of them (“in central London”, “in south-east London”, “in inner North East London”).
            var p = i - 1
            var region = false
            var compassWords = 0
            while compassWords < 3 && p > 0 && compass.contains(Word.hash(t, word(p))) && sameLine(t, word(p).upperBound, r.lowerBound) {
                if Bytes.isUpper(t[word(p).lowerBound]) { region = true }
                p -= 1
                compassWords += 1
            }
            if p > 0 && Word.hash(t, word(p)) == Self.the { p -= 1 }
            var preposition = p >= 0 && before.contains(Word.hash(t, word(p))) && sameLine(t, word(p).upperBound, r.lowerBound)
            // Not where the job is: a distance (“90 minutes from central London”, “within easy reach of Leeds”) or where
            // people live (“services for people living in Powys”, “applicants must reside in Texas”).
            if preposition, p >= 1, sameLine(t, word(p - 1).upperBound, word(p).lowerBound) {
                let b = Word.hash(t, word(p - 1))
                if residing.contains(b) || (distance.contains(b) && awayFrom.contains(Word.hash(t, word(p)))) { preposition = false }
            }
            // A town needs a preposition (“based in Aldeburgh”): alone on a short line (“Porter” as a heading) or
            // before “Hospital” (“Cygnet Hospital”) it is as often a name or a job.
            let town = towns && !names.cities.contains(h)
            let context = anywhere || preposition || (!town && shortLine(t, count: count, word: word, i))
            // A country in prose names the job's place only after “based in”, “remote in”…: “the average salary
            // in the United States” or “customers in Germany” do not.
            // A region of a country after a place word (“across North Wales”) is as specific as a town.
            let country = names.countries.contains(h)
            var hit = false
            if country && !anywhere && !(region && context) {
                hit = p >= 1 && strongBefore.contains(Word.hash(t, word(p - 1))) && Word.hash(t, word(p)) == Self.inHash
            } else if context {
                hit = true
            } else if !town, i + n < count, after.contains(Word.hash(t, word(i + n))), sameLine(t, last.upperBound, word(i + n).lowerBound) {
                hit = true
            }
            if hit {
                guard body(i..<(i + n), country) else { return }
                i += n
                continue scan
            }
            i += 1
        }
    }

    /// The longest name of `names` that starts at word `i` and that `accept` takes (given its word count, its hash
    /// and its last word's range), with its hash. Most words start no name: the first bytes rule them out before a
    /// name is hashed, and the names of 1, 2… words are hashed in one pass (FNV-1a goes on from a prefix's hash).
    static func longestName(_ t: [UInt8], _ names: Names, count: Int, word: (Int) -> Range<Int>, _ i: Int,
                            where accept: (_ n: Int, _ hash: UInt64, _ last: Range<Int>) -> Bool) -> (n: Int, hash: UInt64)? {
        let r = word(i)
        guard mayStartName(t, names, r) else { return nil }
        var best: (n: Int, hash: UInt64)?
        var h = Word.hash(t, r)
        for n in 1...max(1, min(names.maxWords, count - i)) {
            let last = word(i + n - 1)
            if n > 1 { h = Word.hash(continuing: h, t, word(i + n - 2).upperBound..<last.upperBound) }
            if names.set.contains(h) && accept(n, h, last) { best = (n, h) }
        }
        return best
    }

    /// Whether a name of `names` can start at word range `r`: its first four bytes (or the whole word, when it is
    /// shorter) are those of a name.
    @inline(__always) static func mayStartName(_ t: [UInt8], _ names: Names, _ r: Range<Int>) -> Bool {
        if names.starts.contains(Word.hash(t, r.lowerBound..<min(r.lowerBound + 4, t.count))) { return true }
        return r.count < 4 && names.starts.contains(Word.hash(t, r))
    }

    /// A name of `names` starts at word `j` (“London” after “North West”; not “Region”).
    static func startsName(_ t: [UInt8], _ names: Names, count: Int, word: (Int) -> Range<Int>, _ j: Int) -> Bool {
        longestName(t, names, count: count, word: word, j, where: { _, _, _ in true }) != nil
    }

    /// Word `i` starts a line of at most six words (“Ormskirk, West Lancashire” on a line of its own).
    static func shortLine(_ t: [UInt8], count: Int, word: (Int) -> Range<Int>, _ i: Int) -> Bool {
        let r = word(i)
        if i > 0 {
            var k = r.lowerBound
            var newline = false
            while k > word(i - 1).upperBound { k -= 1; if t[k] == .lineFeed { newline = true; break } }
            guard newline else { return false }
        }
        var j = i + 1
        while j < count && j <= i + 6 {
            if t[word(j - 1).upperBound..<word(j).lowerBound].contains(.lineFeed) { return true }
            j += 1
        }
        return j == count
    }

    /// No line break and no sentence end between two offsets.
    static func sameLine(_ t: [UInt8], _ a: Int, _ b: Int) -> Bool {
        guard a <= b else { return false }
        for k in a..<b where t[k] == .lineFeed || t[k] == .period || t[k] == .semicolon { return false }
        return true
    }

    /// `namesPlace` over a string's own words (a title or a field's value).
    public static func namesPlace(_ s: String, anywhere: Bool) -> Bool {
        let b = Array(s.utf8)
        var words: [Range<Int>] = []
        Tokenizer.words(b, 0..<b.count) { words.append($0) }
        return namesPlace(b, count: words.count, word: { words[$0] }, anywhere: anywhere)
    }
}
