/// `salary/missing-period`: a pay figure without its period (per hour, per year…).
struct SalaryMissingPeriodRule: Rule {
    let meta = RuleMeta(
        id: "salary/missing-period",
        summary: "Say what period a pay figure covers (per hour, per year…).",
        explanation: """
            “$3,500” may be a month's pay or a week's; “$45” an hour's or a day's. State the period after the \
            figure (“per year”, “an hour”, “/hr”, “p.a.”) or before it (“Annual salary:”, “Hourly rate:”). A figure \
            is not reported when the posting gives a figure of the same size (hourly, monthly or annual scale) with its period elsewhere. Pay-transparency \
            laws ask for the annual salary or hourly wage.
            """ + SalarySupport.bases("period"),
        defaultSeverity: .warning,
        triggering: [
            RuleExample("Salary: ↓$60,000 - $70,000."),
            RuleExample("We pay ↓£3,500 in arrears."),
            RuleExample("# Nurse\n\nCompensation: ↓€45.000–€55.000\n", format: .markdown),
            // A period adjective that does not qualify the pay.
            RuleExample("We pay ↓$3,500 and an annual training budget."),
            // Months of experience in the sentence before are not the post's term.
            RuleExample("You need 12 months experience. The salary is ↓$30,000."),
        ],
        nonTriggering: [
            RuleExample("Salary: $60,000 - $70,000 per year."),
            RuleExample("Annual salary: $60,000 - $70,000."),
            RuleExample("Hourly rate: $22."),
            RuleExample("£28,407 - £34,581 a year; $22/hr; €4.500 monthly; £500 pw."),
            RuleExample("Salary: $60,000. That is $60,000 per year."),
            RuleExample("Salary: £28,407 - £34,581 a year. After a year: £30,000 - £36,000."),
            RuleExample("We raised $20 million and have 5,000 employees since 2019."),
            RuleExample("---\ntitle: Engineer\nsalary_min: '134,789'\nsalary_max: '164,200'\n---\n\nBuild services.\n", format: .markdown),
            // The period stated elsewhere in the sentence (the seed posting).
            RuleExample("On average, the annual salary for a technician in the United States is approximately $64,334."),
            // A cap, a one-off sum, a fixed sum for its term, a period in the heading or after the figure.
            RuleExample("The maximum salary available for the GS pay system is $191,900."),
            RuleExample("A sign-on bonus of $5,000 for nurses who join by June."),
            RuleExample("The contract pays £15,000 for the fixed term of six months."),
            RuleExample("## Hourly rates of pay\n\n- Band 3: £12.50\n- Band 4: £13.80\n", format: .markdown),
            RuleExample("Bank rate: £9.21 ph, paid weekly."),
            RuleExample("Pay Type: Hourly\n\nPay: $18.50 - $21.00\n"),
            // A sum for a term in months.
            RuleExample("The residency pays €1,600 for the 3 months in Lisbon.\n"),
            RuleExample("We pay $40,000 for the twelve months you spend with us.\n"),
            // The label on a line of the same block (a scraped details table).
            RuleExample("Other details\n\nJob Function Early Years\nPay Type Hourly\nEmployment Indicator Full Time\nMin Hiring Rate $17.50\nMax Hiring Rate $18.50\n"),
            RuleExample("Compensation: $52,000 - $58,000\nCompensation Type: Salaried\n"),
            RuleExample("Pay: £18,166 to £19,339 pro-rata, per annum."),
            RuleExample("We pay $150 per class for electives."),
            RuleExample("The 12-month fellowship carries a stipend of $60,000."),
            // A malformed figure (a decimal comma in dollars) is the defect, not a missing period.
            RuleExample("Salary: $67,00."),
            RuleExample("Salary: £30,0000."),
            RuleExample("We raised £250,000 in seed funding last spring."),
            RuleExample("The pay for this role is $64,334 (annualized salary)."),
            RuleExample("The hourly pay rate we offer new starters is $22.50."),
            // A conversion in brackets shares the period of the figure it converts; a period after a word.
            RuleExample("The salary is 80'000 CHF a year (~ $88'000, ~ 85'000 euros)."),
            RuleExample("Tutors earn $40-75 per teaching hour."),
            RuleExample("Adjunct pay: $1,250 per credit hour."),
            // A fee for a task; the period in the block's lead-in label.
            RuleExample("When funded, I will pay you 50-100€ for designing the logo."),
            // The post's term in the sentence before; a period misspelt.
            RuleExample("This is a full-time, 12-month staff position. Salary ranges from $64,000 to $76,000."),
            RuleExample("Python Developer: £30-£50K per anum"),
            RuleExample("<p><strong>Pay Rates (hourly):</strong> Days: £16.97 Saturdays/Nights: £22.06 Sundays: £27.15</p>", format: .html),
        ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let pay = context.analysis.pay
        // Figures of the size of a figure that has its period are taken to share it (a posting that says
        // “£28,407 - £34,581 a year” once need not repeat “a year” after every salary figure).
        func band(_ v: Double) -> Int { v < 300 ? 0 : v < 10_000 ? 1 : 2 }
        var seen: [(Double, Double)] = []
        for s in pay where s.period == nil && !SalarySupport.isFrontMatterData(context.analysis, s) {
            // The same figure repeated is reported once.
            if seen.contains(where: { $0.0 == s.min && $0.1 == s.max }) { continue }
            seen.append((s.min, s.max))
            if pay.contains(where: { $0.period != nil && band($0.max) == band(s.max) && ($0.currency == s.currency || s.currency == nil) }) { continue }
            if s.inProse && Self.periodGivenByContext(context.analysis, s) { continue }
            // A conversion in brackets after a figure with its period shares it (“70'000 CHF a year (~ $42'000,
            // ~ 48'000 euros)”).
            if s.inProse && Self.inBracketsAfterPeriod(context.analysis.text, s, pay) { continue }
            SalarySupport.report(&reporter, s, "“\(s.summary)”: say what period this pay covers (per year, per hour…).")
        }
    }

    /// Words that make a figure something other than a recurring wage: a cap or reference figure (“the maximum
    /// salary available for the GS pay system is …”), a one-off payment (“a sign-on bonus of $5,000”, “add up to
    /// $3.5k”), or a fixed sum for a stated term or unit (“£15K for the fixed term”, “€40 for each item”).
    static let notAWage = PhraseSet(["maximum salary", "salary cap", "pay cap", "pay system", "capped at", "cap of", "statutory cap",
                                     "bonus", "bonuses", "sign on", "signing", "relocation", "allowance", "add up to", "stipend of",
                                     "one off", "one time", "lump sum", "in total", "total of", "for the term", "for the fixed term",
                                     "for the project", "per project", "for each", "per item", "per piece", "per illustration",
                                     "per credit", "per course", "per session", "per visit", "per shift", "per call", "per lesson",
                                     "per article", "per word", "per image", "per icon", "per design", "per class", "per module",
                                     "per unit", "per student", "per workshop", "for electives", "month fellowship",
                                     "month position", "month appointment", "month contract", "month post", "day position",
                                     "day contract", "year fellowship", "year position", "year appointment", "academic year",
                                     "daily contract rate", "daily rate", "day rate", "maybe", "budget of", "budget is", "the budget", "prize", "award",
                                     "grant", "fund", "funding", "reward", "bounty", "seed", "raised", "investment", "revenue",
                                     "turnover", "valuation"].map { Phrase($0) })
    static let monthWords = Keywords.set(["month", "months"])
    static let countWords = Keywords.set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                                          "twelve", "eighteen", "twenty", "thirty", "fifteen", "several"])
    static let periodAfterWords = Keywords.set(["annum", "anum", "annually", "year", "yearly", "hour", "hourly", "month", "monthly", "week", "weekly"])
    static let qualifierWords = Keywords.set(["rata", "fte", "gross", "basic", "pro", "full", "time", "equivalent", "inclusive"])
    static let perWords = Keywords.set(["per", "a", "an", "each"])
    /// A period written as an abbreviation right after the figure (“£9.21 ph”, “£24,000 pa”).
    static let periodAbbreviations = Keywords.set(["ph", "pa", "pw", "pcm", "ppw"])
    /// Words in a short label near the figure that give its period.
    static let periodLabelWords = Keywords.set(["hourly", "salaried", "annual", "annually", "yearly", "monthly", "weekly", "daily"])
    /// Words in a heading that give the period of the pay under it (“Hourly Rates of Pay”).
    static let periodHeadingWords = Keywords.set(["hourly", "annual", "annually", "monthly", "weekly", "daily", "yearly", "annum"])

    /// Within brackets opened, on the same line and at most 40 bytes on, after a figure that has its period.
    static func inBracketsAfterPeriod(_ t: [UInt8], _ s: PayStatement, _ pay: [PayStatement]) -> Bool {
        pay.contains { p in
            guard p.period != nil, p.inProse, p.proseRange.upperBound <= s.proseRange.lowerBound,
                  s.proseRange.lowerBound - p.proseRange.upperBound <= 40 else { return false }
            let gap = t[p.proseRange.upperBound..<s.proseRange.lowerBound]
            return !gap.contains(.lineFeed) && Bytes.leavesParenOpen(gap)
        }
    }

    /// The period, or the reason no period is due, is stated around the figure rather than after it.
    static func periodGivenByContext(_ a: Analysis, _ s: PayStatement) -> Bool {
        let t = a.text
        // A malformed figure (“$67,00”): the defect is the figure, which salary/number-format reads.
        if s.amounts.contains(where: { !$0.groupingValid || Self.shortGroup(t, $0) }) { return true }
        // Digits that go on past the figure as read (“£30,0000”): a typo, read short.
        for m in s.amounts where m.range.upperBound + 1 < t.count && (t[m.range.upperBound] == .comma || t[m.range.upperBound] == .period)
            && Bytes.isDigit(t[m.range.upperBound + 1]) { return true }
        if s.currency == "USD" || s.currency == "GBP", s.amounts.contains(where: { $0.decimalSeparator == .comma }) { return true }
        // The abbreviation after the figure.
        let w = a.words
        let i = a.wordIndex(atOrAfter: s.proseRange.upperBound)
        if i < w.count, w[i].range.lowerBound - s.proseRange.upperBound <= 2, periodAbbreviations.contains(w[i].hash) { return true }
        // A fee for a task (“I will pay you 50-100€ for designing a logo”): the figure pays for the work, no period.
        if i + 1 < w.count, w[i].hash == Self.forWord, w[i + 1].block == w[i].block, Self.isGerund(t, w[i + 1].range) { return true }
        // The period a few words on, after a qualifier (“£18,166 to £19,339 pro-rata, per annum”).
        var k = i
        while k < w.count && k < i + 5 && w[k].block == w[max(i, 0)].block && !t[s.proseRange.upperBound..<w[k].range.lowerBound].contains(.period) {
            if periodAfterWords.contains(w[k].hash) && (k == i || qualifierWords.contains(w[k - 1].hash) || perWords.contains(w[k - 1].hash)) {
                return true
            }
            k += 1
        }
        // The sentence around the figure.
        // The sentence that holds the figure.
        guard let si = a.sentenceIndex(holding: s.proseRange.lowerBound) else { return false }
        let sentence = a.sentences[si].range
        var found = false
        notAWage.forEachMatch(in: PhraseText(t[sentence])) { _ in found = true; return false }
        if found { return true }
        // A term in months in the same sentence (“€1,600 for the 3 months”, “a twelve-month appointment at
        // $40,000”): the figure is the sum for that term (judged on real postings).
        // The sentence before, in the same block, counts too when it gives the post's term (“The Research Programmer
        // is a full-time, 12-month staff position. Salary … ranging from $64,000 to $76,000.”), not a span of
        // experience (“12 months' experience”).
        let termStart = si > 0 && a.sentences[si - 1].block == a.sentences[si].block ? a.sentences[si - 1].range.lowerBound : sentence.lowerBound
        var wi = a.wordIndex(atOrAfter: termStart)
        while wi + 1 < w.count && w[wi + 1].range.upperBound <= sentence.upperBound {
            if monthWords.contains(w[wi + 1].hash) && (countWords.contains(w[wi].hash) || t[w[wi].range].allSatisfy(Bytes.isDigit)),
               w[wi].range.lowerBound >= sentence.lowerBound || t[w[wi].range.upperBound] == .hyphen {
                return true
            }
            wi += 1
        }
        // A short label block within two blocks of the figure (“Pay Type: Hourly”, “Compensation Type Salaried”).
        let block = a.sentences[si].block
        for b in max(0, block - 2)...min(a.blocks.count - 1, block + 2) where b != block {
            let ws = a.words(block: b)
            guard ws.count <= 12 else { continue }
            if ws.contains(where: { periodLabelWords.contains($0.hash) }) { return true }
        }
        // The same label on a short line of the figure's own block (a scraped table of “Pay Type Hourly”, “Min
        // Hiring Rate $17.50” lines), up to three lines away.
        if Self.labelLineNearby(a, block: block, at: s.proseRange.lowerBound) { return true }
        // The heading of the section that holds the figure.
        if let section = Self.section(a, holding: block), let h = section.heading, Self.namesPeriod(a, a.blocks[h].proseRange) { return true }
        // The lead-in label of the figure's block (“Pay Rates (hourly): Days: £16.97 Nights: £22.06”).
        if let label = SectionCatalog.leadLabel(t, a.blocks[block].proseRange), label.upperBound <= s.proseRange.lowerBound,
           Self.namesPeriod(a, label) { return true }
        return false
    }

    /// A word of prose range `r` (a heading, a label) gives a period (“Hourly Rates of Pay”, “Pay Rates (hourly):”).
    static func namesPeriod(_ a: Analysis, _ r: Range<Int>) -> Bool {
        var i = a.wordIndex(atOrAfter: r.lowerBound)
        while i < a.words.count && a.words[i].range.lowerBound < r.upperBound {
            if periodHeadingWords.contains(a.words[i].hash) { return true }
            i += 1
        }
        return false
    }

    static let forWord = Word.hash("for")

    /// A lower-case word of five letters or more ending in “ing” (“designing”, “translating”).
    static func isGerund(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        r.count >= 5 && Bytes.isLower(t[r.lowerBound]) && Bytes.equalsLower(t, (r.upperBound - 3)..<r.upperBound, "ing")
    }

    /// A line of at most six words with a period label word, within three lines of `offset` in `block`.
    static func labelLineNearby(_ a: Analysis, block: Int, at offset: Int) -> Bool {
        let t = a.text
        let ws = Array(a.words(block: block))
        guard ws.count > 1 else { return false }
        // The line number (within the block) of each word, and the words of each line.
        var lineOf: [Int] = []
        var line = 0
        var prevEnd = ws[0].range.lowerBound
        var figureLine = -1
        for w in ws {
            if t[prevEnd..<w.range.lowerBound].contains(.lineFeed) { line += 1 }
            if figureLine < 0 && w.range.upperBound > offset { figureLine = line }
            lineOf.append(line)
            prevEnd = w.range.upperBound
        }
        guard line > 0, figureLine >= 0 else { return false }
        var counts = [Int](repeating: 0, count: line + 1)
        for l in lineOf { counts[l] += 1 }
        for (k, w) in ws.enumerated() where lineOf[k] != figureLine && abs(lineOf[k] - figureLine) <= 3 && counts[lineOf[k]] <= 6 {
            if periodLabelWords.contains(w.hash) { return true }
        }
        return false
    }

    static func section(_ a: Analysis, holding block: Int) -> Section? {
        var lo = 0, hi = a.sections.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a.sections[mid].body.upperBound <= block { lo = mid + 1 } else { hi = mid }
        }
        return lo < a.sections.count && a.sections[lo].body.contains(block) ? a.sections[lo] : nil
    }

    /// A comma group of fewer than three digits after the first (`67,00`).
    static func shortGroup(_ t: [UInt8], _ m: PayAmount) -> Bool {
        var digits = 0
        var k = m.range.upperBound - 1
        while k >= m.range.lowerBound {
            if Bytes.isDigit(t[k]) { digits += 1 } else if t[k] == .comma { return digits != 3 } else { digits = 0 }
            k -= 1
        }
        return false
    }
}
