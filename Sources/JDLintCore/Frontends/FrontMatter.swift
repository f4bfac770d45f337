/// YAML front matter (`---` … `---`, also the `key: value` … `---` form some job boards use): top-level keys
/// become fields; long prose values (`description:`, `summary:`…) are linted as Markdown or HTML.
enum FrontMatter {
    static let proseKeys: Set<String> = ["description", "summary", "body", "content", "about", "responsibilities", "requirements",
                                         "qualifications", "benefits", "duties", "excerpt", "overview", "details"]

    /// Parses front matter at the start of `lines`; returns the index of the first body line.
    static func parse(_ input: MappedBytes, lines: [Range<Int>], into prose: inout Prose) -> Int {
        let b = input.bytes
        guard !lines.isEmpty else { return 0 }
        func text(_ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }
        func isDelimiter(_ r: Range<Int>, _ d: String) -> Bool {
            var e = r.upperBound
            while e > r.lowerBound && Bytes.isSpace(b[e - 1]) { e -= 1 }
            return text(r.lowerBound..<e) == d
        }
        var first = 0
        var endLine = -1
        if isDelimiter(lines[0], "---") {
            first = 1
            for j in 1..<lines.count where isDelimiter(lines[j], "---") || isDelimiter(lines[j], "...") { endLine = j; break }
        } else if isDelimiter(lines[0], "+++") {
            return skipTOML(input, lines, into: &prose)
        } else if looksLikeKey(b, lines[0]) || endsWithCommentBox(b, lines[0]) || isComment(b, lines[0]) {
            // Headerless form (the opening `---` lost, as some job boards and exports do): YAML-ish lines — keys,
            // `#` comments, indented or `- ` continuation lines — up to a `---` line, with at least one key.
            var keys = 0
            for j in 0..<min(lines.count, 400) {
                if j > 0 && isDelimiter(lines[j], "---") { endLine = j; break }
                let l = lines[j]
                let blank = l.allSatisfy { Bytes.isWhitespace(b[$0]) }
                if looksLikeKey(b, l) { keys += 1; continue }
                if blank || isComment(b, l) || (j == 0 && endsWithCommentBox(b, l))
                    || (l.count > 0 && (b[l.lowerBound] == .space || b[l.lowerBound] == .tab || b[l.lowerBound] == .hyphen)) {
                    continue
                }
                return 0
            }
            // Starting with a comment, a Markdown heading could look the same: ask for more keys.
            if keys == 0 || (isComment(b, lines[0]) && keys < 2) { return 0 }
        }
        guard endLine > 0 else { return 0 }
        parseYAML(input, Array(lines[first..<endLine]), into: &prose)
        var lintedRanges: [Range<Int>] = []
        _ = lintedRanges
        lintedRanges = []
        prose.opaqueRanges.append(input.sourceRange(lines[0].lowerBound..<lines[endLine].upperBound))
        return endLine + 1
    }

    /// A line of `#` only (the top of a boxed comment), at least ten long.
    static func isHashRule(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        r.count >= 10 && b[r].allSatisfy { $0 == .numberSign || Bytes.isSpace($0) } && b[r.lowerBound] == .numberSign
    }

    /// A YAML comment line (`# …`).
    static func isComment(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        var k = r.lowerBound
        while k < r.upperBound && (b[k] == .space || b[k] == .tab) { k += 1 }
        return k < r.upperBound && b[k] == .numberSign
    }

    /// The tail of a boxed `# … #` comment whose start was cut off: text ending in `   #`.
    static func endsWithCommentBox(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        var e = r.upperBound
        while e > r.lowerBound && Bytes.isSpace(b[e - 1]) { e -= 1 }
        return e - r.lowerBound >= 3 && b[e - 1] == .numberSign && b[e - 2] == .space && b[e - 3] == .space
    }

    /// `key: value` or `key:` at the start of a line; keys may hold inner spaces (`application link:`), up to four words.
    static func looksLikeKey(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        guard let f = r.first, Bytes.isASCIILetter(b[f]) || b[f] == .underscore else { return false }
        var k = r.lowerBound
        var spaces = 0
        while k < r.upperBound && k - r.lowerBound < 40 {
            let c = b[k]
            if Bytes.isASCIILetter(c) || Bytes.isDigit(c) || c == .underscore || c == .hyphen { k += 1; continue }
            if c == .space && k + 1 < r.upperBound && b[k + 1] != .space && b[k + 1] != .colon && spaces < 3 { spaces += 1; k += 1; continue }
            break
        }
        return k < r.upperBound && b[k] == .colon && (k + 1 == r.upperBound || b[k + 1] == .space || b[k + 1] == .tab)
    }

