/// Matches many phrases (word sequences, optionally ending in a `*` stem) against a document's words in one
/// pass, by hashed lookup of the first word. Matching is case-insensitive for ASCII.
public struct PhraseMatcher: Sendable {
    public struct Phrase: Sendable {
        /// Lower-cased words; the last may be a stem (`compet` for `compet*`).
        public var words: [[UInt8]]
        public var hashes: [UInt64]
        public var lastIsStem: Bool
        /// Caller's payload index.
        public var tag: Int
    }

    public struct Match: Sendable, Equatable {
        /// Index of the first and one past the last matched word.
        public var words: Range<Int>
        /// Prose range from the first word's start to the last word's end.
        public var range: Range<Int>
        public var tag: Int
    }

    public private(set) var phrases: [Phrase] = []
    private var byFirstWord = WordMap<[Int]>()
    /// Quick membership tests before the map lookups (no array copies for the many words that start no phrase).
    private var firstWords = WordSet()
    private var stemKeys = WordSet()
    /// Single-word stems, keyed by their first three letters.
    private var stemsByPrefix = WordMap<[Int]>()
    /// Stems shorter than three letters (rare), checked against every word.
    private var shortStems: [Int] = []

    public init() {}

    /// Adds a phrase (`"work hard play hard"`, `"compet*"`); returns false for a phrase with no words.
    @discardableResult
    public mutating func add(_ phrase: String, tag: Int) -> Bool {
        var text = Array(phrase.utf8)
        var stem = false
        if text.last == 0x2A {  // '*'
            stem = true
            text.removeLast()
        }
        var words: [[UInt8]] = []
        Tokenizer.words(text, 0..<text.count) { r in words.append(text[r].map(Bytes.lower)) }
        guard !words.isEmpty else { return false }
        let hashes = words.map { Word.hash($0, 0..<$0.count) }
        let p = Phrase(words: words, hashes: hashes, lastIsStem: stem, tag: tag)
        let i = phrases.count
        phrases.append(p)
        if stem && words.count == 1 {
            if words[0].count >= 3 { stemsByPrefix[UInt64(PhraseMatcher.key3(words[0], 0)), default: []].append(i)
                stemKeys.insert(UInt64(PhraseMatcher.key3(words[0], 0))) }
            else { shortStems.append(i) }
        } else {
            byFirstWord[hashes[0], default: []].append(i)
            firstWords.insert(hashes[0])
        }
        return true
    }

    static func key3(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(Bytes.lower(b[at])) << 16 | UInt32(Bytes.lower(b[at + 1])) << 8 | UInt32(Bytes.lower(b[at + 2]))
    }

    public var isEmpty: Bool { phrases.isEmpty }

    /// Whether the gap between two consecutive words is only spaces, line breaks or hyphens (so "work-hard" and
    /// "work  hard" both match "work hard").
    @inlinable static func joinable(_ t: [UInt8], _ gap: Range<Int>) -> Bool {
        if gap.isEmpty || gap.count > 4 { return false }
        for i in gap {
            let c = t[i]
            if !(c == 0x20 || c == 0x2D || c == 0x0A || c == 0x0D || c == 0x09 || c == 0xC2 || c == 0xA0) { return false }
        }
        return true
    }

    /// Whether phrase `p` matches the words from `wi` on (`words` and `t` are the analysis's, passed in so a
    /// candidate check retains nothing).
    func matchesRest(_ p: Phrase, _ words: WordList, _ t: [UInt8], from wi: Int) -> Bool {
        guard wi + p.words.count <= words.count else { return false }
        for k in 0..<p.words.count {
            let w = words[wi + k]
            if k > 0 {
                let prev = words[wi + k - 1]
                guard prev.block == w.block, PhraseMatcher.joinable(t, prev.range.upperBound..<w.range.lowerBound) else { return false }
            }
            let isStem = p.lastIsStem && k == p.words.count - 1
            if isStem {
                guard w.range.count >= p.words[k].count else { return false }
                var j = 0
                for i in w.range.lowerBound..<(w.range.lowerBound + p.words[k].count) {
                    if Bytes.lower(t[i]) != p.words[k][j] { return false }
                    j += 1
                }
            } else {
                guard w.hash == p.hashes[k], Bytes.equalsLower(t, w.range, p.words[k]) else { return false }
            }
        }
        return true
    }

    /// Every match in the document, longest first at each word, non-overlapping, in document order.
    ///
    /// Walks the analysis's compact per-word arrays (hash, first-three-letters key) and touches a word's full
    /// record only for a candidate.
    public func matches(in a: Analysis) -> [Match] {
        var out: [Match] = []
        guard !phrases.isEmpty else { return out }
        let words = a.words
        let t = a.text
        let hashes = a.wordHashes
        let keys = a.wordKeys
        let hasStems = !stemKeys.isEmpty
        let n = hashes.count
        var wi = 0
        while wi < n {
            let h = hashes[wi]
            var best = -1
            if firstWords.contains(h), let cands = byFirstWord[h] {
                for c in cands where matchesRest(phrases[c], words, t, from: wi) {
                    if best < 0 || phrases[c].words.count > phrases[best].words.count { best = c }
                }
            }
            if best < 0 && hasStems {
                let k = keys[wi]
                if k != 0, stemKeys.contains(UInt64(k)), let cands = stemsByPrefix[UInt64(k)] {
                    for c in cands where matchesRest(phrases[c], words, t, from: wi) {
                        if best < 0 || phrases[c].words[0].count > phrases[best].words[0].count { best = c }
                    }
                }
            }
            if best < 0 {
                for c in shortStems where matchesRest(phrases[c], words, t, from: wi) { best = c; break }
            }
            if best >= 0 {
                let p = phrases[best]
                let last = words[wi + p.words.count - 1]
                out.append(Match(words: wi..<(wi + p.words.count), range: words[wi].range.lowerBound..<last.range.upperBound, tag: p.tag))
                wi += p.words.count
            } else {
                wi += 1
            }
        }
        return out
    }

    /// Adapts a replacement to the case of the matched text: `Rockstar` → `Expert`, `ROCKSTAR` → `EXPERT`.
    public static func matchCase(_ replacement: String, like original: String) -> String {
        let letters = original.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard let first = letters.first else { return replacement }
        if letters.count >= 2 && letters.allSatisfy({ $0.properties.isUppercase }) { return replacement.uppercased() }
        if first.properties.isUppercase, let r = replacement.first {
            return r.uppercased() + replacement.dropFirst()
        }
        return replacement
    }
}
