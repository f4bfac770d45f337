/// `requirements/too-many`: a wish list longer than anyone meets.
struct TooManyRequirementsRule: Rule {
    let meta = RuleMeta(
        id: "requirements/too-many",
        summary: "Keep the list of required items short: at most 12.",
        explanation: """
            Long lists of “requirements” shrink the pool of applicants more than they raise its quality: many \
            people apply only when they meet nearly every item. The rule counts the bullet points under \
            requirement headings (“Requirements”, “Qualifications”, “What you'll need”, “About you”, \
            “Essential”…), but not under “Nice to have”, “Preferred” or “Desirable”, and compares the count with a \
            maximum. Not counted: sub-bullets (they detail their item), items marked optional (“… is a plus”, \
            “an asset”, “preferred”), conditions of employment (citizenship, a background check) and instructions \
            about the résumé, and lists under headings that name another part (benefits, how to apply) even inside \
            a requirements section. A lead-in paragraph (“Preferred:”, “Essential:”, “Bonus points for”) switches \
            the kind of the bullets after it. With `ratio`, the count is also compared (from 8 required items on) \
            with the bullet points under responsibility headings (“Responsibilities”, “What you'll do”, “Duties”…); \
            that comparison is off by default, since a few dense duties can fairly ask for many skills. Move what \
            is not truly required to a “Nice to have” list. Off by default (preview): judged blind on real postings, \
            its count of required items was wrong too often (lists run together, duplicated text, split items); \
            turn it on with `"requirements/too-many": "warning"` in `.jdlint.json` or `--select requirements/too-many`.
            """,
        defaultSeverity: .warning,
        enabledByDefault: false,
        triggering: [
            RuleExample("## What you'll do\n\n- Build\n- Test\n- Ship\n\n## ↓Requirements\n\n- a\n- b\n- c\n- d\n- e\n- f\n- g\n- h\n",
                        format: .markdown, options: JSONObject([("ratio", .int(2))])),
            RuleExample("## ↓Requirements\n\n- a\n- b\n- c\n- d\n- Python is a plus\n\n### Our offer\n\n- pension\n", format: .markdown,
                        options: JSONObject([("max", .int(3))])),
            RuleExample("## ↓Qualifications\n\n- a\n- b\n- c\n- d\n\n### Technical\n\n- e\n", format: .markdown, options: JSONObject([("max", .int(4))])),
        ],
        nonTriggering: [
            RuleExample("## What you'll do\n\n- Build\n- Test\n\n## Requirements\n\n- a\n- b\n- c\n- d\n\n## Nice to have\n\n- e\n- f\n",
                        format: .markdown),
            RuleExample("## Requirements\n\n- a\n- b\n- c\n- d\n- e\n\n## Preferred qualifications\n\n- f\n- g\n", format: .markdown,
                        options: JSONObject([("max", .int(5))])),
            RuleExample("## Qualifications\n\nRequired:\n\n- a\n- b\n\nPreferred:\n\n- c\n- d\n- e\n", format: .markdown,
                        options: JSONObject([("max", .int(2))])),
            RuleExample("## Essential functions\n\n- a\n- b\n- c\n", format: .markdown, options: JSONObject([("max", .int(2))])),
            RuleExample("## Duties\n\n- a\n\n## Requirements\n\n- b\n- c\n- d\n", format: .markdown, options: JSONObject([("ratio", .int(2))])),
            RuleExample("## What you'll do\n\n- Build\n\n## Requirements\n\n- a\n- b\n- c\n- d\n- e\n- f\n- g\n- h\n", format: .markdown),
            RuleExample("## Requirements\n\n- a\n- b\n- Go is a plus\n- Rust is an asset\n- U.S. citizenship\n", format: .markdown,
                        options: JSONObject([("max", .int(2))])),
            RuleExample("## Requirements\n\n- a\n- b\n  - b1\n  - b2\n\n### Benefits\n\n- pension\n- leave\n", format: .markdown,
                        options: JSONObject([("max", .int(2))])),
            RuleExample("## Requirements\n\n- a\n- b\n\nBonus points for experience in\n\n- c\n- d\n", format: .markdown,
                        options: JSONObject([("max", .int(2))])),
            RuleExample("## Requirements\n\n- a\n- b\n- Bonus points for experience in:\n- c\n- d\n", format: .markdown,
                        options: JSONObject([("max", .int(2))])),
            // The ideal candidate's traits describe an ideal, not requirements.
            RuleExample("## Requirements\n\n- a\n- b\n\nThe ideal candidate will encompass the following:\n\n- c\n- d\n", format: .markdown,
                        options: JSONObject([("max", .int(2))])),
            // A lead-in governs only the list after it: the benefits list that follows is not a requirement.
            RuleExample("# Nurse\n\nThe skills required are:\n\n- a\n- b\n\nWhat can we offer you?\n\n- pension\n- leave\n\n\n* gym\n* parking\n",
                        format: .markdown, options: JSONObject([("max", .int(2))])),
            // Benefits run on into the requirements list.
            RuleExample("<h1>Nurse</h1><h2>Skills</h2><ul><li>a</li><li>b</li><li>Company pension scheme</li><li>Get paid weekly</li></ul>",
                        format: .html, options: JSONObject([("max", .int(2))])),
        ],
        options: [
            RuleOption("max", .integer(minimum: 0), default: 12, "most required items before a finding"),
            RuleOption("ratio", .number(minimum: 0), default: 0, "most required items per responsibility item (0: off)"),
        ])

