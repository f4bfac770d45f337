/// HTML front end: tags and entities decoded with offsets kept; `<h1>`–`<h6>`, `<li>`, `<p>`, table cells and
/// `<br>` boundaries make blocks; a paragraph that is only `<strong>`/`<b>` text is a heading; `script`,
/// `style`, `nav`, `footer`, `code` and `pre` are never linted; `<script type="application/ld+json">` is read as JSON-LD.
public enum HTMLFrontend {
    enum Container {
        case heading(Int)
        case listItem(listID: Int, marker: String, level: Int)
        case paragraph
        case cell
    }

    struct State {
        var inline = MappedBytes()
        var blockStart = -1  // source offset of the current block's opening tag
        var container: [Container] = [.paragraph]
        var lists: [(id: Int, ordered: Bool, count: Int)] = []
        var strongDepth = 0
        /// Non-space bytes of the current block outside `<strong>`/`<b>` (to detect bold-only headings).
        var plainChars = 0
        var boldChars = 0
        var pendingSpace = false
        var pendingSpaceSource = SourceRange(at: 0)
        /// The pending space is one literal space byte of the source (so it maps verbatim).
        var pendingSpaceVerbatim = false
        var headingSeen = false
    }

    static let blockTags: Set<String> = ["p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote",
                                         "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
                                         "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "form", "fieldset", "figure", "figcaption",
                                         "address", "center", "body", "html", "head", "title", "option", "select", "button",
                                         "details", "summary", "caption", "legend", "label", "menu", "iframe"]
    /// Never prose. `nav` and `footer` hold a page's navigation and small print, not the posting.
    static let skipContentTags: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "textarea", "object",
                                               "nav", "footer"]
    static let opaqueTags: Set<String> = ["code", "pre", "kbd", "samp", "var", "tt"]

    public static func parse(_ input: MappedBytes, into prose: inout Prose) {
        var st = State()
        let b = input.bytes
        let n = b.count
        var i = 0
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        var textStart = i
        var titleText: MappedBytes?
        while i < n {
            let c = b[i]
            if c == .lessThan {  // '<'
                flushText(input, textStart..<i, &st)
                if let end = handleTag(input, at: i, &st, &prose, &titleText) {
                    i = end
                } else {
                    appendText(input, i..<(i + 1), &st)  // a lone '<' is text
                    i += 1
                }
                textStart = i
                continue
            }
            if c == .ampersand {  // '&'
                flushText(input, textStart..<i, &st)
                if let (decoded, end) = Entities.decode(b, at: i) {
                    if decoded == [.space] {
                        markSpace(input, i..<end, &st)
                    } else {
                        flushSpace(&st)
                        st.inline.appendSynthetic(decoded, source: input.sourceRange(i..<end))
                        countChars(decoded.count, &st)
                    }
                    i = end
                } else {
                    appendText(input, i..<(i + 1), &st)
                    i += 1
                }
                textStart = i
                continue
            }
            i += 1
        }
        flushText(input, textStart..<n, &st)
        flushBlock(input, end: n, &st, &prose)
        if let t = titleText, prose.metadataTitle == nil {
            var lo = 0, hi = t.count
            while lo < hi && Bytes.isWhitespace(t.bytes[lo]) { lo += 1 }
            while hi > lo && Bytes.isWhitespace(t.bytes[hi - 1]) { hi -= 1 }
            if lo < hi { prose.metadataTitle = (String(decoding: t.bytes[lo..<hi], as: UTF8.self), t.sourceRange(lo..<hi)) }
        }
    }

    static func countChars(_ n: Int, _ st: inout State) {
        if st.strongDepth > 0 { st.boldChars += n } else { st.plainChars += n }
    }

    /// Appends text, turning runs of white space into one space mapped to the whole run.
    static func flushText(_ input: MappedBytes, _ r: Range<Int>, _ st: inout State) {
        guard !r.isEmpty else { return }
        appendText(input, r, &st)
    }

    static func appendText(_ input: MappedBytes, _ r: Range<Int>, _ st: inout State) {
        let b = input.bytes
        var i = r.lowerBound
        var runStart = i
        while i < r.upperBound {
            let c = b[i]
            if Bytes.isWhitespace(c) || isNBSP(b, i, r.upperBound) {
                if runStart < i { flushSpace(&st); st.inline.append(from: input, range: runStart..<i); countChars(i - runStart, &st) }
                var j = i
                while j < r.upperBound && (Bytes.isWhitespace(b[j]) || isNBSP(b, j, r.upperBound)) { j += isNBSP(b, j, r.upperBound) ? 2 : 1 }
                markSpace(input, i..<j, &st)
                i = j
                runStart = j
                continue
            }
            i += 1
        }
        if runStart < r.upperBound {
            flushSpace(&st)
            st.inline.append(from: input, range: runStart..<r.upperBound)
            countChars(r.upperBound - runStart, &st)
        }
    }

    /// A literal no-break space (U+00A0), which pasted postings are full of: white space between words.
    @inline(__always) static func isNBSP(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        b[i] == 0xC2 && i + 1 < end && b[i + 1] == 0xA0
    }

    static func markSpace(_ input: MappedBytes, _ r: Range<Int>, _ st: inout State) {
        if st.pendingSpace {
            st.pendingSpaceSource = SourceRange(st.pendingSpaceSource.lowerBound, input.sourceRange(r).upperBound)
            st.pendingSpaceVerbatim = false
        } else {
            st.pendingSpace = true
            st.pendingSpaceSource = input.sourceRange(r)
            st.pendingSpaceVerbatim = r.count == 1 && input.bytes[r.lowerBound] == .space && input.isVerbatim(r)
        }
    }

    static func flushSpace(_ st: inout State) {
        guard st.pendingSpace else { return }
        st.pendingSpace = false
        if st.inline.count == 0 { return }
        let src = st.pendingSpaceSource
        if st.pendingSpaceVerbatim && src.count == 1 {
            // Only a literal space maps byte for byte; a line break or tab becomes a space standing for it.
            st.inline.appendVerbatim([.space], sourceStart: src.lowerBound)
        } else {
            st.inline.appendSynthetic([.space], source: src)
        }
    }

    static func flushBlock(_ input: MappedBytes, end: Int, _ st: inout State, _ prose: inout Prose) {
        st.pendingSpace = false
        defer {
            st.inline = MappedBytes()
            st.plainChars = 0
            st.boldChars = 0
            st.blockStart = -1
        }
        guard st.inline.count > 0 else { return }
        let srcStart = st.blockStart >= 0 ? st.blockStart : st.inline.sourceOffset(0)
        let srcEnd = max(srcStart, input.sourceOffset(end, isEnd: true))
        let sourceRange = SourceRange(srcStart, max(srcEnd, st.inline.sourceOffset(st.inline.count, isEnd: true)))
        switch st.container.last ?? .paragraph {
        case .heading(let level):
            prose.addBlock(.heading, inline: st.inline, sourceRange: sourceRange, level: level)
            st.headingSeen = true
        case .listItem(let id, let marker, let level):
            prose.addBlock(.listItem, inline: st.inline, sourceRange: sourceRange, level: level, marker: marker, listID: id)
        case .cell:
            prose.addBlock(.cell, inline: st.inline, sourceRange: sourceRange)
        case .paragraph:
            // A short paragraph whose text is all bold reads as a heading.
            if st.boldChars > 0 && st.plainChars == 0 && looksLikeHeading(st.inline.bytes) {
                prose.addBlock(.heading, inline: st.inline, sourceRange: sourceRange, level: 3, explicit: false)
            } else {
                prose.addBlock(.paragraph, inline: st.inline, sourceRange: sourceRange)
            }
        }
    }

    /// Whether a bold-only paragraph reads as a heading: short, starting with a capital, no sentence punctuation at
    /// the end but a question mark, no figures, contact details or list dashes (“Salary – £31,365”, “- Uniform provided” are bold text).
    static func looksLikeHeading(_ t: [UInt8]) -> Bool {
        var lo = 0, hi = t.count
        while lo < hi && Bytes.isWhitespace(t[lo]) { lo += 1 }
        while hi > lo && Bytes.isWhitespace(t[hi - 1]) { hi -= 1 }
        guard hi - lo >= 2 && hi - lo <= 80 else { return false }
        let first = t[lo]
        guard Bytes.isUpper(first) || Bytes.isDigit(first) || first >= 0x80 else { return false }
        if first >= 0x80 && !(Bytes.isWordScalar(Bytes.scalar(t, lo).value)) { return false }  // bullets, dashes, emoji
        let last = t[hi - 1]
        // A bold question is a heading too (“What are the key responsibilities?”, “What's in it for you?”).
        if last == .period || last == .exclamation || last == .comma || last == .semicolon { return false }
        var words = 0, digits = 0, inWord = false
        for i in lo..<hi {
            let c = t[i]
            if c == .at || c == .dollar || c == 0xA3 || c == .slash && i + 1 < hi && t[i + 1] == .slash { return false }  // @ $ £ //
            if Bytes.isDigit(c) { digits += 1 }
            if Bytes.isWhitespace(c) { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        if t[lo..<hi].starts(with: [0xE2, 0x82, 0xAC]) { return false }
        return words <= 10 && digits <= 4
    }

    /// Parses a tag at `i` ('<'); returns the offset after it, or nil when it is not a tag.
    static func handleTag(_ input: MappedBytes, at i: Int, _ st: inout State, _ prose: inout Prose, _ title: inout MappedBytes?) -> Int? {
        let b = input.bytes
        let n = b.count
        guard i + 1 < n else { return nil }
        if b[i + 1] == .exclamation || b[i + 1] == .question { return declarationEnd(input, at: i, &prose) }
        var j = i + 1
        let closing = b[j] == .slash
        if closing { j += 1 }
        guard j < n, Bytes.isASCIILetter(b[j]) else { return nil }
        let nameStart = j
        while j < n && (Bytes.isASCIILetter(b[j]) || Bytes.isDigit(b[j]) || b[j] == .hyphen || b[j] == .colon) { j += 1 }
        let name = Bytes.lowerString(b, nameStart..<j)
        // Attributes up to '>' (quotes respected).
        let attrStart = j
        j = tagEnd(b, from: j)
        let attrs = attrStart..<min(j, n)
        let end = min(j + 1, n)
        let selfClosing = j > attrStart && b[j - 1] == .slash
        let tagSource = input.sourceRange(i..<end)

        if !closing && skipContentTags.contains(name) && !selfClosing {
            // Skip to the matching close tag; read JSON-LD scripts.
            let close = findClose(b, name, from: end)
            if name == "script" && attributeContains(b, attrs, "ld+json") {
                var sub = MappedBytes()
                sub.append(from: input, range: end..<close.contentEnd)
                JSONLDFrontend.parseFields(sub, into: &prose, lintDescription: false)
            }
            prose.opaqueRanges.append(input.sourceRange(i..<close.end))
            return close.end
        }
        if !closing && opaqueTags.contains(name) && !selfClosing {
            let close = findClose(b, name, from: end)
            flushSpace(&st)
            st.inline.appendSynthetic(Array("\u{FFFC}".utf8), source: input.sourceRange(i..<close.end))
            st.plainChars += 1
            prose.opaqueRanges.append(input.sourceRange(i..<close.end))
            return close.end
        }
        if name == "title" && !closing {
            let close = findClose(b, name, from: end)
            title = decodedText(input, end..<close.contentEnd)
            return close.end
        }
        if name == "strong" || name == "b" {
            if closing { st.strongDepth = max(0, st.strongDepth - 1) } else if !selfClosing { st.strongDepth += 1 }
            return end
        }
        guard blockTags.contains(name) else {
            return end  // inline tag: dropped, no separator
        }
        flushBlock(input, end: i, &st, &prose)
        blockTag(name, closing: closing, &st, &prose)
        st.blockStart = !closing && name != "br" && name != "hr" ? tagSource.lowerBound : -1
        return end
    }

    /// A comment (a `jdlint-disable` directive is read from it), `<!DOCTYPE …>`, `<![CDATA[…]]>` or `<? … ?>` at `i`:
    /// the offset after it.
    static func declarationEnd(_ input: MappedBytes, at i: Int, _ prose: inout Prose) -> Int {
        let b = input.bytes
        let n = b.count
        // Comment
        if b[i + 1] == .exclamation {
            if i + 3 < n && b[i + 2] == .hyphen && b[i + 3] == .hyphen {
                var j = i + 4
                while j + 2 < n && !(b[j] == .hyphen && b[j + 1] == .hyphen && b[j + 2] == .greaterThan) { j += 1 }
                let end = min(j + 3, n)
                let inner = String(decoding: b[(i + 4)..<min(j, n)], as: UTF8.self)
                let src = input.sourceRange(i..<end)
                if let d = Directive.parse(Substring(inner), range: src) { prose.directives.append(d) }
                prose.opaqueRanges.append(src)
                return end
            }
            // <!DOCTYPE …> or <![CDATA[…]]>
            var j = i + 2
            while j < n && b[j] != .greaterThan { j += 1 }
            return min(j + 1, n)
        }
        // <? … ?>
        var j = i + 2
        while j < n && b[j] != .greaterThan { j += 1 }
        return min(j + 1, n)
    }

    /// The text of `range` with its character references decoded (the page's `<title>`).
    static func decodedText(_ input: MappedBytes, _ range: Range<Int>) -> MappedBytes {
        let b = input.bytes
        var t = MappedBytes()
        var k = range.lowerBound
        while k < range.upperBound {
            if b[k] == .ampersand, let (d, e) = Entities.decode(b, at: k) {
                t.appendSynthetic(d, source: input.sourceRange(k..<e))
                k = e
            } else {
                t.append(from: input, range: k..<(k + 1))
                k += 1
            }
        }
        return t
    }

    /// Opens or closes the container of a block tag (headings, lists and their items, paragraphs, cells).
    static func blockTag(_ name: String, closing: Bool, _ st: inout State, _ prose: inout Prose) {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            if closing { popContainer(&st) } else { st.container.append(.heading(Int(name.utf8.last! - UInt8(ascii: "0")))) }
        case "ul", "ol", "menu":
            if closing { if !st.lists.isEmpty { st.lists.removeLast() } } else { st.lists.append((prose.newList(), name == "ol", 0)) }
        case "li":
            if closing { popContainer(&st) }
            else {
                if st.lists.isEmpty { st.lists.append((prose.newList(), false, 0)) }
                st.lists[st.lists.count - 1].count += 1
                let l = st.lists[st.lists.count - 1]
                // An <li> implicitly closes a previous one.
                if case .listItem = st.container.last { popContainer(&st) }
                st.container.append(.listItem(listID: l.id, marker: "li", level: st.lists.count))
            }
        case "p", "dt", "dd", "blockquote", "caption", "figcaption", "summary":
            if closing { if case .heading = st.container.last {} else { popContainer(&st) } }
            else {
                // A paragraph inside a list item or cell keeps the item's role.
                switch st.container.last {
                case .listItem, .cell: st.container.append(st.container.last!)
                default: st.container.append(.paragraph)
                }
            }
        case "td", "th":
            if closing { popContainer(&st) } else { st.container.append(.cell) }
        default:
            break
        }
    }

    static func popContainer(_ st: inout State) {
        if st.container.count > 1 { st.container.removeLast() }
    }

    /// Finds `</name>` from `from`; returns where its content ends and where the close tag ends.
    /// The offset of the `>` that ends a start tag whose attributes begin at `from` (a `>` inside a quoted value does
    /// not end it), or `b.count` when the tag is not closed.
    public static func tagEnd(_ b: [UInt8], from: Int) -> Int {
        var j = from
        var quote: UInt8 = 0
        while j < b.count {
            let c = b[j]
            if quote != 0 { if c == quote { quote = 0 } }
            else if c == .quote || c == .apostrophe { quote = c }
            else if c == .greaterThan { break }
            j += 1
        }
        return j
    }

    static func findClose(_ b: [UInt8], _ name: String, from: Int) -> (contentEnd: Int, end: Int) {
        let nb = Array(name.utf8)
        var k = from
        let n = b.count
        while k + 2 + nb.count <= n {
            if b[k] == .lessThan && b[k + 1] == .slash && Bytes.equalsLower(b, (k + 2)..<(k + 2 + nb.count), nb) {
                var e = k + 2 + nb.count
                while e < n && b[e] != .greaterThan { e += 1 }
                return (k, min(e + 1, n))
            }
            k += 1
        }
        return (n, n)
    }

    static func attributeContains(_ b: [UInt8], _ r: Range<Int>, _ needle: String) -> Bool {
        let s = Bytes.lowerString(b, r)
        return s.contains(needle)
    }
}

