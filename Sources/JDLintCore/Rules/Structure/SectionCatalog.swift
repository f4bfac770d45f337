/// Text normalised for phrase matching: lower case ASCII, `&` read as `and`, apostrophes dropped (`you’ll` =
/// `youll`), every other punctuation a word break. Kept as word hashes so phrase lookups do not allocate.
///
/// The analysis normalises every block once (`Analysis.phraseText(block:)`); a value is then a view of some of
/// those words, sharing the storage, so rules that match phrases per block (residue, sections) scan nothing.
struct PhraseText: Sendable {
    /// FNV hashes of the normalised words of the whole store.
    private(set) var store: [UInt64] = []
    /// The normalised words' bytes, back to back: word `g` of the store is `buf[starts[g]..<starts[g + 1]]`.
    private(set) var buf: [UInt8] = []
    /// 32-bit: the store is at most a document's prose, with `&` as three bytes (`Document.maximumSize`).
    private(set) var starts: [UInt32] = []
    /// The words of this text: `store[lo..<hi]`.
    private(set) var lo = 0
    private(set) var hi = 0

    static let andHash = Word.hash("and")

    init() {}

    init<C: Collection>(_ bytes: C) where C.Element == UInt8, C.Index == Int {
        let a = Array(bytes)
        self = PhraseText.build(a, [0..<a.count]).text
    }

