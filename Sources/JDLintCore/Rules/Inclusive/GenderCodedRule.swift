/// `inclusive/gender-coded`: masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011), per word and as a
/// posting-level verdict.
struct GenderCodedRule: Rule {
    let meta = RuleMeta(
        id: "inclusive/gender-coded",
        summary: "Balance masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011).",
        explanation: """
            Gaucher, Friesen and Kay (2011) found that job ads using more masculine-coded words (“competitive”, \
            “dominant”, “leader”) are less appealing to women, who read them as a sign that they would not belong; \
            feminine-coded words (“collaborative”, “supportive”) hardly put men off. So one posting-level finding \
            is reported, and only when the posting is clearly masculine-coded: at least `margin` (default 4) more \
            masculine- than feminine-coded words, and at least twice as many. A difference of four is gender-decoder's \
            “strongly coded”; the study's masculine advertisements differed from its feminine ones by far more, \
            and a posting with a word or two either way gives the writer nothing to act on. A feminine-coded posting \
            is not reported (the study found no effect on men). Each coded word is reported only with the option \
            `words: true`, at info level, for writers who want to rebalance a draft. \
            Unlike gender-decoder, stems were decided one by one (`Rules/gender-coded.json` says why): \
            “responsibilities”, “analysis”, “SharePoint”, “NHS Foundation Trust”, “competitive salary”, \
            “confidential” and “analytical chemist” are not counted.
            """,
        defaultSeverity: .info,
        triggering: [
            RuleExample("↓We want an ambitious, assertive, competitive and decisive leader.\n"),
            RuleExample("We want an ↓ambitious, ↓assertive ↓leader.\n", options: JSONObject([("words", .bool(true))])),
            RuleExample("A ↓collaborative and ↓supportive team.\n", options: JSONObject([("words", .bool(true))])),
            RuleExample("# ↓Sales Lead\n\nBe competitive, decisive, dominant, fearless and driven.\n", format: .markdown),
            RuleExample("↓Be ambitious, assertive and competitive.\n", options: JSONObject([("margin", .int(3))])),
        ],
        nonTriggering: [
            RuleExample("Competitive salary and benefits.\n", options: JSONObject([("words", .bool(true))])),
            RuleExample("Maintain the SharePoint site.\n", options: JSONObject([("words", .bool(true))])),
            RuleExample("Analytical chemist for our analysis laboratory.\n", options: JSONObject([("words", .bool(true))])),
            RuleExample("Key responsibilities: respond to tickets.\n", options: JSONObject([("words", .bool(true))])),
            RuleExample("Join Leeds Teaching Hospitals NHS Trust.\n", options: JSONObject([("words", .bool(true))])),
            RuleExample("Handle confidential information with competence.\n", options: JSONObject([("words", .bool(true))])),
            RuleExample("A data-driven team. Feel free to ask.\n", options: JSONObject([("words", .bool(true))])),
            // Feminine-coded words alone give no verdict (the seed posting: empathy, interpersonal, emotionally).
            RuleExample("Show empathy and interpersonal skills; support patients emotionally.\n"),
            // A lean of a word or two is not clearly coded.
            RuleExample("Be competitive, decisive and collaborative.\n"),
            // More masculine words by the margin, but not twice as many.
            RuleExample("Be ambitious, assertive and competitive; collaborative and supportive.\n", options: JSONObject([("margin", .int(1))])),
        ],
        options: [
            RuleOption("words", .boolean, default: false, "report each coded word at info level"),
            RuleOption("margin", .integer(minimum: 1), default: 4, "how many more masculine- than feminine-coded words make a posting clearly masculine-coded"),
        ])

    struct Entry: Sendable {
        var masculine: Bool
        var stem: String
        var exclude: [[UInt8]]  // lowercased prefixes (stems) or exact words (no '*')
        var excludeStems: [Bool]
        var notBefore: [[UInt64]]
        var notAfter: [[UInt64]]
        var onlyBefore: WordSet?
        var skipCapitalised: Bool
    }

    struct Data: Sendable {
        var entries: [Entry] = []
        var matcher = PhraseMatcher()
    }

