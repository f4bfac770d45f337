/// Markdown front end: YAML front matter (keys are fields; a long `description:` is linted as prose), ATX and
/// setext headings, lists, block quotes, emphasis and links (markup stripped, offsets kept), code (never linted),
/// HTML blocks (handed to the HTML front end), `<!-- jdlint-… -->` comments and Liquid comments.
public enum MarkdownFrontend {
    struct Line {
        var range: Range<Int>
        var indent: Int  // columns (tabs count 4)
        var contentStart: Int
        var blank: Bool
    }

    public static func parse(_ input: MappedBytes, into prose: inout Prose) {
        let b = input.bytes
        var start = 0
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { start = 3 }
        let lines = splitLines(b, from: start)
        var li = FrontMatter.parse(input, lines: lines.map(\.range), into: &prose)
        // A file with front matter is a static-site source (Jekyll, Hugo…): its Liquid tags are code, not prose.
        parseBlocks(input, lines, from: &li, into: &prose, liquid: li > 0)
    }

    static func splitLines(_ b: [UInt8], from: Int) -> [Line] {
        var lines: [Line] = []
        var i = from
        let n = b.count
        while i <= n {
            let s = i
            while i < n && b[i] != .lineFeed && b[i] != .carriageReturn { i += 1 }
            let e = i
            if i < n && b[i] == .carriageReturn { i += 1 }
            if i < n && b[i] == .lineFeed { i += 1 }
            var k = s
            var indent = 0
            while k < e && (b[k] == .space || b[k] == .tab) { indent += b[k] == .tab ? 4 : 1; k += 1 }
            lines.append(Line(range: s..<e, indent: indent, contentStart: k, blank: k == e))
            if e >= n { break }
        }
        return lines
    }

    /// An open list: its id, the indent of its items and the class of its marker (`markerClass`).
    typealias ListLevel = (id: Int, indent: Int, marker: UInt8)

    static func parseBlocks(_ input: MappedBytes, _ lines: [Line], from idx: inout Int, into prose: inout Prose, liquid: Bool = false) {
        let b = input.bytes
        var listStack: [ListLevel] = []
        var prevBlank = true
        while idx < lines.count {
            let line = lines[idx]
            if line.blank { idx += 1; prevBlank = true; continue }
            let c0 = line.contentStart
            let end = line.range.upperBound
            let first = b[c0]
            // Fenced code
            if line.indent < 4, first == .backtick || first == .tilde, fenceLength(b, c0, end, first) >= 3 {
                let fl = fenceLength(b, c0, end, first)
                var j = idx + 1
                while j < lines.count {
                    let l = lines[j]
                    if !l.blank && fenceLength(b, l.contentStart, l.range.upperBound, first) >= fl { break }
                    j += 1
                }
                let last = min(j, lines.count - 1)
                prose.opaqueRanges.append(input.sourceRange(line.range.lowerBound..<lines[last].range.upperBound))
                idx = j + 1
                prevBlank = false
                continue
            }
            // Indented code (only after a blank line and outside lists)
            if line.indent >= 4 && prevBlank && listStack.isEmpty {
                var j = idx + 1
                while j < lines.count && (lines[j].blank || lines[j].indent >= 4) { j += 1 }
                prose.opaqueRanges.append(input.sourceRange(line.range.lowerBound..<lines[j - 1].range.upperBound))
                idx = j
                continue
            }
            // Liquid comments {% comment %} … {% endcomment %}
            if startsWith(b, c0, end, "{% comment") || startsWith(b, c0, end, "{%- comment") {
                var j = idx
                while j < lines.count && !contains(b, lines[j].range, "endcomment") { j += 1 }
                let last = min(j, lines.count - 1)
                prose.opaqueRanges.append(input.sourceRange(line.range.lowerBound..<lines[last].range.upperBound))
                idx = last + 1
                continue
            }
            // HTML block or comment
            if line.indent < 4 && first == .lessThan && c0 + 1 < end && (Bytes.isASCIILetter(b[c0 + 1]) || b[c0 + 1] == .slash || b[c0 + 1] == .exclamation) {
                var j = idx + 1
                let isComment = startsWith(b, c0, end, "<!--")
                if isComment {
                    j = idx
                    while j < lines.count && !contains(b, lines[j].range, "-->") { j += 1 }
                    j = min(j + 1, lines.count)
                } else {
                    while j < lines.count && !lines[j].blank { j += 1 }
                }
                var sub = MappedBytes()
                sub.append(from: input, range: line.range.lowerBound..<lines[j - 1].range.upperBound)
                HTMLFrontend.parse(sub, into: &prose)
                idx = j
                listStack.removeAll()
                prevBlank = false
                continue
            }
            // Thematic break
            if line.indent < 4, isThematicBreak(b, c0, end) {
                idx += 1
                listStack.removeAll()
                continue
            }
            // ATX heading
            if line.indent < 4 && first == .numberSign {
                var k = c0
                while k < end && b[k] == .numberSign { k += 1 }
                let level = k - c0
                if level <= 6 && (k == end || b[k] == .space || b[k] == .tab) {
                    var e = end
                    while e > k && Bytes.isWhitespace(b[e - 1]) { e -= 1 }
                    var h = e
                    while h > k && b[h - 1] == .numberSign { h -= 1 }
                    if h < e && (h == k || b[h - 1] == .space) { e = h }
                    let inline = Inline.render(input, k..<e, &prose, liquid: liquid)
                    prose.addBlock(.heading, inline: inline, sourceRange: input.sourceRange(line.range.lowerBound..<end), level: level)
                    idx += 1
                    listStack.removeAll()
                    prevBlank = false
                    continue
                }
            }
            // List item
            if let (marker, textStart) = listMarker(b, c0, end) {
                listItem(input, lines, &idx, marker: marker, textStart: textStart, &listStack, prevBlank: prevBlank, &prose, liquid: liquid)
                prevBlank = false
                continue
            }
            if line.indent < 2 { listStack.removeAll() }
            paragraph(input, lines, &idx, &prose, liquid: liquid)
            prevBlank = false
        }
    }