    /// Normalises the ranges of `t` into one store: the whole text (every range's words, in order) and the word
    /// range of each input range. Words never run from one range into the next.
    static func build<R: Collection>(_ t: [UInt8], _ ranges: R) -> (text: PhraseText, words: [Range<Int>]) where R.Element == Range<Int> {
        var total = 0
        var amps = 0
        for r in ranges {
            total += r.count
            for i in r where t[i] == .ampersand { amps += 1 }
        }
        var starts: [UInt32] = []
        var store: [UInt64] = []
        starts.reserveCapacity(total / 5 + 1)
        store.reserveCapacity(total / 5 + 1)
        var words: [Range<Int>] = []
        words.reserveCapacity(ranges.count)
        // `&` grows to three bytes; nothing else grows, so the buffer is written through a pointer.
        let buf = [UInt8](unsafeUninitializedCapacity: total + 2 * amps + 1) { out, outCount in
            var o = 0
            t.withUnsafeBufferPointer { b in
                for r in ranges {
                    let first = store.count
                    var h: UInt64 = 0xcbf29ce484222325
                    var inWord = false
                    var i = r.lowerBound
                    let n = r.upperBound
                    while i < n {
                        let c = b[i]
                        if c < 0x80 {
                            let lower = c | 0x20
                            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) {
                                let v = c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? lower : c
                                if !inWord { starts.append(UInt32(o)); h = 0xcbf29ce484222325; inWord = true }
                                out[o] = v
                                o += 1
                                h = (h ^ UInt64(v)) &* 0x100000001b3
                            } else if c == .apostrophe && inWord {
                                // apostrophe inside a word: dropped
                            } else {
                                if inWord { store.append(h); inWord = false }
                                if c == .ampersand {  // `&` reads as the word `and`
                                    starts.append(UInt32(o))
                                    out[o] = UInt8(ascii: "a"); out[o + 1] = UInt8(ascii: "n"); out[o + 2] = UInt8(ascii: "d")
                                    o += 3
                                    store.append(andHash)
                                }
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
                            case 4:
                                v = (UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6)
                                    | UInt32(b[i + 3] & 0x3F)
                            default: len = 1
                            }
                        } else {
                            len = 1
                        }
                        if Bytes.isApostrophe(v) || v == 0x2018 {
                            // dropped
                        } else if Bytes.isWordScalar(v) {
                            if !inWord { starts.append(UInt32(o)); h = 0xcbf29ce484222325; inWord = true }
                            for k in 0..<len {
                                out[o] = b[i + k]
                                o += 1
                                h = (h ^ UInt64(b[i + k])) &* 0x100000001b3
                            }
                        } else if inWord {
                            store.append(h)
                            inWord = false
                        }
                        i += len
                    }
                    if inWord { store.append(h) }
                    words.append(first..<store.count)
                }
            }
            outCount = o
        }
        var text = PhraseText()
        text.store = store
        text.buf = buf
        text.starts = starts
        text.lo = 0
        text.hi = store.count
        return (text, words)
    }

    /// `old` (with its blocks' word ranges) with the blocks between `prefix` leading and `suffix` trailing ones
    /// replaced by `fresh` (built from the new blocks in between): the new text and its blocks' word ranges.
    static func splice(_ old: PhraseText, _ oldBlocks: [Range<Int>], prefix: Int, suffix: Int,
                       fresh: (text: PhraseText, words: [Range<Int>])) -> (PhraseText, [Range<Int>]) {
        let n = oldBlocks.count
        let sPre = prefix < n ? oldBlocks[prefix].lowerBound : old.store.count
        let sSuf = suffix > 0 ? oldBlocks[n - suffix].lowerBound : old.store.count
        let bPre = sPre < old.starts.count ? Int(old.starts[sPre]) : old.buf.count
        let bSuf = sSuf < old.starts.count ? Int(old.starts[sSuf]) : old.buf.count
        let f = fresh.text
        var text = PhraseText()
        text.store = Array(old.store[..<sPre]) + f.store + old.store[sSuf...]
        text.buf = Array(old.buf[..<bPre]) + f.buf + old.buf[bSuf...]
        var starts = Array(old.starts[..<sPre])
        starts.reserveCapacity(text.store.count)
        for x in f.starts { starts.append(UInt32(Int(x) + bPre)) }
        let bShift = bPre + f.buf.count - bSuf
        for x in old.starts[sSuf...] { starts.append(UInt32(Int(x) + bShift)) }
        text.starts = starts
        text.lo = 0
        text.hi = text.store.count
        let sShift = sPre + f.store.count - sSuf
        var blocks = Array(oldBlocks[..<prefix])
        for r in fresh.words { blocks.append((r.lowerBound + sPre)..<(r.upperBound + sPre)) }
        for r in oldBlocks[(n - suffix)...] { blocks.append((r.lowerBound + sShift)..<(r.upperBound + sShift)) }
        return (text, blocks)
    }

    /// The words `range` of the store (indices as returned by `build`).
    func view(_ range: Range<Int>) -> PhraseText {
        var v = self
        v.lo = range.lowerBound
        v.hi = range.upperBound
        return v
    }

    var count: Int { hi - lo }
    var isEmpty: Bool { hi == lo }
    /// The hash of word `k` of this text.
    subscript(k: Int) -> UInt64 { store[lo + k] }
    var hashes: ArraySlice<UInt64> { store[lo..<hi] }

    /// The bytes of word `k`.
    func word(_ k: Int) -> ArraySlice<UInt8> {
        let g = lo + k
        return buf[Int(starts[g])..<(g + 1 < starts.count ? Int(starts[g + 1]) : buf.count)]
    }

    /// `PhraseMatcher.key3` of word `k` (nil when it is shorter than three bytes), without making a slice.
    @inline(__always) func key3(_ k: Int) -> UInt64? {
        let g = lo + k
        let s = Int(starts[g])
        let e = g + 1 < starts.count ? Int(starts[g + 1]) : buf.count
        guard e - s >= 3 else { return nil }
        return UInt64(PhraseMatcher.key3(buf, s))
    }

    /// Whether the phrase occurs (whole words; a prefix phrase's last word matches a word prefix).
    func contains(_ p: Phrase) -> Bool {
        let n = count
        guard !p.hashes.isEmpty, p.hashes.count <= n else { return false }
        if p.prefix {
            let last = p.hashes.count - 1
            for k in 0...(n - p.hashes.count) {
                var ok = true
                for j in 0..<last where self[k + j] != p.hashes[j] { ok = false; break }
                if ok && word(k + last).starts(with: p.lastWord) { return true }
            }
            return false
        }
        for k in 0...(n - p.hashes.count) where self[k] == p.hashes[0] {
            var ok = true
            for j in 1..<p.hashes.count where self[k + j] != p.hashes[j] { ok = false; break }
            if ok { return true }
        }
        return false
    }

    /// Whether the whole text is the phrase.
    func equals(_ p: Phrase) -> Bool { !p.prefix && hashes.elementsEqual(p.hashes) }
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
        hashes = Array(t.hashes)
        lastWord = t.isEmpty ? [] : Array(t.word(t.count - 1))
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
        guard !t.isEmpty, t.count <= 12 else { return false }
        return exact.contains { t.equals($0) } || headings.contains { t.contains($0) }
    }
}

