/// `grammar/unbalanced-delimiters`: an unclosed "(", "[" or quotation mark within a paragraph or bullet.
struct UnbalancedDelimitersRule: Rule {
    let meta = RuleMeta(
        id: "grammar/unbalanced-delimiters",
        summary: "An opening bracket or quotation mark that is never closed in its paragraph or bullet.",
        explanation: """
            An opening “(”, “[”, “““ or a straight double quote with no partner in the same paragraph or \
            bullet usually means text was cut while editing: “(3+ years preferred, apply today”. Closing marks alone \
            are not reported (list labels like “a)” close without opening), nor are inch marks (24\"), emoticons \
            (“:(”) or brackets inside code. There is no fix: only the writer knows where the bracket should close.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("Experience with Python ↓(3+ years preferred, and SQL."),
            RuleExample("- Bring your ↓[portfolio link", format: .markdown),
            RuleExample("We call it ↓“the best team, and so will you."),
            RuleExample("Our motto is ↓\"care first."),
        ],
        nonTriggering: [
            RuleExample("Experience with Python (3+ years) and SQL [preferred]. We call it “the best”."),
            RuleExample("a) first item b) second item"),
            RuleExample("A 24\" monitor and a 5'10\" desk. Sad :( but fine. Title: \"Product Lead GS15\"."),
            RuleExample("Use `foo(` in code.", format: .markdown),
            RuleExample("Skills (see below:\n\n- Python\n- SQL)", format: .markdown),
        ])

    /// Kinds of marks tracked (the opener's byte): "(" "[" "“" and the straight double quote.
    static let quote: UInt8 = .quote, curly: UInt8 = 0x9C

    /// Walks a block and calls `body(position, kind, isOpener)` for every bracket or quotation mark.
    /// Straight and curly quotes open when they stand before a word and close when they stand after one.
    static func marks(_ t: [UInt8], _ r: Range<Int>, _ body: (Int, UInt8, Bool) -> Void) {
        var i = r.lowerBound
        var straightOpen = false
        func isSpaceOrOpen(_ k: Int) -> Bool {
            if k < r.lowerBound { return true }
            let c = t[k]
            return Bytes.isWhitespace(c) || c == .leftParen || c == .leftBracket || c == .hyphen || c == .slash || c == 0xA0 || c == 0x94 || c == 0x93
        }
        func isSpaceAfter(_ k: Int) -> Bool { k >= r.upperBound || Bytes.isWhitespace(t[k]) }
        while i < r.upperBound {
            let c = t[i]
            switch c {
            case .leftParen, .leftBracket:
                // ":(" and ";(" are faces
                if !(i > r.lowerBound && (t[i - 1] == .colon || t[i - 1] == .semicolon)) { body(i, c, true) }
            case .rightParen, .rightBracket:
                body(i, c == .rightParen ? .leftParen : .leftBracket, false)
            case .quote:
                // inch marks: 24", 5'10" (but "… GS15" closes an open quotation)
                if i > r.lowerBound && Bytes.isDigit(t[i - 1]) && !straightOpen { break }
                let opens = isSpaceOrOpen(i - 1) && !isSpaceAfter(i + 1)
                let closes = !isSpaceOrOpen(i - 1)
                if opens { body(i, quote, true); straightOpen = true } else if closes { body(i, quote, false); straightOpen = false }
            case 0xE2 where i + 2 < r.upperBound && t[i + 1] == 0x80:
                if t[i + 2] == 0x9C {
                    // “ after a word is a closing mark in German style („…“) or a slip: not an opener
                    if isSpaceOrOpen(i - 1) && !isSpaceAfter(i + 3) { body(i, curly, true) } else { body(i, curly, false) }
                }
                if t[i + 2] == 0x9D { body(i, curly, false) }
                i += 2
            default:
                break
            }
            i += 1
        }
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        var stack: [(Int, UInt8)] = []
        // For each kind, where its open marks sit in `stack` (ascending): a closing mark finds its opener without
        // scanning the stack, so a paragraph of `](` repeated stays linear.
        var at: [UInt8: [Int]] = [:]
        for (bi, block) in a.blocks.enumerated() where block.kind == .paragraph || block.kind == .listItem {
            stack.removeAll(keepingCapacity: true)
            at.removeAll(keepingCapacity: true)
            let r = block.proseRange
            // JSON pasted into a posting ({"QuestionName":"…) is not prose.
            if Self.looksLikeJSON(t, r) { continue }
            Self.marks(t, r) { pos, kind, opens in
                if opens {
                    at[kind, default: []].append(stack.count)
                    stack.append((pos, kind))
                    return
                }
                // The latest opener of this kind (straight and curly double quotes close each other).
                var idx = at[kind]?.last ?? -1
                if kind == Self.curly { idx = max(idx, at[Self.quote]?.last ?? -1) }
                if kind == Self.quote { idx = max(idx, at[Self.curly]?.last ?? -1) }
                guard idx >= 0 else { return }
                for (_, k) in stack[idx...] { at[k]?.removeLast() }
                stack.removeSubrange(idx...)
            }
            guard !stack.isEmpty else { continue }
            // Closed by a later block ("(see below:" … a list … ")", a quotation over several paragraphs)? Leave it.
            if closesLater(a, t, after: bi, stack) { continue }
            for (pos, kind) in stack {
                let len = kind == Self.curly ? 3 : 1
                let mark = kind == Self.curly ? "“" : String(UnicodeScalar(kind))
                reporter.report("“\(mark)” is not closed in this \(block.kind == .listItem ? "bullet" : "paragraph").", prose: pos..<(pos + len))
            }
        }
    }

    static func looksLikeJSON(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i + 2 < r.upperBound {
            if t[i] == .quote && t[i + 1] == .colon && (t[i + 2] == .quote || t[i + 2] == .leftBrace || t[i + 2] == .leftBracket) { return true }
            i += 1
        }
        return false
    }

    /// Whether one of the next blocks holds a lone closing mark for the unclosed ones.
    func closesLater(_ a: Analysis, _ t: [UInt8], after bi: Int, _ open: [(Int, UInt8)]) -> Bool {
        var b = bi + 1
        while b < a.blocks.count && b <= bi + 30 {
            var depth: [UInt8: Int] = [:]
            var found = false
            Self.marks(t, a.blocks[b].proseRange) { _, kind, opens in
                if opens { depth[kind, default: 0] += 1; return }
                if depth[kind, default: 0] > 0 { depth[kind, default: 0] -= 1; return }
                if open.contains(where: { $0.1 == kind || ($0.1 == Self.quote && kind == Self.curly) || ($0.1 == Self.curly && kind == Self.quote) }) {
                    found = true
                }
            }
            if found { return true }
            if a.blocks[b].kind == .heading { return false }
            b += 1
        }
        return false
    }
}
