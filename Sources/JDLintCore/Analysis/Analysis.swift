/// A section: a heading (or the preamble before the first heading) and the blocks under it.
public struct Section: Sendable {
    /// Index of the heading block in `Analysis.blocks`; `nil` for the preamble.
    public var heading: Int?
    /// Heading level (0 for the preamble).
    public var level: Int
    /// Indices of the body blocks (up to the next heading of any level).
    public var body: Range<Int>
}

/// A word token of the prose buffer.
public struct Word: Sendable, Equatable {
    /// Range in `Analysis.text`.
    public var range: Range<Int>
    /// Index of the block that holds the word.
    public var block: Int
    /// FNV-1a hash of the ASCII-lowercased bytes (`Word.hash(_:)`), for word-list lookups without allocation.
    public var hash: UInt64

    public init(range: Range<Int>, block: Int, hash: UInt64) {
        self.range = range
        self.block = block
        self.hash = hash
    }

    /// FNV-1a over ASCII-lowercased bytes.
    @inlinable public static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        hash(continuing: 0xcbf29ce484222325, bytes, range)
    }

    /// FNV-1a goes on from a prefix's hash: the hash of `bytes[a..<c]` is `hash(continuing: hash(bytes, a..<b), bytes,
    /// b..<c)` (the gazetteer hashes names of 1, 2… words in one pass).
    @inlinable public static func hash(continuing seed: UInt64, _ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        var h = seed
        for i in range {
            h ^= UInt64(Bytes.lower(bytes[i]))
            h = h &* 0x100000001b3
        }
        return h
    }

    /// The hash of a word given as a String (no allocation: rules call this in loops with literals).
    @inlinable public static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 {
            h ^= UInt64(Bytes.lower(b))
            h = h &* 0x100000001b3
        }
        return h
    }
}

/// The words of an analysis, packed: each word's prose offsets and block as 32-bit values (12 bytes) and its hash
/// (8 bytes, shared with `Analysis.wordHashes`), instead of a 32-byte `Word` each. A long posting has a word every
/// six bytes, so this is the largest array of an analysis; `Word`s are made on access. Prose offsets fit in 32 bits
/// because documents are at most `Document.maximumSize` bytes.
public struct WordList: RandomAccessCollection, Sendable, Equatable {
    @usableFromInline struct Spot: Sendable, Equatable {
        @usableFromInline var start: UInt32
        @usableFromInline var end: UInt32
        @usableFromInline var block: UInt32
        @inlinable init(start: UInt32, end: UInt32, block: UInt32) {
            self.start = start
            self.end = end
            self.block = block
        }
    }
    @usableFromInline var spots: [Spot] = []
    /// `self[i].hash`, packed (scans over every word's hash touch 8 bytes a word).
    public private(set) var hashes: [UInt64] = []

    public init() {}

    public init<S: Sequence>(_ words: S) where S.Element == Word {
        for w in words { append(w) }
    }

    public typealias Index = Int
    public typealias Indices = Range<Int>
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { spots.count }
    @inlinable public var count: Int { spots.count }
    @inlinable public var indices: Range<Int> { 0..<spots.count }
    @inlinable public func index(after i: Int) -> Int { i + 1 }
    @inlinable public func index(before i: Int) -> Int { i - 1 }

    @inlinable public subscript(i: Int) -> Word {
        let s = spots[i]
        return Word(range: Range(uncheckedBounds: (Int(s.start), Int(s.end))), block: Int(s.block), hash: hashes[i])
    }

    @inlinable public subscript(bounds: Range<Int>) -> Slice<WordList> { Slice(base: self, bounds: bounds) }

    public mutating func reserveCapacity(_ n: Int) {
        spots.reserveCapacity(n)
        hashes.reserveCapacity(n)
    }

    public mutating func append(_ w: Word) {
        spots.append(Spot(start: UInt32(w.range.lowerBound), end: UInt32(w.range.upperBound), block: UInt32(w.block)))
        hashes.append(w.hash)
    }

    public mutating func append<S: Sequence>(contentsOf words: S) where S.Element == Word {
        for w in words { append(w) }
    }

