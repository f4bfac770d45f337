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

    /// Inline Markdown: emphasis markers, links, images, code spans, autolinks, inline HTML, entities, escapes.
    enum Inline {
        static let placeholder = Array("\u{FFFC}".utf8)

        /// With `liquid`, Liquid output and tags (`{{ page.title }}`, `{% include x.html %}`) are code (U+FFFC).
        ///
        /// Linear on every input: a link's text is rendered in place (a stack of the ranges being rendered, not a
        /// recursion that copies each level's output into the one above: `[[[[x](y)](y)](y)…` was quadratic and
        /// overflowed the call stack); brackets close through `Matches`, code spans through `BacktickRuns`, and a
        /// Liquid opener's closer is remembered for the openers after it, so no construct scans to the end of the
        /// range once per opener.
        static func render(_ input: MappedBytes, _ r: Range<Int>, _ prose: inout Prose, liquid: Bool = false) -> MappedBytes {
            var out = MappedBytes()
            let b = input.bytes
            var matches: Matches?
            func table() -> Matches {
                if let m = matches { return m }
                let m = Matches(b, r)
                matches = m
                return m
            }
            var ticks: BacktickRuns?
            // The first `}}` (0) and `%}` (1) at or after `from`, as `(from, at)`; `at` is r.upperBound when none.
            var liquidClose = [(from: Int, at: Int)](repeating: (Int.max, 0), count: 2)
            func liquidCloser(_ closer: UInt8, from: Int) -> Int {
                let slot = closer == .rightBrace ? 0 : 1
                let known = liquidClose[slot]
                if known.from <= from && from <= known.at { return known.at }
                var k = from
                while k + 1 < r.upperBound && !(b[k] == closer && b[k + 1] == .rightBrace) { k += 1 }
                let at = k + 1 < r.upperBound ? k : r.upperBound
                liquidClose[slot] = (from, at)
                return at
            }
            // Links whose text is being rendered: the range outside each, and where the link ends.
            var frames: [(lower: Int, end: Int, after: Int)] = []
            var lower = r.lowerBound
            var i = lower
            var run = i
            var end = r.upperBound
            func flush(_ to: Int) { if run < to { out.append(from: input, range: run..<to) } }
            while true {
                if i >= end {
                    flush(end)
                    guard let f = frames.popLast() else { break }
                    lower = f.lower
                    end = f.end
                    i = f.after
                    run = i
                    continue
                }
                let c = b[i]
                switch c {
                case .leftBrace where liquid && i + 1 < end && (b[i + 1] == .leftBrace || b[i + 1] == .percent):  // Liquid
                    let closer: UInt8 = b[i + 1] == .leftBrace ? .rightBrace : .percent
                    let k = liquidCloser(closer, from: i + 2)
                    guard k + 1 < end else { i += 1; continue }
                    flush(i)
                    out.appendSynthetic(placeholder, source: input.sourceRange(i..<(k + 2)))
                    prose.opaqueRanges.append(input.sourceRange(i..<(k + 2)))
                    i = k + 2
                    run = i
                case .backslash where i + 1 < end && isPunct(b[i + 1]):  // backslash escape
                    flush(i)
                    out.append(from: input, range: (i + 1)..<(i + 2))
                    i += 2
                    run = i
                case .backtick:  // code span
                    var n = 0
                    while i + n < end && b[i + n] == .backtick { n += 1 }
                    if ticks == nil { ticks = BacktickRuns(b, r) }
                    guard let close = ticks!.closer(length: n, from: i + n, end: end) else { i += n; continue }
                    flush(i)
                    out.appendSynthetic(placeholder, source: input.sourceRange(i..<(close + n)))
                    prose.opaqueRanges.append(input.sourceRange(i..<(close + n)))
                    i = close + n
                    run = i
                case .asterisk, .underscore, .tilde:  // * _ ~ emphasis delimiters
                    var n = 0
                    while i + n < end && b[i + n] == c { n += 1 }
                    let before: UInt8 = i > lower ? b[i - 1] : .space
                    let after: UInt8 = i + n < end ? b[i + n] : .space
                    let leftFlanking = !Bytes.isWhitespace(after)
                    let rightFlanking = !Bytes.isWhitespace(before)
                    // `_` inside a word (snake_case) is text; `~` needs two.
                    let intraword = isWordByte(before) && isWordByte(after)
                    if (c == .underscore && intraword) || (c == .tilde && n < 2) || (!leftFlanking && !rightFlanking) {
                        i += n
                        continue
                    }
                    flush(i)
                    i += n
                    run = i
                case .exclamation where i + 1 < end && b[i + 1] == .leftBracket:  // image ![alt](src)
                    if let (_, after) = link(b, i + 1, end, table()) {
                        flush(i)
                        out.appendSynthetic(placeholder, source: input.sourceRange(i..<after))
                        prose.opaqueRanges.append(input.sourceRange(i..<after))
                        i = after
                        run = i
                    } else { i += 1 }
                case .leftBracket:  // link [text](url) or [text][ref]: its text is rendered next, in place
                    if let (textR, after) = link(b, i, end, table()) {
                        flush(i)
                        frames.append((lower, end, after))
                        lower = textR.lowerBound
                        end = textR.upperBound
                        i = lower
                        run = i
                    } else { i += 1 }
                case .lessThan:  // autolink or inline HTML
                    var k = i + 1
                    while k < end && b[k] != .greaterThan && b[k] != .lessThan && b[k] != .lineFeed { k += 1 }
                    guard k < end, b[k] == .greaterThan, k > i + 1 else { i += 1; continue }
                    let inner = Bytes.lowerString(b, (i + 1)..<k)
                    if inner.hasPrefix("http") || inner.hasPrefix("mailto:") || (inner.contains("@") && !inner.contains(" ")) {
                        flush(i)
                        out.appendSynthetic(placeholder, source: input.sourceRange(i..<(k + 1)))
                        i = k + 1
                        run = i
                    } else if Bytes.isASCIILetter(b[i + 1]) || b[i + 1] == .slash || b[i + 1] == .exclamation {
                        flush(i)
                        if inner.hasPrefix("!--") {
                            if let d = Directive.parse(Substring(String(decoding: b[(i + 4)..<max(i + 4, k - 2)], as: UTF8.self)),
                                                       range: input.sourceRange(i..<(k + 1))) {
                                prose.directives.append(d)
                            }
                        } else if inner.hasPrefix("br") {
                            out.appendSynthetic([.space], source: input.sourceRange(i..<(k + 1)))
                        }
                        i = k + 1
                        run = i
                    } else { i += 1 }
                case .ampersand:  // entity
                    if let (d, e) = Entities.decode(b, at: i) {
                        flush(i)
                        out.appendSynthetic(d, source: input.sourceRange(i..<e))
                        i = e
                        run = i
                    } else { i += 1 }
                default:
                    i += 1
                }
            }
            return out
        }

        /// Where each `[` and `(` of a range closes, and the next `]` from each offset: found in one pass, so that a
        /// run of brackets (`[[[[…`, `[x]([x](…`) is linear, not one scan to the end per bracket (CommonMark's own
        /// parsers bound their bracket stacks for the same reason).
        final class Matches {
            let lo: Int
            var bracket: [Int32]
            var paren: [Int32]
            var nextClose: [Int32]

            init(_ b: [UInt8], _ r: Range<Int>) {
                lo = r.lowerBound
                let n = r.count
                bracket = [Int32](repeating: -1, count: n)
                paren = [Int32](repeating: -1, count: n)
                nextClose = [Int32](repeating: -1, count: n + 1)
                var brackets: [Int] = [], parens: [Int] = []
                var k = r.lowerBound
                // Brackets skip backslash escapes (as `link` always did); parentheses do not.
                var escaped = -1
                while k < r.upperBound {
                    let c = b[k]
                    if c == .leftParen { parens.append(k) } else if c == .rightParen, let o = parens.popLast() { paren[o - lo] = Int32(k) }
                    if k == escaped {
                        k += 1
                        continue
                    }
                    if c == .backslash { escaped = k + 1 } else if c == .leftBracket { brackets.append(k) } else if c == .rightBracket, let o = brackets.popLast() {
                        bracket[o - lo] = Int32(k)
                    }
                    k += 1
                }
                var next: Int32 = -1
                k = r.upperBound - 1
                while k >= r.lowerBound {
                    if b[k] == .rightBracket { next = Int32(k) }
                    nextClose[k - lo] = next
                    k -= 1
                }
            }
        }

        /// The backtick runs of a range by length. A code span's closer is the next run of exactly the opener's
        /// length (CommonMark); openers are met left to right, so a cursor per length that only moves forward finds
        /// it, and runs of many lengths (`` ` `` `` `` ``` ``` …) are linear, not one scan to the end per opener.
        struct BacktickRuns {
            var starts: [Int: [Int]] = [:]
            var cursor: [Int: Int] = [:]

            init(_ b: [UInt8], _ r: Range<Int>) {
                var k = r.lowerBound
                while k < r.upperBound {
                    guard b[k] == .backtick else { k += 1; continue }
                    var m = 0
                    while k + m < r.upperBound && b[k + m] == .backtick { m += 1 }
                    starts[m, default: []].append(k)
                    k += m
                }
            }

            /// The first run of exactly `n` backticks that starts at or after `from` and before `end`; `from` never
            /// decreases from one call to the next.
            mutating func closer(length n: Int, from: Int, end: Int) -> Int? {
                guard let list = starts[n] else { return nil }
                var c = cursor[n] ?? 0
                while c < list.count && list[c] < from { c += 1 }
                cursor[n] = c
                return c < list.count && list[c] < end ? list[c] : nil
            }
        }

        static func isWordByte(_ c: UInt8) -> Bool { Bytes.isASCIILetter(c) || Bytes.isDigit(c) || c >= 0x80 }

        static func isPunct(_ c: UInt8) -> Bool {
            (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
        }

        /// `[text](dest)` or `[text][ref]` at `i`: the text range and the end.
        static func link(_ b: [UInt8], _ i: Int, _ end: Int, _ m: Matches) -> (Range<Int>, Int)? {
            let close = Int(m.bracket[i - m.lo])
            guard close >= 0, close < end, close + 1 < end else { return nil }
            let textR = (i + 1)..<close
            if b[close + 1] == .leftParen {
                let p = Int(m.paren[close + 1 - m.lo])
                guard p >= 0, p < end else { return nil }
                return (textR, p + 1)
            }
            if b[close + 1] == .leftBracket, close + 2 < end {
                let n = Int(m.nextClose[close + 2 - m.lo])
                guard n >= 0, n < end else { return nil }
                return (textR, n + 1)
            }
            return nil
        }
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
