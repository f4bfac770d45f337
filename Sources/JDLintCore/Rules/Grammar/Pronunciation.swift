/// The first sound of a written word, as far as "a" or "an" goes.
enum Sound: UInt8, Sendable {
    case vowel
    case consonant
    /// Both are heard in current usage ("herb", "historic", "SQL"): never a finding.
    case either
    /// No knowledge: never a finding.
    case unsure
}

/// First-sound knowledge: word-start patterns generated from the CMU Pronouncing Dictionary
/// (`Rules/pronunciation.json`, see `scripts/gen-pronunciation.py`) plus hand-made knowledge of acronyms, letters
/// and split usage (`Rules/pronunciation-curated.json`). Lookups hash the lower-cased bytes incrementally (FNV-1a,
/// as `Word.hash`): no allocation per word.
struct Pronunciation: Sendable {
    /// Generated patterns: FNV hash of a lower-case word start → sound; `exact` holds `word$` patterns.
    let prefix: WordMap<Sound>
    let exact: WordMap<Sound>
    /// Hand-made word patterns, consulted first.
    let curatedPrefix: WordMap<Sound>
    let curatedExact: WordMap<Sound>
    /// ALL-CAPS tokens (hash of the lower-cased token) → sound.
    let acronyms: WordMap<Sound>
    /// 2–3 letter words the dictionary reads as words (hashes).
    let shortWords: WordSet
    /// Abbreviations read as words ("Mr", "Ft") though they start with two consonants.
    let abbreviations: WordSet
    /// Letters (lower case) whose name starts with a vowel sound.
    let vowelLetters: [Bool]

    static let shared = Pronunciation(generated: RuleData.json("pronunciation.json"),
                                      curated: RuleData.json("pronunciation-curated.json"))

