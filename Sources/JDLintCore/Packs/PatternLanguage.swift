/// The restricted pattern language of `pattern` rules, compiled to an automaton that runs in time linear in the
/// input, whatever the pattern (a pack can never make jdlint slow).
///
/// Syntax (case-insensitive for ASCII letters unless the rule says `"caseSensitive": true`):
///
/// | Written        | Matches                                                                 |
/// |----------------|-------------------------------------------------------------------------|
/// | `abc`          | the literal text (`\` escapes one of `\ ( ) \| ? + * . [ ] { } ^ $`)   |
/// | a space        | 1 to 4 spaces, tabs or no-break spaces                                  |
/// | `\b`           | a word boundary (between a letter or digit and anything else)           |
/// | `\d`           | one digit; `\d+` one to 20 digits                                       |
/// | `(a\|b c)`     | alternatives (a group)                                                  |
/// | `x?` `(x y)?`  | optional character or group: `(very )?good`                            |
///
/// There is no `*`, no `.` wildcard, no unbounded repetition, no back-reference and no look-around, so the
/// automaton is acyclic: a match is at most `maxLength` bytes long. Matching is a Pike-VM simulation of the
/// Thompson automaton (each state at most once per input byte, no backtracking): O(input × states). Matches are
/// leftmost-longest and non-overlapping; after a match, scanning resumes at its end, which re-reads at most
/// `maxLength` bytes, so the total stays linear (`benchmarks/patterns/run` measures it).
public struct PackPattern: Sendable {
    /// A pattern syntax error with the character offset (0-based, in scalars) where it was found.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var message: String
        public var offset: Int
    }

    enum Node: Sendable {
        /// Matches a byte; `fold` compares ASCII letters case-insensitively.
        case byte(UInt8, fold: Bool, next: Int)
        case digit(next: Int)
        case space(next: Int)
        case boundary(next: Int)
        case split(Int, Int)
        case accept(tag: Int)
    }

    indirect enum AST: Equatable {
        case bytes([UInt8])
        case digits(min: Int, max: Int)
        case space
        case boundary
        case seq([AST])
        case alt([AST])
        case optional(AST)
    }

    var nodes: [Node] = []
    var start: Int = 0
    /// Flat automaton tables (see `flatten`).
    var kinds: [UInt8] = [], argA: [Int32] = [], argB: [Int32] = [], nodeBytes: [UInt8] = []
    /// Consuming states of the start closure by the byte they accept (see `startIndex`): the states for byte `c`
    /// are `startNodes[startFirst[c]..<startFirst[c + 1]]`, written `~state` when a `\b` must hold first.
    var startFirst: [Int32] = [Int32](repeating: 0, count: 257), startNodes: [Int32] = []
    /// The longest match in bytes.
    public private(set) var maxLength: Int = 0
    /// Number of automaton states.
    public var stateCount: Int { nodes.count }

    /// Limits that keep a pack from building a huge automaton.
    public static let maxStates = 20_000
    public static let maxDigits = 20
    public static let maxSpaces = 4

    /// Compiles alternatives, each with its tag (the index in `sources`). Throws the first syntax error with the
    /// index of the offending source.
    public init(_ sources: [String], caseSensitive: Bool = false) throws(PatternCompileError) {
        var asts: [AST] = []
        for (i, s) in sources.enumerated() {
            do {
                var p = Parser(Array(s.unicodeScalars))
                asts.append(try p.parse())
            } catch {
                throw PatternCompileError(index: i, error: error)
            }
        }
        try self.init(asts: asts, caseSensitive: caseSensitive)
    }

    /// Compiles literal strings (matched whole, at word boundaries where they start or end with a letter or
    /// digit), each with its tag.
    public init(literals: [String], caseSensitive: Bool = false) throws(PatternCompileError) {
        var asts: [AST] = []
        for l in literals {
            let b = Array(l.utf8)
            var parts: [AST] = []
            let isWordByte = { (c: UInt8) in Bytes.isASCIILetter(c) || Bytes.isDigit(c) || c >= 0x80 }
            if let f = b.first, isWordByte(f) { parts.append(.boundary) }
            // Spaces in a literal match a run of white space, like in patterns.
            var run: [UInt8] = []
            for c in b {
                if c == 0x20 {
                    if !run.isEmpty { parts.append(.bytes(run)); run = [] }
                    if parts.last != .space { parts.append(.space) }
                } else {
                    run.append(c)
                }
            }
            if !run.isEmpty { parts.append(.bytes(run)) }
            if let l = b.last, isWordByte(l) { parts.append(.boundary) }
            asts.append(.seq(parts))
        }
        try self.init(asts: asts, caseSensitive: caseSensitive)
    }

    init(asts: [AST], caseSensitive: Bool) throws(PatternCompileError) {
        guard !asts.isEmpty else { return }
        var c = Compiler(fold: !caseSensitive)
        var starts: [Int] = []
        for (tag, ast) in asts.enumerated() {
            let acc = c.add(.accept(tag: tag))
            starts.append(c.compile(ast, acc))
            if c.nodes.count > PackPattern.maxStates {
                throw PatternCompileError(index: tag, error: SyntaxError(message: "the pattern is too large (over \(PackPattern.maxStates) states)", offset: 0))
            }
        }
        var s = starts.last!
        for st in starts.dropLast().reversed() { s = c.add(.split(st, s)) }
        nodes = c.nodes
        start = s
        // Reject patterns that match empty text: they would report at every position.
        for (tag, st) in starts.enumerated() where nullable(st) {
            throw PatternCompileError(index: tag, error: SyntaxError(message: "the pattern can match empty text; give it at least one required character", offset: 0))
        }
        maxLength = longest(start)
        (kinds, argA, argB, nodeBytes) = PackPattern.flatten(nodes)
        let index = PackPattern.startIndex(nodes, start)
        var first: [Int32] = [0]
        for c in 0..<256 {
            for (n, nb) in index[c] { startNodes.append(nb ? ~Int32(n) : Int32(n)) }
            first.append(Int32(startNodes.count))
        }
        startFirst = first
    }

    func nullable(_ s: Int) -> Bool {
        var stack = [s]
        var seen = Set<Int>()
        while let n = stack.popLast() {
            guard seen.insert(n).inserted else { continue }
            switch nodes[n] {
            case .accept: return true
            case .split(let a, let b): stack.append(a); stack.append(b)
            case .boundary(let x): stack.append(x)
            default: continue
            }
        }
        return false
    }

    /// Longest path in bytes (the automaton is acyclic: every edge goes to a lower index).
    func longest(_ s: Int) -> Int {
        var memo = [Int](repeating: -1, count: nodes.count)
        for i in 0..<nodes.count {  // children have lower indices, so one forward pass suffices
            switch nodes[i] {
            case .accept: memo[i] = 0
            case .byte(_, _, let x), .digit(let x), .space(let x): memo[i] = memo[x] + 1
            case .boundary(let x): memo[i] = memo[x]
            case .split(let a, let b): memo[i] = max(memo[a], memo[b])
            }
        }
        return memo[s]
    }

    // MARK: parsing

    struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }

        static let meta: Set<Unicode.Scalar> = ["\\", "(", ")", "|", "?", "+", "*", ".", "[", "]", "{", "}", "^", "$"]

        mutating func parse() throws(SyntaxError) -> AST {
            guard !s.isEmpty else { throw SyntaxError(message: "the pattern is empty", offset: 0) }
            let a = try alt()
            if i < s.count { throw SyntaxError(message: "unbalanced “)”", offset: i) }
            return a
        }

        mutating func alt() throws(SyntaxError) -> AST {
            var branches = [try seq()]
            while i < s.count && s[i] == "|" {
                i += 1
                branches.append(try seq())
            }
            return branches.count == 1 ? branches[0] : .alt(branches)
        }

        mutating func seq() throws(SyntaxError) -> AST {
            var items: [AST] = []
            let begin = i
            while i < s.count && s[i] != "|" && s[i] != ")" {
                var a = try atom()
                if i < s.count && s[i] == "?" {
                    i += 1
                    a = .optional(a)
                }
                if i < s.count && s[i] == "+" {
                    throw SyntaxError(message: "“+” is only supported after \\d (\\d+); use \\+ for a literal plus", offset: i)
                }
                if i < s.count && (s[i] == "?" || s[i] == "*") {
                    throw SyntaxError(message: "“\(s[i])” here is not supported: only \\d+ repeats, and ? makes the item before it optional", offset: i)
                }
                items.append(a)
            }
            if items.isEmpty { throw SyntaxError(message: "an empty alternative", offset: begin) }
            return items.count == 1 ? items[0] : .seq(items)
        }

        mutating func atom() throws(SyntaxError) -> AST {
            let c = s[i]
            switch c {
            case "(":
                let open = i
                i += 1
                let inner = try alt()
                guard i < s.count && s[i] == ")" else { throw SyntaxError(message: "“(” is not closed", offset: open) }
                i += 1
                return inner
            case "\\":
                guard i + 1 < s.count else { throw SyntaxError(message: "a pattern cannot end with “\\”", offset: i) }
                let e = s[i + 1]
                i += 2
                switch e {
                case "b": return .boundary
                case "d":
                    if i < s.count && s[i] == "+" {
                        i += 1
                        return .digits(min: 1, max: PackPattern.maxDigits)
                    }
                    return .digits(min: 1, max: 1)
                default:
                    if Parser.meta.contains(e) || e == "-" || e == "/" || e == "'" || e == "\"" { return .bytes(Array(String(e).utf8)) }
                    throw SyntaxError(message: "unknown escape “\\\(e)” (known: \\b, \\d, \\d+ and \\ before a special character)", offset: i - 2)
                }
            case " ":
                while i < s.count && s[i] == " " { i += 1 }
                return .space
            case "*": throw SyntaxError(message: "“*” is not supported (no unbounded repetition, so patterns stay linear-time); use alternatives or `?`, or \\* for a literal asterisk", offset: i)
            case "+": throw SyntaxError(message: "“+” is only supported after \\d; use \\+ for a literal plus", offset: i)
            case "?": throw SyntaxError(message: "“?” must follow a character or a group", offset: i)
            case ".": throw SyntaxError(message: "“.” (any character) is not supported; use \\. for a literal period", offset: i)
            case "[", "]": throw SyntaxError(message: "character classes are not supported; use alternatives like (a|b), or \\\(c) for a literal", offset: i)
            case "{", "}": throw SyntaxError(message: "counted repetition is not supported; use \\\(c) for a literal", offset: i)
            case "^", "$": throw SyntaxError(message: "anchors are not supported; use \\b for a word boundary, or \\\(c) for a literal", offset: i)
            default:
                if c.value < 0x20 || c.value == 0x7F { throw SyntaxError(message: "control characters are not allowed in a pattern", offset: i) }
                i += 1
                return .bytes(Array(String(c).utf8))
            }
        }
    }

    // MARK: compiling

    struct Compiler {
        var nodes: [Node] = []
        let fold: Bool

        mutating func add(_ n: Node) -> Int {
            nodes.append(n)
            return nodes.count - 1
        }

        /// Compiles `ast` so that it continues into `next`; returns its start state. Every state points only to
        /// states created before it (lower indices): the automaton is acyclic by construction.
        mutating func compile(_ ast: AST, _ next: Int) -> Int {
            switch ast {
            case .bytes(let b):
                var s = next
                for c in b.reversed() {
                    s = add(.byte(fold ? Bytes.lower(c) : c, fold: fold && Bytes.isASCIILetter(c), next: s))
                }
                return s
            case .digits(let lo, let hi):
                var s = next
                for _ in lo..<hi { s = add(.split(add(.digit(next: s)), next)) }
                for _ in 0..<lo { s = add(.digit(next: s)) }
                return s
            case .space:
                var s = next
                for _ in 1..<PackPattern.maxSpaces { s = add(.split(add(.space(next: s)), next)) }
                return add(.space(next: s))
            case .boundary:
                return add(.boundary(next: next))
            case .seq(let items):
                var s = next
                for a in items.reversed() { s = compile(a, s) }
                return s
            case .alt(let branches):
                let starts = branches.map { compile($0, next) }
                var s = starts.last!
                for st in starts.dropLast().reversed() { s = add(.split(st, s)) }
                return s
            case .optional(let a):
                return add(.split(compile(a, next), next))
            }
        }
    }

    // MARK: matching

    public struct Match: Sendable, Equatable {
        public var range: Range<Int>
        /// Index of the alternative (source) that matched.
        public var tag: Int
    }

    @inline(__always) static func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0xA0 || b == 0xC2 }

    /// Whether the scalar ending just before `i` and the one starting at `i` differ in being word characters.
    @inline(__always) static func isBoundary(_ t: [UInt8], _ lo: Int, _ hi: Int, _ i: Int) -> Bool {
        var before = false, after = false
        if i > lo {
            var j = i - 1
            while j > lo && Bytes.isContinuation(t[j]) { j -= 1 }
            let c = t[j]
            before = c < 0x80 ? (Bytes.isASCIILetter(c) || Bytes.isDigit(c)) : Bytes.isWordScalar(Bytes.scalar(t, j).value)
        }
        if i < hi {
            let c = t[i]
            after = c < 0x80 ? (Bytes.isASCIILetter(c) || Bytes.isDigit(c)) : Bytes.isWordScalar(Bytes.scalar(t, i).value)
        }
        return before != after
    }

    /// The consuming states of the start state's ε-closure, by the byte they accept, each with whether a `\b` lies
    /// on the way (then the boundary must hold where the match starts). Seeding a thread at a position touches
    /// only the alternatives that can accept its byte, and idle stretches of text are skipped byte by byte.
    static func startIndex(_ nodes: [Node], _ start: Int) -> [[(node: Int, needsBoundary: Bool)]] {
        var out = [[(node: Int, needsBoundary: Bool)]](repeating: [], count: 256)
        guard !nodes.isEmpty else { return out }
        // best[n]: 0 unseen, 1 reached only through a boundary, 2 reached without one (dominates).
        var best = [UInt8](repeating: 0, count: nodes.count)
        var stack: [(Int, Bool)] = [(start, false)]
        var order: [Int] = []
        while let (n, b) = stack.popLast() {
            let level: UInt8 = b ? 1 : 2
            if best[n] >= level { continue }
            if best[n] == 0 { order.append(n) }
            best[n] = level
            switch nodes[n] {
            case .split(let x, let y): stack.append((y, b)); stack.append((x, b))
            case .boundary(let x): stack.append((x, true))
            default: break
            }
        }
        for n in order.sorted() {
            let nb = best[n] == 1
            switch nodes[n] {
            case .byte(let c, let fold, _):
                out[Int(c)].append((n, nb))
                if fold { out[Int(c) & ~0x20].append((n, nb)) }
            case .digit: for c in 0x30...0x39 { out[c].append((n, nb)) }
            case .space: for c in [0x20, 0x09, 0xA0, 0xC2] { out[c].append((n, nb)) }
            default: break
            }
        }
        return out
    }

    /// Node kinds in the flat tables the matcher runs on.
    static let kByte: UInt8 = 0, kDigit: UInt8 = 1, kSpace: UInt8 = 2, kBoundary: UInt8 = 3, kSplit: UInt8 = 4, kAccept: UInt8 = 5

    /// The automaton as flat arrays: kind, first and second argument (next state, or both branches of a split, or
    /// the tag of an accept state), the byte and whether it folds case.
    static func flatten(_ nodes: [Node]) -> (kind: [UInt8], a: [Int32], b: [Int32], byte: [UInt8]) {
        var kind = [UInt8](), a = [Int32](), b = [Int32](), byte = [UInt8]()
        for n in nodes {
            switch n {
            case .byte(let c, let fold, let x): kind.append(kByte); a.append(Int32(x)); b.append(fold ? 1 : 0); byte.append(c)
            case .digit(let x): kind.append(kDigit); a.append(Int32(x)); b.append(0); byte.append(0)
            case .space(let x): kind.append(kSpace); a.append(Int32(x)); b.append(0); byte.append(0)
            case .boundary(let x): kind.append(kBoundary); a.append(Int32(x)); b.append(0); byte.append(0)
            case .split(let x, let y): kind.append(kSplit); a.append(Int32(x)); b.append(Int32(y)); byte.append(0)
            case .accept(let tag): kind.append(kAccept); a.append(Int32(tag)); b.append(0); byte.append(0)
            }
        }
        return (kind, a, b, byte)
    }

    /// Every leftmost-longest, non-overlapping match in `t[range]`.
    ///
    /// A Pike VM: the current threads (state, start) are kept in order of increasing start, each state at most
    /// once (the earliest start wins: the same state has the same future). Each input byte advances every
    /// thread once — O(states) per byte, no backtracking. Buffers are allocated once per call.
    public func matches(in t: [UInt8], range: Range<Int>? = nil) -> [Match] {
        let r = range ?? 0..<t.count
        guard !kinds.isEmpty else { return [] }
        return kinds.withUnsafeBufferPointer { kind in
        argA.withUnsafeBufferPointer { A in
        argB.withUnsafeBufferPointer { B in
        nodeBytes.withUnsafeBufferPointer { byte in
        startFirst.withUnsafeBufferPointer { sFirst in
        startNodes.withUnsafeBufferPointer { sNodes in
        t.withUnsafeBufferPointer { text in
            var vm = PikeVM(kind: kind, A: A, B: B, byte: byte, sFirst: sFirst, sNodes: sNodes, t: t, text: text, range: r)
            defer { vm.deallocate() }
            return vm.run()
        }}}}}}}
    }
}