    static let data: Data = {
        var d = Data()
        let root = RuleData.json("gender-coded.json")
        for (key, masc) in [("masculine", true), ("feminine", false)] {
            for e in root[key]?.arrayValue ?? [] where e["decision"]?.stringValue != "drop" {
                var excl: [[UInt8]] = [], stems: [Bool] = []
                for x in (e["exclude"]?.arrayValue ?? []).compactMap(\.stringValue) {
                    stems.append(x.hasSuffix("*"))
                    excl.append(Array(x.lowercased().replacing("*", with: "").utf8))
                }
                let entry = Entry(masculine: masc, stem: e["stem"]?.stringValue ?? "", exclude: excl, excludeStems: stems,
                                  notBefore: YearsDemand.seqs((e["notBefore"]?.arrayValue ?? []).compactMap(\.stringValue)),
                                  notAfter: YearsDemand.seqs((e["notAfter"]?.arrayValue ?? []).compactMap(\.stringValue)),
                                  onlyBefore: e["onlyBefore"]?.arrayValue.map { WordSet($0.compactMap(\.stringValue)) },
                                  skipCapitalised: e["skipCapitalised"]?.boolValue ?? false)
                for w in (e["words"]?.arrayValue ?? []).compactMap(\.stringValue) {
                    d.matcher.add(w, tag: d.entries.count)
                    // "self-confiden*" also as one word
                    if w.contains("-") { d.matcher.add(w.replacing("-", with: ""), tag: d.entries.count) }
                }
                d.entries.append(entry)
            }
        }
        return d
    }()

    /// Coded-word matches that pass their stem's conditions: (range, masculine).
    static func coded(in a: Analysis) -> [(range: Range<Int>, masculine: Bool)] {
        let d = data
        let t = a.text
        var out: [(Range<Int>, Bool)] = []
        for m in d.matcher.matches(in: a) {
            let e = d.entries[m.tag]
            let lastWord = a.words[m.words.upperBound - 1]
            let text = Bytes.lowerString(t, m.range)
            let tb = Array(text.utf8)
            var excluded = false
            for (k, x) in e.exclude.enumerated() {
                if e.excludeStems[k] ? tb.starts(with: x) : tb == x { excluded = true; break }
            }
            if excluded { continue }
            let next = m.words.upperBound
            let sameBlock = next < a.words.count && a.words[next].block == lastWord.block
            if sameBlock && !e.notBefore.isEmpty && TermList.followed(a, next, by: e.notBefore) { continue }
            if !e.notAfter.isEmpty && TermList.preceded(a, m.words.lowerBound, by: e.notAfter) { continue }
            if let only = e.onlyBefore {
                let gapEnd = sameBlock ? a.words[next].range.lowerBound : lastWord.range.upperBound
                let gap = t[lastWord.range.upperBound..<gapEnd]
                let punct = !sameBlock || gap.contains(where: { $0 == .period || $0 == .comma || $0 == .semicolon || $0 == .rightParen })
                if !punct && !only.contains(a.words[next]) { continue }
            }
            if e.skipCapitalised && Bytes.isUpper(t[m.range.lowerBound]) {
                // A capitalised word not at the start of its block/sentence is a name ("Foundation Trust").
                let s = TermList.sentence(a, at: m.range.lowerBound)
                if s.lowerBound != m.range.lowerBound { continue }
            }
            out.append((m.range, e.masculine))
        }
        return out
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let found = Self.coded(in: a)
        guard !found.isEmpty else { return }
        let words = context.bool("words", default: false)
        let margin = max(1, context.int("margin", default: 4))
        var masc = 0, fem = 0
        for f in found {
            if f.masculine { masc += 1 } else { fem += 1 }
            if words {
                reporter.report("“\(a.string(f.range))” is \(f.masculine ? "masculine" : "feminine")-coded (Gaucher, Friesen & Kay 2011).",
                                prose: f.range)
            }
        }
        // Clearly masculine-coded: `margin` more masculine words, and at least twice as many.
        guard masc - fem >= margin, masc >= 2 * fem else { return }
        let msg = "The posting is masculine-coded: \(masc) masculine-coded and \(fem) feminine-coded word\(fem == 1 ? "" : "s"). "
            + "It risks putting women off applying: replace some masculine-coded words."
        if let t = a.title {
            reporter.report(msg, at: t.range)
        } else if let first = a.blocks.first {
            reporter.report(msg, prose: first.proseRange)
        }
    }
}
