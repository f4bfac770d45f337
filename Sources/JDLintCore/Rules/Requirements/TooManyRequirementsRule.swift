/// `requirements/too-many`: a wish list longer than anyone meets.
struct TooManyRequirementsRule: Rule {
    let meta = RuleMeta(
        id: "requirements/too-many",
        summary: "Keep the list of required items short: at most 12, and not more than twice the responsibilities.",
        explanation: """
            Long lists of “requirements” shrink the pool of applicants more than they raise its quality: many \
            people apply only when they meet nearly every item. The rule counts the bullet points under \
            requirement headings (“Requirements”, “Qualifications”, “What you'll need”, “About you”, \
            “Essential”…), but not under “Nice to have”, “Preferred” or “Desirable”, and compares the count with a \
            maximum and (from 8 required items on) with the number of bullet points under responsibility headings (“Responsibilities”, \
            “What you'll do”, “Duties”…). A lead-in paragraph (“Preferred:”, “Essential:”) switches the \
            kind of the bullets after it. Move what is not truly required to a “Nice to have” list.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("## What you'll do\n\n- Build\n- Test\n- Ship\n\n## ↓Requirements\n\n- a\n- b\n- c\n- d\n- e\n- f\n- g\n- h\n",
                        format: .markdown),
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
            RuleExample("## Duties\n\n- a\n\n## Requirements\n\n- b\n- c\n- d\n", format: .markdown),
        ],
        options: [
            ("max", "most required items before a finding (default 12)"),
            ("ratio", "most required items per responsibility item (default 2; 0 turns the comparison off)"),
        ])

    enum Kind { case required, optional, duties, other }

    static func normalise(_ s: String) -> String {
        s.lowercased().replacing("’", with: "'")
    }

    static let optionalMarks = ["preferred", "nice to have", "nice-to-have", "bonus", "desirable", "desired", "plus", "pluses",
                                "additional", "would be great", "not required", "optional", "extra credit", "advantage",
                                "ideally", "helpful", "good to have", "great to have", "even better", "brownie points", "not all", "some of",
                                "still be considered", "don't meet every", "do not meet every", "not necessarily", "meets many",
                                "most of", "any of"]
    static let requiredMarks = ["requirement", "qualification", "what you'll need", "what you will need", "what you need",
                                "what we're looking for", "what we are looking for", "who you are", "about you", "you have",
                                "you'll have", "you will have", "you bring", "you'll bring", "what you bring", "skills", "experience",
                                "must have", "must-have", "essential", "competenc", "person specification", "knowledge",
                                "ideal candidate", "your profile", "criteria", "who we're looking for", "who we are looking for",
                                "you should have", "you are", "you're"]
    static let dutyMarks = ["responsibilit", "duties", "what you'll do", "what you will do", "what you'll be doing",
                            "what you will be doing", "the role", "your role", "in this role", "day to day", "day-to-day",
                            "key tasks", "tasks", "accountabilit", "your impact", "the job", "what the job involves",
                            "main purpose", "you will", "you'll", "functions", "what you will achieve", "what you'll achieve"]

    static let optionalBytes = optionalMarks.map { Array($0.utf8) }
    static let requiredBytes = requiredMarks.map { Array($0.utf8) }
    static let dutyBytes = dutyMarks.map { Array($0.utf8) }
    static let notDuties = ["you'll need", "you will need", "you'll have", "you will have", "you'll bring"].map { Array($0.utf8) }

    static func classify(_ heading: String) -> Kind {
        // Bytes, not String searches (about 60 marks a heading): an ASCII heading lower-cased byte by byte, any other
        // through `normalise` (Unicode lower case, ’ as ').
        let h: [UInt8] = heading.utf8.allSatisfy { $0 < 0x80 } ? heading.utf8.map(Bytes.lower) : Array(normalise(heading).utf8)
        func any(_ marks: [[UInt8]]) -> Bool { marks.contains { Bytes.contains(h, $0) } }
        let optional = any(optionalBytes)
        // A long heading that is a sentence ("… is a trust that truly cares about you.") is not a section label.
        var n = 0
        for c in h where c == 0x20 { n += 1 }
        if n >= 9 && h.last != 0x3A && !optional { return .other }
        if optional { return .optional }
        if any(dutyBytes) && !any(notDuties) { return .duties }
        if any(requiredBytes) { return .required }
        return .other
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let maxItems = context.int("max", default: 12)
        let ratio = context.double("ratio", default: 2)
        var required = 0, duties = 0
        var firstRequired: Int?
        var stack: [(level: Int, kind: Kind)] = []
        for s in a.sections {
            guard let h = s.heading else { continue }
            while let last = stack.last, last.level >= s.level { stack.removeLast() }
            var kind = Self.classify(a.string(block: h))
            if kind == .other, let parent = stack.last { kind = parent.kind }
            stack.append((s.level, kind))
            // Lead-in paragraphs ("Essential:", "Preferred knowledge, skills, and abilities:") switch the kind of the
            // bullets that follow them.
            var current = kind
            var label = h
            for bi in s.body {
                let b = a.blocks[bi]
                if b.kind == .listItem {
                    switch current {
                    case .required:
                        if firstRequired == nil { firstRequired = label }
                        required += 1
                    case .duties: duties += 1
                    default: break
                    }
                } else if b.kind == .paragraph, b.proseRange.count < 120 {
                    // only a lead-in that ends with a colon ("Essential:", "Preferred skills:")
                    var e = b.proseRange.upperBound
                    while e > b.proseRange.lowerBound && Bytes.isWhitespace(a.text[e - 1]) { e -= 1 }
                    guard e > b.proseRange.lowerBound, a.text[e - 1] == 0x3A else { continue }
                    let k = Self.classify(a.string(b.proseRange))
                    if k != .other { current = k; label = bi }
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