/// One run of `PackPattern.matches` over `t[lo..<hi]`: the automaton's flat tables (`PackPattern.flatten`), the
/// current and the next list of threads (state, start), and the best match found so far.
struct PikeVM {
    let kind: UnsafeBufferPointer<UInt8>, A: UnsafeBufferPointer<Int32>, B: UnsafeBufferPointer<Int32>
    let byte: UnsafeBufferPointer<UInt8>
    let sFirst: UnsafeBufferPointer<Int32>, sNodes: UnsafeBufferPointer<Int32>
    let t: [UInt8]
    let text: UnsafeBufferPointer<UInt8>
    let lo: Int, hi: Int
    /// The current (`cs`, `cf`: state and start) and next (`ns`, `nf`) threads; `mark[s]` is the generation in
    /// which state `s` was last added; `stack` is the ε-closure's work list.
    var cs: UnsafeMutablePointer<Int32>, cf: UnsafeMutablePointer<Int>
    var ns: UnsafeMutablePointer<Int32>, nf: UnsafeMutablePointer<Int>
    let mark: UnsafeMutablePointer<Int>
    let stack: UnsafeMutablePointer<Int32>
    var curCount = 0, nxtCount = 0
    var bestStart = -1, bestEnd = -1, bestTag = 0
    var generation = 0

