/// Helpers shared by the pay rules.
enum SalarySupport {
    /// Where a finding about the whole posting goes: the title, else the first block, else the start of the file.
    static func documentAnchor(_ a: Analysis) -> SourceRange {
        if let t = a.title, !t.range.isEmpty { return t.range }
        if let b = a.blocks.first { return a.sourceRange(b.proseRange) }
        return SourceRange(at: 0)
    }

    /// The selected profiles whose pay requirement `key` is `true`.
    static func profiles(_ s: LintSettings, requiring key: String) -> [Profile] {
        s.selectedProfiles.filter { $0.pay[key]?.boolValue == true }
    }

    /// How messages name the profiles: each law with its section (`Colorado (C.R.S. § 8-5-201(2))`), else the
    /// profile's name; joined with `, `.
    static func names(_ ps: [Profile]) -> String { ps.map(\.label).joined(separator: ", ") }

    /// The built-in profiles whose pay requirement `key` is `true`, each with its legal basis (for explanations).
    static func bases(_ key: String) -> String {
        let ps = Profile.names.compactMap { Profile.builtin[$0] }.filter { $0.pay[key]?.boolValue == true }
        guard !ps.isEmpty else { return "" }
        return "\n\nProfiles that require it (`--profile NAME`, combinable):\n"
            + ps.map { "- `\($0.name)`: \($0.basis)" }.joined(separator: "\n")
    }

    /// A statement read from front matter (`salary_min: '134,789'`): data that a site's template renders, with
    /// its currency and period, not text a reader sees as written. The currency and period rules leave it alone.
    static func isFrontMatterData(_ a: Analysis, _ s: PayStatement) -> Bool {
        if case .field(let i) = s.origin, i < a.fields.count, a.fields[i].origin == .frontMatter { return true }
        return false
    }

    /// Reports at a pay statement: its prose range, or the structured field it was read from.
    static func report(_ reporter: inout Reporter, _ s: PayStatement, _ message: String,
                       fix: ProseFix? = nil) {
        if s.inProse { reporter.report(message, prose: s.proseRange, fix: fix) } else { reporter.report(message, at: s.sourceRange) }
    }

    /// Digits grouped by three with `sep` (`64334` → `64,334`).
    static func grouped(_ digits: [UInt8], sep: String) -> String {
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += sep }
            out.unicodeScalars.append(Unicode.Scalar(d))
        }
        return out
    }

    /// The thousands separator the posting uses most (`,` when it uses none).
    static func houseSeparator(_ a: Analysis) -> String {
        var counts: [UInt8: Int] = [:]
        for p in a.pay where p.inProse { for m in p.amounts { if let g = m.groupSeparator, m.groupingValid { counts[g, default: 0] += 1 } } }
        guard let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key != .comma) }) else { return "," }
        switch best.key {
        case .period: return "."
        case .space: return " "
        case .apostrophe: return "'"
        default: return ","
        }
    }

    /// The digits of an amount's integer part as written (separators dropped).
    static func integerDigits(_ a: Analysis, _ m: PayAmount) -> [UInt8] {
        let t = a.text
        var out: [UInt8] = []
        var k = m.range.lowerBound
        var seen = 0
        while k < m.range.upperBound && seen < m.integerDigits {
            if Bytes.isDigit(t[k]) { out.append(t[k]); seen += 1 }
            k += 1
        }
        return out
    }

    /// Prose range of an amount's integer part (digits and group separators).
    static func integerRange(_ a: Analysis, _ m: PayAmount) -> Range<Int> {
        let t = a.text
        var k = m.range.lowerBound
        var seen = 0
        while k < m.range.upperBound && seen < m.integerDigits {
            if Bytes.isDigit(t[k]) { seen += 1 }
            k += 1
        }
        return m.range.lowerBound..<k
    }

    /// Words that say pay (for context checks by the rules).
    static let payWords = Keywords.set(["salary", "salaries", "pay", "wage", "wages", "compensation", "remuneration", "rate", "rates",
                                        "stipend", "earnings", "package", "ote", "income", "paid"])

    /// `true` when the block holding `range` is about pay: a pay field, or pay words in its sentence.
    static func payContext(_ a: Analysis, sentence: Sentence) -> Bool {
        if let k = a.blocks[sentence.block].fieldKey, Keywords.isPayKey(k) { return true }
        var i = a.wordIndex(atOrAfter: sentence.range.lowerBound)
        while i < a.words.count && a.words[i].range.lowerBound < sentence.range.upperBound {
            if payWords.contains(a.words[i].hash) { return true }
            i += 1
        }
        // The heading of the section.
        return false
    }
}
