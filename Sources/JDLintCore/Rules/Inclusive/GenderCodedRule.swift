/// `inclusive/gender-coded`: masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011), per word and as a
/// posting-level verdict.
struct GenderCodedRule: Rule {
    let meta = RuleMeta(
        id: "inclusive/gender-coded",
        summary: "Balance masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011).",
        explanation: """
            Gaucher, Friesen and Kay (2011) found that job ads using more masculine-coded words (“competitive”, \
            “dominant”, “leader”) are less appealing to women, who read them as a sign that they would not belong; \
            feminine-coded words (“collaborative”, “supportive”) hardly put men off. Each coded word is reported \
            at info level, and one posting-level finding gives the verdict as gender-decoder defines it: \
            feminine minus masculine words, “strongly” coded beyond ±3 (a warning), otherwise leaning (info). \
            Unlike gender-decoder, stems were decided one by one (`Rules/gender-coded.json` says why): \
            “responsibilities”, “analysis”, “SharePoint”, “NHS Foundation Trust”, “competitive salary”, \
            “confidential” and “analytical chemist” are not counted.
            """,
        defaultSeverity: .info,
        triggering: [
            RuleExample("↓We want an ↓ambitious, ↓assertive ↓leader.\n"),
            RuleExample("↓A ↓collaborative and ↓supportive team.\n"),
            RuleExample("# ↓Sales Lead\n\nBe ↓competitive, ↓decisive, ↓dominant, ↓fearless and ↓driven.\n", format: .markdown),
        ],
        nonTriggering: [
            RuleExample("Competitive salary and benefits.\n"),
            RuleExample("Maintain the SharePoint site.\n"),
            RuleExample("Analytical chemist for our analysis laboratory.\n"),
            RuleExample("Key responsibilities: respond to tickets.\n"),
            RuleExample("Join Leeds Teaching Hospitals NHS Trust.\n"),
            RuleExample("Handle confidential information with competence.\n"),
            RuleExample("A data-driven team. Feel free to ask.\n"),
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
                let punct = !sameBlock || gap.contains(where: { $0 == 0x2E || $0 == 0x2C || $0 == 0x3B || $0 == 0x29 })
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
        var masc = 0, fem = 0
        for f in found {
            if f.masculine { masc += 1 } else { fem += 1 }
            reporter.report("“\(a.string(f.range))” is \(f.masculine ? "masculine" : "feminine")-coded (Gaucher, Friesen & Kay 2011).",
                            prose: f.range)
        }
        let score = fem - masc
        guard score != 0 else { return }
        let leaning = score > 0 ? "feminine" : "masculine"
        let strong = abs(score) > 3
        let verdict = strong ? "strongly \(leaning)-coded" : "\(leaning)-coded"
        let advice = score < 0
            ? (strong ? " It risks putting women off applying: replace some masculine-coded words." : "")
            : ""
        let msg = "The posting is \(verdict): \(masc) masculine-coded and \(fem) feminine-coded word\(fem == 1 ? "" : "s")." + advice
        if let t = a.title {
            reporter.report(msg, at: t.range)
        } else if let first = a.blocks.first {
            reporter.report(msg, prose: first.proseRange)
        }
        if strong { reporter.raiseLast(to: .warning) }
    }
}

extension Reporter {
    /// Raises the severity of the last finding above the rule's default (kept unless the configuration sets one).
    mutating func raiseLast(to severity: Severity) {
        // A report always leaves its finding last in `current`.
        guard !current.isEmpty else { return }
        current[current.count - 1].severity = max(current[current.count - 1].severity, severity)
    }
}
