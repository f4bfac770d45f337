/// The rule kinds that look at a posting's sections: `required-section`, `forbidden-section`, `capitalization`.

/// Heading matching shared by the section kinds (and offered to `structure/missing-section`).
public enum SectionMatching {
    /// Lowercase letters and digits (non-ASCII kept as is), every other run of characters one space, trimmed:
    /// `"What We Offer:"` → `"what we offer"`.
    public static func normalise<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out: [UInt8] = []
        normalised(bytes) { out.append($0); return true }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hands the bytes of `normalise(bytes)` to `body` one at a time, without building the string; `body` returns
    /// false to stop.
    static func normalised<C: Collection>(_ bytes: C, _ body: (UInt8) -> Bool) where C.Element == UInt8 {
        var started = false
        var space = false
        for c in bytes {
            if Bytes.isASCIILetter(c) || Bytes.isDigit(c) || c >= 0x80 {
                if space && started { guard body(0x20) else { return } }
                guard body(Bytes.lower(c)) else { return }
                started = true
                space = false
            } else {
                space = true
            }
        }
    }

    /// Whether a normalised heading contains a normalised synonym as whole words (`"our benefits"` contains
    /// `"benefits"`; `"benefitsx"` does not).
    public static func heading(_ heading: String, contains synonym: String) -> Bool {
        guard !synonym.isEmpty else { return false }
        return " \(heading) ".contains(" \(synonym) ")
    }

    /// Where a finding about the whole posting goes: the title, else the first block, else the start.
    public static func documentAnchor(_ a: Analysis) -> SourceRange {
        if let t = a.titleBlock { return a.blocks[t].sourceRange }
        if let b = a.blocks.first { return b.sourceRange }
        return SourceRange(at: 0)
    }
}

/// A section a pack requires: the part id, the heading synonyms and field keys that satisfy it, and the profiles
/// it applies to (empty: all). `structure/missing-section` can read these from the registry
/// (`RuleRegistry.packSectionRequirements`) to count a pack's synonyms as that part's headings.
public struct PackSectionRequirement: Sendable, Equatable {
    public var rule: String
    public var part: String
    public var headings: [String]
    public var fields: [String]
    public var profiles: [String]

    /// Normalised synonyms.
    var keys: [String] { headings.map { SectionMatching.normalise(Array($0.utf8)) } }

    /// Whether the posting has this section: a heading containing a synonym, or a field with one of the keys (or
    /// a synonym as its key).
    public func isSatisfied(by a: Analysis) -> Bool {
        let keys = self.keys
        for b in a.blocks where b.kind == .heading {
            let h = SectionMatching.normalise(a.text[b.proseRange])
            if keys.contains(where: { SectionMatching.heading(h, contains: $0) }) { return true }
        }
        let fieldKeys = Set(fields.map { Field.normaliseKey($0) } + headings.map { Field.normaliseKey($0) })
        return a.fields.contains { fieldKeys.contains($0.key) }
    }

    public func applies(to settings: LintSettings) -> Bool { profiles.isEmpty || profiles.contains(where: settings.profiles.contains) }
}

/// Rules that add a required section to the profile.
public protocol DeclaresSectionRequirement {
    var requirement: PackSectionRequirement { get }
}

extension RuleRegistry {
    /// The sections required by pack rules (`required-section`), for `structure/missing-section` and editors.
    public var packSectionRequirements: [PackSectionRequirement] {
        rules.compactMap { ($0 as? any DeclaresSectionRequirement)?.requirement }
    }
}

extension RulePack {
    public var sectionRequirements: [PackSectionRequirement] {
        rules.compactMap { ($0 as? any DeclaresSectionRequirement)?.requirement }
    }
}

/// `required-section`: the posting must have a section (one of the heading synonyms, or a field). With
/// `template`, the fix appends the section to the end of the posting.
struct RequiredSectionRule: Rule, DeclaresSectionRequirement {
    let meta: RuleMeta
    let requirement: PackSectionRequirement
    let template: String?
    let message: String

