/// A demand for years of experience found in the prose: "5+ years", "3–5 years", "at least five years",
/// "no more than 2 years".
struct YearsDemand: Sendable, Equatable {
    /// The smallest number of years that satisfies the demand (0 for a pure maximum).
    var min: Int
    /// The largest number of years accepted, when the posting states one ("0–2 years", "up to 3 years").
    var max: Int?
    /// Index of the first number word and of the "years" word.
    var firstWord: Int
    var yearsWord: Int
    /// Prose range from the qualifier or number to "years".
    var range: Range<Int>
    /// Whether the demand is about experience (an experience word nearby), not age, tenure or contract length.
    var experience: Bool
    /// Whether an explicit cap word stands before the number ("no more than", "maximum", "less than"; not "up to").
    var explicitCap: Bool = false
    /// Whether the demand is conditional ("if you have fewer than 5 years").
    var conditional: Bool = false

    var isMaximumOnly: Bool { min == 0 && max != nil }

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "zero": 0,
    ]
    static let numberHashes: WordMap<Int> = WordMap( numberWords.map { (Word.hash($0.key), $0.value) })
    static let yearWords = WordSet(["years", "year", "yrs", "yr", "year's", "years'", "year’s"])
    static let experienceWords = WordSet([
        "experience", "experienced", "exp", "working", "work", "role", "roles", "position", "positions", "industry",
        "career", "professional", "practice", "post", "qualified", "background", "field", "capacity", "hands",
    ])
    static let experienceBefore = WordSet(["experience", "exp", "experienced"])
    /// Words right before the number that make it not a demand ("in the last 5 years", "within 2 years").
    static let disqualifyingBefore = WordSet(["last", "past", "next", "first", "within", "every", "after", "previous", "recent",
                                              "since", "ago", "following", "per", "each", "aged", "age", "for", "by", "in"])
    static let disqualifyingAfter = WordSet(["ago", "old", "later", "age", "aged", "from", "after", "before", "contract",
                                             "fixed", "term", "secondment", "maternity", "warranty"])
    static let minBefore: [[UInt64]] = seqs(["at least", "minimum of", "minimum", "min", "more than", "over", "in excess of", "a minimum of"])
    static let maxBefore: [[UInt64]] = seqs(["up to", "maximum of", "maximum", "max", "no more than", "not more than", "at most",
                                             "less than", "fewer than", "under", "a maximum of"])

    static let notDemand: [[UInt64]] = seqs(["who has", "who have", "which has", "that has", "we have", "we've", "our", "with over",
                                             "with more than", "boasts", "brings", "has had", "for over", "spanning"])

    static func seqs(_ list: [String]) -> [[UInt64]] {
        list.map { s in
            var out: [UInt64] = []
            let b = Array(s.utf8)
            Tokenizer.words(b, 0..<b.count) { out.append(Word.hash(b, $0)) }
            return out
        }
    }

    /// The value of word `i` as a small number (1–2 digits or a number word).
    static func number(_ a: Analysis, _ i: Int) -> Int? {
        let w = a.words[i]
        let t = a.text
        if w.range.count <= 2 {
            var v = 0
            for k in w.range {
                guard Bytes.isDigit(t[k]) else { return numberHashes[w.hash] }
                v = v * 10 + Int(t[k] - UInt8(ascii: "0"))
            }
            return v
        }
        return numberHashes[w.hash]
    }

    /// Gap bytes between word i and i+1.
    static func gap(_ a: Analysis, _ i: Int) -> ArraySlice<UInt8> {
        a.text[a.words[i].range.upperBound..<a.words[i + 1].range.lowerBound]
    }

    static func gapIsSpace(_ g: ArraySlice<UInt8>, allowing extra: [UInt8] = []) -> Bool {
        if g.count > 6 { return false }
        var i = g.startIndex
        while i < g.endIndex {
            let c = g[i]
            if c == .space || c == .tab || extra.contains(c) { i += 1; continue }
            if c == 0xC2 && i + 1 < g.endIndex && g[i + 1] == 0xA0 { i += 2; continue }  // nbsp
            return false
        }
        return true
    }

    /// Whether a gap is a range dash ("-", "–", "—", with spaces).
    static func isDash(_ g: ArraySlice<UInt8>) -> Bool {
        let s = Array(g).filter { $0 != .space }
        return s == [.hyphen] || s == [0xE2, 0x80, 0x93] || s == [0xE2, 0x80, 0x94]
    }

    /// Every years demand in the document, in order.
    static func find(in a: Analysis) -> [YearsDemand] {
        var out: [YearsDemand] = []
        let words = a.words
        for i in 1..<Swift.max(words.count, 1) where yearWords.contains(words[i]) {
            let block = words[i].block
            var j = i - 1
            // "5 or more years"
            var orMore = false
            if j >= 2, words[j].hash == Word.hash("more"), words[j - 1].hash == Word.hash("or"), number(a, j - 2) != nil {
                j -= 2
                orMore = true
            }
            guard words[j].block == block, let n = number(a, j) else { continue }
            let g = gap(a, j)
            guard orMore || gapIsSpace(g, allowing: [.plus, .hyphen, .rightParen]) else { continue }  // "5+ years", "5-years", "(5) years"
            var minV = n, maxV: Int? = nil, first = j
            // ranges: "3-5 years", "3 to 5 years", "three (3) years"
            if j >= 1, words[j - 1].block == block, let m = number(a, j - 1), isDash(gap(a, j - 1)), m < n {
                minV = m; maxV = n; first = j - 1
            } else if j >= 2, words[j - 2].block == block, let m = number(a, j - 2), m < n,
                      words[j - 1].hash == Word.hash("to") || words[j - 1].hash == Word.hash("or") {
                minV = m; maxV = n; first = j - 2
            } else if j >= 1, words[j - 1].block == block, let m = number(a, j - 1), m == n, gap(a, j - 1).contains(.leftParen) {
                first = j - 1  // "five (5) years"
            }
            if orMore { maxV = nil }
            // Qualifiers before the number.
            var start = first
            if TermList.preceded(a, first, by: maxBefore) {
                maxV = maxV ?? n
                minV = 0
            } else if TermList.preceded(a, first, by: minBefore) {
                maxV = nil
            }
            for s in (maxBefore + minBefore).sorted(by: { $0.count > $1.count }) where TermList.preceded(a, first, by: [s]) {
                start = Swift.max(0, first - s.count)
                break
            }
            if first > 0, words[first - 1].block == block, disqualifyingBefore.contains(words[first - 1]),
               !TermList.preceded(a, first, by: minBefore + maxBefore) {
                // "for 3 years" is allowed only when experience words precede ("experience for 3 years" is rare; skip)
                continue
            }
            if i + 1 < words.count, words[i + 1].block == block, disqualifyingAfter.contains(words[i + 1]) { continue }
            // "a 5-year degree", "3 year contract": the singular or hyphenated form is an adjective unless experience follows.
            let singular = words[i].hash == Word.hash("year") || words[i].hash == Word.hash("yr")
            if singular || g.contains(.hyphen) {
                guard i + 1 < words.count, words[i + 1].block == block,
                      experienceWords.contains(words[i + 1]) || words[i + 1].hash == Word.hash("of") || words[i + 1].hash == Word.hash("in")
                else { continue }
            }
            if i + 2 < words.count, words[i + 1].hash == Word.hash("of"), words[i + 2].hash == Word.hash("age") { continue }
            // Experience context.
            var exp = false
            var k = i + 1
            while k < words.count && k <= i + 7 && words[k].block == block {
                if a.text[words[k - 1].range.upperBound..<words[k].range.lowerBound].contains(where: { $0 == .period || $0 == .semicolon }) { break }
                if experienceWords.contains(words[k]) { exp = true; break }
                k += 1
            }
            if !exp {
                var k = start - 1
                while k >= 0 && k >= start - 5 && words[k].block == block {
                    if a.text[words[k].range.upperBound..<words[k + 1].range.lowerBound].contains(where: { $0 == .period || $0 == .semicolon }) { break }
                    if experienceBefore.contains(words[k]) { exp = true; break }
                    k -= 1
                }
            }
            let upTo = TermList.preceded(a, first, by: seqs(["up to"]))
            let cap = !upTo && TermList.preceded(a, first, by: maxBefore)
            var conditional = false
            var c = start - 1
            while c >= 0 && c >= start - 3 && words[c].block == block {
                if words[c].hash == Word.hash("if") || words[c].hash == Word.hash("unless") { conditional = true }
                c -= 1
            }
            // "our lead, who has 12 years of experience", "we have over 30 years of experience": not a demand.
            if TermList.preceded(a, start, by: notDemand) || (start >= 1 && TermList.preceded(a, start - 1, by: notDemand)) { continue }
            out.append(YearsDemand(min: minV, max: maxV, firstWord: first, yearsWord: i,
                                   range: words[start].range.lowerBound..<words[i].range.upperBound, experience: exp,
                                   explicitCap: cap, conditional: conditional))
        }
        return out
    }
}

