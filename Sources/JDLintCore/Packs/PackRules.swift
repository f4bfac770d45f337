/// The rule kinds `pattern`, `consistency` and `occurrence`.

extension PackRuleSpec {
    /// An optional string key.
    func optString(_ key: String, _ r: NodeReader) throws(ConfigError) -> String? {
        try node[key].map { n throws(ConfigError) in try r.string(n, "\(path).\(key)") }
    }

    func optBool(_ key: String, _ r: NodeReader) throws(ConfigError) -> Bool? {
        guard let n = node[key] else { return nil }
        guard case .bool(let b) = n.kind else { throw r.error("\(path).\(key)", n, "expected true or false") }
        return b
    }

    func optInt(_ key: String, _ r: NodeReader, min: Int = 0) throws(ConfigError) -> Int? {
        guard let n = node[key] else { return nil }
        let v = try r.int(n, "\(path).\(key)")
        guard v >= min else { throw r.error("\(path).\(key)", n, "expected an integer ≥ \(min)") }
        return v
    }

    /// A string or an array of strings.
    func stringOrStrings(_ key: String, _ r: NodeReader) throws(ConfigError) -> [String]? {
        guard let n = node[key] else { return nil }
        if let s = n.stringValue { return [s] }
        let a = try r.strings(n, "\(path).\(key)")
        guard !a.isEmpty else { throw r.error("\(path).\(key)", n, "expected at least one entry") }
        return a
    }

    /// Compiles `pattern` (a string or an array of alternatives), reporting syntax errors at the exact entry.
    func compilePattern(_ r: NodeReader, required: Bool) throws(ConfigError) -> (PackPattern, [String])? {
        guard let sources = try stringOrStrings("pattern", r) else {
            if required { throw r.error(path, node, "a \(kind) rule needs \"pattern\": \"…\" (or an array of patterns)") }
            return nil
        }
        let cs = try optBool("caseSensitive", r) ?? false
        do throws(PatternCompileError) {
            return (try PackPattern(sources, caseSensitive: cs), sources)
        } catch {
            let n = node["pattern"]
            let p: String
            let at: JSONNode?
            if let n, case .array(let items) = n.kind {
                p = "\(path).pattern[\(error.index)]"
                at = items[error.index]
            } else {
                p = "\(path).pattern"
                at = n
            }
            throw r.error(p, at, "\(error.error.message) (at character \(error.error.offset + 1) of “\(sources[error.index])”)")
        }
    }
}

/// `pattern`: flags every match of a linear-time pattern; with `replacement`, offers to replace it (keeping case).
struct PatternRule: Rule {
    let meta: RuleMeta
    let pattern: PackPattern
    let message: String
    let replacement: String?
    let advice: String

    init(spec: PackRuleSpec, reader r: NodeReader) throws(ConfigError) {
        try spec.checkKeys(["pattern", "caseSensitive", "replacement", "advice"], r)
        pattern = try spec.compilePattern(r, required: true)!.0
        replacement = try spec.optString("replacement", r)
        advice = try spec.optString("advice", r) ?? ""
        var meta = spec.meta
        if replacement != nil && meta.fix == nil { meta.fix = .unsafe }
        if replacement == nil { meta.fix = nil }
        self.meta = meta
        message = spec.message
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        for m in pattern.matches(in: a.text) {
            let text = a.string(m.range)
            if let replacement, let ap = meta.fix {
                let rep = PhraseMatcher.matchCase(replacement, like: text)
                reporter.report(PackRuleSpec.fill(message, ["match": text, "replacement": rep, "advice": advice]), prose: m.range,
                                fix: .replace(m.range, with: rep, title: "Replace with “\(rep)”", ap))
            } else {
                reporter.report(PackRuleSpec.fill(message, ["match": text, "replacement": "", "advice": advice]), prose: m.range)
            }
        }
    }
}

/// `consistency`: of two (or more) spellings of one thing, a posting should use one. The spelling used most (the
/// first one used, on a tie) wins; every use of another is reported, with a fix to the winner (keeping case).
struct ConsistencyRule: Rule {
    let meta: RuleMeta
    let matcher: PackPattern
    /// For each literal (tag): its group and its spelling.
    let group: [Int]
    let spellings: [String]
    let groupCount: Int
    let message: String

    init(spec: PackRuleSpec, reader r: NodeReader) throws(ConfigError) {
        try spec.checkKeys(["either", "caseSensitive"], r)
        guard let either = spec.node["either"] else {
            throw r.error(spec.path, spec.node, "a consistency rule needs \"either\": [[\"e-mail\", \"email\"], …] (groups of spellings)")
        }
        var group: [Int] = [], spellings: [String] = []
        var items = try r.array(either, "\(spec.path).either")
        // A single group may be written flat: ["e-mail", "email"].
        if items.allSatisfy({ $0.stringValue != nil }) && !items.isEmpty { items = [either] }
        for (gi, g) in items.enumerated() {
            let gp = "\(spec.path).either[\(gi)]"
            let words = try r.strings(g, gp)
            guard words.count >= 2 else { throw r.error(gp, g, "a group needs at least two spellings") }
            for (k, w) in words.enumerated() {
                guard w.utf8.contains(where: { Bytes.isASCIILetter($0) || Bytes.isDigit($0) || $0 >= 0x80 }) else {
                    throw r.error("\(gp)[\(k)]", g, "a spelling needs a letter or digit")
                }
                if spellings.enumerated().contains(where: { $0.element.lowercased() == w.lowercased() }) {
                    throw r.error("\(gp)[\(k)]", g, "“\(w)” is listed twice")
                }
                group.append(gi)
                spellings.append(w)
            }
        }
        let cs = try spec.optBool("caseSensitive", r) ?? false
        do throws(PatternCompileError) {
            matcher = try PackPattern(literals: spellings, caseSensitive: cs)
        } catch {
            throw r.error("\(spec.path).either", either, error.error.message)
        }
        self.group = group
        self.spellings = spellings
        groupCount = items.count
        var meta = spec.meta
        if meta.fix == nil { meta.fix = .safe }
        self.meta = meta
        message = spec.message == "“{match}”" ? "Use “{preferred}” throughout: this posting also writes “{match}”." : spec.message
    }

