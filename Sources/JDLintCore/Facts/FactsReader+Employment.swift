// employmentType: fields and the phrases that state full-time, part-time, contract, internship….

extension FactsReader {
    // MARK: employment type

    static let employmentKeys: Set<String> = ["employmenttype", "jobtype", "type", "contract", "contracttype", "hours", "workinghours",
                                              "schedule", "workschedule", "employment", "positiontype", "workpattern", "workingpattern",
                                              "appointmenttype", "duration", "term", "jobduration", "workhours", "commitment", "contractduration"]

    static let types = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"]

    /// Phrases that state an employment type, tagged with its index in `types`.
    static let employmentCues: PhraseList = {
        var list: [(String, Int)] = []
        for p in ["full time", "fulltime", "full time permanent", "permanent full time"] { list.append((p, 0)) }
        for p in ["part time", "parttime", "permanent part time"] { list.append((p, 1)) }
        // Not “contractor” alone: “a government contractor”, “VEVRAA Federal Contractor”, “the Contractor shall” are the
        // employer, not the job.
        for p in ["contract role", "contract position", "contract basis", "contract to hire", "contract job", "contractor role",
                  "contractor position", "as a contractor", "contractor basis", "independent contractor", "freelance", "freelancer",
                  "c2h", "1099 contract", "contract assignment", "contract opportunity"] { list.append((p, 2)) }
        for p in ["temporary", "fixed term", "seasonal", "locum", "bank staff", "staff bank", "bank nurse", "bank nurses", "bank role",
                  "bank post", "bank position", "bank worker", "bank workers", "bank only", "bank contract", "bank basis",
                  "maternity cover", "temp", "secondment", "fixed term contract", "bank work", "bank shifts", "bank shift",
                  "bank assignments", "join our bank", "join the bank", "flexible bank", "bank opportunities", "bank opportunity",
                  "bank vacancies", "bank vacancy", "bank doctor", "bank doctors", "bank nursing", "bank midwife", "bank midwives",
                  "bank hca", "bank hcas", "bank healthcare assistant", "bank healthcare assistants", "bank registered",
                  "bank staffing", "bank team"] { list.append((p, 3)) }
        // Not “interns” or “internships” alone: “supervise interns”, “internship experience” are not this job.
        for p in ["this internship", "paid internship", "internship position", "internship role", "internship opportunity",
                  "intern position", "intern role", "as an intern", "summer intern", "summer internship"] { list.append((p, 4)) }
        for p in ["volunteer position", "volunteer role", "volunteer opportunity", "voluntary position", "voluntary role", "unpaid position",
                  "unpaid role", "unpaid internship", "as a volunteer", "volunteer basis", "voluntary basis", "pro bono"] { list.append((p, 5)) }
        for p in ["per diem", "prn"] { list.append((p, 6)) }
        return PhraseList(list)
    }()

    /// Words that, right after a full-time or part-time cue, make it something else (“full-time equivalent”,
    /// “full-time education”, “part-time study”).
    static let notEmployment = WordSet(["equivalent", "equivalents", "education", "study", "studies", "student", "students",
                                        "fte", "degree", "mba", "course", "courses", "programme", "program"].map { Word.hash($0) })

    mutating func employmentType() {
        // A field (`Job type: Part-time`, `employment_type: full-time`) says it for the whole posting.
        for f in fields(Self.employmentKeys) where f.value.utf8.count < 200 {
            let b = Array(f.value.utf8)
            var words: [Range<Int>] = []
            Tokenizer.words(b, 0..<b.count) { words.append($0) }
            var found: [Int] = []
            Self.employmentCues.forEach(b, words) { tag, _ in if !found.contains(tag) { found.append(tag) } }
            // A bare `Contract` or `Temp` value.
            let key = Field.normaliseKey(f.value)
            if found.isEmpty, key == "contract" || key == "contractor" { found = [2] }
            if found.isEmpty, key == "intern" || key == "internship" { found = [4] }
            if found.isEmpty, let i = Self.types.firstIndex(of: f.value.uppercased().replacing("-", with: "_")) { found = [i] }
            if !found.isEmpty {
                add("employmentType", Self.typeValue(found), f.valueRange)
                return
            }
        }
        // The prose, the title included: every type stated, in order of first mention.
        var found: [Int] = []
        var first: Range<Int>?
        let w = a.words
        Self.employmentCues.forEach(in: a) { tag, r in
            // “full-time equivalent”, “part-time study”: not the job's type.
            if tag <= 1 {
                let k = a.wordIndex(atOrAfter: r.upperBound)
                if k < w.count, w[k].block == w[a.wordIndex(atOrAfter: r.lowerBound)].block, Self.notEmployment.contains(w[k].hash) { return }
            }
            if !found.contains(tag) { found.append(tag) }
            if first == nil { first = r }
        }
        // An internship named in the title (“Data Science Intern”, “Summer Internship”).
        if !found.contains(4), let title = a.title, Self.titleNamesInternship(title.text) {
            found.insert(4, at: 0)
            if !found.contains(3), Self.titleNamesBankPost(title.text) { found.insert(3, at: 0) }
            add("employmentType", Self.typeValue(found), title.range)
            return
        }
        // An NHS bank post named in the title (“Bank Staff Nurse”, “Paediatric Band 5 Bank Nurses”): temporary staffing.
        if !found.contains(3), let title = a.title, Self.titleNamesBankPost(title.text) {
            found.insert(3, at: 0)
            add("employmentType", Self.typeValue(found), title.range)
            return
        }
        if let r = first {
            add("employmentType", Self.typeValue(found), a.sourceRange(r))
        }
    }

    static let notBankPost = WordSet(["of", "holiday", "holidays", "account", "accounts", "manager", "managers", "teller", "tellers",
                                      "clerk", "statement", "statements", "transfer", "branch", "officer", "analyst", "and"].map { Word.hash($0) })

    static func titleNamesInternship(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var found = false
        Tokenizer.words(b, 0..<b.count) { r in
            let w = Bytes.lowerString(b, r)
            if w == "intern" || w == "internship" || w == "interns" || w == "internships" { found = true }
        }
        return found
    }

    /// A title with “Bank” (capitalised) before a job, not “Bank of…”, “Bank Manager”.
    static func titleNamesBankPost(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var words: [Range<Int>] = []
        Tokenizer.words(b, 0..<b.count) { words.append($0) }
        for (k, r) in words.enumerated() where Bytes.lowerString(b, r) == "bank" && Bytes.isUpper(b[r.lowerBound]) {
            guard k + 1 < words.count, !notBankPost.contains(Word.hash(b, words[k + 1])) else { continue }
            return true
        }
        return false
    }

    static func typeValue(_ found: [Int]) -> JSONValue {
        found.count == 1 ? .string(types[found[0]]) : .array(found.map { .string(types[$0]) })
    }
}
