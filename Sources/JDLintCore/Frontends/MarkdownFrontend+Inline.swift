extension MarkdownFrontend {
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
            var renderer = Renderer(input, r, liquid: liquid)
            renderer.render(&prose)
            return renderer.out
        }

        /// One run of `render`: where it is in the input, the output so far, and the tables it builds on first need.
        struct Renderer {
            let input: MappedBytes
            let b: [UInt8]
            let r: Range<Int>
            let liquid: Bool
            var out = MappedBytes()
            var matches: Matches?
            var ticks: BacktickRuns?
            /// The first `}}` (0) and `%}` (1) at or after `from`, as `(from, at)`; `at` is r.upperBound when none.
            var liquidClose = [(from: Int, at: Int)](repeating: (Int.max, 0), count: 2)
            /// Links whose text is being rendered: the range outside each, and where the link ends.
            var frames: [(lower: Int, end: Int, after: Int)] = []
            /// The range being rendered is `lower..<end`; `i` is the byte being read, and the input from `run` to
            /// `i` is still to be copied to the output.
            var lower: Int
            var end: Int
            var i: Int
            var run: Int

            init(_ input: MappedBytes, _ r: Range<Int>, liquid: Bool) {
                self.input = input
                b = input.bytes
                self.r = r
                self.liquid = liquid
                lower = r.lowerBound
                end = r.upperBound
                i = lower
                run = i
            }

            /// Reads the range, construct by construct; a link's text is read next, in place, and then what follows
            /// the link.
            mutating func render(_ prose: inout Prose) {
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
                    case .leftBrace where liquid && i + 1 < end && (b[i + 1] == .leftBrace || b[i + 1] == .percent): liquidTag(&prose)
                    case .backslash where i + 1 < end && isPunct(b[i + 1]): escape()
                    case .backtick: codeSpan(&prose)
                    case .asterisk, .underscore, .tilde: emphasis(c)
                    case .exclamation where i + 1 < end && b[i + 1] == .leftBracket: image(&prose)
                    case .leftBracket: link()
                    case .lessThan: angleBracket(&prose)
                    case .ampersand: entity()
                    default: i += 1
                    }
                }
            }

            mutating func table() -> Matches {
                if let m = matches { return m }
                let m = Matches(b, r)
                matches = m
                return m
            }

            mutating func liquidCloser(_ closer: UInt8, from: Int) -> Int {
                let slot = closer == .rightBrace ? 0 : 1
                let known = liquidClose[slot]
                if known.from <= from && from <= known.at { return known.at }
                var k = from
                while k + 1 < r.upperBound && !(b[k] == closer && b[k + 1] == .rightBrace) { k += 1 }
                let at = k + 1 < r.upperBound ? k : r.upperBound
                liquidClose[slot] = (from, at)
                return at
            }

            /// Copies the input from `run` to `to`.
            mutating func flush(_ to: Int) { if run < to { out.append(from: input, range: run..<to) } }

            /// Writes `bytes` for the input from `i` to `e` and goes on after it.
            mutating func substitute(upTo e: Int, with bytes: [UInt8]) {
                flush(i)
                out.appendSynthetic(bytes, source: input.sourceRange(i..<e))
                i = e
                run = i
            }

            /// Writes the placeholder for code (never linted) from `i` to `e` and goes on after it.
            mutating func code(upTo e: Int, _ prose: inout Prose) {
                prose.opaqueRanges.append(input.sourceRange(i..<e))
                substitute(upTo: e, with: placeholder)
            }

            /// Liquid output or a tag (`{{ … }}`, `{% … %}`), at `i`: code.
            mutating func liquidTag(_ prose: inout Prose) {
                let closer: UInt8 = b[i + 1] == .leftBrace ? .rightBrace : .percent
                let k = liquidCloser(closer, from: i + 2)
                guard k + 1 < end else { i += 1; return }
                code(upTo: k + 2, &prose)
            }

            /// A backslash escape at `i`: the escaped byte.
            mutating func escape() {
                flush(i)
                out.append(from: input, range: (i + 1)..<(i + 2))
                i += 2
                run = i
            }

            /// A code span at `i`: code.
            mutating func codeSpan(_ prose: inout Prose) {
                var n = 0
                while i + n < end && b[i + n] == .backtick { n += 1 }
                if ticks == nil { ticks = BacktickRuns(b, r) }
                guard let close = ticks!.closer(length: n, from: i + n, end: end) else { i += n; return }
                code(upTo: close + n, &prose)
            }

            /// A run of `*`, `_` or `~` at `i`: dropped when it is an emphasis delimiter.
            mutating func emphasis(_ c: UInt8) {
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
                    return
                }
                flush(i)
                i += n
                run = i
            }

            /// An image `![alt](src)` at `i`: code.
            mutating func image(_ prose: inout Prose) {
                guard let (_, after) = Inline.link(b, i + 1, end, table()) else { i += 1; return }
                code(upTo: after, &prose)
            }

            /// A link `[text](url)` or `[text][ref]` at `i`: its text is rendered next, in place.
            mutating func link() {
                guard let (textR, after) = Inline.link(b, i, end, table()) else { i += 1; return }
                flush(i)
                frames.append((lower, end, after))
                lower = textR.lowerBound
                end = textR.upperBound
                i = lower
                run = i
            }

            /// An autolink (a placeholder) or inline HTML (dropped; a comment may be a directive, `<br>` a space) at `i`.
            mutating func angleBracket(_ prose: inout Prose) {
                var k = i + 1
                while k < end && b[k] != .greaterThan && b[k] != .lessThan && b[k] != .lineFeed { k += 1 }
                guard k < end, b[k] == .greaterThan, k > i + 1 else { i += 1; return }
                let inner = Bytes.lowerString(b, (i + 1)..<k)
                if inner.hasPrefix("http") || inner.hasPrefix("mailto:") || (inner.contains("@") && !inner.contains(" ")) {
                    substitute(upTo: k + 1, with: placeholder)
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
            }

            /// An entity at `i`: its decoded text.
            mutating func entity() {
                guard let (d, e) = Entities.decode(b, at: i) else { i += 1; return }
                substitute(upTo: e, with: d)
            }
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