    init(spec: PackRuleSpec, reader r: NodeReader) throws(ConfigError) {
        try spec.checkKeys(["section", "headings", "fields", "profiles", "template"], r)
        guard let hn = spec.node["headings"] else {
            throw r.error(spec.path, spec.node, "a required-section rule needs \"headings\": [\"Benefits\", \"What we offer\", …]")
        }
        let headings = try r.strings(hn, "\(spec.path).headings")
        guard !headings.isEmpty else { throw r.error("\(spec.path).headings", hn, "expected at least one heading") }
        for (i, h) in headings.enumerated() where SectionMatching.normalise(Array(h.utf8)).isEmpty {
            throw r.error("\(spec.path).headings[\(i)]", hn, "a heading needs a letter or digit")
        }
        let part = try spec.optString("section", r) ?? String(spec.id.split(separator: "/").last!)
        let fields = try spec.node["fields"].map { n throws(ConfigError) in try r.strings(n, "\(spec.path).fields") } ?? []
        let profiles = try spec.node["profiles"].map { n throws(ConfigError) in try r.strings(n, "\(spec.path).profiles") } ?? []
        requirement = PackSectionRequirement(rule: spec.id, part: part, headings: headings, fields: fields, profiles: profiles)
        template = try spec.optString("template", r)
        var meta = spec.meta
        if template != nil && meta.fix == nil { meta.fix = .unsafe }
        if template == nil { meta.fix = nil }
        self.meta = meta
        message = spec.message == "“{match}”" ? "The posting has no “{heading}” section." : spec.message
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        guard requirement.applies(to: context.settings), !requirement.isSatisfied(by: a) else { return }
        let msg = PackRuleSpec.fill(message, ["heading": requirement.headings[0], "section": requirement.part,
                                              "headings": requirement.headings.joined(separator: "”, “"), "match": requirement.headings[0]])
        var fix: Fix?
        if let template, let ap = meta.fix {
            let b = a.document.bytes
            let crlf = b.contains(0x0D)
            var insert = ""
            if let last = b.last, last != 0x0A { insert += "\n" }
            let endsBlank = b.count >= 2 && b[b.count - 1] == 0x0A && (b[b.count - 2] == 0x0A || (b.count >= 3 && b[b.count - 2] == 0x0D && b[b.count - 3] == 0x0A))
            if !b.isEmpty && !endsBlank { insert += "\n" }
            insert += template.hasSuffix("\n") ? template : template + "\n"
            if crlf { insert = insert.replacing("\n", with: "\r\n") }
            fix = Fix(title: "Add a “\(requirement.headings[0])” section", applicability: ap, edits: [.insert(insert, at: b.count)])
        }
        reporter.report(msg, at: SectionMatching.documentAnchor(a), fix: fix)
    }
}

/// `forbidden-section`: a heading that must not appear (“Date of birth”, “Salary history”). With an
/// applicability, the fix removes the section (heading and body, up to the next heading of the same or a higher
/// level) in plain-text and Markdown postings.
struct ForbiddenSectionRule: Rule {
    let meta: RuleMeta
    let headings: [String]
    let keys: [String]
    let message: String

    init(spec: PackRuleSpec, reader r: NodeReader) throws(ConfigError) {
        try spec.checkKeys(["headings"], r)
        guard let hn = spec.node["headings"] else {
            throw r.error(spec.path, spec.node, "a forbidden-section rule needs \"headings\": [\"Date of birth\", …]")
        }
        headings = try r.strings(hn, "\(spec.path).headings")
        guard !headings.isEmpty else { throw r.error("\(spec.path).headings", hn, "expected at least one heading") }
        keys = headings.map { SectionMatching.normalise(Array($0.utf8)) }
        for (i, k) in keys.enumerated() where k.isEmpty { throw r.error("\(spec.path).headings[\(i)]", hn, "a heading needs a letter or digit") }
        meta = spec.meta
        message = spec.message == "“{match}”" ? "Remove the “{match}” section." : spec.message
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let doc = a.document
        for (i, b) in a.blocks.enumerated() where b.kind == .heading {
            let h = SectionMatching.normalise(a.text[b.proseRange])
            guard keys.contains(where: { SectionMatching.heading(h, contains: $0) }) else { continue }
            var fix: Fix?
            if let ap = meta.fix, doc.format == .text || doc.format == .markdown {
                // From the heading's line to the line of the next heading of the same or a higher level.
                var end = doc.bytes.count
                for j in (i + 1)..<a.blocks.count where a.blocks[j].kind == .heading {
                    let nb = a.blocks[j]
                    if b.level == 0 || nb.level == 0 || nb.level <= b.level {
                        end = doc.lines.fullRange(ofLine: doc.lines.lineIndex(containing: nb.sourceRange.lowerBound)).lowerBound
                        break
                    }
                }
                let start = doc.lines.fullRange(ofLine: doc.lines.lineIndex(containing: b.sourceRange.lowerBound)).lowerBound
                if start < end { fix = Fix(title: "Remove the section", applicability: ap, edits: [.remove(SourceRange(start, end))]) }
            }
            reporter.report(PackRuleSpec.fill(message, ["match": a.string(b.proseRange)]), at: b.sourceRange, fix: fix)
        }
    }
}