    /// One list item at line `idx` (its marker and where its text starts), with its lazy and indented continuation
    /// lines; a new list starts at a new indent or, after a blank line, with another bullet character.
    static func listItem(_ input: MappedBytes, _ lines: [Line], _ idx: inout Int, marker: String, textStart: Int,
                         _ listStack: inout [ListLevel], prevBlank: Bool, _ prose: inout Prose, liquid: Bool) {
        let b = input.bytes
        let line = lines[idx]
        let c0 = line.contentStart
        let end = line.range.upperBound
        while let top = listStack.last, top.indent > line.indent { listStack.removeLast() }
        // A new list: a new indent, or (after a blank line) another bullet character, as in CommonMark.
        // Adjacent items with mixed markers stay one list: that is how readers see them.
        let mch = Self.markerClass(marker)
        if let top = listStack.last, top.indent == line.indent, prevBlank, top.marker != mch {
            listStack.removeLast()
        }
        if listStack.last?.indent != line.indent { listStack.append((prose.newList(), line.indent, mch)) }
        listStack[listStack.count - 1].marker = mch
        let contentIndent = line.indent + (textStart - c0)
        var j = idx + 1
        var e = end
        // Lazy and indented continuation lines (not new items, not blank).
        while j < lines.count && !lines[j].blank {
            let l = lines[j]
            if listMarker(b, l.contentStart, l.range.upperBound) != nil || b[l.contentStart] == .numberSign || isThematicBreak(b, l.contentStart, l.range.upperBound) { break }
            _ = contentIndent
            e = l.range.upperBound
            j += 1
        }
        let inline = Inline.render(input, textStart..<e, &prose, liquid: liquid)
        prose.addBlock(.listItem, inline: inline, sourceRange: input.sourceRange(c0..<e), level: listStack.count, marker: marker,
                       markerRange: input.sourceRange(c0..<(c0 + marker.utf8.count)), listID: listStack.last!.id)
        idx = j
    }

    /// A paragraph from line `idx` (a block quote's markers stripped): a setext heading when underlined, a field when it
    /// is one `Key: value` line.
    static func paragraph(_ input: MappedBytes, _ lines: [Line], _ idx: inout Int, _ prose: inout Prose, liquid: Bool) {
        let b = input.bytes
        let line = lines[idx]
        let c0 = line.contentStart
        let end = line.range.upperBound
        let first = b[c0]
        // Block quote: strip markers, treat as a paragraph.
        var textStart = c0
        if first == .greaterThan {
            textStart = c0 + 1
            if textStart < end && b[textStart] == .space { textStart += 1 }
        }
        // Paragraph (with setext underline)
        var j = idx + 1
        var e = end
        var setext = 0
        while j < lines.count && !lines[j].blank {
            let l = lines[j]
            let lc = l.contentStart
            if l.indent < 4, let lvl = setextLevel(b, lc, l.range.upperBound) { setext = lvl; break }
            if b[lc] == .numberSign || listMarker(b, lc, l.range.upperBound) != nil || isThematicBreak(b, lc, l.range.upperBound)
                || (b[lc] == .lessThan && lc + 1 < l.range.upperBound && (Bytes.isASCIILetter(b[lc + 1]) || b[lc + 1] == .slash) && isBlockHTML(b, lc, l.range.upperBound))
                || startsWith(b, lc, l.range.upperBound, "```")
            { break }
            // Scraped postings run `Location: Leeds` lines and `Requirements:` labels into one paragraph: each
            // starts a block of its own.
            let content = TextFrontend.trimmed(b, lc..<l.range.upperBound)
            if TextFrontend.fieldKey(b, content) != nil || TextFrontend.headingKind(b, content, standalone: false, first: false) == .colon {
                break
            }
            e = l.range.upperBound
            j += 1
        }
        let inline = Inline.render(input, textStart..<e, &prose, liquid: liquid)
        if setext > 0 {
            prose.addBlock(.heading, inline: inline, sourceRange: input.sourceRange(c0..<lines[j].range.upperBound), level: setext)
            idx = j + 1
        } else if let (key, _) = TextFrontend.fieldKey(b, c0..<end), j == idx + 1 {
            // `Location: Boston, MA` as its own line.
            let colon = firstIndex(b, c0..<end, .colon) ?? c0
            var v = colon + 1
            while v < end && Bytes.isSpace(b[v]) { v += 1 }
            let rawKey = String(decoding: b[c0..<colon], as: UTF8.self)
            let value = Inline.render(input, v..<end, &prose, liquid: liquid)
            prose.fields.append(Field(key: key, rawKey: rawKey.trimmingCharacters(in: "*_ "),
                                      value: String(decoding: value.bytes, as: UTF8.self),
                                      keyRange: input.sourceRange(c0..<colon), valueRange: input.sourceRange(v..<end), origin: .line))
            prose.addBlock(.field, inline: value, sourceRange: input.sourceRange(c0..<end), fieldKey: key)
            idx = j
        } else {
            prose.addBlock(.paragraph, inline: inline, sourceRange: input.sourceRange(c0..<e))
            idx = j
        }
    }

