/// Word-list machinery shared by the inclusive-language and requirements rules: a data file of terms (phrases,
/// optional replacement, message, and context conditions) matched in one pass with `PhraseMatcher`.
///
/// Data file shape (JSON with comments, in `Rules/`):
/// ```
/// { "source": "...",
///   "contexts": { "accommodation": ["reasonable accommodation*", "reasonable adjustment*"] },
///   "terms": [ { "match": ["chairman"], "replace": "chair", "category": "…", "message": "…",
///                "notBefore": ["salary"], "notAfter": ["the"], "ifSentence": ["ctx"], "unlessSentence": ["ctx"],
///                "unlessPosting": ["ctx"] } ] }
/// ```
/// `notBefore`/`notAfter` hold words or short phrases that cancel a match when they directly follow/precede it.
struct TermList: Sendable {
    struct Term: Sendable {
        var phrases: [String]
        var replacement: String?
        var category: String
        var message: String
        var notBefore: [[UInt64]]
        var notAfter: [[UInt64]]
        var ifSentence: [Int]
        var unlessSentence: [Int]
        var unlessPosting: [Int]
        /// A capitalised match that does not start its sentence is a name ("Charlie Beard", "History Guys").
        var skipCapitalised: Bool
    }

    struct Hit: Sendable {
        var term: Int
        var match: PhraseMatcher.Match
        var sentence: Range<Int>
    }

    var terms: [Term] = []
    var matcher = PhraseMatcher()
    var contextNames: [String] = []
    var contexts: [PhraseMatcher] = []

    init(file: String) {
        let root = RuleData.json(file)
        if let ctx = root["contexts"]?.objectValue {
            for (name, list) in ctx.entries.sorted(by: { $0.key < $1.key }) {
                var m = PhraseMatcher()
                for (i, p) in (list.arrayValue ?? []).compactMap(\.stringValue).enumerated() { m.add(p, tag: i) }
                contextNames.append(name)
                contexts.append(m)
            }
        }
        func ids(_ v: JSONValue?) -> [Int] {
            (v?.arrayValue ?? []).compactMap(\.stringValue).map { n in
                guard let i = contextNames.firstIndex(of: n) else { preconditionFailure("Rules/\(file): unknown context \(n)") }
                return i
            }
        }
        func seqs(_ v: JSONValue?) -> [[UInt64]] {
            (v?.arrayValue ?? []).compactMap(\.stringValue).map { s in
                var out: [UInt64] = []
                let b = Array(s.utf8)
                Tokenizer.words(b, 0..<b.count) { out.append(Word.hash(b, $0)) }
                return out
            }
        }
        let categories = root["categories"]?.objectValue
        for t in root["terms"]?.arrayValue ?? [] {
            let phrases = (t["match"]?.arrayValue ?? []).compactMap(\.stringValue)
            let category = t["category"]?.stringValue ?? ""
            let message = t["message"]?.stringValue ?? categories?[category]?["message"]?.stringValue ?? "“{match}”"
            let term = Term(phrases: phrases, replacement: t["replace"]?.stringValue, category: category,
                            message: message, notBefore: seqs(t["notBefore"]),
                            notAfter: seqs(t["notAfter"]), ifSentence: ids(t["ifSentence"]), unlessSentence: ids(t["unlessSentence"]),
                            unlessPosting: ids(t["unlessPosting"]), skipCapitalised: t["skipCapitalised"]?.boolValue ?? false)
            for p in phrases { matcher.add(p, tag: terms.count) }
            terms.append(term)
        }
    }

    func context(_ name: String) -> Int? { contextNames.firstIndex(of: name) }

    /// Matches of every context group (computed on demand by `hits`).
    final class ContextCache: @unchecked Sendable {
        var ranges: [[Range<Int>]?]
        init(_ n: Int) { ranges = Array(repeating: nil, count: n) }
    }