    init(kind: UnsafeBufferPointer<UInt8>, A: UnsafeBufferPointer<Int32>, B: UnsafeBufferPointer<Int32>, byte: UnsafeBufferPointer<UInt8>,
         sFirst: UnsafeBufferPointer<Int32>, sNodes: UnsafeBufferPointer<Int32>, t: [UInt8], text: UnsafeBufferPointer<UInt8>,
         range: Range<Int>) {
        (self.kind, self.A, self.B, self.byte, self.sFirst, self.sNodes, self.t, self.text) = (kind, A, B, byte, sFirst, sNodes, t, text)
        lo = range.lowerBound
        hi = range.upperBound
        let n = kind.count
        cs = .allocate(capacity: n)
        cf = .allocate(capacity: n)
        ns = .allocate(capacity: n)
        nf = .allocate(capacity: n)
        mark = .allocate(capacity: n)
        stack = .allocate(capacity: 2 * n + 2)
        mark.initialize(repeating: -1, count: n)
    }

    func deallocate() {
        cs.deallocate(); cf.deallocate(); ns.deallocate(); nf.deallocate(); mark.deallocate(); stack.deallocate()
    }

    /// The matches, left to right: each input byte advances every thread once.
    mutating func run() -> [PackPattern.Match] {
        var out: [PackPattern.Match] = []
        var i = lo
        while true {
            if bestStart >= 0 && (curCount == 0 || i >= hi) {
                out.append(PackPattern.Match(range: bestStart..<bestEnd, tag: bestTag))
                // Resume at the end of the match (at most maxLength bytes back).
                i = bestEnd
                bestStart = -1
                curCount = 0
                continue
            }
            if curCount == 0 {
                // Idle: skip bytes that cannot start a match.
                while i < hi && sFirst[Int(text[i])] == sFirst[Int(text[i]) + 1] { i += 1 }
            }
            if i >= hi { break }
            let c = text[i]
            generation += 1
            nxtCount = 0
            for j in 0..<curCount {
                let x = step(Int(cs[j]), c)
                if x >= 0 { add(x, cf[j], i + 1) }
            }
            // Seed a thread at i unless a match has been found (later starts cannot beat it).
            if bestStart < 0 { seed(c, at: i) }
            swap(&cs, &ns)
            swap(&cf, &nf)
            curCount = nxtCount
            if bestStart >= 0 { dropThreadsAfterBest() }
            i += 1
        }
        return out
    }

