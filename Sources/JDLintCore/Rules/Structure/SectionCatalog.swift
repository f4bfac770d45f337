/// Text normalised for phrase matching: lower case ASCII, `&` read as `and`, apostrophes dropped (`you’ll` =
/// `youll`), every other punctuation a word break. Kept as word hashes so phrase lookups do not allocate.
struct PhraseText {
    /// FNV hashes of the normalised words.
    var hashes: [UInt64] = []
    /// The normalised words' bytes (for prefix matches).
    var words: [ArraySlice<UInt8>] = []
    /// Positions of each word hash (built on demand for long texts).
    var index: [UInt64: [Int]] = [:]

    static let andHash = Word.hash("and")

    init() {}

    init<C: Collection>(_ bytes: C, indexed: Bool = false) where C.Element == UInt8, C.Index == Int {
        var buf: [UInt8] = []
        buf.reserveCapacity(bytes.count)
        var starts: [Int] = []
        var ends: [Int] = []
        var inWord = false
        var i = bytes.startIndex
        let end = bytes.endIndex
        func close() { if inWord { ends.append(buf.count); inWord = false } }
        while i < end {
            let c = bytes[i]
            if c < 0x80 {
                if Bytes.isASCIILetter(c) || Bytes.isDigit(c) {
                    if !inWord { starts.append(buf.count); inWord = true }
                    buf.append(Bytes.lower(c))
                } else if c == 0x27 && inWord {
                    // apostrophe inside a word: dropped
                } else if c == 0x26 {
                    close()
                    starts.append(buf.count)
                    buf.append(contentsOf: [0x61, 0x6E, 0x64])
                    ends.append(buf.count)
                } else {
                    close()
                }
                i += 1
                continue
            }
            // Multi-byte scalar: ’ ‘ ʼ are apostrophes; letters are kept; anything else breaks words.
            var v: UInt32 = 0
            var len = 1
            if c >= 0xF0 { len = 4 } else if c >= 0xE0 { len = 3 } else if c >= 0xC0 { len = 2 }
            if i + len <= end {
                var arr: [UInt8] = []
                for k in 0..<len { arr.append(bytes[i + k]) }
                (v, len) = Bytes.scalar(arr, 0)
            }
            if Bytes.isApostrophe(v) || v == 0x2018 {
                // dropped
            } else if Bytes.isWordScalar(v) {
                if !inWord { starts.append(buf.count); inWord = true }
                for k in 0..<len where i + k < end { buf.append(bytes[i + k]) }
            } else {
                close()
            }
            i += max(len, 1)
        }
        close()
        hashes.reserveCapacity(starts.count)
        for (s, e) in zip(starts, ends) {
            hashes.append(Word.hash(buf, s..<e))
            words.append(buf[s..<e])
        }
        if indexed {
            for (k, h) in hashes.enumerated() { index[h, default: []].append(k) }
        }
    }

    /// Whether the phrase occurs (whole words; a prefix phrase's last word matches a word prefix).
    func contains(_ p: Phrase) -> Bool {
        guard !p.hashes.isEmpty, p.hashes.count <= hashes.count else { return false }
        if p.prefix {
            let last = p.hashes.count - 1
            for k in 0...(hashes.count - p.hashes.count) {
                var ok = true
                for j in 0..<last where hashes[k + j] != p.hashes[j] { ok = false; break }
                if ok && words[k + last].starts(with: p.lastWord) { return true }
            }
            return false
        }
        if !index.isEmpty {
            guard let starts = index[p.hashes[0]] else { return false }
            for k in starts where k + p.hashes.count <= hashes.count {
                var ok = true
                for j in 1..<p.hashes.count where hashes[k + j] != p.hashes[j] { ok = false; break }
                if ok { return true }
            }
            return false
        }
        for k in 0...(hashes.count - p.hashes.count) where hashes[k] == p.hashes[0] {
            var ok = true
            for j in 1..<p.hashes.count where hashes[k + j] != p.hashes[j] { ok = false; break }
            if ok { return true }
        }
        return false
    }

