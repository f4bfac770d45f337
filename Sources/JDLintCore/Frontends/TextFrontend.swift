/// Plain-text front end, tuned for postings pasted or scraped from web pages: it infers headings (short
/// Title-Case lines, `Requirements:` lines, ALL-CAPS lines), bullets (`-`, `*`, `•`, `·`, numbered) and
/// `Key: value` fields, and reads `# jdlint-…` lines as suppression comments.
public enum TextFrontend {
    struct Line {
        var range: Range<Int>  // content (no terminator), in input coordinates
        var indent: Int32
        var blank: Bool
    }

    public static func parse(_ input: MappedBytes, into prose: inout Prose) {
        let b = input.bytes
        var lines: [Line] = []
        var i = 0
        let n = b.count
        // Sized once: a long posting's line and block arrays are not regrown (see `Prose.reserveCapacity`).
        let lineCount = b.withUnsafeBufferPointer { p in
            var c = 1
            for x in p where x == .lineFeed || x == .carriageReturn { c += 1 }
            return c
        }
        lines.reserveCapacity(lineCount)
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        while i <= n {
            let start = i
            while i < n && b[i] != .lineFeed && b[i] != .carriageReturn { i += 1 }
            let end = i
            if i < n && b[i] == .carriageReturn { i += 1 }
            if i < n && b[i] == .lineFeed { i += 1 }
            var k = start
            var indent = 0
            while k < end && (b[k] == .space || b[k] == .tab || isNBSP(b, k, end)) {
                if b[k] == 0xC2 { k += 2 } else { k += 1 }
                indent += 1
            }
            lines.append(Line(range: start..<end, indent: Int32(clamping: indent), blank: k >= end))
            if end >= n { break }
        }
        var nonBlank = 0
        for l in lines where !l.blank { nonBlank += 1 }
        prose.reserveCapacity(bytes: n, blocks: nonBlank)
        parseLines(input, lines, into: &prose)
    }

    @inline(__always) static func isNBSP(_ b: [UInt8], _ k: Int, _ end: Int) -> Bool {
        b[k] == 0xC2 && k + 1 < end && b[k + 1] == 0xA0
    }

    static func parseLines(_ input: MappedBytes, _ lines: [Line], into prose: inout Prose) {
        let b = input.bytes
        var idx = 0
        var currentList = -1
        var lastListIndent = -1
        var sawBlock = false
        while idx < lines.count {
            let line = lines[idx]
            if line.blank {
                idx += 1
                continue
            }
            let content = trimmed(b, line.range)
            // Suppression comments: `# jdlint-disable…`
            if content.count > 8 && b[content.lowerBound] == .numberSign {
                var k = content.lowerBound + 1
                while k < content.upperBound && b[k] == .space { k += 1 }
                let text = Substring(String(decoding: b[k..<content.upperBound], as: UTF8.self))
                let src = input.sourceRange(line.range)
                if let d = Directive.parse(text, range: src) {
                    prose.directives.append(d)
                    prose.opaqueRanges.append(src)
                    idx += 1
                    continue
                }
            }
            // Bullets
            if let (marker, textStart) = bulletMarker(b, content) {
                let nextIsContinuation = false
                _ = nextIsContinuation
                if currentList < 0 || Int(line.indent) != lastListIndent && !previousWasBullet(lines, idx, b) {
                    currentList = prose.newList()
                }
                lastListIndent = Int(line.indent)
                // Continuation lines: following non-blank lines indented deeper than the marker, not bullets.
                var end = line.range.upperBound
                var j = idx + 1
                while j < lines.count && !lines[j].blank && lines[j].indent > line.indent
                    && bulletMarker(b, trimmed(b, lines[j].range)) == nil
                {
                    end = lines[j].range.upperBound
                    j += 1
                }
                let markerRange = input.sourceRange(content.lowerBound..<(content.lowerBound + marker.utf8.count))
                prose.addBlock(.listItem, from: input, range: textStart..<end,
                               sourceRange: input.sourceRange(line.range.lowerBound..<end), level: line.indent > 0 ? 2 : 1,
                               marker: marker, markerRange: markerRange, listID: currentList)
                sawBlock = true
                idx = j
                continue
            }
            // A blank line ends a list unless the next non-blank line is another bullet.
            currentList = -1
            lastListIndent = -1
            let prevBlank = idx == 0 || lines[idx - 1].blank
            let nextBlank = idx + 1 >= lines.count || lines[idx + 1].blank
            let nextIsBullet = idx + 1 < lines.count && bulletMarker(b, trimmed(b, lines[idx + 1].range)) != nil
            // Headings
            if let kind = headingKind(b, content, standalone: prevBlank && (nextBlank || nextIsBullet), first: !sawBlock) {
                var textRange = content
                if kind == .colon { textRange = content.lowerBound..<(content.upperBound - 1) }
                prose.addBlock(.heading, from: input, range: textRange, sourceRange: input.sourceRange(content),
                               level: sawBlock ? 2 : 1, explicit: false)
                // Page navigation above a scraped posting (“Top”, “Menu”) is not its first block: the title may follow.
                if sawBlock || !Analysis.navigationWords.contains(SectionMatching.normalise(b[textRange])) { sawBlock = true }
                idx += 1
                continue
            }
            // Fields: `Location: Boston, MA`
            if let (key, valueStart) = fieldKey(b, content) {
                let rawKey = String(decoding: b[content.lowerBound..<(valueStart)], as: UTF8.self)
                let keyEnd = rawKey.lastIndex(of: ":").map { rawKey[..<$0] } ?? Substring(rawKey)
                let valueRange = trimmed(b, valueStart..<content.upperBound)
                prose.fields.append(Field(key: key, rawKey: String(keyEnd), value: String(decoding: b[valueRange], as: UTF8.self),
                                          keyRange: input.sourceRange(content.lowerBound..<(content.lowerBound + keyEnd.utf8.count)),
                                          valueRange: input.sourceRange(valueRange), origin: .line))
                prose.addBlock(.field, from: input, range: valueRange, sourceRange: input.sourceRange(content), fieldKey: key)
                // `Source: http://…` or `Date posted: …` above a scraped posting: the title may still follow.
                idx += 1
                continue
            }
            // Paragraph: consecutive lines that are not bullets, headings or comments.
            var end = line.range.upperBound
            var j = idx + 1
            while j < lines.count && !lines[j].blank {
                let c = trimmed(b, lines[j].range)
                if bulletMarker(b, c) != nil || (c.count > 8 && b[c.lowerBound] == .numberSign) { break }
                if headingKind(b, c, standalone: false, first: false) == .colon { break }
                end = lines[j].range.upperBound
                j += 1
            }
            prose.addBlock(.paragraph, from: input, range: line.range.lowerBound..<end,
                           sourceRange: input.sourceRange(content.lowerBound..<end))
            sawBlock = true
            idx = j
        }
    }

