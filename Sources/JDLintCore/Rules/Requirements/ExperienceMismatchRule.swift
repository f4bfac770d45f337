/// `requirements/experience-mismatch`: an entry-level role that demands years of experience, or two demands
/// that cannot both hold.
struct ExperienceMismatchRule: Rule {
    let meta = RuleMeta(
        id: "requirements/experience-mismatch",
        summary: "An entry-level role should not demand 3+ years of experience, and the posting should not contradict itself.",
        explanation: """
            A posting whose title says entry-level, junior, graduate, intern, trainee, apprentice or level I (\
            “Technician I”; not on a professional ladder such as “Research Scientist I”), or whose text calls the role entry-level, but which asks for three or more years of \
            experience, tells new entrants not to apply — and most of them will not. The rule also flags a \
            posting that states two demands that cannot both be met, such as “0–2 years” and “minimum 5 years”. \
            Only demands about experience count (“5 years of experience”, “3+ years in a similar role”, \
            “Experience: 4 years”), not ages, contract lengths or “within the last 3 years”.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("# Junior Data Analyst\n\nYou have ↓5+ years of experience with SQL.\n", format: .markdown),
            RuleExample("# Accounts Clerk\n\nThis is an entry-level position. Requires ↓at least three years of bookkeeping experience.\n",
                        format: .markdown),
            RuleExample("# Lab Technician I\n\n- ↓3-5 years of laboratory experience\n", format: .markdown),
            RuleExample("Ideal candidates have 0–2 years of experience.\nYou bring ↓a minimum of 5 years experience in retail.\n"),
        ],
        nonTriggering: [
            RuleExample("# Junior Data Analyst\n\nYou have 1–2 years of experience with SQL.\n", format: .markdown),
            RuleExample("# Senior Engineer\n\nYou have 8+ years of experience.\n", format: .markdown),
            RuleExample("# Graduate Nurse\n\nA 3-year nursing degree completed within the last 5 years.\n", format: .markdown),
            RuleExample("# Trainee Surveyor\n\nThe apprenticeship lasts 3 years.\n", format: .markdown),
            // Level I of a professional ladder is a grade, not an entry-level job.
            RuleExample("# Associate Research Scientist I\n\n- 4-6 years of research experience\n", format: .markdown),
            RuleExample("# Junior Designer\n\nWe have been in business for 20 years.\n", format: .markdown),
            RuleExample("0–2 years of experience. A 5-year degree programme is not needed.\n"),
            RuleExample("BS with 5 years of experience, MS with 3 years, or PhD with 0–2 years of experience.\n"),
            RuleExample("# Junior Developer\n\nYou will report to our lead, who has 12 years of experience.\n", format: .markdown),
            RuleExample("# Teacher - Title I Math\n\nThree to five years of teaching experience.\n", format: .markdown),
        ])

    static let titleSeniority = WordSet(["junior", "jr", "graduate", "intern", "internship", "trainee", "apprentice", "apprenticeship",
                                         "entry"])

    /// The seniority word of the title, if any ("Junior", "Entry-level", "Technician I").
    static func seniority(_ title: String) -> String? {
        let b = Array(title.utf8)
        var words: [Range<Int>] = []
        Tokenizer.words(b, 0..<b.count) { words.append($0) }
        for (k, r) in words.enumerated() {
            let h = Word.hash(b, r)
            if h == Word.hash("entry") {
                if k + 1 < words.count, Word.hash(b, words[k + 1]) == Word.hash("level") { return "entry-level" }
                continue
            }
            if h == Word.hash("graduate") {
                // "Graduate Assistant", "Graduate Research…" are roles for students, not entry-level jobs.
                if k + 1 < words.count, [Word.hash("assistant"), Word.hash("research"), Word.hash("student"),
                                         Word.hash("teaching")].contains(Word.hash(b, words[k + 1])) { continue }
            }
            if titleSeniority.contains(h) { return String(decoding: b[r], as: UTF8.self) }
            // Level "I": an upper-case I after another word ("Technician I", "Analyst I (Temporary)").
            // Not on a professional ladder (“Associate Research Scientist I”, “Software Engineer I”), where level I
            // is a grade that may ask for years of graduate work.
            if k > 0 && r.count == 1 && b[r.lowerBound] == UInt8(ascii: "I") && (k == words.count - 1 || b[words[k].upperBound] != .apostrophe)
                && !notLevel.contains(Word.hash(b, words[k - 1]))
                && !words[..<k].contains(where: { professionalLadder.contains(Word.hash(b, $0)) }) {
                return "level I"
            }
        }
        return nil
    }

    /// Titles whose level I is a grade of a professional ladder, not an entry-level job.
    static let professionalLadder = WordSet(["scientist", "engineer", "researcher", "associate", "architect", "attorney", "physicist",
                                             "chemist", "statistician", "economist", "epidemiologist", "actuary", "manager"])

    /// "Title I" (US school funding), "Phase I", "Part I": not a job level.
    static let notLevel = WordSet(["title", "part", "phase", "section", "chapter", "war", "type", "class", "schedule", "tier", "grade",
                                   "stage", "year", "volume", "book", "act", "article", "division", "category", "level"])
    /// Words of degree alternatives and levels: "BS with 5 years, MS with 3, PhD with 0–2" is not a contradiction.
    static let alternatives = WordSet(["bs", "ba", "bsc", "ms", "ma", "msc", "phd", "bachelor", "bachelors", "bachelor's", "master",
                                       "masters", "master's", "degree", "doctorate", "level", "associate", "senior", "junior", "mid",
                                       "intermediate", "preferred", "or", "equivalent", "otherwise", "minimum", "required"])

    static let entryLevel: [[UInt64]] = YearsDemand.seqs(["entry level", "entry-level"])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let demands = YearsDemand.find(in: a).filter(\.experience)
        guard !demands.isEmpty else { return }
        var level: String?
        if let t = a.title { level = Self.seniority(t.text) }
        if level == nil {
            // "This is an entry-level position/role/job"
            let roles = WordSet(["position", "role", "job", "opportunity", "post"])
            let entry = Word.hash("entry"), levelWord = Word.hash("level")
            for (i, w) in a.words.enumerated() where w.hash == entry && i + 2 < a.words.count {
                if a.words[i + 1].hash == levelWord && roles.contains(a.words[i + 2]) { level = "entry-level"; break }
            }
        }
        var reported = Set<Int>()
        if let level {
            for d in demands where !d.isMaximumOnly && d.min >= 3 {
                reporter.report("Asks for \(describe(d)) of experience for a role described as \(level); "
                                + "entry-level candidates will not apply. Lower the demand or change the title.", prose: d.range)
                reported.insert(d.firstWord)
            }
        }
        // Contradictions: "0–2 years" (or "no more than 2 years") and elsewhere "minimum 5 years" / "5+ years", with no
        // degree or level alternatives around either ("BS with 5 years, PhD with 0–2 years" is not a contradiction).
        func plain(_ d: YearsDemand) -> Bool {
            let s = TermList.sentence(a, at: d.range.lowerBound)
            var k = a.wordIndex(atOrAfter: s.lowerBound)
            while k < a.words.count && a.words[k].range.lowerBound < s.upperBound {
                if k != d.firstWord && Self.alternatives.contains(a.words[k]) && !(a.words[k].range.lowerBound >= d.range.lowerBound
                    && a.words[k].range.upperBound <= d.range.upperBound) { return false }
                k += 1
            }
            return true
        }
        let caps = demands.filter { $0.max != nil && ($0.min == 0 || $0.explicitCap) && !$0.conditional && plain($0) }
        if let cap = caps.min(by: { $0.max! < $1.max! }), let capMax = cap.max {
            for d in demands where d.firstWord != cap.firstWord && !reported.contains(d.firstWord) && d.max == nil && d.min > capMax
                && TermList.sentence(a, at: d.range.lowerBound) != TermList.sentence(a, at: cap.range.lowerBound) && plain(d) {
                reporter.report("Asks for \(describe(d)) of experience, but elsewhere for \(a.string(cap.range)) "
                                + "(at most \(capMax)); the two demands contradict each other.", prose: d.range)
            }
        }
    }

    func describe(_ d: YearsDemand) -> String {
        if let m = d.max, d.min > 0 { return "\(d.min)–\(m) years" }
        return "\(d.min)+ years"
    }
}