/// HTML character references.
public enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—", "lsquo": "‘",
        "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„", "hellip": "…", "bull": "•", "middot": "·",
        "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "deg": "°",
        "times": "×", "divide": "÷", "frac12": "½", "frac14": "¼", "frac34": "¾", "para": "¶", "laquo": "«", "raquo": "»",
        "shy": "", "zwj": "", "zwnj": "", "thinsp": " ", "ensp": " ", "emsp": " ", "iexcl": "¡", "iquest": "¿", "eacute": "é",
        "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â", "auml": "ä", "ouml": "ö", "uuml": "ü",
        "oacute": "ó", "iacute": "í", "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "szlig": "ß", "Auml": "Ä", "Ouml": "Ö",
        "Uuml": "Ü", "Eacute": "É", "rarr": "→", "larr": "←", "check": "✓", "hyphen": "‐", "minus": "−", "plusmn": "±",
        "prime": "′", "Prime": "″", "dagger": "†", "ordm": "º", "ordf": "ª", "sup2": "²", "micro": "µ",
    ]

    /// Decodes `&name;`, `&#123;` or `&#x1F;` at `i`; returns the UTF-8 bytes (a space for nbsp) and the end.
    public static func decode(_ b: [UInt8], at i: Int) -> ([UInt8], Int)? {
        let n = b.count
        var j = i + 1
        guard j < n else { return nil }
        if b[j] == .numberSign {  // '#'
            j += 1
            var hex = false
            if j < n && (b[j] | 0x20) == UInt8(ascii: "x") { hex = true; j += 1 }
            var v: UInt32 = 0
            let start = j
            while j < n && j - start < 8 {
                let c = b[j]
                if Bytes.isDigit(c) { v = v * (hex ? 16 : 10) + UInt32(c - UInt8(ascii: "0")) }
                else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { v = v * 16 + UInt32((c | 0x20) - UInt8(ascii: "a") + 10) }
                else { break }
                j += 1
            }
            guard j > start else { return nil }
            let end = j < n && b[j] == .semicolon ? j + 1 : j
            if v == 0xA0 || v == 0x2009 || v == 0x202F { return ([.space], end) }
            if v == 0xAD || v == 0x200B || v == 0x200C || v == 0x200D { return ([], end) }
            let scalar = UnicodeScalar(v) ?? "\u{FFFD}"
            return (Array(String(Character(scalar == "\0" ? "\u{FFFD}" : scalar)).utf8), end)
        }
        let start = j
        while j < n && j - start < 10 && (Bytes.isASCIILetter(b[j]) || Bytes.isDigit(b[j])) { j += 1 }
        guard j > start, j < n, b[j] == .semicolon else { return nil }
        let name = String(decoding: b[start..<j], as: UTF8.self)
        guard let v = named[name] ?? named[name.lowercased()] else { return nil }
        return (Array(v.utf8), j + 1)
    }
}