    static func previousWasBullet(_ lines: [Line], _ idx: Int, _ b: [UInt8]) -> Bool {
        var j = idx - 1
        while j >= 0 && lines[j].blank { j -= 1 }
        return j >= 0 && bulletMarker(b, trimmed(b, lines[j].range)) != nil
    }

    static func trimmed(_ b: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi {
            if Bytes.isWhitespace(b[lo]) { lo += 1 } else if isNBSP(b, lo, hi) { lo += 2 } else { break }
        }
        while hi > lo {
            if Bytes.isWhitespace(b[hi - 1]) { hi -= 1 } else if hi - 2 >= lo && b[hi - 2] == 0xC2 && b[hi - 1] == 0xA0 { hi -= 2 } else { break }
        }
        return lo..<hi
    }

    /// Recognises a bullet marker at the start of `r`; returns the marker and where the item text starts.
    static func bulletMarker(_ b: [UInt8], _ r: Range<Int>) -> (String, Int)? {
        guard r.count >= 2 else { return nil }
        let s = r.lowerBound
        let c = b[s]
        if (c == .hyphen || c == .asterisk || c == .plus) && (b[s + 1] == .space || b[s + 1] == .tab) {
            // `- - -` or `***` rules are not bullets
            return (String(UnicodeScalar(c)), s + 2)
        }
        // Unicode bullets: • (E2 80 A2) · (C2 B7) ‣ (E2 80 A3) ◦ (E2 97 A6) ▪ (E2 96 AA) ● (E2 97 8F) – (E2 80 93)
        if c == 0xC2 && b[s + 1] == 0xB7 {
            return ("·", s + 2)
        }
        if c == 0xE2 && r.count >= 3 {
            let m = (b[s + 1], b[s + 2])
            let known: [(UInt8, UInt8, String)] = [(0x80, 0xA2, "•"), (0x80, 0xA3, "‣"), (0x97, 0xA6, "◦"), (0x96, 0xAA, "▪"),
                                                   (0x97, 0x8F, "●"), (0x80, 0x93, "–"), (0x81, 0x83, "⁃")]
            for (x, y, name) in known where m.0 == x && m.1 == y {
                var t = s + 3
                if name == "–" && (t >= r.upperBound || b[t] != .space) { return nil }
                while t < r.upperBound && (b[t] == .space || b[t] == .tab) { t += 1 }
                return t < r.upperBound ? (name, t) : nil
            }
        }
        // Numbered: `1.` `12)` `a)` followed by a space
        var k = s
        while k < r.upperBound && Bytes.isDigit(b[k]) && k - s < 3 { k += 1 }
        if k == s, Bytes.isLower(b[s]), r.count > 2, b[s + 1] == .rightParen { k = s + 1 }
        if k > s && k + 1 < r.upperBound && (b[k] == .period || b[k] == .rightParen) && b[k + 1] == .space {
            // Guard against sentences like "2. Sessions per week" being numbered — they are.
            return (String(decoding: b[s...k], as: UTF8.self), k + 2)
        }
        return nil
    }