/// `Rules/technologies.json`: technologies with their public release year, matched by alias bytes.
struct TechnologyIndex: Sendable {
    struct Tech: Sendable {
        var name: String
        var year: Int
    }
    struct Alias: Sendable {
        var bytes: [UInt8]
        /// Bytes of the alias before its first word (".net" → 1).
        var lead: Int
        var tech: Int
    }

    var techs: [Tech] = []
    var byFirstWord: [UInt64: [Alias]] = [:]

    static let shared = TechnologyIndex()

    init() {
        let root = RuleData.json("technologies.json")
        for t in root["technologies"]?.arrayValue ?? [] {
            guard let name = t["name"]?.stringValue, let year = t["year"]?.intValue else { continue }
            let idx = techs.count
            techs.append(Tech(name: name, year: year))
            for al in (t["aliases"]?.arrayValue ?? []).compactMap(\.stringValue) {
                let b = Array(al.lowercased().utf8)
                var first: Range<Int>?
                Tokenizer.words(b, 0..<b.count) { r in if first == nil { first = r } }
                guard let f = first else { continue }
                byFirstWord[Word.hash(b, f), default: []].append(Alias(bytes: b, lead: f.lowerBound, tech: idx))
            }
        }
        for k in byFirstWord.keys { byFirstWord[k]!.sort { $0.bytes.count > $1.bytes.count } }
    }

