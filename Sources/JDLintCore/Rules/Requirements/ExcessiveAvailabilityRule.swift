/// `requirements/excessive-availability`: open-ended availability demands without why or how often.
struct ExcessiveAvailabilityRule: Rule {
    let meta = RuleMeta(
        id: "requirements/excessive-availability",
        summary: "Say why and how often when asking for availability at nights, weekends or around the clock.",
        explanation: """
            “Available 24/7” or “must be willing to work weekends and nights” reads as “no life outside work” and \
            deters carers, parents and disabled people — often needlessly, because the real need is a rota or an \
            occasional on-call week. Say why (the service runs overnight) and how often (one weekend in four, \
            on-call one week a month, paid at a premium). The rule flags open-ended availability (24/7, around the \
            clock, at all times, any shift) next to an availability word, and two or more of nights, weekends, \
            evenings and holidays next to “willing to work” and the like, unless the paragraph says why or how often.
            """,
        defaultSeverity: .info,
        triggering: [
            RuleExample("Must be available ↓24/7.\n"),
            RuleExample("You must be willing to work ↓weekends and nights.\n"),
            RuleExample("Be ↓available around the clock by phone.\n"),
        ],
        nonTriggering: [
            RuleExample("Our 24/7 service supports patients across the region.\n"),
            RuleExample("You will be on call 24/7 one week in four, paid at a premium.\n"),
            RuleExample("Willing to work weekends and nights on a rota.\n"),
            RuleExample("Keep records confidential at all times.\n"),
            RuleExample("Our wellbeing line is available 24/7.\n"),
            RuleExample("You may be required to work nights and weekends.\n"),
            RuleExample("You must be able to work nights and weekends. Generally you will work on a rota of 1 in 4.\n"),
        ],
        scope: .block)

    static let terms = TermList(file: "requirements-availability.json")
    static let offHours = WordSet(["weekends", "weekend", "nights", "night", "evenings", "evening", "holidays", "overnight",
                                   "overnights", "sundays", "saturdays"])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        // Statics read once, not once per word.
        let offHours = Self.offHours
        let a = context.analysis
        let terms = Self.terms
        let cache = TermList.ContextCache(terms.contexts.count)
        guard let avail = terms.context("availability"), let reason = terms.context("reason") else { return }
        var anchors: [Range<Int>] = terms.hits(in: a, cache: cache).map(\.match.range)
        func block(_ offset: Int) -> Range<Int> { a.blocks.first { $0.proseRange.contains(offset) }?.proseRange ?? TermList.sentence(a, at: offset) }
        // "24/7", "24x7", "24 x 7", "24/7/365"
        let t = a.text
        // Block by block (an incremental lint's analysis holds the changed blocks only, over the whole text).
        for b in a.blocks {
        var i = b.proseRange.lowerBound
        while i < b.proseRange.upperBound && i + 3 < t.count {
            if t[i] == UInt8(ascii: "2") && t[i + 1] == UInt8(ascii: "4") && (i == 0 || !Bytes.isDigit(t[i - 1])) {
                var k = i + 2
                while k < t.count && t[k] == .space { k += 1 }
                if k < t.count && (t[k] == .slash || t[k] == UInt8(ascii: "x") || t[k] == UInt8(ascii: "X")) {
                    k += 1
                    while k < t.count && t[k] == .space { k += 1 }
                    if k < t.count && t[k] == UInt8(ascii: "7") && (k + 1 == t.count || !Bytes.isDigit(t[k + 1])) {
                        let s = TermList.sentence(a, at: i)
                        if terms.contextIn(a, avail, s, cache) { anchors.append(i..<(k + 1)) }
                        i = k + 1
                        continue
                    }
                }
            }
            i += 1
        }
        }
        // Two or more off-hours words in a sentence with a willingness phrase.
        var byHours: [Range<Int>] = []
        var wi = 0
        let words = a.words
        while wi < words.count {
            guard offHours.contains(words[wi]) else { wi += 1; continue }
            let s = TermList.sentence(a, at: words[wi].range.lowerBound)
            var kinds = Set<UInt64>()
            var k = wi
            var last = wi
            while k < words.count && words[k].range.lowerBound < s.upperBound && k <= last + 3 {
                if offHours.contains(words[k]) {
                    kinds.insert(Word.hash(Bytes.lowerString(t, words[k].range).replacing("s", with: "")))
                    last = k
                }
                k += 1
            }
            if kinds.count >= 2 && terms.contextIn(a, avail, s, cache) {
                byHours.append(words[wi].range.lowerBound..<words[last].range.upperBound)
            }
            wi = last + 1
        }
        anchors.append(contentsOf: byHours)
        anchors.sort { $0.lowerBound < $1.lowerBound }
        var seen = Set<Int>()
        for r in anchors where seen.insert(TermList.sentence(a, at: r.lowerBound).lowerBound).inserted {
            // A reason or frequency anywhere in the paragraph ("on a rota", "some weekends", "paid at a premium").
            if terms.contextIn(a, reason, block(r.lowerBound), cache) { continue }
            reporter.report("“\(a.string(r))”: say why and how often (a rota, one weekend in four, on call one week a month), "
                            + "or candidates will assume it is always.", prose: r)
        }
    }
}