    /// Adds `s` and its ε-closure at `pos` (thread start `from`) to the next list.
    @inline(__always) mutating func add(_ s: Int32, _ from: Int, _ pos: Int) {
        var sp = 0
        stack[sp] = s
        sp += 1
        while sp > 0 {
            sp -= 1
            let x = Int(stack[sp])
            if mark[x] == generation { continue }
            mark[x] = generation
            switch kind[x] {
            case PackPattern.kSplit:
                stack[sp] = B[x]
                stack[sp + 1] = A[x]
                sp += 2
            case PackPattern.kBoundary:
                if PackPattern.isBoundary(t, lo, hi, pos) { stack[sp] = A[x]; sp += 1 }
            case PackPattern.kAccept:
                if bestStart < 0 || from < bestStart || (from == bestStart && pos > bestEnd) {
                    bestStart = from; bestEnd = pos; bestTag = Int(A[x])
                }
            default:
                ns[nxtCount] = Int32(x)
                nf[nxtCount] = from
                nxtCount += 1
            }
        }
    }

    /// The state consuming state `x` goes to on byte `c`, or -1.
    @inline(__always) func step(_ x: Int, _ c: UInt8) -> Int32 {
        switch kind[x] {
        case PackPattern.kByte: return (B[x] != 0 ? Bytes.lower(c) : c) == byte[x] ? A[x] : -1
        case PackPattern.kDigit: return Bytes.isDigit(c) ? A[x] : -1
        case PackPattern.kSpace: return PackPattern.isSpaceByte(c) ? A[x] : -1
        default: return -1
        }
    }