    /// The technology whose alias starts at word `wi`, and the prose offset where the alias ends.
    func match(_ a: Analysis, _ wi: Int) -> (tech: Int, start: Int, end: Int)? {
        let w = a.words[wi]
        guard let cands = byFirstWord[w.hash] else { return nil }
        let t = a.text
        for c in cands {
            let start = w.range.lowerBound - c.lead
            guard start >= 0, start + c.bytes.count <= t.count else { continue }
            var ok = true
            for (k, b) in c.bytes.enumerated() where Bytes.lower(t[start + k]) != b {
                // allow a hyphen or space where the alias has the other
                if (b == .space || b == .hyphen) && (t[start + k] == .space || t[start + k] == .hyphen) { continue }
                ok = false
                break
            }
            guard ok else { continue }
            let end = start + c.bytes.count
            if end < t.count {
                let n = t[end]
                if Bytes.isASCIILetter(n) || Bytes.isDigit(n) || n == .numberSign || n == .plus { continue }
                if n == .hyphen && end + 1 < t.count && (Bytes.isASCIILetter(t[end + 1]) || Bytes.isDigit(t[end + 1])) { continue }
                if n == .period && end + 1 < t.count && Bytes.isASCIILetter(t[end + 1]) { continue }  // "node.js" is its own alias
            }
            return (c.tech, start, end)
        }
        return nil
    }
}
