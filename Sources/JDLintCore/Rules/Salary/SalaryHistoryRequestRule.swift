/// `salary/history-request`: a request for the applicant's pay history, which pay-transparency laws forbid.
struct SalaryHistoryRequestRule: Rule {
    let meta = RuleMeta(
        id: "salary/history-request",
        summary: "Do not ask applicants for their pay history.",
        explanation: """
            Asking for “salary history” or the “current salary” carries past pay gaps into the new job, and the EU \
            Pay Transparency Directive and the US state laws below forbid it. Asking for salary *expectations* is \
            fine. The rule runs only with a profile that forbids pay-history questions.
            """ + SalarySupport.bases("noSalaryHistory"),
        defaultSeverity: .warning,
        triggering: [
            RuleExample("Please send your CV with your ↓salary history.", profiles: ["eu"]),
            RuleExample("Include your ↓current salary and your ↓previous salary in your letter.", profiles: ["us-ca"]),
        ] + Self.laws.map { RuleExample("Please send your CV with your ↓salary history.", profiles: [$0]) },
        nonTriggering: [
            RuleExample("Please send your CV with your salary history."),
            RuleExample("Please tell us your salary expectations.", profiles: ["eu"]),
            RuleExample("Your current salary will be reviewed every year after you join.", profiles: ["eu"]),
        ] + Self.laws.map { RuleExample("Please tell us your salary expectations.", profiles: [$0]) },
        scope: .block)

    /// The profiles added with their laws' metadata whose law bans pay-history questions (checked).
    static let laws = ["us-dc", "us-mn", "us-nj", "us-nj-jersey-city", "us-oh-cleveland", "ca-bc", "eu-pl"]

    static let first = Keywords.set(["current", "previous", "prior", "past", "last", "present"])
    static let nouns = Keywords.set(["salary", "pay", "compensation", "remuneration", "wage", "wages", "earnings", "ctc", "package"])
    static let history = Word.hash("history")
    static let requestWords = Keywords.set(["send", "include", "provide", "state", "tell", "share", "submit", "list", "indicate",
                                            "give", "disclose", "with", "along", "specify", "mention", "enclose", "your"])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        guard !SalarySupport.profiles(context.settings, requiring: "noSalaryHistory").isEmpty else { return }
        let a = context.analysis
        let w = a.words
        var i = 0
        while i + 1 < w.count {
            let h = w[i].hash
            var match: Range<Int>?
            if Self.nouns.contains(h) && w[i + 1].hash == Self.history && w[i + 1].block == w[i].block {
                match = w[i].range.lowerBound..<w[i + 1].range.upperBound
            } else if Self.first.contains(h) && Self.nouns.contains(w[i + 1].hash) && w[i + 1].block == w[i].block {
                // `current salary` only as something the applicant gives: a request word shortly before.
                var asked = false
                var k = i - 1
                while k >= 0 && k >= i - 8 && w[k].block == w[i].block {
                    if Self.requestWords.contains(w[k].hash) && w[k].hash != Word.hash("your") { asked = true; break }
                    k -= 1
                }
                if asked || (i > 0 && w[i - 1].hash == Word.hash("your") && i > 1 && Self.requestWords.contains(w[i - 2].hash)) {
                    match = w[i].range.lowerBound..<w[i + 1].range.upperBound
                }
            }
            if let m = match {
                reporter.report("“\(a.string(m))”: do not ask about pay history; ask for salary expectations instead.", prose: m)
                i += 2
                continue
            }
            i += 1
        }
    }
}
