/// `structure/template-residue`: unfilled template placeholders (`[Company Name]`, `{{ salary }}`, `TBD`).
struct TemplateResidueRule: Rule {
    let meta = RuleMeta(
        id: "structure/template-residue",
        summary: "An unfilled placeholder (`[Company Name]`, `{{ salary }}`, `XXX`, `TODO`, “Lorem ipsum”).",
        explanation: """
            Postings are often written from a template; a placeholder left in (`[Company Name]`, `<insert salary>`, \
            `{{ salary }}`, `{% if %}`, `$XX,XXX`, `TODO`, “Lorem ipsum”) tells applicants nobody read the posting \
            before it went out. Placeholder words and phrases live in `Rules/residue.json`. Front-matter and \
            JSON-LD values that are nothing but a placeholder (`rate: xxx`) are reported too. “TBD”, “TBC” and “TBA” \
            are not reported: on real postings they state that something is not decided yet (“Interview date TBC”).
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("Barista\n\nJoin ↓[Company Name] as a barista. Pay: ↓$XX,XXX per year. Manager: ↓TODO.\n"),
            // A bracketed label with no content after it is the placeholder itself.
            RuleExample("Barista\n\nServes coffee all day. Pay: ↓[SALARY].\n"),
            RuleExample("# Barista\n\nJoin us at ↓{{ company }} as a barista. ↓Lorem ipsum dolor sit amet.\n", format: .markdown),
            RuleExample("---\ntitle: Barista\nrate: ↓xxx\n---\n\nJoin our café team.\n", format: .markdown),
            RuleExample("<h1>Barista</h1><p>Join ↓&lt;insert company name&gt; as a barista.</p>", format: .html),
            RuleExample("""
                {"@type": "JobPosting", "title": "Barista", "description": "Join ↓[Company Name] as a barista.", "validThrough": "↓XXX"}
                """, format: .jsonld),
        ],
        nonTriggering: [
            RuleExample("Barista\n\nJoin Bean & Co as a barista [full-time]. See section [3] and the XXL apron. Start in May.\n"),
            RuleExample("# Barista\n\nSee the [menu](https://example.com) and our {% raw %}-free policy? No: just `{{ code }}`.\n".replacing("{% raw %}-free policy? No: just ", with: ""), format: .markdown),
            RuleExample("---\ntitle: Barista\nrate: £12 per hour\n---\n\nJoin our café team. Tbd is not shouted.\n", format: .markdown),
            RuleExample("Barista\n\nWe were founded in the XX century? No — in MMXX, with 30 staff.\n"),
            RuleExample("<h1>Barista</h1><p>Interview date: TBC</p>", format: .html),
            // Statements that something is not decided yet, and an ATS section label with its content.
            RuleExample("Barista\n\nInterview location and dates TBC. Work schedule TBD.\n"),
            RuleExample("---\ntitle: Barista\ncloses: TBD\n---\n\nJoin our café team.\n", format: .markdown),
            RuleExample("Barista\n\n[POSITION SUMMARY] Serves coffee and keeps the café clean.\n"),
            RuleExample("Barista\n\n[SUMMARY] Serves coffee all day.[DUTIES]Grinds the beans; [EXPERIENCE] 2 years in a café.\n"),
            RuleExample("# Barista\n\nDescription\n[POSITION SUMMARY] Serves coffee and keeps the café clean.\n", format: .markdown),
        ],
        scope: .block)

    struct Patterns: Sendable {
        var bracketWords: WordSet
        var words: Set<String>
        var phrases: [Phrase]
        var phraseSet: PhraseSet
        /// `exactHash` of each of `words`, to screen words before a String is made.
        var wordHashes: WordSet
    }

    static let patterns: Patterns = {
        let t = RuleData.json("residue.json")["template"]
        func list(_ k: String) -> [String] { t?[k]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        let phrases = list("phrases").map(Phrase.init)
        return Patterns(bracketWords: WordSet(words: list("bracketWords")), words: Set(list("words")),
                        phrases: phrases, phraseSet: PhraseSet(phrases),
                        wordHashes: WordSet(list("words").map { exactHash(Array($0.utf8), 0..<$0.utf8.count) }))
    }()

    /// Placeholder ranges in `t[r]`.
    static func find(_ t: [UInt8], _ r: Range<Int>) -> [Range<Int>] {
        find(t, r, hasPhrase: nil, words: nil)
    }

    /// Case-sensitive FNV-1a, for the case-sensitive placeholder words.
    static func exactHash(_ t: [UInt8], _ r: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for i in r { h = (h ^ UInt64(t[i])) &* 0x100000001b3 }
        return h
    }

    /// Placeholder ranges in `t[r]`. `hasPhrase` (whether `t[r]` holds one of the placeholder phrases) and `words`
    /// (its words) are passed when the analysis knows them already.
    static func find(_ t: [UInt8], _ r: Range<Int>, hasPhrase: Bool?, words: Slice<WordList>?,
                     patterns p: Patterns = patterns) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let end = r.upperBound
        // Jump to the first bracket or brace (most blocks have none).
        var i = t.withUnsafeBufferPointer { b in
            var k = r.lowerBound
            while k < end {
                let c = b[k]
                if c == .leftBracket || c == .lessThan || c == .leftBrace { break }
                k += 1
            }
            return k
        }
        while i < end {
            let c = t[i]
            // [Company Name], <insert salary>
            if c == .leftBracket || c == .lessThan {
                let close: UInt8 = c == .leftBracket ? .rightBracket : .greaterThan
                var j = i + 1
                while j < end && j - i < 60 && t[j] != close && t[j] != .lineFeed && t[j] != c { j += 1 }
                if j < end && t[j] == close && j > i + 1 && isPlaceholder(t, (i + 1)..<j) && !isLabel(t, i, j, r) {
                    out.append(i..<(j + 1))
                    i = j + 1
                    continue
                }
            }
            // {{ … }}, {% … %}
            if c == .leftBrace && i + 1 < end && (t[i + 1] == .leftBrace || t[i + 1] == .percent) {
                let closer: [UInt8] = t[i + 1] == .leftBrace ? [.rightBrace, .rightBrace] : [.percent, .rightBrace]
                var j = i + 2
                while j + 1 < end && j - i < 120 && !(t[j] == closer[0] && t[j + 1] == closer[1]) { j += 1 }
                if j + 1 < end {
                    out.append(i..<(j + 2))
                    i = j + 2
                    continue
                }
            }
            i += 1
        }
        // Words: TBD, XXX, $XX,XXX
        func consider(_ w: Range<Int>) {
            // Placeholder words are short ALL-CAPS or x-runs: allocate a string only for those.
            let first = t[w.lowerBound]
            guard w.count >= 2 && w.count <= 8 && (Bytes.isUpper(first) || first == UInt8(ascii: "x")) else { return }
            let isWord = p.wordHashes.contains(exactHash(t, w)) && p.words.contains(String(decoding: t[w], as: UTF8.self))
            if isWord && !out.contains(where: { $0.overlaps(w) }) { out.append(w); return }
            // Runs of X standing for digits: `$XX,XXX`, `XXk`, `£X.XX`
            guard t[w].allSatisfy({ $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "k") }), t[w].first != UInt8(ascii: "k") else { return }
            let xs = t[w].filter { $0 != UInt8(ascii: "k") }.count
            guard xs >= 1, t[w].filter({ $0 == UInt8(ascii: "X") }).count == xs || t[w].filter({ $0 == UInt8(ascii: "x") }).count == xs else { return }
            var lo = w.lowerBound, hi = w.upperBound
            var money = false
            while lo > r.lowerBound && (t[lo - 1] == .dollar || t[lo - 1] == .comma || t[lo - 1] == .period || t[lo - 1] == UInt8(ascii: "X") || t[lo - 1] == UInt8(ascii: "x")) {
                if t[lo - 1] == .dollar { money = true }
                lo -= 1
            }
            if lo >= r.lowerBound + 2 && t[lo - 2] == 0xC2 && t[lo - 1] == 0xA3 { lo -= 2; money = true }  // £
            if lo >= r.lowerBound + 3 && t[lo - 3] == 0xE2 && t[lo - 2] == 0x82 && t[lo - 1] == 0xAC { lo -= 3; money = true }  // €
            while hi < end && (t[hi] == .comma || t[hi] == .period) && hi + 1 < end && (t[hi + 1] == UInt8(ascii: "X") || t[hi + 1] == UInt8(ascii: "x")) {
                money = true
                hi += 1
                while hi < end && (t[hi] == UInt8(ascii: "X") || t[hi] == UInt8(ascii: "x")) { hi += 1 }
            }
            let run = lo..<hi
            guard money || xs >= 3 else { return }
            if xs >= 3 && !money && t[w].first == UInt8(ascii: "X") && xs == 3 && !isWord { return }
            if !out.contains(where: { $0.overlaps(run) }) { out.append(run) }
        }
        if let words {
            for w in words { consider(w.range) }
        } else {
            Tokenizer.words(t, r) { consider($0) }
        }
        // Phrases: lorem ipsum…
        if !p.phrases.isEmpty && (hasPhrase ?? p.phraseSet.containsAny(in: PhraseText(t[r]))) {
            for ph in p.phrases {
                guard let first = ph.text.split(separator: " ").first else { continue }
                let needle = Array(first.utf8)
                var k = r.lowerBound
                while k + needle.count <= end {
                    if Bytes.equalsLower(t, k..<(k + needle.count), needle) && (k == r.lowerBound || !Bytes.isASCIILetter(t[k - 1]))
                        && PhraseText(t[k..<min(end, k + ph.text.utf8.count + 8)]).hashes.starts(with: ph.hashes)
                    {
                        let e = min(end, k + ph.text.utf8.count)
                        if !out.contains(where: { $0.overlaps(k..<e) }) { out.append(k..<e) }
                        break
                    }
                    k += 1
                }
            }
        }
        return out.sorted { $0.lowerBound < $1.lowerBound }
    }

    static let dateWords = ["interview", "interviews", "date", "dates", "start", "time", "day", "days", "schedule"].map(Phrase.init)

    static func isToBeDecided(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        let s = String(decoding: t[r], as: UTF8.self)
        return s == "TBD" || s == "TBC" || s == "TBA"
    }

    /// An ALL-CAPS bracketed label that opens its block and has content after it (`[POSITION SUMMARY] Leads the…`):
    /// an applicant-tracking system's section label, not an unfilled field.
    static func isLabel(_ t: [UInt8], _ open: Int, _ close: Int, _ r: Range<Int>) -> Bool {
        // At the start of the block or of a line, or after the end of the previous field's text (“…solutions.[RESPONSIBILITY
        // STATEMENTS]Collaborate…”, “…experience; [WORK EXPERIENCE] 5-9 years”).
        var p = open
        while p > r.lowerBound && t[p - 1] == .space { p -= 1 }
        guard p == r.lowerBound || [.period, .semicolon, .colon, .comma, .exclamation, .question, .lineFeed].contains(t[p - 1]) else { return false }
        if t[(open + 1)..<close].contains(where: Bytes.isLower) { return false }
        // Content of three words or more before the next label.
        var end = close + 1
        while end < r.upperBound && t[end] != .leftBracket { end += 1 }
        var words = 0
        Tokenizer.words(t, (close + 1)..<end) { _ in words += 1 }
        return words >= 3
    }

    /// The inside of brackets reads as a placeholder: 1–6 words with a placeholder word, or ALL CAPS words.
    static func isPlaceholder(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        let s = t[r]
        if s.contains(where: { $0 == .slash || $0 == .equals || $0 == .quote || $0 == .leftParen }) { return false }  // URLs, tags, attributes
        var words: [Range<Int>] = []
        Tokenizer.words(t, r) { words.append($0) }
        guard !words.isEmpty && words.count <= 6 else { return false }
        if words.count == 1 && words[0].count <= 1 { return false }  // [x], [1]
        if words.allSatisfy({ t[$0].allSatisfy(Bytes.isDigit) }) { return false }
        let letters = s.filter(Bytes.isASCIILetter)
        let allCaps = letters.count >= 4 && letters.allSatisfy(Bytes.isUpper)
        var hasWord = false
        for w in words where patterns.bracketWords.contains(Word.hash(t, w)) { hasWord = true }
        // Title Case or ALL CAPS with a placeholder word: [Company Name], [INSERT SALARY], <insert salary>
        let capitalised = words.allSatisfy { Bytes.isUpper(t[$0.lowerBound]) || Bytes.isDigit(t[$0.lowerBound]) }
        if hasWord && (capitalised || allCaps || Bytes.isLower(t[words[0].lowerBound]) && Word.hash(t, words[0]) == Word.hash("insert")) {
            return true
        }
        return allCaps && words.count >= 2
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let patterns = Self.patterns
        let phrased = patterns.phraseSet.blocksWithMatch(in: a)
        for (i, block) in a.blocks.enumerated() {
            // “Interview date: TBC” states that a date is not set yet: not a forgotten placeholder.
            var dateLabel = false
            if let label = SectionCatalog.leadLabel(a.text, block.proseRange) {
                let l = PhraseText(a.text[label])
                dateLabel = Self.dateWords.contains { l.contains($0) }
            }
            for r in Self.find(a.text, block.proseRange, hasPhrase: phrased[i], words: a.words(block: i), patterns: patterns) {
                if dateLabel && Self.isToBeDecided(a.text, r) { continue }
                reporter.report("Unfilled placeholder “\(a.string(r))”: fill it in or remove it.", prose: r)
            }
        }
    }

    /// Front-matter and JSON-LD values that are only a placeholder (not in any block: the whole document's part).
    func checkDocument(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        for f in a.fields where f.origin != .line {
            let v = Array(f.value.utf8)
            var lo = 0, hi = v.count
            while lo < hi && Bytes.isWhitespace(v[lo]) { lo += 1 }
            while hi > lo && Bytes.isWhitespace(v[hi - 1]) { hi -= 1 }
            guard lo < hi, hi - lo < 60 else { continue }
            let key = Field.normaliseKey(f.value)
            let whole = ["todo", "xxx", "xxxx", "fixme"].contains(key) || Self.find(v, lo..<hi).contains { $0 == lo..<hi }
            guard whole else { continue }
            // Skip values already linted as prose (JSON-LD title, long descriptions).
            if a.blocks.contains(where: { $0.sourceRange.overlaps(f.valueRange) && $0.kind != .field }) { continue }
            var r = f.valueRange
            let src = a.document.bytes
            if r.count >= 2 && (src[r.lowerBound] == .quote || src[r.lowerBound] == .apostrophe) && src[r.upperBound - 1] == src[r.lowerBound] {
                r = SourceRange(r.lowerBound + 1, r.upperBound - 1)
            }
            reporter.report("Unfilled placeholder “\(f.value)” in `\(f.rawKey)`: fill it in or remove it.", at: r)
        }
    }
}
