// Properties read from the posting's sections (responsibilities, qualifications, benefits…) and experience.

extension FactsReader {
    // MARK: sections

    static let responsibilitiesKeys: Set<String> = ["responsibilities", "duties", "tasks", "accountabilities", "jobduties"]
    static let qualificationsKeys: Set<String> = ["requirements", "qualifications", "skills", "qualificationsrequired", "skillsrequired",
                                                  "requiredskills", "requiredqualifications", "musthave"]
    static let educationKeys: Set<String> = ["education", "educationrequirements", "educationrequired", "educationrequirement"]
    static let benefitsKeys: Set<String> = ["benefits", "perks", "jobbenefits"]
    static let educationWord = Word.hash("education")
    static let educationalWord = Word.hash("educational")

    /// Sections whose heading (or `Label:`) names responsibilities, requirements, education or benefits, and
    /// the same parts given as fields.
    mutating func sections() {
        for (keys, property) in [(Self.responsibilitiesKeys, "responsibilities"), (Self.qualificationsKeys, "qualifications"),
                                 (Self.educationKeys, "educationRequirements"), (Self.benefitsKeys, "jobBenefits")] {
            if let f = field(keys) { add(property, .string(f.value.trimmed), f.valueRange) }
        }
        let blocks = a.blocks
        var i = 0
        while i < blocks.count {
            let b = blocks[i]
            var label: Range<Int>?
            var inline: Range<Int>?
            var bodyStart = i + 1
            if b.kind == .heading {
                if i != a.titleBlock { label = b.proseRange }
            } else if b.kind == .paragraph || b.kind == .listItem {
                if let l = SectionCatalog.leadLabel(t, b.proseRange) {
                    label = l
                    var k = l.upperBound + 1
                    while k < b.proseRange.upperBound && Bytes.isWhitespace(t[k]) { k += 1 }
                    if k < b.proseRange.upperBound { inline = k..<b.proseRange.upperBound }
                } else if let l = SectionCatalog.lineLabel(t, b.proseRange) {
                    label = l
                    var k = l.upperBound
                    while k < b.proseRange.upperBound && Bytes.isWhitespace(t[k]) { k += 1 }
                    if k < b.proseRange.upperBound { inline = k..<b.proseRange.upperBound }
                } else if b.kind == .paragraph, i + 1 < blocks.count, blocks[i + 1].kind == .paragraph || blocks[i + 1].kind == .listItem {
                    label = SectionCatalog.blockLabel(t, b.proseRange)
                }
            }
            guard let l = label else { i += 1; continue }
            let ids = partIDs(l)
            guard let property = Self.property(ids, education: isEducation(l)) else { i += 1; continue }
            // The body: the rest of a `Label:` block, or the blocks up to the next heading or labelled block.
            var ranges: [Range<Int>] = []
            if let r = inline {
                ranges.append(r)
                bodyStart = i + 1
                // A `Label:` with a list under it (“Responsibilities: ⏎ • …”) in the same block is covered by `inline`.
            }
            var j = bodyStart
            if inline == nil || b.kind == .heading {
                // A section that is a list ends with its list (a paragraph after it is the posting going on).
                let isList = j < blocks.count && blocks[j].kind == .listItem
                while j < blocks.count {
                    let n = blocks[j]
                    if n.kind == .heading || n.kind == .field { break }
                    if isList && n.kind != .listItem { break }
                    if startsPart(j) { break }
                    ranges.append(n.proseRange)
                    j += 1
                }
            }
            if !ranges.isEmpty {
                let text = ranges.map { proseText($0).trimmed }.filter { !$0.isEmpty }.joined(separator: "\n")
                if !text.isEmpty {
                    let src = a.sourceRange(ranges[0].lowerBound..<ranges[ranges.count - 1].upperBound)
                    add(property, .string(text), src)
                }
            }
            i = max(i + 1, j)
        }
    }

    /// The text of a prose range as written: code the prose holds as U+FFFC (`Figma` in backticks, `{{ x }}`)
    /// comes back from the source, without its backticks.
    func proseText(_ r: Range<Int>) -> String {
        let mapped = a.prose.text
        let src = a.document.bytes
        var out: [UInt8] = []
        var k = r.lowerBound
        while k < r.upperBound {
            if k + 2 < r.upperBound || k + 2 < t.count, t[k] == 0xEF, k + 2 < t.count, t[k + 1] == 0xBF, t[k + 2] == 0xBC {
                let s = mapped.sourceRange(k..<(k + 3))
                if s.upperBound <= src.count {
                    out.append(contentsOf: src[s.offsets].filter { $0 != .backtick })
                }
                k += 3
                continue
            }
            out.append(t[k])
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The part ids a label names.
    func partIDs(_ l: Range<Int>) -> [String] {
        SectionCatalog.parts(forHeading: PhraseText(t[SectionCatalog.stripNumbering(t, l)]))
    }

    func isEducation(_ l: Range<Int>) -> Bool {
        var found = false
        Tokenizer.words(t, l) { r in
            let h = Word.hash(t, r)
            if h == Self.educationWord || h == Self.educationalWord { found = true }
        }
        return found
    }

    static func property(_ ids: [String], education: Bool) -> String? {
        if education { return "educationRequirements" }
        if ids.contains("responsibilities") { return "responsibilities" }
        if ids.contains("requirements") { return "qualifications" }
        if ids.contains("benefits") { return "jobBenefits" }
        return nil
    }

    /// Block `j` starts a part of its own: a label (`Benefits:`, a bold paragraph) naming any part.
    func startsPart(_ j: Int) -> Bool {
        let blocks = a.blocks
        let b = blocks[j]
        guard b.kind == .paragraph || b.kind == .listItem else { return false }
        var l = SectionCatalog.leadLabel(t, b.proseRange) ?? SectionCatalog.lineLabel(t, b.proseRange)
        if l == nil, b.kind == .paragraph, j + 1 < blocks.count, blocks[j + 1].kind == .paragraph || blocks[j + 1].kind == .listItem {
            l = SectionCatalog.blockLabel(t, b.proseRange)
        }
        guard let label = l else { return false }
        return !partIDs(label).isEmpty
    }

    // MARK: experience

    mutating func experience() {
        guard let d = YearsDemand.find(in: a).first(where: { $0.experience && !$0.conditional && $0.min > 0 }) else { return }
        add("experienceRequirements", ["@type": "OccupationalExperienceRequirements", "monthsOfExperience": .int(d.min * 12)],
            a.sourceRange(d.range))
    }
}