    init(generated g: JSONValue, curated c: JSONValue) {
        func load(_ v: JSONValue, _ keys: [(String, Sound)], into p: inout [UInt64: Sound], exact e: inout [UInt64: Sound]) {
            for (key, sound) in keys {
                for s in v[key]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                    if s.hasSuffix("$") { e[Word.hash(String(s.dropLast()))] = sound } else { p[Word.hash(s)] = sound }
                }
            }
        }
        var p: [UInt64: Sound] = [:], e: [UInt64: Sound] = [:]
        load(g, [("vowel", .vowel), ("consonant", .consonant), ("either", .either), ("unsure", .unsure)], into: &p, exact: &e)
        prefix = WordMap(p.map { ($0.key, $0.value) })
        exact = WordMap(e.map { ($0.key, $0.value) })
        var cp: [UInt64: Sound] = [:], ce: [UInt64: Sound] = [:]
        load(c, [("vowel", .vowel), ("consonant", .consonant), ("either", .either)], into: &cp, exact: &ce)
        curatedPrefix = WordMap(cp.map { ($0.key, $0.value) })
        curatedExact = WordMap(ce.map { ($0.key, $0.value) })
        var ac: [UInt64: Sound] = [:]
        for (key, sound) in [("vowel", Sound.vowel), ("consonant", .consonant), ("either", .either)] {
            for s in c["acronyms"]?[key]?.arrayValue?.compactMap(\.stringValue) ?? [] { ac[Word.hash(s)] = sound }
        }
        acronyms = WordMap(ac.map { ($0.key, $0.value) })
        shortWords = WordSet((g["shortWords"]?.arrayValue ?? []).compactMap(\.stringValue).map { Word.hash($0) })
        abbreviations = WordSet((c["abbreviations"]?.arrayValue ?? []).compactMap(\.stringValue).map { Word.hash($0) })
        var vl = [Bool](repeating: false, count: 128)
        for b in (c["vowelLetters"]?.stringValue ?? "aefhilmnorsx").utf8 where b < 128 { vl[Int(b)] = true }
        vowelLetters = vl
    }

    // MARK: lookups

    /// The sound of a word written in letters (any case), from the dictionary patterns. `r` holds ASCII letters.
    func wordSound(_ t: [UInt8], _ r: Range<Int>) -> Sound {
        var h: UInt64 = 0xcbf29ce484222325
        var best: Sound?
        var curated: Sound?
        for i in r {
            h ^= UInt64(Bytes.lower(t[i]))
            h = h &* 0x100000001b3
            if let s = curatedPrefix[h] { curated = s }
            if let s = prefix[h] { best = s }
        }
        if let s = curatedExact[h] { return s }
        if let s = curated { return s }
        if let s = exact[h] { return s }
        return best ?? .unsure
    }

    /// The sound of a letter's name ("an F", "a U").
    func letterSound(_ b: UInt8) -> Sound {
        let l = Bytes.lower(b)
        guard Bytes.isLower(l) else { return .unsure }
        return vowelLetters[Int(l)] ? .vowel : .consonant
    }

    static func isVowelLetter(_ b: UInt8) -> Bool {
        switch Bytes.lower(b) {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): return true
        default: return false
        }
    }

    /// `true` when two letters cannot start an English word, so a capitalised token starting with them is read
    /// letter by letter ("RN", "HMO", "FMLA", "NHS").
    static func unpronounceableStart(_ a: UInt8, _ b: UInt8) -> Bool {
        let x = Bytes.lower(a), y = Bytes.lower(b)
        if isVowelLetter(x) || isVowelLetter(y) { return false }
        switch (x, y) {
        case (UInt8(ascii: "b"), UInt8(ascii: "l")), (UInt8(ascii: "b"), UInt8(ascii: "r")), (UInt8(ascii: "c"), UInt8(ascii: "h")), (UInt8(ascii: "c"), UInt8(ascii: "l")), (UInt8(ascii: "c"), UInt8(ascii: "r")), (UInt8(ascii: "d"), UInt8(ascii: "r")), (UInt8(ascii: "d"), UInt8(ascii: "w")), (UInt8(ascii: "f"), UInt8(ascii: "l")),
             (UInt8(ascii: "f"), UInt8(ascii: "r")), (UInt8(ascii: "g"), UInt8(ascii: "l")), (UInt8(ascii: "g"), UInt8(ascii: "r")), (UInt8(ascii: "g"), UInt8(ascii: "n")), (UInt8(ascii: "k"), UInt8(ascii: "n")), (UInt8(ascii: "k"), UInt8(ascii: "r")), (UInt8(ascii: "k"), UInt8(ascii: "l")), (UInt8(ascii: "p"), UInt8(ascii: "h")),
             (UInt8(ascii: "p"), UInt8(ascii: "l")), (UInt8(ascii: "p"), UInt8(ascii: "r")), (UInt8(ascii: "p"), UInt8(ascii: "s")), (UInt8(ascii: "r"), UInt8(ascii: "h")), (UInt8(ascii: "s"), UInt8(ascii: "c")), (UInt8(ascii: "s"), UInt8(ascii: "h")), (UInt8(ascii: "s"), UInt8(ascii: "k")), (UInt8(ascii: "s"), UInt8(ascii: "l")),
             (UInt8(ascii: "s"), UInt8(ascii: "m")), (UInt8(ascii: "s"), UInt8(ascii: "n")), (UInt8(ascii: "s"), UInt8(ascii: "p")), (UInt8(ascii: "s"), UInt8(ascii: "q")), (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "s"), UInt8(ascii: "w")), (UInt8(ascii: "t"), UInt8(ascii: "h")), (UInt8(ascii: "t"), UInt8(ascii: "r")),
             (UInt8(ascii: "t"), UInt8(ascii: "w")), (UInt8(ascii: "w"), UInt8(ascii: "h")), (UInt8(ascii: "w"), UInt8(ascii: "r")), (UInt8(ascii: "s"), UInt8(ascii: "v")), (UInt8(ascii: "v"), UInt8(ascii: "l")), (UInt8(ascii: "c"), UInt8(ascii: "z")), (UInt8(ascii: "z"), UInt8(ascii: "h")):
            return false
        default:
            return true
        }
    }

    /// The sound of an ALL-CAPS token of two or more letters: an acronym said as a word, or letter by letter.
    /// `shout` is set when the surrounding text is in capitals too (then a dictionary word is read as a word).
    func capsSound(_ t: [UInt8], _ r: Range<Int>, shout: Bool) -> Sound {
        let h = Word.hash(t, r)
        if let s = acronyms[h] { return s }
        let first = t[r.lowerBound]
        let initial = letterSound(first)
        if Self.unpronounceableStart(first, t[r.lowerBound + 1]) { return initial }
        if r.count <= 3 && !shortWords.contains(h) { return initial }
        if r.count == 2 && !shout { return initial }  // "MA", "US", "IT": two capitals are an initialism
        let word = wordSound(t, r)
        if word == initial { return initial }
        return shout ? word : .either
    }

    /// How a run of digits starting at `i` is said: "8", "11", "18", "80–89", "800…" start with a vowel sound.
    /// Four-digit 11xx and 18xx may be read "eleven hundred" / "eighteen hundred" (either).
    static func numberSound(_ t: [UInt8], _ i: Int, end: Int) -> Sound {
        var j = i
        while j < end && Bytes.isDigit(t[j]) { j += 1 }
        let n = j - i
        // Thousands separators: "11,000", "8,500"
        var grouped = false
        var k = j
        while k + 3 < end && t[k] == .comma && Bytes.isDigit(t[k + 1]) && Bytes.isDigit(t[k + 2]) && Bytes.isDigit(t[k + 3])
                && (k + 4 >= end || !Bytes.isDigit(t[k + 4])) {
            grouped = true
            k += 4
        }
        let d0 = t[i], d1: UInt8 = n > 1 ? t[i + 1] : 0
        if d0 == UInt8(ascii: "0") { return n == 1 ? .consonant : .either }  // "zero" / "oh"
        let lead = ((n - 1) % 3) + 1
        if (grouped && n == 1 && d0 == UInt8(ascii: "1") && k > j && (t[j + 1] == UInt8(ascii: "1") || t[j + 1] == UInt8(ascii: "8")))
            || (!grouped && n == 4 && d0 == UInt8(ascii: "1") && (d1 == UInt8(ascii: "1") || d1 == UInt8(ascii: "8"))) {
            return .either  // "1,100" / "1800": "one thousand one hundred" or "eleven hundred"
        }
        if d0 == UInt8(ascii: "8") { return .vowel }  // eight, eighty, eight hundred, eight thousand…
        if lead == 2 && d0 == UInt8(ascii: "1") && (d1 == UInt8(ascii: "1") || d1 == UInt8(ascii: "8")) { return .vowel }  // eleven, eighteen (thousand…)
        return .consonant
    }
}
