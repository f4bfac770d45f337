/// `grammar/subject-verb-agreement`: the agreement slips postings make ("the candidate have", "you has",
/// "responsibilities includes", "each of the candidates are", "this role require").
struct SubjectVerbAgreementRule: Rule {
    let meta = RuleMeta(
        id: "grammar/subject-verb-agreement",
        summary: "The verb does not agree with its subject (“the candidate have”, “responsibilities includes”).",
        explanation: """
            Checks only the patterns job postings actually get wrong, and only where the subject is certain: a \
            singular candidate, role or post with a plural verb (“the ideal candidate have”, “this role require”), \
            “you has”/“you was”, a plural list noun with a singular verb (“responsibilities includes”, “duties \
            involves”), and “each of”/“one of” with a plural verb (“each of the candidates are”). Questions and \
            other inversions (“does the candidate have”), bare infinitives (“help the candidate have”), the \
            subjunctive (“essential that the candidate have”), “each of the duties includes” and British collective \
            plurals (“the team provide”) are left alone. The fix is unsafe: it changes the verb only.
            """,
        defaultSeverity: .warning,
        fix: .unsafe,
        triggering: [
            RuleExample("The ideal candidate ↓have three years of experience."),
            RuleExample("If you ↓has a licence, apply. You ↓was great."),
            RuleExample("Key responsibilities ↓includes patient care. Duties ↓involves travel."),
            RuleExample("Each of the candidates ↓are interviewed. One of our team members ↓have a car."),
            RuleExample("This role ↓require a licence. The post holder ↓are based in Leeds."),
        ],
        nonTriggering: [
            RuleExample("Does the candidate have a licence? Will the successful candidate have support?"),
            RuleExample("We help the candidate have a smooth start. It is essential that the candidate have a licence."),
            RuleExample("Each of the duties includes travel. One of the responsibilities is care."),
            RuleExample("The team provide care. The candidates have skills. The job offer includes a car."),
            RuleExample("Working with you has been great. Thank you is not enough."),
            RuleExample("The benefits package includes a pension. The candidate need not drive."),
            RuleExample("Abilities required by this job include vision. A pool of applicants is found. People in this role are paid."),
        ],
        corrections: [
            RuleCorrection("The ideal candidate have three years of experience.", "The ideal candidate has three years of experience.",
                           applicability: .unsafe),
            RuleCorrection("Responsibilities includes care.", "Responsibilities include care.", applicability: .unsafe),
            RuleCorrection("You was great.", "You were great.", applicability: .unsafe),
        ],
        scope: .block)

    static func h(_ s: [String]) -> WordSet { WordSet(s.map { Word.hash($0) }) }

    static let singularPerson = h(["candidate", "applicant", "individual", "person", "employee", "incumbent", "postholder",
                                   "jobholder", "holder", "appointee", "trainee", "hire", "nurse", "clinician"])
    static let singularRole = h(["role", "position", "job", "post", "vacancy", "opportunity"])
    static let determiners = h(["the", "this", "that", "each", "every", "our", "your", "a", "an", "any"])
    static let adjectives = h(["ideal", "successful", "right", "selected", "preferred", "chosen", "qualified", "suitable",
                               "perfect", "new", "appointed", "post", "role", "job", "strong", "best", "prospective"])
    static let personPluralVerbs = h(["have", "are", "were", "possess", "demonstrate"])
    static let rolePluralVerbs = h(["have", "are", "were", "require", "include", "involve", "entail", "consist", "demand",
                                    "provide"])
    static let you = Word.hash("you")
    static let youWrongVerbs = h(["has", "was", "is", "does", "doesn't"])
    static let clauseStarters = h(["if", "when", "as", "because", "but", "so", "that", "where", "while", "once", "since",
                                   "whether", "unless", "until", "before", "after", "though", "although"])
    static let listModifiers = h(["the", "your", "our", "key", "main", "primary", "essential", "core", "additional", "other",
                                  "general", "specific", "principal", "major", "job", "role", "position", "daily", "typical",
                                  "these", "my", "their", "its", "all", "following", "successful", "qualified", "prospective"])
    static let pluralListNouns = h(["responsibilities", "duties", "requirements", "qualifications", "tasks"])
    static let singularListVerbs = h(["includes", "involves", "requires", "consists", "comprises", "entails", "encompasses",
                                      "covers", "is", "was", "has"])
    static let peopleNouns = h(["candidates", "applicants", "employees"])
    static let peopleSingularVerbs = h(["has", "is", "was", "does"])
    static let quantifiers = h(["each", "one"])
    static let ofWord = Word.hash("of")
    static let partitive = h(["each", "one", "none", "neither", "either", "any", "every", "which", "some", "all", "many",
                              "most", "few", "several", "both"])
    static let ofDeterminers = h(["the", "our", "your", "these", "those", "their", "its", "my", "his", "her", "all"])
    static let ofPluralVerbs = h(["are", "have", "were"])