    /// The character class of a list marker: the bullet character, or `.`/`)` for ordered lists.
    static func markerClass(_ m: String) -> UInt8 {
        let u = Array(m.utf8)
        guard let f = u.first else { return 0 }
        return Bytes.isDigit(f) ? u[u.count - 1] : f
    }

    static func isBlockHTML(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        var k = s + 1
        if k < e && b[k] == .slash { k += 1 }
        let ns = k
        while k < e && Bytes.isASCIILetter(b[k] ) || (k < e && Bytes.isDigit(b[k])) { k += 1 }
        return HTMLFrontend.blockTags.contains(Bytes.lowerString(b, ns..<k))
    }

    static func firstIndex(_ b: [UInt8], _ r: Range<Int>, _ c: UInt8) -> Int? {
        for i in r where b[i] == c { return i }
        return nil
    }

    static func fenceLength(_ b: [UInt8], _ s: Int, _ e: Int, _ ch: UInt8) -> Int {
        var k = s
        while k < e && b[k] == ch { k += 1 }
        return k - s
    }

    static func startsWith(_ b: [UInt8], _ s: Int, _ e: Int, _ lit: String) -> Bool {
        let l = Array(lit.utf8)
        return e - s >= l.count && Array(b[s..<(s + l.count)]) == l
    }

    static func contains(_ b: [UInt8], _ r: Range<Int>, _ lit: String) -> Bool {
        let l = Array(lit.utf8)
        guard r.count >= l.count else { return false }
        var i = r.lowerBound
        while i + l.count <= r.upperBound {
            if b[i] == l[0] && Array(b[i..<(i + l.count)]) == l { return true }
            i += 1
        }
        return false
    }

    static func isThematicBreak(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        guard s < e else { return false }
        let ch = b[s]
        guard ch == .hyphen || ch == .asterisk || ch == .underscore else { return false }
        var count = 0
        for k in s..<e {
            if b[k] == ch { count += 1 } else if b[k] != .space && b[k] != .tab { return false }
        }
        return count >= 3
    }

    static func setextLevel(_ b: [UInt8], _ s: Int, _ e: Int) -> Int? {
        guard s < e else { return nil }
        let ch = b[s]
        guard ch == .equals || ch == .hyphen else { return nil }
        var k = s
        while k < e && b[k] == ch { k += 1 }
        while k < e && (b[k] == .space || b[k] == .tab) { k += 1 }
        return k == e ? (ch == .equals ? 1 : 2) : nil
    }

    static func listMarker(_ b: [UInt8], _ s: Int, _ e: Int) -> (String, Int)? {
        guard s < e else { return nil }
        let c = b[s]
        if c == .hyphen || c == .asterisk || c == .plus {
            guard s + 1 < e, b[s + 1] == .space || b[s + 1] == .tab else { return nil }
            if isThematicBreak(b, s, e) { return nil }
            var t = s + 1
            while t < e && (b[t] == .space || b[t] == .tab) { t += 1 }
            return t < e ? (String(UnicodeScalar(c)), t) : nil
        }
        if c == 0xE2 && s + 2 < e && b[s + 1] == 0x80 && b[s + 2] == 0xA2 {  // • used as a bullet in pasted text
            var t = s + 3
            while t < e && (b[t] == .space || b[t] == .tab) { t += 1 }
            return t < e ? ("•", t) : nil
        }
        var k = s
        while k < e && Bytes.isDigit(b[k]) && k - s < 9 { k += 1 }
        if k > s && k + 1 < e && (b[k] == .period || b[k] == .rightParen) && (b[k + 1] == .space || b[k + 1] == .tab) {
            var t = k + 1
            while t < e && (b[t] == .space || b[t] == .tab) { t += 1 }
            return t < e ? (String(decoding: b[s...k], as: UTF8.self), t) : nil
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
