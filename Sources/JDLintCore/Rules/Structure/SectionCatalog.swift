/// Text normalised for phrase matching: lower case ASCII, `&` read as `and`, apostrophes dropped (`you’ll` =
/// `youll`), every other punctuation a word break. Kept as word hashes so phrase lookups do not allocate.
struct PhraseText {
    /// FNV hashes of the normalised words.
    var hashes: [UInt64] = []
    /// The normalised words' bytes, back to back (word `k` is `buf[starts[k]..<end(k)]`), for prefix matches.
    var buf: [UInt8] = []
    var starts: [Int] = []

    static let andHash = Word.hash("and")

    init() {}

    init<C: Collection>(_ bytes: C) where C.Element == UInt8, C.Index == Int {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ self.scan($0) }) {
            _ = done
        } else {
            Array(bytes).withUnsafeBufferPointer { self.scan($0) }
        }
    }

    /// The bytes of word `k`.
    func word(_ k: Int) -> ArraySlice<UInt8> { buf[starts[k]..<(k + 1 < starts.count ? starts[k + 1] : buf.count)] }

    /// One pass over the bytes: words are hashed as they are copied (no per-word allocation).
    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>) {
        var buf: [UInt8] = [], starts: [Int] = [], hashes: [UInt64] = []
        buf.reserveCapacity(b.count)
        starts.reserveCapacity(b.count / 5 + 1)
        hashes.reserveCapacity(b.count / 5 + 1)
        Self.normalise(b, start: { starts.append(buf.count) }, byte: { buf.append($0) }, end: { hashes.append($0) })
        self.buf = buf
        self.starts = starts
        self.hashes = hashes
    }

    /// Calls `body` with the hash of every normalised word of `bytes`, allocating nothing.
    static func forEachHash(_ bytes: ArraySlice<UInt8>, _ body: (UInt64) -> Void) {
        bytes.withUnsafeBufferPointer { normalise($0, start: {}, byte: { _ in }, end: body) }
    }

    /// The normaliser: `start` at each word's start, `byte` for each of its normalised bytes, `end` with its hash.
    @inline(__always)
    static func normalise(_ b: UnsafeBufferPointer<UInt8>, start: () -> Void, byte: (UInt8) -> Void, end: (UInt64) -> Void) {
        var h: UInt64 = 0xcbf29ce484222325
        var inWord = false
        @inline(__always) func add(_ c: UInt8) {
            byte(c)
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        @inline(__always) func open() {
            if !inWord { start(); h = 0xcbf29ce484222325; inWord = true }
        }
        @inline(__always) func close() {
            if inWord { end(h); inWord = false }
        }
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if Bytes.isASCIILetter(c) || Bytes.isDigit(c) {
                    open()
                    add(Bytes.lower(c))
                } else if c == 0x27 && inWord {
                    // apostrophe inside a word: dropped
                } else if c == 0x26 {
                    close()
                    open()
                    add(0x61); add(0x6E); add(0x64)
                    close()
                } else {
                    close()
                }
                i += 1
                continue
            }
            // Multi-byte scalar: ’ ‘ ʼ are apostrophes; letters are kept; anything else breaks words.
            var len = 1
            if c >= 0xF0 { len = 4 } else if c >= 0xE0 { len = 3 } else if c >= 0xC0 { len = 2 }
            var v: UInt32 = 0xFFFD
            if i + len <= n {
                switch len {
                case 2: v = (UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
                case 3: v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                case 4: v = (UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F)
                default: len = 1
                }
            } else {
                len = 1
            }
            if Bytes.isApostrophe(v) || v == 0x2018 {
                // dropped
            } else if Bytes.isWordScalar(v) {
                open()
                for k in 0..<len { add(b[i + k]) }
            } else {
                close()
            }
            i += len
        }
        close()
    }

    /// Whether the phrase occurs (whole words; a prefix phrase's last word matches a word prefix).
    func contains(_ p: Phrase) -> Bool {
        guard !p.hashes.isEmpty, p.hashes.count <= hashes.count else { return false }
        if p.prefix {
            let last = p.hashes.count - 1
            for k in 0...(hashes.count - p.hashes.count) {
                var ok = true
                for j in 0..<last where hashes[k + j] != p.hashes[j] { ok = false; break }
                if ok && word(k + last).starts(with: p.lastWord) { return true }
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
        lastWord = t.hashes.isEmpty ? [] : Array(t.word(t.hashes.count - 1))
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

/// Phrases indexed by their first word, so one pass over a text finds every phrase it contains (instead of one
/// scan of the text per phrase).
struct PhraseSet: Sendable {
    let phrases: [Phrase]
    /// First-word hash → indices into `phrases`.
    private let byFirst: WordMap<[Int]>
    /// Phrases of one word that match a word prefix (`recruit*`): checked at every position.
    private let prefixOnly: [Int]

    init(_ phrases: [Phrase]) {
        self.phrases = phrases
        var map: [UInt64: [Int]] = [:]
        var prefixOnly: [Int] = []
        for (i, p) in phrases.enumerated() where !p.hashes.isEmpty {
            if p.prefix && p.hashes.count == 1 { prefixOnly.append(i) } else { map[p.hashes[0], default: []].append(i) }
        }
        byFirst = WordMap(map.map { ($0.key, $0.value) })
        self.prefixOnly = prefixOnly
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// Whether phrase `p` occurs at word `k` of `t`.
    private func matches(_ p: Phrase, _ t: PhraseText, at k: Int) -> Bool {
        let n = p.hashes.count
        guard k + n <= t.hashes.count else { return false }
        let last = p.prefix ? n - 1 : n
        for j in 0..<last where t.hashes[k + j] != p.hashes[j] { return false }
        return !p.prefix || t.word(k + n - 1).starts(with: p.lastWord)
    }

    /// Calls `body` with the index of every phrase found in `t` (once per occurrence, in text order); `body`
    /// returns `false` to stop.
    func forEachMatch(in t: PhraseText, _ body: (Int) -> Bool) {
        for k in 0..<t.hashes.count {
            if let list = byFirst[t.hashes[k]] {
                for i in list where matches(phrases[i], t, at: k) { if !body(i) { return } }
            }
            for i in prefixOnly where matches(phrases[i], t, at: k) { if !body(i) { return } }
        }
    }

    /// The lowest index of a phrase found in `t` (list order, as `phrases.first { t.contains($0) }`).
    func first(in t: PhraseText) -> Int? {
        var best: Int?
        forEachMatch(in: t) { i in
            if best == nil || i < best! { best = i }
            return best != 0
        }
        return best
    }

    func containsAny(in t: PhraseText) -> Bool {
        var found = false
        forEachMatch(in: t) { _ in found = true; return false }
        return found
    }
}