    static func skipTOML(_ input: MappedBytes, _ lines: [Range<Int>], into prose: inout Prose) -> Int {
        let b = input.bytes
        for j in 1..<lines.count where String(decoding: b[lines[j]], as: UTF8.self).trimmingCharacters(in: " \t") == "+++" {
            prose.opaqueRanges.append(input.sourceRange(lines[0].lowerBound..<lines[j].upperBound))
            return j + 1
        }
        return 0
    }

    static func indent(_ b: [UInt8], _ r: Range<Int>) -> Int {
        var k = r.lowerBound
        while k < r.upperBound && (b[k] == .space || b[k] == .tab) { k += 1 }
        return k == r.upperBound ? Int.max : k - r.lowerBound
    }

    static func parseYAML(_ input: MappedBytes, _ lines: [Range<Int>], into prose: inout Prose) {
        let b = input.bytes
        var i = 0
        while i < lines.count {
            let l = lines[i]
            guard indent(b, l) == 0, looksLikeKey(b, l) else { i += 1; continue }
            var colon = l.lowerBound
            while b[colon] != .colon { colon += 1 }
            let rawKey = String(decoding: b[l.lowerBound..<colon], as: UTF8.self)
            var v = colon + 1
            while v < l.upperBound && Bytes.isSpace(b[v]) { v += 1 }
            // A YAML tag (`!!timestamp '2016-03-25'`, `!!str 42`) says how to read the value; the value follows it.
            if v + 1 < l.upperBound && b[v] == .exclamation {
                var k = v
                while k < l.upperBound && !Bytes.isWhitespace(b[k]) { k += 1 }
                while k < l.upperBound && Bytes.isSpace(b[k]) { k += 1 }
                if k < l.upperBound { v = k }
            }
            // Lines that belong to this key: indented (or blank) ones that follow.
            var j = i + 1
            while j < lines.count && (indent(b, lines[j]) > 0 || (lines[j].allSatisfy { Bytes.isWhitespace(b[$0]) })) {
                if indent(b, lines[j]) == 0 && j + 1 < lines.count && indent(b, lines[j + 1]) == 0 { break }
                j += 1
            }
            // Lists written at indent 0 under the key (`tags:\n- a\n- b`).
            while j < lines.count && lines[j].count > 1 && b[lines[j].lowerBound] == .hyphen && b[lines[j].lowerBound + 1] == .space { j += 1 }
            var last = j - 1
            while last > i && lines[last].allSatisfy({ Bytes.isWhitespace(b[$0]) }) { last -= 1 }
            let valueEnd = last > i ? lines[last].upperBound : l.upperBound
            let (value, json) = yamlValue(input, lines, key: i, last: last, from: v, to: valueEnd)
            let key = Field.normaliseKey(rawKey)
            let valueText = String(decoding: value.bytes, as: UTF8.self)
            let valueSource = v < l.upperBound || last > i ? input.sourceRange((v < l.upperBound ? v : lines[i + 1].lowerBound)..<valueEnd) : input.sourceRange(v..<v)
            prose.fields.append(Field(key: key, rawKey: rawKey, value: valueText, keyRange: input.sourceRange(l.lowerBound..<colon),
                                      valueRange: valueSource, origin: .frontMatter, json: json))
            if key == "title" && !valueText.isEmpty {
                prose.metadataTitle = (valueText, value.sourceRange(0..<value.count))
            }
            if proseKeys.contains(key) && value.count >= 80 {
                if JSONLDFrontend.containsLiteral(value.bytes, "</") || JSONLDFrontend.containsLiteral(value.bytes, "<p>") || JSONLDFrontend.containsLiteral(value.bytes, "<br") {
                    HTMLFrontend.parse(value, into: &prose)
                } else {
                    let sub = MarkdownFrontend.splitLines(value.bytes, from: 0)
                    var idx = 0
                    MarkdownFrontend.parseBlocks(value, sub, from: &idx, into: &prose)
                }
            }
            i = max(j, i + 1)
        }
    }