/// `capitalization`: headings in title case (`Salary and Benefits`) or sentence case (`Salary and benefits`).
/// Words with capitals inside or digits (`iOS`, `AWS`, `401k`), all-caps words and the listed `exceptions` keep
/// their case; the first word after a colon or a sentence end may be either. The document title is skipped unless
/// `includeTitle` is true.
struct CapitalizationRule: Rule {
    enum Style: String { case title, sentence }
    let meta: RuleMeta
    let style: Style
    /// Lowercased exception → as written.
    let exceptions: [String: [UInt8]]
    let levels: Set<Int>?
    let includeTitle: Bool
    let message: String

    static let smallWords: Set<String> = ["a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
                                          "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "over"]

    init(spec: PackRuleSpec, reader r: NodeReader) throws(ConfigError) {
        try spec.checkKeys(["style", "exceptions", "levels", "includeTitle"], r)
        guard let sn = spec.node["style"] else { throw r.error(spec.path, spec.node, "a capitalization rule needs \"style\": \"title\" or \"sentence\"") }
        guard let st = Style(rawValue: try r.string(sn, "\(spec.path).style")) else {
            throw r.error("\(spec.path).style", sn, "expected \"title\" or \"sentence\"")
        }
        style = st
        var ex: [String: [UInt8]] = [:]
        if let en = spec.node["exceptions"] { for w in try r.strings(en, "\(spec.path).exceptions") { ex[w.lowercased()] = Array(w.utf8) } }
        exceptions = ex
        if let ln = spec.node["levels"] {
            var s = Set<Int>()
            for (i, n) in try r.array(ln, "\(spec.path).levels").enumerated() {
                let v = try r.int(n, "\(spec.path).levels[\(i)]")
                guard (0...6).contains(v) else { throw r.error("\(spec.path).levels[\(i)]", n, "heading levels are 1 to 6 (0: headings inferred in plain text)") }
                s.insert(v)
            }
            levels = s
        } else {
            levels = nil
        }
        includeTitle = try spec.optBool("includeTitle", r) ?? false
        var meta = spec.meta
        if meta.fix == nil { meta.fix = .unsafe }
        self.meta = meta
        message = spec.message == "“{match}”" ? "Write headings in \(st.rawValue) case: “{expected}”." : spec.message
    }

    /// The heading as it should be written (same byte length: only ASCII first letters change case).
    func expected(_ t: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var out = Array(t[range])
        var words: [Range<Int>] = []
        Tokenizer.words(t, range) { words.append($0) }
        for (k, w) in words.enumerated() {
            let bytes = Array(t[w])
            let lower = String(decoding: bytes.map(Bytes.lower), as: UTF8.self)
            let o = w.lowerBound - range.lowerBound
            // Part of an address, file name or handle (a.pursey@nhs.net, data/pay_ranges.yml): leave as written.
            if CapitalizationRule.inCode(t, w, range) { continue }
            if let e = exceptions[lower], e.count == bytes.count {
                for (j, c) in e.enumerated() { out[o + j] = c }
                continue
            }
            let first = bytes[0]
            guard Bytes.isASCIILetter(first) else { continue }
            let rest = bytes.dropFirst()
            // iOS, AWS, JavaScript, 401k: keep.
            if rest.contains(where: { Bytes.isUpper($0) || Bytes.isDigit($0) }) { continue }
            if bytes.contains(where: { $0 >= 0x80 }) && Bytes.isUpper(first) && style == .sentence { continue }
            // After a colon (or at the start) either case is fine for later words; the first word is capitalised.
            var p = w.lowerBound
            while p > range.lowerBound && (t[p - 1] == 0x20 || t[p - 1] == 0x22 || t[p - 1] == 0x28) { p -= 1 }
            // After a colon, a sentence end or a spaced dash, a new phrase starts: either case is fine.
            let afterColon = p > range.lowerBound && (t[p - 1] == 0x3A || t[p - 1] == 0x2E || t[p - 1] == 0x21 || t[p - 1] == 0x3F
                                                      || (t[p - 1] == 0x2D && p - 1 > range.lowerBound && t[p - 2] == 0x20))
            if k == 0 {
                out[o] = Bytes.isLower(first) ? first - 0x20 : first
                continue
            }
            if afterColon { continue }
            // A one-letter capital ("I", "Plan B") keeps its case.
            if bytes.count == 1 && Bytes.isUpper(first) { continue }
            let capitalise: Bool
            switch style {
            case .title: capitalise = !CapitalizationRule.smallWords.contains(lower) || k == words.count - 1
            case .sentence: capitalise = false
            }
            // In title case, a hyphenated second part ("Full-time") may stay lower case.
            if style == .title && w.lowerBound > range.lowerBound && t[w.lowerBound - 1] == 0x2D { continue }
            if capitalise { out[o] = Bytes.isLower(first) ? first - 0x20 : first } else { out[o] = Bytes.lower(first) }
        }
        return out
    }

    /// Whether the white-space-delimited token around a word contains `@`, `/`, `_`, `\\` or an inner period.
    static func inCode(_ t: [UInt8], _ w: Range<Int>, _ range: Range<Int>) -> Bool {
        var lo = w.lowerBound, hi = w.upperBound
        while lo > range.lowerBound && !Bytes.isWhitespace(t[lo - 1]) { lo -= 1 }
        while hi < range.upperBound && !Bytes.isWhitespace(t[hi]) { hi += 1 }
        for i in lo..<hi {
            let c = t[i]
            if c == 0x40 || c == 0x2F || c == 0x5F || c == 0x5C { return true }
            if c == 0x2E && i + 1 < hi && (Bytes.isASCIILetter(t[i + 1]) || Bytes.isDigit(t[i + 1])) { return true }
        }
        return false
    }

    /// Headings that read like sentences (ending in a period, or long) are paragraphs a front end took for
    /// headings, or titles of another kind: not checked.
    static func isSentenceLike(_ a: Analysis, _ b: Block) -> Bool {
        let t = a.text
        var e = b.proseRange.upperBound
        while e > b.proseRange.lowerBound && Bytes.isWhitespace(t[e - 1]) { e -= 1 }
        if e > b.proseRange.lowerBound && (t[e - 1] == 0x2E || t[e - 1] == 0x21) { return true }
        var n = 0
        Tokenizer.words(t, b.proseRange) { _ in n += 1 }
        return n > 12
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        for (i, b) in a.blocks.enumerated() where b.kind == .heading {
            if i == a.titleBlock && !includeTitle { continue }
            if let levels, !levels.contains(b.level) { continue }
            if CapitalizationRule.isSentenceLike(a, b) { continue }
            let want = expected(t, b.proseRange)
            guard !want.elementsEqual(t[b.proseRange]) else { continue }
            var edits: [ProseEdit] = []
            for (j, c) in want.enumerated() where c != t[b.proseRange.lowerBound + j] {
                let p = b.proseRange.lowerBound + j
                edits.append(.replace(p..<(p + 1), with: String(decoding: [c], as: UTF8.self)))
            }
            let exp = String(decoding: want, as: UTF8.self)
            reporter.report(PackRuleSpec.fill(message, ["match": a.string(b.proseRange), "expected": exp, "style": style.rawValue]),
                            prose: b.proseRange, fix: meta.fix.map { ProseFix("Change to “\(exp)”", $0, edits) })
        }
    }
}