    /// `other`'s words from `range`, moved by `offset` prose bytes and `blockDelta` blocks.
    mutating func append(_ other: WordList, _ range: Range<Int>, offset: Int = 0, blockDelta: Int = 0) {
        let o = Int64(offset), d = Int64(blockDelta)
        for k in range {
            let s = other.spots[k]
            spots.append(Spot(start: UInt32(Int64(s.start) + o), end: UInt32(Int64(s.end) + o), block: UInt32(Int64(s.block) + d)))
        }
        hashes.append(contentsOf: other.hashes[range])
    }
}

/// A sentence inside one block.
public struct Sentence: Sendable, Equatable {
    // 32-bit offsets (12 bytes a sentence, not 24), as `WordList`.
    private var start: UInt32
    private var end: UInt32
    private var block32: UInt32

    public var range: Range<Int> {
        get { Range(uncheckedBounds: (Int(start), Int(end))) }
        set { (start, end) = (UInt32(newValue.lowerBound), UInt32(newValue.upperBound)) }
    }
    public var block: Int {
        get { Int(block32) }
        set { block32 = UInt32(newValue) }
    }

    init(range: Range<Int>, block: Int) {
        start = UInt32(range.lowerBound)
        end = UInt32(range.upperBound)
        block32 = UInt32(block)
    }
}

/// The structural view of one document, built once and shared by every rule: prose, blocks, sections, title,
/// fields, bullets, sentences, words and parsed pay.
///
/// A class, not a struct: rules, reporters and closures pass it around, and copying a struct of a dozen arrays
/// retained each of them every time (3% of a corpus run).
public final class Analysis: Sendable {
    public let document: Document
    public let prose: Prose
    public let sections: [Section]
    public let words: WordList
    /// `words[i].hash`, packed (scans over every word touch 8 bytes a word, not 32).
    public let wordHashes: [UInt64]
    /// The first three bytes of each word, lower-cased (`PhraseMatcher.key3`), 0 for shorter words.
    public let wordKeys: [UInt32]
    public let sentences: [Sentence]
    /// Index of the title block (heading), if any.
    public let titleBlock: Int?
    /// Title text and its source range (from metadata, the first h1, or the first heading).
    public let title: (text: String, range: SourceRange)?
    /// Every pay statement found in the prose and fields.
    public let pay: [PayStatement]
    /// How many of `pay` were found in the prose (they come first).
    let payScanned: Int
    /// Every block's prose normalised for phrase matching (one pass, shared by the rules that match phrases).
    let phraseText: PhraseText
    /// The words of each block in `phraseText`.
    let blockPhrases: [Range<Int>]

    public var text: [UInt8] { prose.text.bytes }
    public var blocks: [Block] { prose.blocks }
    public var fields: [Field] { prose.fields }

    public convenience init(document: Document) {
        self.init(document: document, prose: Frontends.extract(document))
    }

    public convenience init(document: Document, prose: Prose) {
        self.init(document: document, prose: prose, parallel: { n, body in for i in 0..<n { body(i) } })
    }

    /// Analyses with the independent passes (words and sentences, phrase normalisation, pay) spread over threads
    /// by `parallel`, a parallel-for as in `Linter.lint(_:parallel:)`. The result is the sequential one.
    public convenience init(document: Document, parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void) {
        self.init(document: document, prose: Frontends.extract(document), parallel: parallel)
    }

    public convenience init(document: Document, prose: Prose, parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void) {
        self.init(document: document, prose: prose) { Analysis.passes(prose, parallel: parallel) }
    }

    /// The blocks' words and sentences, phrase normalisation and pay: independent passes over the prose.
    fileprivate static func passes(_ prose: Prose, parallel: (Int, @escaping @Sendable (Int) -> Void) -> Void) -> AnalysisPasses {
        let t = prose.text.bytes
        let blocks = prose.blocks
        let out = AnalysisPasses()
        // Longest first (pay, phrases, words, sentences), so two threads finish together.
        parallel(4) { k in
            switch k {
            case 0:
                var pay = PayParser.scanned(prose)
                out.payScanned = pay.count
                pay.append(contentsOf: PayParser.fieldStatements(prose))
                out.pay = pay
            case 1: out.phrases = PhraseText.build(t, blocks.lazy.map(\.proseRange))
            case 2: (out.words, out.wordKeys) = Analysis.words(t, blocks, 0..<blocks.count)
            default: out.sentences = Analysis.sentences(t, blocks, 0..<blocks.count)
            }
        }
        return out
    }

