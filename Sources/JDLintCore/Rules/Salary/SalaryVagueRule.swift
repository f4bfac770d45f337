/// `salary/vague`: “competitive salary”, “DOE”, “commensurate with experience”, “negotiable” with no figures.
struct SalaryVagueRule: Rule {
    let meta = RuleMeta(
        id: "salary/vague",
        summary: "Replace vague pay wording with figures.",
        explanation: """
            “Competitive salary”, “DOE”, “commensurate with experience” and “negotiable” tell applicants nothing \
            and are not a pay statement under any pay-transparency law. The rule reports them only when the posting \
            gives no pay figure at all (in the text or in structured data): next to a stated range they are harmless.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("We offer a ↓competitive salary and great benefits."),
            RuleExample("Salary: ↓DOE"),
            RuleExample("Salary ↓commensurate with experience."),
            RuleExample("The salary is ↓negotiable."),
            RuleExample("Pay is ↓depending on experience; ↓highly competitive compensation."),
            RuleExample("# Analyst\n\nSalary: ↓Competitive\n", format: .markdown),
            RuleExample("---\ntitle: Analyst\nsalary: ↓Negotiable\n---\n\nWe are hiring.\n", format: .markdown),
        ],
        nonTriggering: [
            RuleExample("We offer a competitive salary of $60,000 - $70,000 per year, depending on experience."),
            RuleExample("Salary: $45,000 - $50,000 DOE."),
            // Figures without a currency before “DOE”; “competitive pay” in a posting that states its rates.
            RuleExample("Status Full Time Rate 85,000 - 100,000 DOE Job Description"),
            RuleExample("Competitive pay and a pension.\n\nDays £20.00, nights £26.00."),
            // The Department of Energy and design of experiments.
            RuleExample("You will hold an active DOE Q clearance. Experience with DOE and statistics."),
            RuleExample("John Doe leads a competitive team; hours are negotiable."),
            RuleExample("Responsibilities vary depending on experience."),
            // Figures in thousands with a k; a numbered pay band.
            RuleExample("- A salary of around 50-60k, depending on experience"),
            RuleExample("Rate of Pay: Band 7 dependant on experience and qualifications."),
            // The word mentioned, not used: the posting asks applicants not to write it.
            RuleExample("Send your salary requirements. Please note that “negotiable” is not a salary requirement."),
            // Pay on a published scale (judged on real postings).
            RuleExample("We offer a competitive salary based upon Agenda for Change, with incremental progression."),
            RuleExample("---\ntitle: Analyst\nsalary: 60000\n---\n\nWe offer a competitive salary.\n", format: .markdown),
        ])

    /// A pay word among the six words before word `i` in its block (“Salary: DOE”, “pay is DOE”): “DOE” is also
    /// the US Department of Energy and “design of experiments”.
    static func payBefore(_ a: Analysis, _ i: Int) -> Bool {
        let w = a.words
        // `Salary: DOE`: the key of a field block is not part of its prose.
        let block = a.blocks[Int(w[i].block)]
        if block.kind == .field, let key = block.fieldKey, Keywords.isPayKey(key) { return true }
        var k = i - 1
        while k >= 0 && k >= i - 6 && w[k].block == w[i].block {
            if Keywords.strongPay.contains(w[k].hash) || Keywords.payNouns.contains(w[k].hash) { return true }
            k -= 1
        }
        return false
    }

    static let structuredVague = Keywords.set(["competitive", "negotiable", "doe", "tbd", "tbc", "commensurate", "depending",
                                                "dependent", "attractive", "excellent", "market", "doq"])
    static let competitive = Keywords.set(["competitive", "attractive", "excellent", "generous", "great"])
    static let payNouns = Keywords.set(["salary", "salaries", "pay", "compensation", "wage", "wages", "remuneration", "rate", "rates", "package"])
    static let modifiers = Keywords.set(["base", "starting", "total", "hourly", "annual", "very"])
    static let contextual: [[UInt64]] = [
        ["depending", "on", "experience"], ["dependent", "on", "experience"], ["dependant", "on", "experience"],
        ["commensurate", "with", "experience"], ["commensurate", "with", "qualifications"], ["based", "on", "experience"],
        ["depends", "on", "experience"], ["negotiable"], ["to", "be", "negotiated"], ["to", "be", "discussed"],
        ["tbd"], ["tbc"], ["market", "rate"], ["market", "related"], ["doq"],
    ].map { $0.map { Word.hash($0) } }
    static let contextualFirst = WordSet(contextual.map { $0[0] })

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        // Statics read once, not once per word.
        let competitive = Self.competitive
        let contextual = Self.contextual
        let contextualFirst = Self.contextualFirst
        let modifiers = Self.modifiers
        let payNouns = Self.payNouns
        let structuredVague = Self.structuredVague
        let a = context.analysis
        // Any pay figure, parsed or only a sum of money in the text (“Days: £20.00, Nights £26.00”): the same test
        // as structure/missing-section's, so the two rules never disagree about whether the posting states pay.
        guard a.pay.isEmpty, !a.text.withUnsafeBufferPointer({ MissingSectionRule.hasMoney($0) }) else { return }
        // Structured pay that is only words (JSON-LD `baseSalary` “Competitive”, front-matter `salary: DOE`).
        for f in a.fields where f.origin != .line && PayParser.structuredKeys.contains(f.key) {
            let v = Array(f.value.utf8)
            var vague = false
            Tokenizer.words(v, 0..<v.count) { r in if structuredVague.contains(Word.hash(v, r)) { vague = true } }
            if vague { reporter.report("The \(f.rawKey) “\(f.value)” says nothing about the pay: give the figures.", at: f.valueRange) }
        }
        let w = a.words
        let t = a.text
        var sentenceIdx = 0
        var i = 0
        let great = Word.hash("great"), package = Word.hash("package"), doe = Word.hash("doe")
        while i < w.count {
            let h = w[i].hash
            // competitive (highly competitive) [base] salary
            if competitive.contains(h) {
                var j = i + 1
                var steps = 0
                while j < w.count && steps < 2 && w[j].block == w[i].block && !payNouns.contains(w[j].hash) && modifiers.contains(w[j].hash) { j += 1; steps += 1 }
                if j < w.count && w[j].block == w[i].block && payNouns.contains(w[j].hash) && h != great || (j < w.count && h == great && payNouns.contains(w[j].hash) && w[j].hash != package) {
                    var start = i
                    if i > 0 && w[i - 1].block == w[i].block && Bytes.equalsLower(t, w[i - 1].range, "highly") { start = i - 1 }
                    report(&reporter, a, w[start].range.lowerBound..<w[j].range.upperBound)
                    i = j + 1
                    continue
                }
                // `Salary: Competitive`
                if isPayFieldValue(a, i) {
                    report(&reporter, a, w[i].range)
                    i += 1
                    continue
                }
            }
            // DOE / D.O.E. (capitals only: not John Doe)
            if h == doe && t[w[i].range.lowerBound] == UInt8(ascii: "D") && Bytes.isUpper(t[w[i].range.lowerBound + 1]) && Self.payBefore(a, i) {
                report(&reporter, a, w[i].range)
                i += 1
                continue
            }
            if w[i].range.count == 1 && t[w[i].range.lowerBound] == UInt8(ascii: "D") && i + 2 < w.count && w[i + 2].range.upperBound - w[i].range.lowerBound == 5,
               t[w[i].range.lowerBound + 1] == .period, Bytes.equalsLower(t, w[i + 1].range, "o"), Bytes.equalsLower(t, w[i + 2].range, "e") {
                report(&reporter, a, w[i].range.lowerBound..<w[i + 2].range.upperBound)
                i += 3
                continue
            }
            // Phrases that are vague pay only in a pay context.
            var matched = false
            if contextualFirst.contains(w[i].hash) { for p in contextual where i + p.count <= w.count && w[i].hash == p[0] {
                var ok = true
                for k in 1..<p.count where w[i + k].hash != p[k] || w[i + k].block != w[i].block { ok = false; break }
                guard ok else { continue }
                while sentenceIdx < a.sentences.count && a.sentences[sentenceIdx].range.upperBound <= w[i].range.lowerBound { sentenceIdx += 1 }
                guard sentenceIdx < a.sentences.count, SalarySupport.payContext(a, sentence: a.sentences[sentenceIdx]) else { continue }
                report(&reporter, a, w[i].range.lowerBound..<w[i + p.count - 1].range.upperBound)
                i += p.count
                matched = true
                break
            } }
            if !matched { i += 1 }
        }
    }

    func isPayFieldValue(_ a: Analysis, _ i: Int) -> Bool {
        let b = a.blocks[a.words[i].block]
        guard b.kind == .field, let k = b.fieldKey, Keywords.isPayKey(k) else { return false }
        return a.words[i].range.lowerBound == b.proseRange.lowerBound
    }

    func report(_ reporter: inout Reporter, _ a: Analysis, _ r: Range<Int>) {
        // A word in quotation marks is mentioned, not used (“Please note that “negotiable” is neither salary nor
        // requirements”).
        if Bytes.isQuoted(a.text, r) { return }
        // Figures without a currency right before (“Rate 85,000 - 100,000 DOE”): “DOE” qualifies them.
        var i = a.wordIndex(atOrAfter: r.lowerBound) - 1
        var steps = 0
        let block = a.words.indices.contains(i + 1) ? a.words[i + 1].block : -1
        while i >= 0 && steps < 6 && a.words[i].block == block {
            let wr = a.words[i].range
            let digits = a.text[wr].filter(Bytes.isDigit).count
            // “85,000”, or thousands written with a k (“around 50-60k”).
            if Bytes.isDigit(a.text[wr.lowerBound]) && (digits >= 3 || (digits >= 2 && wr.count == digits + 1 && Bytes.lower(a.text[wr.upperBound - 1]) == UInt8(ascii: "k"))) { return }
            i -= 1
            steps += 1
        }
        // Pay tied to a published scale in the same sentence (“a competitive salary based upon Agenda for Change”):
        // the scale says what the pay is.
        if let si = a.sentenceIndex(holding: r.lowerBound) {
            var scale = false
            Self.publishedScales.forEachMatch(in: PhraseText(a.text[a.sentences[si].range])) { _ in scale = true; return false }
            if scale || Self.namesPayBand(a, a.sentences[si].range) { return }
        }
        reporter.report("“\(a.string(r))” says nothing about the pay: state the figures (a range and its period).", prose: r)
    }

    /// A pay band by its number in the sentence (“Rate of Pay: Band 7 dependant on experience”): the NHS's
    /// Agenda for Change and civil-service bands are published scales.
    static func namesPayBand(_ a: Analysis, _ sentence: Range<Int>) -> Bool {
        var i = a.wordIndex(atOrAfter: sentence.lowerBound)
        let w = a.words
        while i + 1 < w.count && w[i + 1].range.upperBound <= sentence.upperBound {
            if w[i].hash == bandHash && w[i + 1].range.count <= 2 && Bytes.isDigit(a.text[w[i + 1].range.lowerBound]) { return true }
            i += 1
        }
        return false
    }

    static let bandHash = Word.hash("band")

    static let publishedScales = PhraseSet(["agenda for change", "afc band", "afc pay", "nhs pay scale", "nhs pay band"].map { Phrase($0) })
}