    /// A match written like part of a name is not a spelling choice: camel case (`HealthCare`) or every word
    /// capitalised (`Health Care Trust`), for matches of several words.
    static func looksLikeName(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        var words = 0, capitalised = 0
        var camel = false
        Tokenizer.words(t, r) { w in
            words += 1
            if Bytes.isUpper(t[w.lowerBound]) { capitalised += 1 }
            for i in (w.lowerBound + 1)..<w.upperBound where Bytes.isUpper(t[i]) && Bytes.isLower(t[i - 1]) { camel = true }
        }
        let allCaps = !t[r].contains(where: Bytes.isLower)
        return camel || (words >= 2 && capitalised == words && !allCaps)
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        let found = matcher.matches(in: t).filter { !ConsistencyRule.looksLikeName(t, $0.range) }
        guard !found.isEmpty else { return }
        var counts = [Int](repeating: 0, count: spellings.count)
        var first = [Int](repeating: Int.max, count: spellings.count)
        for (i, m) in found.enumerated() {
            counts[m.tag] += 1
            first[m.tag] = min(first[m.tag], i)
        }
        var preferred = [Int](repeating: -1, count: groupCount)
        for t in 0..<spellings.count where counts[t] > 0 {
            let g = group[t]
            let p = preferred[g]
            if p < 0 || counts[t] > counts[p] || (counts[t] == counts[p] && first[t] < first[p]) { preferred[g] = t }
        }
        for m in found where preferred[group[m.tag]] != m.tag {
            let p = spellings[preferred[group[m.tag]]]
            let text = a.string(m.range)
            let rep = PhraseMatcher.matchCase(p, like: text)
            let msg = PackRuleSpec.fill(message, ["match": text, "preferred": rep, "replacement": rep])
            reporter.report(msg, prose: m.range, fix: meta.fix.map { .replace(m.range, with: rep, title: "Replace with “\(rep)”", $0) })
        }
    }
}

/// `occurrence`: a phrase (or pattern) used more than `max` times (each extra use is reported) or fewer than
/// `min` times (reported once, at the title or the start of the posting).
struct OccurrenceRule: Rule {
    let meta: RuleMeta
    let phrases: PhraseMatcher?
    let pattern: PackPattern?
    let label: String
    let max: Int?
    let min: Int?
    let message: String

    init(spec: PackRuleSpec, reader r: NodeReader) throws(ConfigError) {
        try spec.checkKeys(["phrases", "pattern", "caseSensitive", "max", "min"], r)
        max = try spec.optInt("max", r)
        min = try spec.optInt("min", r, min: 1)
        guard max != nil || min != nil else { throw r.error(spec.path, spec.node, "an occurrence rule needs \"max\" (more than N) or \"min\" (fewer than N)") }
        if let max, let min, min > max { throw r.error("\(spec.path).min", spec.node["min"], "min (\(min)) is above max (\(max))") }
        if let list = spec.node["phrases"] {
            guard spec.node["pattern"] == nil else { throw r.error("\(spec.path).pattern", spec.node["pattern"], "give \"phrases\" or \"pattern\", not both") }
            var m = PhraseMatcher()
            let ps = try r.strings(list, "\(spec.path).phrases")
            guard !ps.isEmpty else { throw r.error("\(spec.path).phrases", list, "expected at least one phrase") }
            for (i, p) in ps.enumerated() where !m.add(p, tag: i) {
                throw r.error("\(spec.path).phrases[\(i)]", list, "the phrase has no words")
            }
            phrases = m
            pattern = nil
            label = ps.joined(separator: "”, “")
        } else {
            guard let (p, sources) = try spec.compilePattern(r, required: false) else {
                throw r.error(spec.path, spec.node, "an occurrence rule needs \"phrases\": [...] or \"pattern\"")
            }
            pattern = p
            phrases = nil
            label = sources.joined(separator: "”, “")
        }
        var meta = spec.meta
        meta.fix = nil
        self.meta = meta
        if spec.message != "“{match}”" {
            message = spec.message
        } else if max != nil {
            message = "“{match}” is used {count} times; use it at most {max} times."
        } else {
            message = "“{phrase}” is used {count} times; use it at least {min} times."
        }
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let ranges: [Range<Int>] = phrases.map { $0.matches(in: a).map(\.range) } ?? pattern!.matches(in: a.text).map(\.range)
        var values = ["count": String(ranges.count), "max": max.map(String.init) ?? "", "min": min.map(String.init) ?? "", "phrase": label]
        if let max, ranges.count > max {
            for r in ranges.dropFirst(max) {
                values["match"] = a.string(r)
                reporter.report(PackRuleSpec.fill(message, values), prose: r)
            }
        }
        if let min, ranges.count < min {
            values["match"] = label
            reporter.report(PackRuleSpec.fill(message, values), at: SectionMatching.documentAnchor(a))
        }
    }
}
