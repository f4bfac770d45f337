/// `grammar/unbalanced-delimiters`: an unclosed "(", "[" or quotation mark within a paragraph or bullet.
struct UnbalancedDelimitersRule: Rule {
    let meta = RuleMeta(
        id: "grammar/unbalanced-delimiters",
        summary: "An opening bracket or quotation mark that is never closed in its paragraph or bullet.",
        explanation: """
            An opening “(”, “[”, “{”, “““ or a straight double quote with no partner in the same paragraph or \
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
            RuleExample("A 24\" monitor and a 5'10\" desk. Sad :( but fine."),
            RuleExample("Use `foo(` in code.", format: .markdown),
            RuleExample("Skills (see below:\n\n- Python\n- SQL)", format: .markdown),
        ])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        var stack: [(Int, UInt8)] = []
        for (bi, block) in a.blocks.enumerated() where block.kind == .paragraph || block.kind == .listItem {
            // A list that closes what the paragraph before it opened ("(see below:" … ")"): skip such openers.
            stack.removeAll(keepingCapacity: true)
            let r = block.proseRange
            var straight: Int?  // position of an open straight double quote
            var i = r.lowerBound
            while i < r.upperBound {
                let c = t[i]
                switch c {
                case 0x28, 0x5B, 0x7B:
                    // ":(" and ";(" are faces
                    if !(i > r.lowerBound && (t[i - 1] == 0x3A || t[i - 1] == 0x3B)) { stack.append((i, c)) }
                case 0x29, 0x5D, 0x7D:
                    let open: UInt8 = c == 0x29 ? 0x28 : c == 0x5D ? 0x5B : 0x7B
                    if let idx = stack.lastIndex(where: { $0.1 == open }) { stack.removeSubrange(idx...) }
                case 0x22:
                    // inch marks: 24", 5'10"
                    if i > r.lowerBound && Bytes.isDigit(t[i - 1]) && straight == nil { break }
                    if straight == nil { straight = i } else { straight = nil }
                case 0xE2 where i + 2 < r.upperBound && t[i + 1] == 0x80:
                    if t[i + 2] == 0x9C { stack.append((i, 0x9C)) }
                    if t[i + 2] == 0x9D, let idx = stack.lastIndex(where: { $0.1 == 0x9C }) { stack.removeSubrange(idx...) }
                    i += 2
                default:
                    break
                }
                i += 1
            }
            if let q = straight { stack.append((q, 0x22)) }
            guard !stack.isEmpty else { continue }
            // Closed by a later block of the same run (a list after "(see below:")? Then leave it.
            if closesLater(a, t, after: bi, stack) { continue }
            for (pos, kind) in stack.sorted(by: { $0.0 < $1.0 }) {
                let len = kind == 0x9C ? 3 : 1
                let mark = kind == 0x9C ? "“" : String(UnicodeScalar(kind))
                reporter.report("“\(mark)” is not closed in this \(block.kind == .listItem ? "bullet" : "paragraph").", prose: pos..<(pos + len))
            }
        }
    }

    /// Whether one of the next few blocks holds a lone closing mark for the unclosed ones.
    func closesLater(_ a: Analysis, _ t: [UInt8], after bi: Int, _ open: [(Int, UInt8)]) -> Bool {
        var b = bi + 1
        while b < a.blocks.count && b <= bi + 30 {
            let r = a.blocks[b].proseRange
            var depth = 0
            var i = r.lowerBound
            while i < r.upperBound {
                let c = t[i]
                if c == 0x28 || c == 0x5B { depth += 1 }
                if c == 0x29 || c == 0x5D {
                    if depth == 0 && open.contains(where: { $0.1 == (c == 0x29 ? 0x28 : 0x5B) }) { return true }
                    depth = max(0, depth - 1)
                }
                i += 1
            }
            if a.blocks[b].kind == .heading { return false }
            b += 1
        }
        return false
    }
}