    /// Starts the threads of a match at `i` (byte `c`): the start states that accept `c` (`PackPattern.startIndex`).
    @inline(__always) mutating func seed(_ c: UInt8, at i: Int) {
        var needBoundaryChecked = false, boundaryHere = false
        for k in Int(sFirst[Int(c)])..<Int(sFirst[Int(c) + 1]) {
            let e = Int(sNodes[k])
            if e < 0 {  // needs a word boundary at i
                if !needBoundaryChecked { boundaryHere = PackPattern.isBoundary(t, lo, hi, i); needBoundaryChecked = true }
                if !boundaryHere { continue }
            }
            let x = step(e < 0 ? ~e : e, c)
            if x >= 0 { add(x, i, i + 1) }
        }
    }

    /// Drops the threads that start after the best match: they can only lose to it.
    @inline(__always) mutating func dropThreadsAfterBest() {
        var k = 0
        for j in 0..<curCount where cf[j] <= bestStart {
            cs[k] = cs[j]
            cf[k] = cf[j]
            k += 1
        }
        curCount = k
    }
}

/// A syntax error in one of the patterns given to `PackPattern.init`.
public struct PatternCompileError: Error, Sendable {
    /// Which source (alternative) failed.
    public var index: Int
    public var error: PackPattern.SyntaxError
}