    /// The value of the key on line `key` (its text from `from`, the lines after it up to `last`, ending at `to`): a
    /// block scalar (`|`, `>`), a quoted or plain scalar (continued on indented lines, a ` #comment` dropped), or a
    /// nested mapping or list flattened to its leaves; as text and as JSON.
    static func yamlValue(_ input: MappedBytes, _ lines: [Range<Int>], key i: Int, last: Int, from v: Int, to valueEnd: Int) -> (MappedBytes, JSONValue) {
        let b = input.bytes
        let l = lines[i]
        var value = MappedBytes()
        var json: JSONValue = .null
        if v < l.upperBound && (b[v] == .verticalBar || b[v] == .greaterThan) {
            // Block scalar: dedented lines, line breaks kept (folded `>` also keeps them: prose blocks still split right).
            if last > i {
                let ind = (i + 1...last).map { indent(b, lines[$0]) }.min() ?? 0
                for k in (i + 1)...last {
                    let r = lines[k]
                    if r.count > ind { value.append(from: input, range: (r.lowerBound + ind)..<r.upperBound) }
                    value.appendSynthetic([.lineFeed], source: input.sourceRange(r.upperBound..<r.upperBound))
                }
            }
            json = .string(String(decoding: value.bytes, as: UTF8.self))
        } else if v < l.upperBound && (b[v] == .quote || b[v] == .apostrophe) {
            value = quoted(input, from: v, to: valueEnd, quote: b[v])
            json = .string(String(decoding: value.bytes, as: UTF8.self))
        } else if v < l.upperBound {
            // Plain scalar, possibly continued on indented lines; strip a trailing ` #comment`.
            var e = l.upperBound
            if let hash = commentStart(b, v..<e) { e = hash }
            while e > v && Bytes.isWhitespace(b[e - 1]) { e -= 1 }
            value.append(from: input, range: v..<e)
            if last > i {
                for k in (i + 1)...last {
                    let r = lines[k]
                    let s = r.lowerBound + min(indent(b, r), r.count)
                    if s < r.upperBound {
                        value.appendSynthetic([.space], source: input.sourceRange(s..<s))
                        value.append(from: input, range: s..<r.upperBound)
                    }
                }
            }
            json = .string(String(decoding: value.bytes, as: UTF8.self))
        } else if last > i {
            // Nested mapping or list: a readable flattening of the leaves.
            var parts: [String] = []
            var obj = JSONObject()
            var arr: [JSONValue] = []
            for k in (i + 1)...last {
                var s = String(decoding: b[lines[k]], as: UTF8.self).trimmingCharacters(in: " \t")
                if s.hasPrefix("- ") { s.removeFirst(2); arr.append(.string(unquote(s))) }
                if let c = s.firstIndex(of: ":"), looksLikeKey(Array(s.utf8), 0..<s.utf8.count) {
                    let val = unquote(String(s[s.index(after: c)...]).trimmingCharacters(in: " \t"))
                    obj[String(s[..<c])] = .string(val)
                    if !val.isEmpty { parts.append(val) }
                } else if !s.isEmpty {
                    parts.append(unquote(s))
                }
            }
            json = arr.isEmpty ? .object(obj) : .array(arr)
            value.appendSynthetic(Array(parts.joined(separator: ", ").utf8), source: input.sourceRange(lines[i + 1].lowerBound..<valueEnd))
        }
        return (value, json)
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, f == "\"" || f == "'", s.last == f { return String(s.dropFirst().dropLast()) }
        return s
    }

    static func commentStart(_ b: [UInt8], _ r: Range<Int>) -> Int? {
        var k = r.lowerBound + 1
        while k < r.upperBound {
            if b[k] == .numberSign && (b[k - 1] == .space || b[k - 1] == .tab) { return k - 1 }
            k += 1
        }
        return nil
    }

    /// A quoted YAML scalar from `start` (the quote) up to its closing quote (before `limit`), decoded with a map.
    static func quoted(_ input: MappedBytes, from start: Int, to limit: Int, quote: UInt8) -> MappedBytes {
        let b = input.bytes
        var out = MappedBytes()
        var i = start + 1
        var run = i
        while i < limit {
            let c = b[i]
            if quote == .quote && c == .backslash && i + 1 < limit {
                out.append(from: input, range: run..<i)
                let e = b[i + 1]
                var d: [UInt8] = []
                var len = 2
                switch e {
                case UInt8(ascii: "n"): d = [.lineFeed]
                case UInt8(ascii: "t"): d = [.tab]
                case .quote: d = [.quote]
                case .backslash: d = [.backslash]
                case .slash: d = [.slash]
                case UInt8(ascii: "r"): d = []
                case .lineFeed, .carriageReturn: d = []  // escaped line break: joined
                case UInt8(ascii: "u") where i + 5 < limit:
                    if let v = UInt32(String(decoding: b[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16), let u = UnicodeScalar(v) {
                        d = Array(String(Character(u)).utf8)
                    }
                    len = 6
                default: d = [e]
                }
                out.appendSynthetic(d.isEmpty ? [] : d, source: input.sourceRange(i..<(i + len)))
                i += len
                run = i
                continue
            }
            if c == quote {
                if quote == .apostrophe && i + 1 < limit && b[i + 1] == .apostrophe {
                    out.append(from: input, range: run..<(i + 1))
                    i += 2
                    run = i
                    continue
                }
                break
            }
            if c == .lineFeed || c == .carriageReturn {
                // A line break inside a quoted scalar folds to a space; the next line's indentation is dropped.
                out.append(from: input, range: run..<i)
                var k = i
                while k < limit && Bytes.isWhitespace(b[k]) { k += 1 }
                out.appendSynthetic([.space], source: input.sourceRange(i..<k))
                i = k
                run = i
                continue
            }
            i += 1
        }
        out.append(from: input, range: run..<min(i, limit))
        return out
    }
}