    static func followed(_ a: Analysis, _ wi: Int, by seqs: [[UInt64]]) -> Bool {
        let words = a.words
        for s in seqs where wi + s.count <= words.count {
            var ok = true
            for (k, h) in s.enumerated() where words[wi + k].hash != h || words[wi + k].block != words[max(wi - 1, 0)].block {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }

    static func preceded(_ a: Analysis, _ wi: Int, by seqs: [[UInt64]]) -> Bool {
        let words = a.words
        for s in seqs where wi - s.count >= 0 {
            var ok = true
            for (k, h) in s.enumerated() where words[wi - s.count + k].hash != h || words[wi - s.count + k].block != words[wi].block {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }

    /// The sentence (prose range) that holds an offset; the block when no sentence does.
    static func sentence(_ a: Analysis, at offset: Int) -> Range<Int> {
        if let i = a.sentenceIndex(holding: offset) { return a.sentences[i].range }
        for b in a.blocks where b.proseRange.contains(offset) { return b.proseRange }
        return offset..<(offset + 1)
    }

    func contextRanges(_ a: Analysis, _ id: Int, _ cache: ContextCache) -> [Range<Int>] {
        if let r = cache.ranges[id] { return r }
        let r = contexts[id].matches(in: a).map(\.range)
        cache.ranges[id] = r
        return r
    }

    func contextIn(_ a: Analysis, _ id: Int, _ range: Range<Int>, _ cache: ContextCache) -> Bool {
        // The matches are in document order and do not overlap: binary search for the first that ends after the
        // range starts (a linear scan per hit made long documents quadratic).
        let rs = contextRanges(a, id, cache)
        var lo = 0, hi = rs.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if rs[mid].upperBound <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < rs.count && rs[lo].overlaps(range)
    }

    /// Every match that passes its term's conditions.
    func hits(in a: Analysis, cache: ContextCache? = nil) -> [Hit] {
        let cache = cache ?? ContextCache(contexts.count)
        var out: [Hit] = []
        for m in matcher.matches(in: a) {
            let t = terms[m.tag]
            if !t.notBefore.isEmpty, TermList.followed(a, m.words.upperBound, by: t.notBefore),
               m.words.upperBound < a.words.count, a.words[m.words.upperBound].block == a.words[m.words.lowerBound].block { continue }
            if !t.notAfter.isEmpty, TermList.preceded(a, m.words.lowerBound, by: t.notAfter) { continue }
            let sentence = TermList.sentence(a, at: m.range.lowerBound)
            if t.skipCapitalised && Bytes.isUpper(a.text[m.range.lowerBound]) {
                // Mid-sentence, or followed by another capitalised word ("Crazy Arms Radio"): a name.
                if sentence.lowerBound != m.range.lowerBound { continue }
                let n = m.words.upperBound
                if n < a.words.count && a.words[n].block == a.words[m.words.lowerBound].block
                    && Bytes.isUpper(a.text[a.words[n].range.lowerBound]) { continue }
            }
            if t.unlessPosting.contains(where: { !contextRanges(a, $0, cache).isEmpty }) { continue }
            if !t.ifSentence.isEmpty && !t.ifSentence.contains(where: { contextIn(a, $0, sentence, cache) }) { continue }
            if t.unlessSentence.contains(where: { contextIn(a, $0, sentence, cache) }) { continue }
            out.append(Hit(term: m.tag, match: m, sentence: sentence))
        }
        return out
    }

    /// Reports every hit with the term's message; substitution terms get a fix with the given applicability.
    func report(_ context: RuleContext, _ reporter: inout Reporter, applicability: Applicability = .unsafe) {
        let a = context.analysis
        for h in hits(in: a) {
            let t = terms[h.term]
            let text = a.string(h.match.range)
            if let r = t.replacement {
                let rep = PhraseMatcher.matchCase(r, like: text)
                let msg = PackRuleSpec.fill(t.message, ["match": text, "replacement": rep, "category": t.category])
                reporter.report(msg, prose: h.match.range, fix: .replace(h.match.range, with: rep, title: "Replace with “\(rep)”", applicability))
            } else {
                reporter.report(PackRuleSpec.fill(t.message, ["match": text, "category": t.category]), prose: h.match.range)
            }
        }
    }
}