    static let replacements: [String: String] = [
        "have": "has", "are": "is", "were": "was", "do": "does", "require": "requires", "include": "includes",
        "involve": "involves", "provide": "provides", "entail": "entails", "consist": "consists", "demand": "demands",
        "possess": "possesses", "demonstrate": "demonstrates", "includes": "include", "involves": "involve",
        "requires": "require", "consists": "consist", "comprises": "comprise", "entails": "entail", "encompasses": "encompass",
        "covers": "cover", "is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't",
    ]

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let s = Scan(a)
        let n = s.n
        guard n > 1 else { return }
        for i in 0..<(n - 1) {
            let v = i + 1
            let hv = s.w[v].hash
            let hs = s.w[i].hash
            var verb: Int?
            if (s.singularPerson.contains(hs) && s.personPluralVerbs.contains(hv)) || (s.singularRole.contains(hs) && s.rolePluralVerbs.contains(hv)) {
                verb = s.singularSubjectWithPluralVerb(i)
            } else if hs == s.you && s.youWrongVerbs.contains(hv) && s.adjacent(i, v) {
                verb = s.youWithWrongVerb(i)
            } else if (s.pluralListNouns.contains(hs) && s.singularListVerbs.contains(hv))
                || (s.peopleNouns.contains(hs) && s.peopleSingularVerbs.contains(hv)) {
                verb = s.pluralSubjectWithSingularVerb(i)
            } else if s.quantifiers.contains(hs), v < n, s.w[v].hash == s.ofWord, s.adjacent(i, v) {
                verb = s.partitiveWithPluralVerb(i)
            }
            if let verb { report(a, s.t, verb, subject: i, &reporter) }
        }
    }

    /// The words of one analysis, with the word lists read once (not once per word), and the four patterns: each
    /// takes the subject's word `i` (its verb, word `i + 1`, being of the pattern's kind) and gives the verb to
    /// report, if the words around make it a disagreement.
    struct Scan {
        let t: [UInt8]
        let w: WordList
        let n: Int
        let adjectives = SubjectVerbAgreementRule.adjectives
        let clauseStarters = SubjectVerbAgreementRule.clauseStarters
        let determiners = SubjectVerbAgreementRule.determiners
        let listModifiers = SubjectVerbAgreementRule.listModifiers
        let ofDeterminers = SubjectVerbAgreementRule.ofDeterminers
        let ofPluralVerbs = SubjectVerbAgreementRule.ofPluralVerbs
        let ofWord = SubjectVerbAgreementRule.ofWord
        let peopleNouns = SubjectVerbAgreementRule.peopleNouns
        let peopleSingularVerbs = SubjectVerbAgreementRule.peopleSingularVerbs
        let personPluralVerbs = SubjectVerbAgreementRule.personPluralVerbs
        let pluralListNouns = SubjectVerbAgreementRule.pluralListNouns
        let quantifiers = SubjectVerbAgreementRule.quantifiers
        let rolePluralVerbs = SubjectVerbAgreementRule.rolePluralVerbs
        let singularListVerbs = SubjectVerbAgreementRule.singularListVerbs
        let singularPerson = SubjectVerbAgreementRule.singularPerson
        let singularRole = SubjectVerbAgreementRule.singularRole
        let you = SubjectVerbAgreementRule.you
        let youWrongVerbs = SubjectVerbAgreementRule.youWrongVerbs

        init(_ a: Analysis) {
            t = a.text
            w = a.words
            n = w.count
        }

        /// Words i and j (i < j) are next to each other with only spaces between, in one block.
        func adjacent(_ i: Int, _ j: Int) -> Bool {
            guard i >= 0, j < n, w[i].block == w[j].block else { return false }
            var k = w[i].range.upperBound
            guard k < w[j].range.lowerBound else { return false }
            while k < w[j].range.lowerBound {
                let c = t[k]
                if c != .space && c != .tab && c != .lineFeed && c != .carriageReturn { return false }
                k += 1
            }
            return true
        }

        func sentenceStart(_ i: Int) -> Bool {
            guard i > 0, w[i - 1].block == w[i].block else { return true }
            var k = w[i].range.lowerBound
            while k > w[i - 1].range.upperBound {
                let c = t[k - 1]
                if c == .period || c == .exclamation || c == .question || c == .colon || c == .semicolon || c == .lineFeed || c == .hyphen { return true }
                k -= 1
            }
            return false
        }

        /// The subject starting at word `d` opens a sentence or a clause ("If the candidate have…").
        func subjectStarts(_ d: Int) -> Bool {
            if sentenceStart(d) { return true }
            return d > 0 && adjacent(d - 1, d) && clauseStarters.contains(w[d - 1].hash) && !Bytes.equalsLower(t, w[d - 1].range, "that")
        }

        /// "the (ideal) candidate have", "this role require".
        func singularSubjectWithPluralVerb(_ i: Int) -> Int? {
            let v = i + 1
            guard adjacent(i, v) else { return nil }
            // determiner, optionally one adjective ("post holder", "successful candidate"), at the start of a
            // sentence or clause: "Individuals in this role are" has another subject.
            var d = i - 1
            if d >= 0 && adjacent(d, i) && adjectives.contains(w[d].hash) && !determiners.contains(w[d].hash) { d -= 1 }
            guard d >= 0, adjacent(d, d + 1), determiners.contains(w[d].hash) else { return nil }
            if Bytes.equalsLower(t, w[d].range, "a") || Bytes.equalsLower(t, w[d].range, "an") { return nil }
            guard subjectStarts(d) else { return nil }
            return v
        }

        /// "you has", "you was".
        func youWithWrongVerb(_ i: Int) -> Int? {
            if sentenceStart(i) || (i > 0 && w[i - 1].block == w[i].block && adjacent(i - 1, i) && clauseStarters.contains(w[i - 1].hash)) {
                return i + 1
            }
            return nil
        }

        /// "responsibilities includes", "candidates has".
        func pluralSubjectWithSingularVerb(_ i: Int) -> Int? {
            guard adjacent(i, i + 1) else { return nil }
            // The noun heads the subject: only determiners and adjectives before it, back to the start of the
            // sentence ("Key responsibilities includes"), not "a pool of applicants is".
            var d = i
            while d > 0 && i - d < 3 && adjacent(d - 1, d) && listModifiers.contains(w[d - 1].hash) { d -= 1 }
            guard subjectStarts(d) else { return nil }
            return i + 1
        }

        /// "each of the candidates are", "one of our team members have" (word `i + 1` is "of").
        func partitiveWithPluralVerb(_ i: Int) -> Int? {
            let v = i + 1
            if i > 0 && w[i - 1].block == w[i].block && adjacent(i - 1, i)
                && (Bytes.equalsLower(t, w[i - 1].range, "no") || Bytes.equalsLower(t, w[i - 1].range, "the")) { return nil }
            let k = v + 1
            guard k < n, adjacent(v, k), ofDeterminers.contains(w[k].hash) else { return nil }
            // up to two nouns, the last a plural in -s, then the verb
            for span in 1...2 {
                let noun = k + span
                let verb = noun + 1
                guard verb < n, adjacent(noun - 1, noun), adjacent(noun, verb) else { break }
                let nr = w[noun].range
                let last = Bytes.lower(t[nr.upperBound - 1])
                if last == UInt8(ascii: "s") && nr.count > 3 && !Bytes.equalsLower(t, nr, "this") && ofPluralVerbs.contains(w[verb].hash) {
                    return verb
                }
            }
            return nil
        }
    }

    func report(_ a: Analysis, _ t: [UInt8], _ v: Int, subject s: Int, _ reporter: inout Reporter) {
        let vr = a.words[v].range
        let verb = a.string(vr)
        let lower = Bytes.lowerString(t, vr)
        guard let rep = Self.replacements[lower] else { return }
        var fixed = rep
        if Bytes.isUpper(t[vr.lowerBound]) { fixed = fixed.prefix(1).uppercased() + fixed.dropFirst() }
        let subject = a.string(a.words[s].range)
        reporter.report("“\(verb)” does not agree with “\(subject)”: use “\(fixed)”.", prose: vr,
                        fix: .replace(vr, with: fixed, title: "Change “\(verb)” to “\(fixed)”", .unsafe))
    }
}