    static func words(_ t: [UInt8], _ blocks: [Block], _ which: Range<Int>) -> (WordList, [UInt32]) {
        var words = WordList()
        var keys: [UInt32] = []
        var total = 0
        for bi in which { total += blocks[bi].proseRange.count }
        words.reserveCapacity(total / 6)
        keys.reserveCapacity(total / 6)
        for bi in which {
            Tokenizer.words(t, blocks[bi].proseRange) { r in
                words.append(Word(range: r, block: bi, hash: Word.hash(t, r)))
                keys.append(r.count >= 3 ? PhraseMatcher.key3(t, r.lowerBound) : 0)
            }
        }
        return (words, keys)
    }

    static func sentences(_ t: [UInt8], _ blocks: [Block], _ which: Range<Int>) -> [Sentence] {
        var sentences: [Sentence] = []
        var total = 0
        for bi in which { total += blocks[bi].proseRange.count }
        sentences.reserveCapacity(which.count + total / 40)
        for bi in which {
            Tokenizer.sentences(t, blocks[bi].proseRange) { sentences.append(Sentence(range: $0, block: bi)) }
        }
        return sentences
    }

    fileprivate init(document: Document, prose: Prose, passes: () -> AnalysisPasses) {
        self.document = document
        self.prose = prose
        let blocks = prose.blocks
        // Sections
        var sections: [Section] = []
        var current = Section(heading: nil, level: 0, body: 0..<0)
        var bodyStart = 0
        for (i, block) in blocks.enumerated() where block.kind == .heading {
            current.body = bodyStart..<i
            if current.heading != nil || !current.body.isEmpty { sections.append(current) }
            current = Section(heading: i, level: max(block.level, 1), body: (i + 1)..<(i + 1))
            bodyStart = i + 1
        }
        current.body = bodyStart..<blocks.count
        if current.heading != nil || !current.body.isEmpty { sections.append(current) }
        self.sections = sections
        // Title: the metadata title (front matter, JSON-LD, `<title>`) and the heading that repeats it; otherwise the
        // first level-1 heading, or the first heading near the top that is not page residue (“Top”, “Menu”).
        let t0 = prose.text.bytes
        func headingText(_ i: Int) -> String { String(decoding: t0[blocks[i].proseRange], as: UTF8.self) }
        let visibleH1 = document.format == .html
            ? blocks.firstIndex(where: { $0.kind == .heading && $0.level == 1 && $0.explicit }) : nil
        if let h1 = visibleH1 {
            // In an HTML page the visible `<h1>` is the title; `<title>` often carries the site's name too.
            titleBlock = h1
            title = (headingText(h1), prose.text.sourceRange(blocks[h1].proseRange))
        } else if let meta = prose.metadataTitle {
            let key = Analysis.titleKey(meta.text)
            titleBlock = blocks.indices.first { blocks[$0].kind == .heading && Analysis.titleKey(headingText($0)) == key }
            title = meta
        } else {
            var found: Int?
            if let h1 = blocks.firstIndex(where: { $0.kind == .heading && $0.level == 1 && $0.explicit }) {
                found = h1
            } else {
                for i in blocks.indices.prefix(4) where blocks[i].kind == .heading {
                    if blocks[i].explicit && i > 0 { continue }
                    if Analysis.navigationWords.contains(Analysis.titleKey(headingText(i))) { continue }
                    found = i
                    break
                }
            }
            titleBlock = found
            if let h = found {
                let b = blocks[h]
                title = (headingText(h), prose.text.sourceRange(b.proseRange))
            } else if document.format == .text, let p = blocks.prefix(4).first(where: { $0.kind == .paragraph }),
                      let line = Analysis.titleLine(t0, p.proseRange) {
                // Scraped text: a short first line stacked on the rest of the header (“Programme Manager\nAcme Ltd”).
                title = (String(decoding: t0[line], as: UTF8.self), prose.text.sourceRange(line))
            } else {
                title = nil
            }
        }
        let out = passes()
        self.words = out.words
        wordHashes = out.words.hashes
        wordKeys = out.wordKeys
        self.sentences = out.sentences
        (phraseText, blockPhrases) = out.phrases
        pay = out.pay
        payScanned = out.payScanned
    }

    /// Lines that are page navigation, never a title.
    static let navigationWords: Set<String> = ["top", "back to top", "home", "menu", "main menu", "skip to content",
                                               "skip to main content", "search", "jobs", "careers", "share", "print", "apply now",
                                               "apply", "sign in", "log in", "navigation"]

