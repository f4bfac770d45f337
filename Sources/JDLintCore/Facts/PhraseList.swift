/// Short phrases matched as whole words over an analysis's words (or any text's), each with a tag.
struct PhraseList: Sendable {
    /// By first word's hash: the phrases' word hashes and tags, longest first.
    let byFirst: [UInt64: [([UInt64], Int)]]

    init(_ list: [(String, Int)]) {
        var m: [UInt64: [([UInt64], Int)]] = [:]
        for (s, tag) in list {
            let b = Array(s.utf8)
            var hashes: [UInt64] = []
            Tokenizer.words(b, 0..<b.count) { hashes.append(Word.hash(b, $0)) }
            guard let f = hashes.first else { continue }
            m[f, default: []].append((hashes, tag))
        }
        for k in m.keys { m[k]!.sort { $0.0.count > $1.0.count } }
        byFirst = m
    }

    /// Every match in the analysis's words (words of one block only), longest at each start; `body` gets the tag
    /// and the prose range.
    func forEach(in a: Analysis, _ body: (Int, Range<Int>) -> Void) {
        let w = a.words
        let h = a.wordHashes
        scan(count: w.count, hash: { h[$0] }, together: { w[$0].block == w[$1].block },
             range: { w[$0].range.lowerBound..<w[$1].range.upperBound }, body)
    }

    /// The first match in the analysis.
    func first(in a: Analysis) -> (Int, Range<Int>)? {
        var out: (Int, Range<Int>)?
        forEach(in: a) { tag, r in if out == nil { out = (tag, r) } }
        return out
    }

    /// Every match in `b`'s words.
    func forEach(_ b: [UInt8], _ words: [Range<Int>], _ body: (Int, Range<Int>) -> Void) {
        let h = words.map { Word.hash(b, $0) }
        scan(count: h.count, hash: { h[$0] }, together: { _, _ in true }, range: { words[$0].lowerBound..<words[$1].upperBound }, body)
    }

    /// The one matching loop: words `0..<count` by hash, a phrase's words all `together` with its first, the longest
    /// phrase at each start; `range(first, last)` is what `body` gets.
    private func scan(count: Int, hash: (Int) -> UInt64, together: (Int, Int) -> Bool, range: (Int, Int) -> Range<Int>,
                      _ body: (Int, Range<Int>) -> Void) {
        var i = 0
        while i < count {
            guard let cands = byFirst[hash(i)] else { i += 1; continue }
            var matched = 0
            for (hs, tag) in cands where i + hs.count <= count {
                var ok = true
                for k in 1..<max(hs.count, 1) where hash(i + k) != hs[k] || !together(i, i + k) { ok = false; break }
                if ok {
                    body(tag, range(i, i + hs.count - 1))
                    matched = hs.count
                    break
                }
            }
            i += max(matched, 1)
        }
    }
}