/// The catalogue of posting parts and of the kinds of list a heading introduces.
enum SectionCatalog {
    /// `Rules/sections.json`: the parts, and the kinds of list a heading introduces (`SectionCatalog+ListKinds`).
    static let source = RuleData.json("sections.json")

    static let parts: [PostingPart] = {
        var out: [PostingPart] = []
        for (id, v) in source["parts"]?.objectValue ?? JSONObject() {
            func list(_ k: String) -> [String] { v[k]?.arrayValue?.compactMap(\.stringValue) ?? [] }
            out.append(PostingPart(id: id, name: v["name"]?.stringValue ?? id, why: v["why"]?.stringValue ?? "",
                                   headings: list("headings").map(Phrase.init), exact: list("exact").map(Phrase.init),
                                   fields: Set(list("fields").map { Field.normaliseKey($0) }), cues: list("cues").map(Phrase.init)))
        }
        return out
    }()

    static let byID: [String: PostingPart] = Dictionary(parts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// The ids of the parts a heading text names.
    static func parts(forHeading t: PhraseText) -> [String] {
        // One pass over the heading with every part's phrases (indexed by first word), not one scan per phrase.
        guard !t.isEmpty, t.count <= 12 else { return [] }
        let index = headingIndex
        var hit = [Bool](repeating: false, count: parts.count)
        var any = false
        if let list = index.exact[Array(t.hashes)] { for p in list { hit[p] = true; any = true } }
        index.set.forEachMatch(in: t) { i in
            hit[index.part[i]] = true
            any = true
            return true
        }
        guard any else { return [] }
        return parts.indices.filter { hit[$0] }.map { parts[$0].id }
    }

    /// Every part's heading phrases in one set (`part[i]` is the index in `parts` of phrase `i`), and its exact
    /// names by their word hashes: `parts(forHeading:)` (the same answers as `PostingPart.matchesHeading`).
    static let headingIndex: (set: PhraseSet, part: [Int], exact: [[UInt64]: [Int]]) = {
        var phrases: [Phrase] = [], part: [Int] = []
        var exact: [[UInt64]: [Int]] = [:]
        for (pi, p) in parts.enumerated() {
            for h in p.headings { phrases.append(h); part.append(pi) }
            for e in p.exact where !e.prefix && !e.hashes.isEmpty { exact[e.hashes, default: []].append(pi) }
        }
        return (PhraseSet(phrases), part, exact)
    }()

    /// Field key → indices in `parts` of the parts that field fills.
    static let partsByField: [String: [Int]] = {
        var out: [String: [Int]] = [:]
        for (pi, p) in parts.enumerated() { for f in p.fields { out[f, default: []].append(pi) } }
        return out
    }()

    /// Heading text without leading numbering (`1.`, `2)`, `IV.`, `a)`, `Step 3:`) — the rest is normalised away.
    static func stripNumbering(_ b: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var k = r.lowerBound
        while k < r.upperBound && (Bytes.isWhitespace(b[k])) { k += 1 }
        var j = k
        while j < r.upperBound && (Bytes.isDigit(b[j]) || "ivxIVX".utf8.contains(b[j])) { j += 1 }
        if j == k, j < r.upperBound, Bytes.isASCIILetter(b[j]), j + 1 < r.upperBound, b[j + 1] == .rightParen { j += 1 }
        if j > k && j < r.upperBound && (b[j] == .period || b[j] == .rightParen || b[j] == .colon) && j + 1 < r.upperBound && b[j + 1] == .space {
            return (j + 2)..<r.upperBound
        }
        if j > k && j < r.upperBound && b[j] == .space && b[k...j].allSatisfy({ Bytes.isDigit($0) || $0 == .space }) {
            return (j + 1)..<r.upperBound
        }
        return r
    }

    /// A short `Label:` at the start of a paragraph or list item (`Salary: £30,000`, `**Location:** Remote`):
    /// the label's prose range, when it is 1–5 words.
    static func leadLabel(_ t: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        guard let k = labelEnd(t, r, at: .colon, maxWords: 5, maxBytes: 48, stops: leadStops), k > r.lowerBound else { return nil }
        return r.lowerBound..<k
    }

    /// The first line of a paragraph of several lines, when it is 1–4 words with no closing punctuation: a heading
    /// written as a plain line in Markdown (“Responsibilities⏎Develop course materials…”), which CommonMark joins
    /// into the paragraph after it.
    static func lineLabel(_ t: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        guard let k = labelEnd(t, r, at: .lineFeed, maxWords: 4, maxBytes: 40, stops: lineStops) else { return nil }
        var e = k
        while e > r.lowerBound && t[e - 1] == .space { e -= 1 }
        guard e > r.lowerBound, k + 1 < r.upperBound, Bytes.isASCIILetter(t[e - 1]) || t[e - 1] == .rightParen else { return nil }
        return r.lowerBound..<e
    }

    /// A whole short paragraph that reads as a heading: 1–5 words, no sentence punctuation, ending in a letter, `)`
    /// or a colon (“Responsibilities”, “**What we offer:**”, `<p>Benefits</p>`): Markdown and HTML postings often
    /// write headings as a paragraph of their own.
    static func blockLabel(_ t: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        var e = r.upperBound
        while e > r.lowerBound && Bytes.isWhitespace(t[e - 1]) { e -= 1 }
        if e > r.lowerBound && t[e - 1] == .colon { e -= 1 }
        guard e > r.lowerBound, e - r.lowerBound <= 48, Bytes.isASCIILetter(t[e - 1]) || t[e - 1] == .rightParen else { return nil }
        var words = 1
        for k in r.lowerBound..<e {
            let c = t[k]
            if c == .space { words += 1; if words > 5 { return nil } }
            if c == .lineFeed || lineStops.contains(c) { return nil }
        }
        return r.lowerBound..<e
    }

    /// Sentence ends (and a line break) stop a `Label:`; sentence ends, colons and commas stop a heading line.
    static let leadStops: [UInt8] = [.period, .exclamation, .question, .lineFeed]
    static let lineStops: [UInt8] = [.period, .exclamation, .question, .colon, .comma]

    /// Where a label at the start of `r` ends: the first `terminator` within `maxBytes`, before `maxWords` words and
    /// before any of `stops`.
    static func labelEnd(_ t: [UInt8], _ r: Range<Int>, at terminator: UInt8, maxWords: Int, maxBytes: Int, stops: [UInt8]) -> Int? {
        var k = r.lowerBound
        var words = 1
        let limit = min(r.upperBound, r.lowerBound + maxBytes)
        while k < limit {
            let c = t[k]
            if c == terminator { return k }
            if c == .space { words += 1; if words > maxWords { return nil } }
            if stops.contains(c) { return nil }
            k += 1
        }
        return nil
    }
}

/// Phrases indexed by their first word, so one pass over a text finds every phrase it contains (instead of one
/// scan of the text per phrase).
struct PhraseSet: Sendable {
    let phrases: [Phrase]
    /// First-word hash → a range of `order`, which lists phrase indices grouped by first word.
    private let byFirst: WordMap<Range<Int>>
    private let order: [Int]
    private let firstWords: WordSet
    /// Phrases of one word that match a word prefix (`recruit*`), by their first three bytes
    /// (`PhraseMatcher.key3`).
    private let prefixByKey: WordMap<[Int]>
    private let prefixKeys: WordSet
    /// Prefix phrases shorter than three bytes: checked at every position.
    private let shortPrefixes: [Int]