    /// The first line of a paragraph when it reads as a title: 1–12 words, a capital first, no sentence end.
    static func titleLine(_ t: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        var e = r.lowerBound
        while e < r.upperBound && t[e] != .lineFeed { e += 1 }
        guard e < r.upperBound, e > r.lowerBound, Bytes.isUpper(t[r.lowerBound]) else { return nil }  // a one-line paragraph is prose
        var hi = e
        while hi > r.lowerBound && Bytes.isWhitespace(t[hi - 1]) { hi -= 1 }
        let last = t[hi - 1]
        guard last != .period && last != .comma && last != .semicolon && last != .colon && last != .exclamation && last != .question else { return nil }
        var words = 0
        Tokenizer.words(t, r.lowerBound..<hi) { _ in words += 1 }
        return words >= 1 && words <= 12 ? r.lowerBound..<hi : nil
    }

    /// A title or heading reduced for comparison: lower-case letters and digits, single spaces.
    /// Whether `titleKey` of `t[r]` is `key` (as bytes), without building the string: stops at the first
    /// difference.
    static func titleKey(_ t: [UInt8], _ r: Range<Int>, equals key: [UInt8]) -> Bool {
        var k = 0
        var same = true
        SectionMatching.normalised(t[r]) { b in
            guard k < key.count, key[k] == b else { same = false; return false }
            k += 1
            return true
        }
        return same && k == key.count
    }

    /// Heading and title text normalised for comparison (`SectionMatching.normalise`).
    static func titleKey(_ s: String) -> String { SectionMatching.normalise(s.utf8) }

    // MARK: helpers for rules

    /// The prose text of a range.
    /// Block `i`'s prose normalised for phrase matching (a view of `phraseText`).
    func phraseText(block i: Int) -> PhraseText { phraseText.view(blockPhrases[i]) }

    public func string(_ range: Range<Int>) -> String { String(decoding: prose.text.bytes[range], as: UTF8.self) }

    /// Source range of a prose range: the one conversion from offsets into `text` (what rules index) to offsets
    /// into the document.
    public func sourceRange(_ range: Range<Int>) -> SourceRange { prose.text.sourceRange(range) }

    /// Whether an edit of the source range of this prose range is an exact edit of the prose.
    public func isVerbatim(_ range: Range<Int>) -> Bool { prose.text.isVerbatim(range) }

    /// Text of a block.
    public func string(block: Int) -> String { string(blocks[block].proseRange) }