    enum HeadingKind { case colon, caps, title }

    /// Heading heuristics for plain text.
    static func headingKind(_ b: [UInt8], _ r: Range<Int>, standalone: Bool, first: Bool) -> HeadingKind? {
        // A first line may be a long title (“Occupational Therapy Technician Job Description, Duties, … and Qualifications”).
        guard r.count >= 2 && (r.count <= 90 || first && standalone && r.count <= 160) else { return nil }
        let last = b[r.upperBound - 1]
        var words = 0, capWords = 0, letters = 0, upper = 0, lowerStartWords = 0
        var inWord = false
        var k = r.lowerBound
        var sawColonInside = false
        while k < r.upperBound {
            let c = b[k]
            if Bytes.isASCIILetter(c) || c >= 0x80 || Bytes.isDigit(c) {
                if !inWord {
                    words += 1
                    if Bytes.isUpper(c) || Bytes.isDigit(c) { capWords += 1 } else if Bytes.isLower(c) { lowerStartWords += 1 }
                    if Bytes.isLower(c), isMinorWord(b, k, r.upperBound) { capWords += 1; lowerStartWords -= 1 }
                }
                inWord = true
                if Bytes.isASCIILetter(c) { letters += 1; if Bytes.isUpper(c) { upper += 1 } }
            } else {
                inWord = c == .apostrophe || c == .hyphen ? inWord : false
                if c == .colon && k < r.upperBound - 1 { sawColonInside = true }
            }
            k += 1
        }
        guard words >= 1 && letters >= 2 else { return nil }
        if last == .colon && !sawColonInside && words <= 7 && Bytes.isUpper(b[r.lowerBound]) { return .colon }
        if last == .period || last == .exclamation || last == .question || last == .comma || last == .semicolon { return nil }
        if sawColonInside { return nil }
        if upper == letters && letters >= 3 && words <= 10 { return .caps }
        if standalone && words <= 10 && lowerStartWords == 0 && capWords == words && Bytes.isUpper(b[r.lowerBound]) {
            return .title
        }
        if first && standalone && words <= 16 && Bytes.isUpper(b[r.lowerBound]) && lowerStartWords <= words / 3 { return .title }
        return nil
    }

    static let minorWords: [[UInt8]] = ["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
                                        "from", "into", "per", "vs", "via", "nor", "but"].map { Array($0.utf8) }

    static func isMinorWord(_ b: [UInt8], _ k: Int, _ end: Int) -> Bool {
        var e = k
        while e < end && Bytes.isASCIILetter(b[e]) { e += 1 }
        return minorWords.contains { Bytes.equalsLower(b, k..<e, $0) }
    }

    /// `Key: value` with a short key (1–4 words, starting with a capital) and a non-empty value.
    static func fieldKey(_ b: [UInt8], _ r: Range<Int>) -> (String, Int)? {
        guard r.count >= 4, Bytes.isUpper(b[r.lowerBound]) else { return nil }
        var k = r.lowerBound
        var words = 1
        let limit = min(r.upperBound, r.lowerBound + 40)
        while k < limit {
            let c = b[k]
            if c == .colon {
                guard k + 1 < r.upperBound, b[k + 1] == .space || b[k + 1] == .tab else { return nil }
                var v = k + 1
                while v < r.upperBound && Bytes.isSpace(b[v]) { v += 1 }
                guard v < r.upperBound else { return nil }
                let key = Field.normaliseKey(String(decoding: b[r.lowerBound..<k], as: UTF8.self))
                return key.isEmpty ? nil : (key, v)
            }
            if c == .space { words += 1; if words > 4 { return nil } }
            else if !(Bytes.isASCIILetter(c) || c == .hyphen || c == .ampersand || c == .slash || c == .leftParen || c == .rightParen || c >= 0x80 || Bytes.isDigit(c)) {
                return nil
            }
            k += 1
        }
        return nil
    }
}
