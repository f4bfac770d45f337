/// `salary/missing-range`: no pay at all in a posting whose profile requires pay, or a single or open-ended
/// figure where a selected pay-transparency profile requires a range.
struct SalaryMissingRangeRule: Rule {
    let meta = RuleMeta(
        id: "salary/missing-range",
        summary: "State the pay, as a range where the law requires one.",
        explanation: """
            Pay is the first thing applicants look for, and postings without it get fewer and less suitable \
            applications. With a pay-transparency profile selected (`--profile us-ny`…), a posting with no pay \
            figure at all is reported here (pay in front matter or JSON-LD `baseSalary` counts); with the default \
            profile, missing pay is one of the parts `structure/missing-section` lists, so it is not reported twice. \
            Pay-transparency profiles also want a range — a minimum and a maximum — so a single figure or open-ended pay \
            (“up to $50,000”, “$20/hr and up”) is reported too, except that laws that allow “the pay, or a range” \
            accept a single figure, and `us-ny`, `us-ny-nyc`, `us-ny-ithaca` and `us-md` accept one when the pay is \
            described as fixed; open-ended pay is never a range. Most laws want the pay in the posting itself, not \
            behind a link or “on request”; Illinois (`us-il`) accepts a hyperlink to the pay scale. Vermont (`us-vt`) \
            and New York State (`us-ny`) let a job paid on commission say so instead of giving its pay, and Vermont \
            wants a tipped job's base wage. Ontario \
            (`ca-on`) allows an annual range at most $50,000 wide unless its top is above $200,000. Messages name \
            each law with its section.
            """ + PayLaws.explanationList(),
        defaultSeverity: .warning,
        triggering: [
            RuleExample("# ↓Nurse\n\nWe are hiring a nurse for our ward.\n", format: .markdown, profiles: ["us-ny"]),
            RuleExample("# ↓Nurse\n\nCompetitive salary, depending on experience. Call 0800 123 4567.\n", format: .markdown, profiles: ["eu"]),
            RuleExample("# Nurse\n\nPay: ↓$25 per hour.\n", format: .markdown, profiles: ["us-ny"]),
            RuleExample("# Nurse\n\nSalary: up to ↓$50,000 a year.\n", format: .markdown, profiles: ["us-co"]),
            RuleExample("# Nurse\n\nPay: ↓$20/hr and up.\n", format: .markdown, profiles: ["us-wa", "us-ny"]),
            RuleExample("# ↓Nurse\n\nThe pay scale is available on request.\n", format: .markdown, profiles: ["us-ca"]),
            // Open-ended pay under laws that accept a single figure: still neither a figure nor a range.
            RuleExample("# Nurse\n\nSalary: up to ↓$50,000 a year.\n", format: .markdown, profiles: ["us-mn"]),
            RuleExample("# Nurse\n\nPay: ↓$20/hr and up.\n", format: .markdown, profiles: ["ca-bc"]),
            // Vermont: commission excuses the pay only under Vermont's law; a tipped job states its base wage.
            RuleExample("# ↓Sales associate\n\nThis role is paid on commission.\n", format: .markdown, profiles: ["us-vt", "us-nj"]),
            RuleExample("# ↓Care assistant\n\nOur homes are rated good by the Care Quality Commission.\n", format: .markdown, profiles: ["us-vt"]),
            RuleExample("# ↓Server\n\nA tipped position in our busy restaurant.\n", format: .markdown, profiles: ["us-vt"]),
            // Ontario: an annual range at most $50,000 wide.
            RuleExample("# Analyst\n\nSalary: ↓$60,000 - $120,000 per year.\n", format: .markdown, profiles: ["ca-on"]),
            // A link to the pay scale is accepted by Illinois only.
            RuleExample("# ↓Nurse\n\nPay scale: https://example.com/pay-scales\n", format: .markdown, profiles: ["us-ca"]),
        ] + Self.laws.map { RuleExample("# ↓Nurse\n\nWe are hiring a nurse for our ward.\n", format: .markdown, profiles: [$0]) }
          + Self.rangeOnly.map { RuleExample("# Nurse\n\nPay: ↓$25 per hour.\n", format: .markdown, profiles: [$0]) }
          + Self.singleAllowed.map { RuleExample("# Nurse\n\nSalary: from ↓$50,000 a year.\n", format: .markdown, profiles: [$0]) },
        nonTriggering: [
            RuleExample("# Nurse\n\nSalary: $60,000 - $70,000 a year.\n", format: .markdown, profiles: ["us-ny", "us-co"]),
            RuleExample("# Nurse\n\nPay: $25 per hour.\n", format: .markdown),
            RuleExample("# Nurse\n\nWe are hiring a nurse for our ward.\n", format: .markdown),
            RuleExample("# Nurse\n\nThis role pays a fixed rate of $25 per hour.\n", format: .markdown, profiles: ["us-ny"]),
            RuleExample("---\ntitle: Nurse\nsalary: \"$60,000 - $70,000 per year\"\n---\n\nWe are hiring.\n", format: .markdown, profiles: ["us-ny"]),
            RuleExample("# Sales associate\n\nThis role is paid on commission.\n", format: .markdown, profiles: ["us-vt"]),
            // New York State (Labor Law § 194-b(1)): a job paid solely on commission says so instead.
            RuleExample("# Sales associate\n\nThis role is paid solely on commission.\n", format: .markdown, profiles: ["us-ny"]),
            RuleExample("# Sales associate\n\nCompensation: 1099, commission only.\n", format: .markdown, profiles: ["us-ny"]),
            RuleExample("# Server\n\nBase wage $6.50 - $7.00 per hour plus tips.\n", format: .markdown, profiles: ["us-vt"]),
            RuleExample("# Nurse\n\nPay scale: https://example.com/pay-scales\n", format: .markdown, profiles: ["us-il"]),
            // Ontario: a range $50,000 wide, and a wider one whose top is above $200,000 a year (exempt).
            RuleExample("# Analyst\n\nSalary: $70,000 - $120,000 per year.\n", format: .markdown, profiles: ["ca-on"]),
            RuleExample("# Director\n\nSalary: $150,000 - $240,000 per year.\n", format: .markdown, profiles: ["ca-on"]),
            RuleExample("# Analyst\n\nSalary: $60,000 - $120,000 per year.\n", format: .markdown, profiles: ["ca-bc"]),
        ] + Self.laws.map { RuleExample("# Nurse\n\nSalary: $60,000 - $70,000 a year.\n", format: .markdown, profiles: [$0]) }
          + Self.singleAllowed.map { RuleExample("# Nurse\n\nPay: $25 per hour.\n", format: .markdown, profiles: [$0]) }
          + Self.fixedAllowed.map { RuleExample("# Nurse\n\nThis role pays a fixed rate of $25 per hour.\n", format: .markdown, profiles: [$0]) },
        options: [])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let settings = context.settings
        // Vermont (21 V.S.A. § 495p(a)(2)(A)): a commission job discloses that fact instead of its pay.
        let commission = saysCommission(a)
        let excused = { (p: Profile) in commission && p.pay["commissionDisclosure"]?.boolValue == true }
        if a.pay.isEmpty {
            // Only pay-transparency profiles make missing pay this rule's business; otherwise structure/missing-section
            // lists it with the other missing parts.
            guard settings.requiredParts.contains("pay"), settings.selectedProfiles.contains(where: { $0.pay.count > 0 }) else { return }
            // Illinois (820 ILCS 112/10(b-25)) accepts a hyperlink to the pay scale.
            let linked = linksToPay(a)
            let payProfiles = settings.selectedProfiles.filter {
                $0.requires.contains("pay") && $0.pay.count > 0 && !excused($0) && !(linked && $0.pay["linkAllowed"]?.boolValue == true)
            }
            guard !payProfiles.isEmpty else { return }
            var message = "No pay is stated: give the salary or hourly rate"
            // Laws that want a range, and laws that accept the pay or its range.
            let strict = payProfiles.filter { $0.pay["range"]?.boolValue == true && $0.pay["allowSingle"]?.boolValue != true }
            let loose = payProfiles.filter { $0.pay["range"]?.boolValue == true && $0.pay["allowSingle"]?.boolValue == true }
            if !strict.isEmpty {
                message += " as a range (required by \(SalarySupport.names(strict)))"
                if !loose.isEmpty { message += "; \(SalarySupport.names(loose)) also accept\(loose.count == 1 ? "s" : "") a single figure" }
                message += "."
            } else if !loose.isEmpty {
                message += ", or its range (required by \(SalarySupport.names(loose)))."
            } else if payProfiles.allSatisfy({ $0.pay["inPosting"]?.boolValue == false }) {
                // Laws that accept the pay before the interview instead (the EU Directive, Poland).
                message += " (\(SalarySupport.names(payProfiles)) require\(payProfiles.count == 1 ? "s" : "") it in the advertisement or before the interview)."
            } else {
                message += " (required by \(SalarySupport.names(payProfiles)))."
            }
            let inPosting = payProfiles.filter { $0.pay["inPosting"]?.boolValue == true }
            if !inPosting.isEmpty && mentionsPayElsewhere(a) {
                message += " Pay “on request” or behind a link does not meet \(SalarySupport.names(inPosting)): put it in the posting."
            }
            let tips = payProfiles.filter { $0.pay["tipsDisclosure"]?.boolValue == true }
            if !tips.isEmpty && mentionsTips(a) {
                message += " A tipped job states its base wage or range of base wages (\(SalarySupport.names(tips)))."
            }
            reporter.report(message, at: SalarySupport.documentAnchor(a))
            return
        }
        let rangeProfiles = SalarySupport.profiles(settings, requiring: "range").filter { !excused($0) }
        guard !rangeProfiles.isEmpty else { return }
        if let r = a.pay.first(where: { $0.isRange && !$0.openEnded }) {
            checkWidth(r, rangeProfiles, &reporter)
            return
        }
        guard let first = a.pay.first else { return }
        if first.openEnded {
            // Open-ended pay is neither a figure nor a range.
            SalarySupport.report(&reporter, first, "Open-ended pay (“\(first.summary)” with no upper or lower bound) is not a range: \(SalarySupport.names(rangeProfiles)) require\(rangeProfiles.count == 1 ? "s" : "") the minimum and the maximum pay.")
            return
        }
        // A single figure: accepted where the law allows one (`allowSingle`: “the salary, or a range”), or where it
        // allows one for fixed pay and the posting says the pay is fixed (`allowFixed`).
        let fixed = saysFixed(a)
        let refusing = rangeProfiles.filter {
            $0.pay["allowSingle"]?.boolValue != true && !($0.pay["allowFixed"]?.boolValue == true && fixed)
        }
        guard !refusing.isEmpty else { return }
        SalarySupport.report(&reporter, first, "A single figure (“\(first.summary)”) is not a range: \(SalarySupport.names(refusing)) require\(refusing.count == 1 ? "s" : "") the minimum and the maximum pay.")
    }

    /// Ontario (O. Reg. 476/24 under the Employment Standards Act, 2000, Part III.1): an annual range at most
    /// `maxRangeWidth` wide, unless its top is above `exemptAbove` (then the posting need not state pay at all).
    /// Only annual ranges in dollars are judged (a bare `$` is read as US dollars by the parser, so USD counts too).
    func checkWidth(_ r: PayStatement, _ ps: [Profile], _ reporter: inout Reporter) {
        guard r.period == .year, r.currency == nil || r.currency == "CAD" || r.currency == "USD" else { return }
        let tooWide = ps.filter { p in
            guard let width = p.pay["maxRangeWidth"]?.intValue else { return false }
            if let above = p.pay["exemptAbove"]?.intValue, r.max > Double(above) { return false }
            return r.max - r.min > Double(width)
        }
        guard let width = tooWide.first?.pay["maxRangeWidth"]?.intValue else { return }
        SalarySupport.report(&reporter, r, "The range “\(r.summary)” spans more than \(SalarySupport.grouped(Array(String(width).utf8), sep: ",")) a year: \(SalarySupport.names(tooWide)) allow\(tooWide.count == 1 ? "s" : "") at most that between the minimum and the maximum.")
    }

    static let commissionWords = Keywords.set(["commission", "commissions"])
    static let commissionBefore = Keywords.set(["on", "plus", "base", "uncapped", "earn", "earned", "sales", "with", "and"])
    static let commissionAfter = Keywords.set(["basis", "based", "only", "structure", "plan", "earnings", "pay", "paid"])
    static let tipped = Keywords.set(["tipped", "gratuities"])
    static let tipsBefore = Keywords.set(["plus", "and", "keep", "earn", "cash", "pooled", "shared", "with"])
    static let tips = Word.hash("tips")

    /// The posting says the job is paid on commission (“commission-based”, “paid on commission”, “base plus
    /// commissions”), not merely the word (“Equal Employment Opportunity Commission”, “Care Quality Commission”).
    func saysCommission(_ a: Analysis) -> Bool {
        let w = a.words
        for (i, x) in w.enumerated() where Self.commissionWords.contains(x.hash) {
            if i > 0 && w[i - 1].block == x.block && Self.commissionBefore.contains(w[i - 1].hash) { return true }
            if i + 1 < w.count && w[i + 1].block == x.block && Self.commissionAfter.contains(w[i + 1].hash) { return true }
        }
        return false
    }

    /// The posting says the job is tipped (“tipped position”, “gratuities”, “plus tips”), not “tips for applying”.
    func mentionsTips(_ a: Analysis) -> Bool {
        let w = a.words
        for (i, x) in w.enumerated() {
            if Self.tipped.contains(x.hash) { return true }
            if x.hash == Self.tips && i > 0 && w[i - 1].block == x.block && Self.tipsBefore.contains(w[i - 1].hash) { return true }
        }
        return false
    }

    /// A sentence about pay that holds a web address or says “link” (“Pay scale: https://…”, “see the link for the pay range”).
    func linksToPay(_ a: Analysis) -> Bool {
        for s in a.sentences where SalarySupport.payContext(a, sentence: s) {
            let text = a.string(s.range)
            if text.contains("http://") || text.contains("https://") || text.contains("www.") { return true }
            var i = a.wordIndex(atOrAfter: s.range.lowerBound)
            while i < a.words.count && a.words[i].range.lowerBound < s.range.upperBound {
                if a.words[i].hash == Self.link || a.words[i].hash == Self.hyperlink { return true }
                i += 1
            }
        }
        return false
    }

    static let link = Word.hash("link")
    static let hyperlink = Word.hash("hyperlink")

    /// The profiles added with their laws' metadata, each with its own examples: every law's missing pay is flagged
    /// and its range accepted; a single figure is flagged where the law wants a range and accepted where it allows
    /// one (always, or when the pay is said to be fixed); open-ended pay is flagged everywhere.
    static let laws = ["us-hi", "us-dc", "us-md", "us-mn", "us-nj", "us-vt", "us-ma", "us-ny-nyc", "us-nj-jersey-city",
                       "us-ny-ithaca", "us-ny-westchester", "us-oh-cleveland", "ca-bc", "ca-on", "eu-pl"]
    static let rangeOnly = ["us-dc", "us-md", "us-ma", "us-ny-nyc", "us-nj-jersey-city", "us-ny-ithaca", "us-ny-westchester", "us-oh-cleveland"]
    static let singleAllowed = ["us-hi", "us-mn", "us-nj", "us-vt", "ca-bc", "ca-on", "us-co", "us-il"]
    static let fixedAllowed = ["us-md", "us-ny-nyc", "us-ny-ithaca"]

    static let fixedWords = Keywords.set(["fixed", "flat", "set"])

    /// The posting says the pay is fixed (`fixed rate`, `flat rate`, `set salary`).
    func saysFixed(_ a: Analysis) -> Bool {
        for (i, w) in a.words.enumerated() where SalaryMissingRangeRule.fixedWords.contains(w.hash) && i + 1 < a.words.count {
            if SalarySupport.payWords.contains(a.words[i + 1].hash) || a.words[i + 1].hash == Word.hash("salary") { return true }
        }
        return false
    }

    static let elsewhere = Keywords.set(["request", "link", "website", "attached", "enclosed"])

    /// The posting points to pay given elsewhere (“pay scale available on request”, “see the link”).
    func mentionsPayElsewhere(_ a: Analysis) -> Bool {
        for s in a.sentences where SalarySupport.payContext(a, sentence: s) {
            var i = a.wordIndex(atOrAfter: s.range.lowerBound)
            while i < a.words.count && a.words[i].range.lowerBound < s.range.upperBound {
                if SalaryMissingRangeRule.elsewhere.contains(a.words[i].hash) { return true }
                i += 1
            }
        }
        return false
    }
}