    /// Index of the first sentence that ends after a prose offset: the sentence that holds the offset, when one does.
    public func sentenceIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if sentences[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the sentence that holds a prose offset, if one does.
    public func sentenceIndex(holding offset: Int) -> Int? {
        let i = sentenceIndex(atOrAfter: offset)
        return i < sentences.count && sentences[i].range.contains(offset) ? i : nil
    }

    /// Index of the first word that starts at or after a prose offset.
    public func wordIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if words[mid].range.lowerBound < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The words of block `i` (the analysis's words are in block order).
    public func words(block i: Int) -> Slice<WordList> {
        var k = wordIndex(atOrAfter: blocks[i].proseRange.lowerBound)
        let start = k
        while k < words.count && words[k].block == i { k += 1 }
        return words[start..<k]
    }

    /// Fields with a given normalised key.
    public func fields(_ key: String) -> [Field] { prose.fields.filter { $0.key == key } }
}

/// Splits prose into words and sentences, byte by byte.
public enum Tokenizer {
    /// Calls `body` with the range of every word in `range`: runs of letters and digits, with apostrophes
    /// inside (`bachelor's`, `don’t`). Hyphens, periods and slashes separate words.
    @inlinable
    public static func words(_ t: [UInt8], _ range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var i = range.lowerBound
        let end = range.upperBound
        var start = -1
        while i < end {
            let c = t[i]
            var isWord: Bool
            var len = 1
            if c < 0x80 {
                isWord = Bytes.isASCIILetter(c) || Bytes.isDigit(c)
                if !isWord && c == UInt8(ascii: "'") && start >= 0 && i + 1 < end && Bytes.isASCIILetter(t[i + 1]) { isWord = true }
            } else {
                let (v, l) = Bytes.scalar(t, i)
                len = l
                isWord = Bytes.isWordScalar(v)
                if !isWord && Bytes.isApostrophe(v) && start >= 0 && i + l < end && Bytes.isASCIILetter(t[i + l]) { isWord = true }
            }
            if isWord {
                if start < 0 { start = i }
            } else if start >= 0 {
                body(start..<i)
                start = -1
            }
            i += len
        }
        if start >= 0 { body(start..<min(i, end)) }
    }

    static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "ltd", "co", "corp", "no",
        "approx", "dept", "min", "max", "u.s", "u.k", "ph.d", "m.d", "b.s", "b.a", "m.s", "m.a", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "a.m", "p.m",
        "fig", "est", "ext", "tel", "hr", "hrs", "yrs", "wk", "mo", "cert", "assoc", "bros", "govt", "av", "ave", "blvd", "rd",
    ]

    /// Calls `body` with the range of every sentence in a block: ends at `.`, `!` or `?` followed by white
    /// space (not after a known abbreviation or a single initial), or at the end of the block.
    public static func sentences(_ t: [UInt8], _ range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var start = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        while start < end && Bytes.isWhitespace(t[start]) { start += 1 }
        while i < end {
            let c = t[i]
            if (c == .period || c == .exclamation || c == .question) && i + 1 < end && Bytes.isWhitespace(t[i + 1]) && i > start {
                var isEnd = true
                if c == .period {
                    // word before the period
                    var w = i
                    while w > start && (Bytes.isASCIILetter(t[w - 1]) || t[w - 1] == .period) { w -= 1 }
                    let word = Bytes.lowerString(t, w..<i)
                    if i - w == 1 && Bytes.isUpper(t[w]) { isEnd = false }  // initial: "J. Smith"
                    else if abbreviations.contains(word) { isEnd = false }
                    // next non-space starts lower case: not a sentence end ("approx. 20 hours" handled above)
                    var k = i + 1
                    while k < end && Bytes.isWhitespace(t[k]) { k += 1 }
                    if k < end && Bytes.isLower(t[k]) && (abbreviations.contains(word) || word.contains(".")) { isEnd = false }
                }
                if isEnd {
                    var e = i + 1
                    while e < end && (t[e] == .quote || t[e] == .rightParen || t[e] == .apostrophe) { e += 1 }
                    body(start..<e)
                    start = e
                    while start < end && Bytes.isWhitespace(t[start]) { start += 1 }
                    i = start
                    continue
                }
            }
            i += 1
        }
        var e = end
        while e > start && Bytes.isWhitespace(t[e - 1]) { e -= 1 }
        if start < e { body(start..<e) }
    }
}

/// The results of the analysis passes; each pass writes its own fields only, and they are read after all passes
/// have returned.
private final class AnalysisPasses: @unchecked Sendable {
    var words = WordList()
    var wordKeys: [UInt32] = []
    var sentences: [Sentence] = []
    var phrases: (PhraseText, [Range<Int>]) = (PhraseText(), [])
    var pay: [PayStatement] = []
    /// How many of `pay` come from the prose scan (the rest from structured fields).
    var payScanned: Int = 0
}

extension Analysis {
    /// The analysis of a new version that re-uses `old`'s per-block passes (words, sentences, phrase normalisation,
    /// pay) for the blocks an incremental plan found unchanged: `prefix` leading blocks in place, `suffix` trailing
    /// blocks moved by `delta` source bytes. `nil` when the prose of those blocks did not move as a whole (then the
    /// caller analyses from scratch). `IncrementalLintTests` checks the result equals a fresh analysis.
    static func reusing(_ old: Analysis, document: Document, prose: Prose, prefix: Int, suffix: Int, delta: Int) -> Analysis? {
        let ob = old.prose.blocks, nb = prose.blocks
        let oldN = ob.count, newN = nb.count
        guard prefix + suffix <= min(oldN, newN) else { return nil }
        for i in 0..<prefix where ob[i].proseRange != nb[i].proseRange { return nil }
        let proseDelta = suffix > 0 ? nb[newN - suffix].proseRange.lowerBound - ob[oldN - suffix].proseRange.lowerBound : 0
        for k in 0..<suffix {
            let o = ob[oldN - suffix + k].proseRange, n = nb[newN - suffix + k].proseRange
            guard n.lowerBound == o.lowerBound + proseDelta, n.count == o.count else { return nil }
        }
        let t = prose.text.bytes
        let dirty = prefix..<(newN - suffix)
        let blockDelta = newN - oldN
        func shift(_ r: Range<Int>, _ d: Int) -> Range<Int> { (r.lowerBound + d)..<(r.upperBound + d) }
        /// First index of `items` whose block is at or after `b` (items sorted by block).
        func first<C: RandomAccessCollection>(_ items: C, _ block: (C.Element) -> Int, _ b: Int) -> Int where C.Index == Int {
            var lo = 0, hi = items.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if block(items[mid]) < b { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return Analysis(document: document, prose: prose) {
            let out = AnalysisPasses()
            // Words and their packed hashes and keys.
            let wPre = first(old.words, { $0.block }, prefix), wSuf = first(old.words, { $0.block }, oldN - suffix)
            let (fw, fk) = Analysis.words(t, nb, dirty)
            var words = WordList()
            words.reserveCapacity(wPre + fw.count + old.words.count - wSuf)
            words.append(old.words, 0..<wPre)
            words.append(fw, fw.indices)
            words.append(old.words, wSuf..<old.words.count, offset: proseDelta, blockDelta: blockDelta)
            out.words = words
            out.wordKeys = Array(old.wordKeys[..<wPre]) + fk + old.wordKeys[wSuf...]
            // Sentences.
            let sPre = first(old.sentences, { $0.block }, prefix), sSuf = first(old.sentences, { $0.block }, oldN - suffix)
            var sentences = Array(old.sentences[..<sPre])
            sentences.append(contentsOf: Analysis.sentences(t, nb, dirty))
            for x in old.sentences[sSuf...] { sentences.append(Sentence(range: shift(x.range, proseDelta), block: x.block + blockDelta)) }
            out.sentences = sentences
            // Phrase normalisation.
            out.phrases = PhraseText.splice(old.phraseText, old.blockPhrases, prefix: prefix, suffix: suffix,
                                            fresh: PhraseText.build(t, nb[dirty].map(\.proseRange)))
            // Pay: an unchanged block keeps its statements while its pay context (a pay heading above it) holds.
            let oldRegions = PayParser.regions(old.prose), newRegions = PayParser.regions(prose)
            // Where each old block's statements start (they come in block order; a statement belongs to the last
            // block starting at or before it).
            var firstStatement = [Int](repeating: old.payScanned, count: oldN + 1)
            for (k, st) in old.pay[..<old.payScanned].enumerated().reversed() {
                var lo = 0, hi = oldN
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if ob[mid].proseRange.lowerBound <= st.proseRange.lowerBound { lo = mid + 1 } else { hi = mid }
                }
                firstStatement[max(lo - 1, 0)] = k
            }
            // Blocks without statements start where the next block's statements start.
            for i in stride(from: oldN - 1, through: 0, by: -1) where firstStatement[i] > firstStatement[i + 1] {
                firstStatement[i] = firstStatement[i + 1]
            }
            var pay: [PayStatement] = []
            var scanner = Scanner(t: t)
            for j in 0..<newN {
                guard let r = newRegions[j] else { continue }
                if j < prefix, oldRegions[j] == r {
                    pay.append(contentsOf: old.pay[firstStatement[j]..<firstStatement[j + 1]])
                } else if j >= newN - suffix, let o = oldRegions[j - blockDelta], o.context == r.context,
                          o.periodHint == r.periodHint, o.field == r.field {
                    for st in old.pay[firstStatement[j - blockDelta]..<firstStatement[j - blockDelta + 1]] {
                        var st = st
                        st.proseRange = shift(st.proseRange, proseDelta)
                        st.sourceRange = st.sourceRange.shifted(by: delta)
                        st.amountRanges = st.amountRanges.map { shift($0, proseDelta) }
                        st.amounts = st.amounts.map { a in
                            var a = a
                            a.range = shift(a.range, proseDelta)
                            a.figureRange = shift(a.figureRange, proseDelta)
                            return a
                        }
                        st.periodRange = st.periodRange.map { shift($0, proseDelta) }
                        pay.append(st)
                    }
                } else {
                    PayParser.scan(prose, r, &scanner, into: &pay)
                }
            }
            out.payScanned = pay.count
            pay.append(contentsOf: PayParser.fieldStatements(prose))
            out.pay = pay
            return out
        }
    }
}