    /// The item words, from `Rules/requirements-items.json` (what each list means is said there). What kind of list
    /// a heading introduces is the section catalogue's answer (`SectionCatalog.listHeading`).
    static let itemData = RuleData.json("requirements-items.json")

    static func itemWords(_ key: String) -> [String] {
        guard let items = itemData[key]?.arrayValue else {
            preconditionFailure("Rules/requirements-items.json has no list \"\(key)\"")
        }
        return items.compactMap(\.stringValue)
    }

    /// An item that is not a requirement an applicant could be spared: marked optional ("… is a plus", "an asset",
    /// "preferred"), a legal condition of employment (citizenship, a background check), or an instruction about the
    /// application itself (the résumé's format).
    static let itemOptional = itemWords("optionalItem").map { Array($0.utf8) }
    static let itemCondition = itemWords("conditionItem").map { Array($0.utf8) }

    /// An item that names a benefit (a pension, holiday, parking, “get paid weekly”): a benefits list run on into
    /// the requirements, not a requirement.
    static func isBenefit(_ a: Analysis, _ block: Int) -> Bool {
        var found = false
        benefitCues.forEachMatch(in: a.phraseText(block: block)) { _ in found = true; return false }
        return found
    }
    static let benefitCues = PhraseSet((SectionCatalog.byID["benefits"]?.cues ?? []) + ["get paid", "paid weekly", "free meals",
                                                                                          "free uniform", "discount", "discounts"].map { Phrase($0) })

    static func countsAsRequired(_ item: [UInt8]) -> Bool {
        let h = item.map(Bytes.lower)
        return !itemOptional.contains(where: { Bytes.contains(h, $0) }) && !itemCondition.contains(where: { Bytes.contains(h, $0) })
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let maxItems = context.int("max", default: 12)
        let ratio = context.double("ratio", default: 0)
        var required = 0, duties = 0
        var firstRequired: Int?
        var stack: [(level: Int, kind: ListKind)] = []
        for s in a.sections {
            guard let h = s.heading else { continue }
            while let last = stack.last, last.level >= s.level { stack.removeLast() }
            let c = SectionCatalog.listHeading(a.string(block: h))
            var kind = c.kind
            if kind == .other && c.inherits, let parent = stack.last { kind = parent.kind }
            stack.append((s.level, kind))
            // Lead-in paragraphs ("Essential:", "Preferred knowledge, skills, and abilities:", "Bonus points for")
            // switch the kind of the bullets that follow them.
            var current = kind
            var label = h
            // A lead-in governs the list right after it; the section's own kind resumes after that list.
            var leadIn = false
            var leadList: Int?
            // Only the items of the outermost list level count: sub-bullets detail their item.
            var topLevel = Int.max
            for bi in s.body where a.blocks[bi].kind == .listItem { topLevel = min(topLevel, a.blocks[bi].level) }
            for bi in s.body {
                let b = a.blocks[bi]
                if b.kind == .listItem {
                    if leadIn {
                        if leadList == nil { leadList = b.listID } else if b.listID != leadList && b.level == topLevel {
                            leadIn = false
                            leadList = nil
                            current = kind
                            label = h
                        }
                    }
                    guard b.level == topLevel else { continue }
                    // An item that is itself a lead-in to optional items (“* Bonus points for experience in:”).
                    if let last = a.text[b.proseRange].last(where: { !Bytes.isWhitespace($0) }), last == .colon,
                       SectionCatalog.listKind(of: a.string(b.proseRange)) == .optional {
                        current = .optional
                        leadIn = true
                        leadList = b.listID
                        continue
                    }
                    switch current {
                    case .required:
                        guard Self.countsAsRequired(Array(a.text[b.proseRange])), !Self.isBenefit(a, bi) else { continue }
                        if firstRequired == nil { firstRequired = label }
                        required += 1
                    case .duties: duties += 1
                    default: break
                    }
                } else if b.kind == .paragraph, b.proseRange.count < 120 {
                    var e = b.proseRange.upperBound
                    while e > b.proseRange.lowerBound && Bytes.isWhitespace(a.text[e - 1]) { e -= 1 }
                    guard e > b.proseRange.lowerBound else { continue }
                    let c = SectionCatalog.listHeading(a.string(b.proseRange))
                    let endsLead = a.text[e - 1] == .colon || a.text[e - 1] == .question
                    // A lead-in that ends with a colon (or asks “What can we offer you?”) switches to any kind, and
                    // one naming another part (“Benefits:”) to none; one without (“Top candidates will also have”,
                    // “Bonus points for experience in”) only to optional.
                    if endsLead ? (c.kind != .other || !c.inherits) : (c.kind == .optional || !c.inherits) {
                        current = c.kind
                        label = bi
                        leadIn = true
                        leadList = nil
                    } else if leadIn && leadList != nil {
                        // A paragraph after the lead-in's items ends its list (“…and more. Why join us? We'll offer”).
                        leadIn = false
                        leadList = nil
                        current = kind
                        label = h
                    }
                }
            }
        }
        guard let h = firstRequired else { return }
        var reasons: [String] = []
        if required > maxItems { reasons.append("\(required) required items (more than \(maxItems))") }
        if ratio > 0 && duties > 0 && required >= 8 && Double(required) > ratio * Double(duties) {
            reasons.append("\(required) required items for \(duties) responsibilit\(duties == 1 ? "y" : "ies") (more than \(ratio == ratio.rounded() ? String(Int(ratio)) : String(ratio)):1)")
        }
        guard !reasons.isEmpty else { return }
        reporter.report("Too many requirements: \(reasons.joined(separator: "; ")). Move what is not essential to a “Nice to have” list.",
                        prose: a.blocks[h].proseRange)
    }
}
