/// Helpers shared by the structure rules.
enum StructureSupport {
    /// An edit that removes the whole lines of `range` (and one of two surrounding blank lines), when the range
    /// covers its lines entirely — apart from white space and closing tags such as `</p>` / `</li>`.
    static func removeLines(_ doc: Document, _ range: SourceRange) -> Edit? {
        let lines = doc.lines
        let b = doc.bytes
        guard !range.isEmpty else { return nil }
        let first = lines.lineIndex(containing: range.lowerBound)
        let last = lines.lineIndex(containing: max(range.lowerBound, range.upperBound - 1))
        // Before the range on its first line: white space and opening tags only.
        var k = lines.contentStart(ofLine: first)
        while k < range.lowerBound {
            if Bytes.isWhitespace(b[k]) { k += 1; continue }
            if b[k] == .lessThan, let e = tagEnd(b, k, limit: range.lowerBound) { k = e; continue }
            return nil
        }
        // After the range on its last line: white space and tags only.
        k = range.upperBound
        let end = lines.contentEnd(ofLine: last)
        while k < end {
            if Bytes.isWhitespace(b[k]) { k += 1; continue }
            if b[k] == .lessThan, let e = tagEnd(b, k, limit: end) { k = e; continue }
            return nil
        }
        var lo = max(lines.fullRange(ofLine: first).lowerBound, lines.bomLength)
        var hi = lines.fullRange(ofLine: last).upperBound
        func blank(_ l: Int) -> Bool { l >= 0 && l < lines.lineCount && lines.contentStart(ofLine: l) == lines.contentEnd(ofLine: l) }
        var nextText = last + 1
        while nextText < lines.lineCount && blank(nextText) { nextText += 1 }
        if nextText >= lines.lineCount {
            // Nothing follows: drop the blank lines before it too, keeping the previous line's terminator.
            var p = first - 1
            while p >= 0 && blank(p) { p -= 1 }
            if p >= 0 && p < first - 1 { lo = lines.fullRange(ofLine: p + 1).lowerBound }
        } else if first > 0 && blank(first - 1) && blank(last + 1) {
            hi = lines.fullRange(ofLine: last + 1).upperBound
        }
        hi = min(hi, b.count)
        // A lone CR line end before the removed lines and an LF after them would become one CRLF, merging two
        // lines: no fix then (mixed CR / LF line ends are rare; the finding stays).
        if lo > 0 && b[lo - 1] == .carriageReturn && hi < b.count && b[hi] == .lineFeed { return nil }
        return .remove(SourceRange(lo, hi))
    }

    static func tagEnd(_ b: [UInt8], _ k: Int, limit: Int) -> Int? {
        guard k + 1 < limit, Bytes.isASCIILetter(b[k + 1]) || b[k + 1] == .slash else { return nil }
        var j = k + 1
        while j < limit && b[j] != .greaterThan { j += 1 }
        return j < limit ? j + 1 : nil
    }

    /// Whether the source of a block carries a link (so a call to action is a working button).
    static func hasLink(_ doc: Document, _ range: SourceRange) -> Bool {
        let s = Bytes.lowerString(doc.bytes, range.offsets)
        return s.containsBytes("href") || s.containsBytes("](") || s.containsBytes("http") || s.containsBytes("www.")
            || s.containsBytes("mailto:") || s.containsBytes("@")
    }

    /// The number of Unicode scalars of a range.
    static func scalarCount(_ t: [UInt8], _ r: Range<Int>) -> Int {
        var n = 0
        for i in r where !Bytes.isContinuation(t[i]) { n += 1 }
        return n
    }
}
