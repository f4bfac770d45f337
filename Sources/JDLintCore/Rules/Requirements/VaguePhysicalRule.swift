/// `requirements/vague-physical`: physical demands without measurable terms or without accommodation wording.
struct VaguePhysicalRule: Rule {
    let meta = RuleMeta(
        id: "requirements/vague-physical",
        summary: "State physical demands in measurable terms and “with or without reasonable accommodation”.",
        explanation: """
            “Physically fit” or “able to lift heavy objects” says nothing a candidate can check, and screens out \
            disabled people who could do the job. Describe the essential physical functions in measurable terms \
            (how much, how often, how long: “lift up to 25 kg occasionally”) and say that they apply “with or \
            without reasonable accommodation” (US ADA essential-functions wording; “reasonable adjustments” in the \
            UK). The rule flags (once per sentence) a physical demand whose sentence has no measure, or a posting with physical \
            demands but no accommodation wording anywhere.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("Must be ↓physically fit and able to lift heavy boxes.\n"),
            RuleExample("- ↓Heavy lifting.\n- ↓Physical stamina.\n"),
            RuleExample("- ↓Able to lift 50 lbs.\n"),
            RuleExample("The role needs ↓physical strength. Reasonable accommodations are available.\n"),
        ],
        nonTriggering: [
            RuleExample("- Able to lift up to 25 kg occasionally, with or without reasonable accommodation.\n"),
            RuleExample("We lift each other up.\n"),
            // A figure of speech, a trivial office demand, a job described as demanding, a measure earlier in the
            // paragraph (false alarms on real postings).
            RuleExample("Our students do the heavy lifting in every seminar.\n"),
            RuleExample("Ability to lift files and answer phones, with or without reasonable accommodation.\n"),
            RuleExample("Some cleaning duties are physically demanding.\n"),
            RuleExample("Must be able to lift up to 50 lbs. For toddler rooms, must be able to lift a child onto the changing table. "
                        + "Reasonable accommodations are available.\n"),
            RuleExample("A heavy workload at times.\n"),
        ])

    static let terms = TermList(file: "requirements-physical.json")

    /// Whether a sentence states a measure: a unit word or a number glued to a unit ("25kg", "50lbs").
    static func hasMeasure(_ a: Analysis, _ sentence: Range<Int>, _ terms: TermList, _ cache: TermList.ContextCache) -> Bool {
        if let m = terms.context("measure"), terms.contextIn(a, m, sentence, cache) { return true }
        let t = a.text
        var i = a.wordIndex(atOrAfter: sentence.lowerBound)
        while i < a.words.count && a.words[i].range.lowerBound < sentence.upperBound {
            let r = a.words[i].range
            if Bytes.isDigit(t[r.lowerBound]) {
                var k = r.lowerBound
                while k < r.upperBound && Bytes.isDigit(t[k]) { k += 1 }
                let unit = Bytes.lowerString(t, k..<r.upperBound)
                if ["kg", "kgs", "lb", "lbs", "h", "hrs", "ft", "m", "km", "mi"].contains(unit) { return true }
            }
            i += 1
        }
        return false
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let terms = Self.terms
        let cache = TermList.ContextCache(terms.contexts.count)
        let hits = terms.hits(in: a, cache: cache)
        guard !hits.isEmpty else { return }
        let accommodated = terms.context("accommodation").map { !terms.contextRanges(a, $0, cache).isEmpty } ?? false
        // A demand measured once covers the same kind of demand again in its paragraph or bullet (“Must be able to
        // lift up to 50 lbs. … For toddler teachers, must be able to lift a child onto the changing table.”).
        var measuredKinds = Set<String>()
        for h in hits where Self.hasMeasure(a, h.sentence, terms, cache) {
            measuredKinds.insert("\(a.words[h.match.words.lowerBound].block) \(terms.terms[h.term].category)")
        }
        var seen = Set<Int>()
        for h in hits where seen.insert(h.sentence.lowerBound).inserted {
            let text = a.string(h.match.range)
            let measured = Self.hasMeasure(a, h.sentence, terms, cache)
                || measuredKinds.contains("\(a.words[h.match.words.lowerBound].block) \(terms.terms[h.term].category)")
            if measured && accommodated { continue }
            var parts: [String] = []
            if !measured { parts.append("say how much, how often or how long (“lift up to 25 kg occasionally”)") }
            if !accommodated { parts.append("add “with or without reasonable accommodation”") }
            reporter.report("“\(text)” is a physical demand without \(measured ? "accommodation wording" : "measurable terms"): "
                            + parts.joined(separator: " and ") + ".", prose: h.match.range)
        }
    }
}
