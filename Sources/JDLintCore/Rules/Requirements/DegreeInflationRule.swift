/// `requirements/degree-inflation`: a four-year degree demanded for a technician, assistant or clerk role.
struct DegreeInflationRule: Rule {
    let meta = RuleMeta(
        id: "requirements/degree-inflation",
        summary: "Do not require a four-year degree for technician, assistant, aide or clerk roles; accept equivalent experience.",
        explanation: """
            Requiring a bachelor's degree or higher for a role whose title says technician, assistant, aide, clerk, \
            receptionist, cashier and the like shuts out experienced people without degrees and rarely predicts \
            performance. When a degree helps, say “or equivalent experience”. The rule looks at the title's \
            head noun (not “Assistant Professor”, “Research Assistant” or “Physician Assistant”, whose degree \
            requirements are real) and at sentences that require a bachelor's, master's, doctorate or \
            “four-year” degree without “or equivalent”, “preferred”, “desirable” or similar.
            """,
        defaultSeverity: .info,
        triggering: [
            RuleExample("# Pharmacy Technician\n\n- ↓Bachelor's degree required.\n", format: .markdown),
            RuleExample("# Administrative Assistant\n\nYou must hold a ↓four-year degree.\n", format: .markdown),
            RuleExample("# Records Clerk II\n\n- ↓Master's degree in information science\n", format: .markdown),
        ],
        nonTriggering: [
            RuleExample("# Pharmacy Technician\n\n- Bachelor's degree or equivalent experience.\n", format: .markdown),
            RuleExample("# Pharmacy Technician\n\n- Bachelor's degree preferred.\n", format: .markdown),
            RuleExample("# Research Assistant\n\n- Master's degree in history.\n", format: .markdown),
            RuleExample("# Assistant Professor of History\n\n- PhD required.\n", format: .markdown),
            RuleExample("# Software Engineer\n\n- Bachelor's degree required.\n", format: .markdown),
            RuleExample("# Healthcare Assistant\n\nYou can train towards degree level clinical posts.\n", format: .markdown),
        ])

    static let heads = WordSet(["technician", "technicians", "tech", "assistant", "aide", "clerk", "receptionist", "secretary", "cashier",
                                "attendant", "porter", "helper", "custodian", "janitor", "housekeeper", "caregiver", "carer",
                                "courier", "driver", "typist", "teller", "greeter", "stocker", "dispatcher", "scheduler"])
    static let exempt = WordSet(["research", "graduate", "teaching", "physician", "professor", "postdoctoral", "doctoral", "curatorial",
                                 "editorial", "legal", "dental", "veterinary", "laboratory", "lab", "engineering", "science", "scientific",
                                 "clinical", "anesthesia", "anaesthesia", "surgical", "psychology", "assistant"])
    static let levels = WordSet(["i", "ii", "iii", "iv", "1", "2", "3", "4", "senior", "sr", "lead"])

    static let degreeTerms: TermList = TermList(file: "requirements-degrees.json")

    /// The head noun of a title: the last word before a separator, skipping level marks.
    static func titleIsCovered(_ title: String) -> Bool {
        var b = Array(title.utf8)
        if let cut = b.firstIndex(where: { $0 == .leftParen || $0 == .comma || $0 == .verticalBar || $0 == .slash || $0 == .colon }) { b = Array(b[..<cut]) }
        if let dash = (0..<max(b.count - 2, 0)).first(where: { b[$0] == .space && (b[$0 + 1] == .hyphen || b[$0 + 1] == 0xE2) }) { b = Array(b[..<dash]) }
        var words: [UInt64] = []
        Tokenizer.words(b, 0..<b.count) { words.append(Word.hash(b, $0)) }
        while let l = words.last, levels.contains(l) { words.removeLast() }
        guard let head = words.last, heads.contains(head) else { return false }
        return !words.dropLast().contains(where: { exempt.contains($0) })
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        guard let t = a.title, Self.titleIsCovered(t.text) else { return }
        var seen = Set<Int>()
        let cache = TermList.ContextCache(Self.degreeTerms.contexts.count)
        let req = Self.degreeTerms.context("requirement")!
        for h in Self.degreeTerms.hits(in: a, cache: cache) where seen.insert(h.sentence.lowerBound).inserted {
            // A requirement: a bullet or table cell, or a sentence that requires ("must hold", "required").
            let kind = a.blocks[a.words[h.match.words.lowerBound].block].kind
            guard kind == .listItem || kind == .cell || Self.degreeTerms.contextIn(a, req, h.sentence, cache) else { continue }
            reporter.report("“\(a.string(h.match.range))” is required for a role titled “\(t.text)”; "
                            + "add “or equivalent experience” unless the degree is truly needed.", prose: h.match.range)
        }
    }
}