    /// Whether the whole text is the phrase.
    func equals(_ p: Phrase) -> Bool { !p.prefix && hashes == p.hashes }
}

/// A phrase of `sections.json` / `residue.json`, normalised like `PhraseText`.
struct Phrase: Sendable {
    var text: String
    var hashes: [UInt64]
    var lastWord: [UInt8]
    var prefix: Bool

    init(_ s: String) {
        text = s
        prefix = s.hasSuffix("*")
        let t = PhraseText(Array((prefix ? String(s.dropLast()) : s).utf8))
        hashes = t.hashes
        lastWord = t.words.last.map(Array.init) ?? []
    }
}

/// One part of a posting (`pay`, `location`…) and what satisfies it, from `Rules/sections.json`.
struct PostingPart: Sendable {
    var id: String
    var name: String
    var why: String
    var headings: [Phrase]
    var exact: [Phrase]
    var fields: Set<String>
    var cues: [Phrase]

    /// Whether a heading (or a `Label:` lead-in, or a field key as written) names this part.
    func matchesHeading(_ t: PhraseText) -> Bool {
        guard !t.hashes.isEmpty, t.hashes.count <= 12 else { return false }
        return exact.contains { t.equals($0) } || headings.contains { t.contains($0) }
    }
}

/// The catalogue of posting parts.
enum SectionCatalog {
    static let parts: [PostingPart] = {
        let root = RuleData.json("sections.json")
        var out: [PostingPart] = []
        for (id, v) in root["parts"]?.objectValue ?? JSONObject() {
            func list(_ k: String) -> [String] { v[k]?.arrayValue?.compactMap(\.stringValue) ?? [] }
            out.append(PostingPart(id: id, name: v["name"]?.stringValue ?? id, why: v["why"]?.stringValue ?? "",
                                   headings: list("headings").map(Phrase.init), exact: list("exact").map(Phrase.init),
                                   fields: Set(list("fields").map { Field.normaliseKey($0) }), cues: list("cues").map(Phrase.init)))
        }
        return out
    }()

    static let byID: [String: PostingPart] = Dictionary(parts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// The ids of the parts a heading text names.
    static func parts(forHeading t: PhraseText) -> [String] { parts.filter { $0.matchesHeading(t) }.map(\.id) }

    /// Heading text without leading numbering (`1.`, `2)`, `IV.`, `a)`, `Step 3:`) — the rest is normalised away.
    static func stripNumbering(_ b: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var k = r.lowerBound
        while k < r.upperBound && (Bytes.isWhitespace(b[k])) { k += 1 }
        var j = k
        while j < r.upperBound && (Bytes.isDigit(b[j]) || "ivxIVX".utf8.contains(b[j])) { j += 1 }
        if j == k, j < r.upperBound, Bytes.isASCIILetter(b[j]), j + 1 < r.upperBound, b[j + 1] == 0x29 { j += 1 }
        if j > k && j < r.upperBound && (b[j] == 0x2E || b[j] == 0x29 || b[j] == 0x3A) && j + 1 < r.upperBound && b[j + 1] == 0x20 {
            return (j + 2)..<r.upperBound
        }
        if j > k && j < r.upperBound && b[j] == 0x20 && b[k...j].allSatisfy({ Bytes.isDigit($0) || $0 == 0x20 }) {
            return (j + 1)..<r.upperBound
        }
        return r
    }

    /// A short `Label:` at the start of a paragraph or list item (`Salary: £30,000`, `**Location:** Remote`):
    /// the label's prose range, when it is 1–5 words.
    static func leadLabel(_ t: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        var k = r.lowerBound
        var words = 1
        let limit = min(r.upperBound, r.lowerBound + 48)
        while k < limit {
            let c = t[k]
            if c == 0x3A { return k > r.lowerBound ? r.lowerBound..<k : nil }
            if c == 0x20 { words += 1; if words > 5 { return nil } }
            if c == 0x2E || c == 0x21 || c == 0x3F || c == 0x0A { return nil }
            k += 1
        }
        return nil
    }
}