    init(_ phrases: [Phrase]) {
        self.phrases = phrases
        var map: [UInt64: [Int]] = [:]
        var prefixOnly: [Int] = []
        for (i, p) in phrases.enumerated() where !p.hashes.isEmpty {
            if p.prefix && p.hashes.count == 1 { prefixOnly.append(i) } else { map[p.hashes[0], default: []].append(i) }
        }
        var order: [Int] = [], ranges: [(UInt64, Range<Int>)] = []
        for (h, list) in map.sorted(by: { $0.key < $1.key }) {
            ranges.append((h, order.count..<(order.count + list.count)))
            order.append(contentsOf: list)
        }
        byFirst = WordMap(ranges)
        self.order = order
        firstWords = WordSet(map.keys)
        var byKey: [UInt64: [Int]] = [:]
        var short: [Int] = []
        for i in prefixOnly {
            let w = phrases[i].lastWord
            if w.count >= 3 { byKey[UInt64(PhraseMatcher.key3(w, 0)), default: []].append(i) } else { short.append(i) }
        }
        prefixByKey = WordMap(byKey.map { ($0.key, $0.value) })
        prefixKeys = WordSet(byKey.keys)
        shortPrefixes = short
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// Whether phrase `p` occurs at word `k` of `t`.
    private func matches(_ p: Phrase, _ t: PhraseText, at k: Int) -> Bool {
        let n = p.hashes.count
        guard k + n <= t.count else { return false }
        let last = p.prefix ? n - 1 : n
        for j in 0..<last where t[k + j] != p.hashes[j] { return false }
        return !p.prefix || t.word(k + n - 1).starts(with: p.lastWord)
    }

    /// Calls `body` with the index of every phrase found in `t` (once per occurrence, in text order); `body`
    /// returns `false` to stop.
    func forEachMatch(in t: PhraseText, _ body: (Int) -> Bool) {
        forEachMatch(in: t) { i, _ in body(i) }
    }

    /// As `forEachMatch(in:_:)`, with the word index where each match starts; phrases whose `include` entry is
    /// false are not even tried.
    func forEachMatch(in t: PhraseText, include: [Bool]? = nil, _ body: (Int, Int) -> Bool) {
        // With a filter, screen words with the first words and prefix keys of the included phrases only (a long
        // text has many words that start only excluded phrases).
        var screen = firstWords
        var keyScreen = prefixKeys
        if let include {
            screen = WordSet(phrases.indices.filter { include[$0] && !phrases[$0].hashes.isEmpty }.map { phrases[$0].hashes[0] })
            keyScreen = WordSet(phrases.indices.filter { include[$0] && phrases[$0].prefix && phrases[$0].hashes.count == 1
                && phrases[$0].lastWord.count >= 3 }.map { UInt64(PhraseMatcher.key3(phrases[$0].lastWord, 0)) })
        }
        for k in 0..<t.count {
            let h = t[k]
            if screen.contains(h), let r = byFirst[h] {
                for j in r where include?[order[j]] != false && matches(phrases[order[j]], t, at: k) { if !body(order[j], k) { return } }
            }
            if !keyScreen.isEmpty {
                if let key = t.key3(k) {
                    if keyScreen.contains(key), let list = prefixByKey[key] {
                        for i in list where include?[i] != false && matches(phrases[i], t, at: k) { if !body(i, k) { return } }
                    }
                }
            }
            for i in shortPrefixes where include?[i] != false && matches(phrases[i], t, at: k) { if !body(i, k) { return } }
        }
    }

    /// For each block of `a`, whether one of the phrases occurs inside it: one pass over the whole analysis
    /// (a match that runs from one block into the next does not count).
    func blocksWithMatch(in a: Analysis) -> [Bool] {
        var out = [Bool](repeating: false, count: a.blocks.count)
        guard !phrases.isEmpty else { return out }
        let ranges = a.blockPhrases
        var b = 0
        forEachMatch(in: a.phraseText) { i, k in
            while b < ranges.count && ranges[b].upperBound <= k { b += 1 }
            if b < ranges.count && ranges[b].contains(k) && k + phrases[i].hashes.count <= ranges[b].upperBound { out[b] = true }
            return true
        }
        return out
    }

    func containsAny(in t: PhraseText) -> Bool {
        var found = false
        forEachMatch(in: t) { _ in found = true; return false }
        return found
    }
}
