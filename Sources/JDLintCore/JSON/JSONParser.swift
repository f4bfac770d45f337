/// A parsed JSON value that remembers where it stood in the input.
public struct JSONNode: Sendable {
    public indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        /// The decoded string and the map of its bytes back to the input (escapes are non-verbatim spans).
        case string(String, MappedBytes)
        case array([JSONNode])
        case object([(key: String, keyRange: Range<Int>, value: JSONNode)])
    }

    public var kind: Kind
    /// Byte range of the value in the input.
    public var range: Range<Int>

    public subscript(key: String) -> JSONNode? {
        if case .object(let entries) = kind { return entries.first(where: { $0.key == key })?.value }
        return nil
    }

    public var stringValue: String? { if case .string(let s, _) = kind { return s }; return nil }

    /// The plain value, without positions.
    public var value: JSONValue {
        switch kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s, _): return .string(s)
        case .array(let a): return .array(a.map(\.value))
        case .object(let e): return .object(JSONObject(e.map { ($0.key, $0.value.value) }))
        }
    }
}

/// A JSON syntax error with its position.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var line: Int
    public var column: Int
    public var description: String { "\(message) at line \(line), column \(column)" }
}

/// A fast byte-level JSON parser. With `allowComments` it also accepts `//` and `/* */` comments and
/// trailing commas (JSONC, as used by `.jdlint.json` and the files in `Rules/`).
public struct JSONParser {
    let b: [UInt8]
    var i = 0
    let allowComments: Bool
    let keepMaps: Bool
    var depth = 0
    static let maxDepth = 512

    public static func parse(_ bytes: [UInt8], allowComments: Bool = false) throws(JSONError) -> JSONNode {
        var p = JSONParser(b: bytes, allowComments: allowComments, keepMaps: true)
        return try p.parseDocument()
    }

    public static func parse(_ text: String, allowComments: Bool = false) throws(JSONError) -> JSONNode {
        try parse(Array(text.utf8), allowComments: allowComments)
    }

    /// Parses straight to a value: no positions, no source maps, no intermediate tree (rule data at start-up,
    /// LSP messages).
    public static func parseValue(_ bytes: [UInt8], allowComments: Bool = false) throws(JSONError) -> JSONValue {
        var p = JSONParser(b: bytes, allowComments: allowComments, keepMaps: false)
        try p.skip()
        let v = try p.anyValue()
        try p.skip()
        if p.i < bytes.count { throw p.error("unexpected content after the JSON value") }
        return v
    }

    mutating func anyValue() throws(JSONError) -> JSONValue {
        guard i < b.count else { throw error("unexpected end of input") }
        switch b[i] {
        case .leftBrace:
            var o = JSONObject()
            o.entries.reserveCapacity(8)
            try forEachItem(closing: .rightBrace, unterminatedAtFirstItem: true) { (p: inout JSONParser) throws(JSONError) in
                let key = try p.fastString()
                try p.colon()
                o.entries.append((key, try p.anyValue()))
            }
            return .object(o)
        case .leftBracket:
            var items: [JSONValue] = []
            try forEachItem(closing: .rightBracket) { (p: inout JSONParser) throws(JSONError) in items.append(try p.anyValue()) }
            return .array(items)
        case .quote:
            return .string(try fastString())
        default:
            return try parseAny().value
        }
    }

    /// A string without escapes is made straight from its bytes; one with escapes takes the general path.
    mutating func fastString() throws(JSONError) -> String {
        var k = i + 1
        let n = b.count
        while k < n {
            let c = b[k]
            if c == .quote {
                let s = String(decoding: b[(i + 1)..<k], as: UTF8.self)
                i = k + 1
                return s
            }
            if c == .backslash || c < 0x20 { break }
            k += 1
        }
        return try parseString().0
    }

    init(b: [UInt8], allowComments: Bool, keepMaps: Bool) {
        self.b = b
        self.allowComments = allowComments
        self.keepMaps = keepMaps
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
    }

    mutating func parseDocument() throws(JSONError) -> JSONNode {
        try skip()
        let v = try parseAny()
        try skip()
        if i < b.count { throw error("unexpected content after the JSON value") }
        return v
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONError {
        let o = min(offset ?? i, b.count)
        let li = LineIndex(b)
        let p = li.position(o)
        return JSONError(message: message, offset: o, line: p.line, column: p.column)
    }

    mutating func skip() throws(JSONError) {
        while i < b.count {
            let c = b[i]
            if c == .space || c == .lineFeed || c == .carriageReturn || c == .tab { i += 1; continue }
            if allowComments && c == .slash && i + 1 < b.count {
                if b[i + 1] == .slash {
                    while i < b.count && b[i] != .lineFeed { i += 1 }
                    continue
                }
                if b[i + 1] == .asterisk {
                    let start = i
                    i += 2
                    while i + 1 < b.count && !(b[i] == .asterisk && b[i + 1] == .slash) { i += 1 }
                    if i + 1 >= b.count { throw error("unterminated comment", at: start) }
                    i += 2
                    continue
                }
            }
            break
        }
    }

    mutating func parseAny() throws(JSONError) -> JSONNode {
        guard i < b.count else { throw error("unexpected end of input") }
        let start = i
        switch b[i] {
        case .leftBrace: return try parseObject()
        case .leftBracket: return try parseArray()
        case .quote:
            let (s, m) = try parseString()
            return JSONNode(kind: .string(s, m), range: start..<i)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(kind: .bool(true), range: start..<i)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(kind: .bool(false), range: start..<i)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(kind: .null, range: start..<i)
        case .hyphen, UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(String(decoding: [b[i]], as: UTF8.self))'")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count, Bytes.equalsLower(b, i..<(i + n), word) else { throw error("invalid literal") }
        i += n
    }

    mutating func parseNumber() throws(JSONError) -> JSONNode {
        let start = i
        var isInt = true
        if b[i] == .hyphen { i += 1 }
        guard i < b.count, Bytes.isDigit(b[i]) else { throw error("invalid number", at: start) }
        if b[i] == UInt8(ascii: "0") && i + 1 < b.count && Bytes.isDigit(b[i + 1]) { throw error("leading zeros are not allowed", at: start) }
        while i < b.count && Bytes.isDigit(b[i]) { i += 1 }
        if i < b.count && b[i] == .period {
            isInt = false
            i += 1
            guard i < b.count, Bytes.isDigit(b[i]) else { throw error("invalid number", at: start) }
            while i < b.count && Bytes.isDigit(b[i]) { i += 1 }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            isInt = false
            i += 1
            if i < b.count && (b[i] == .plus || b[i] == .hyphen) { i += 1 }
            guard i < b.count, Bytes.isDigit(b[i]) else { throw error("invalid number", at: start) }
            while i < b.count && Bytes.isDigit(b[i]) { i += 1 }
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        if isInt, let v = Int(text) { return JSONNode(kind: .int(v), range: start..<i) }
        guard let d = Double(text) else { throw error("invalid number", at: start) }
        return JSONNode(kind: .double(d), range: start..<i)
    }

    /// The string's value and its map onto the text parsed: the file itself for a JSON-LD posting, but a front end's
    /// derived buffer for JSON-LD inside HTML, which `JSONLDFrontend` then maps onto the file.
    mutating func parseString() throws(JSONError) -> (String, MappedBytes) {
        let start = i
        i += 1
        var m = MappedBytes()
        var runStart = i
        var out: [UInt8] = []
        while true {
            guard i < b.count else { throw error("unterminated string", at: start) }
            let c = b[i]
            if c == .quote { break }
            if c < 0x20 { throw error("control character in string") }
            if c == .backslash {
                if keepMaps { m.appendVerbatim(b[runStart..<i], sourceStart: runStart) } else { out.append(contentsOf: b[runStart..<i]) }
                let escStart = i
                i += 1
                guard i < b.count else { throw error("unterminated string", at: start) }
                var decoded: [UInt8]
                switch b[i] {
                case .quote: decoded = [.quote]
                case .backslash: decoded = [.backslash]
                case .slash: decoded = [.slash]
                case UInt8(ascii: "b"): decoded = [0x08]
                case UInt8(ascii: "f"): decoded = [0x0C]
                case UInt8(ascii: "n"): decoded = [.lineFeed]
                case UInt8(ascii: "r"): decoded = [.carriageReturn]
                case UInt8(ascii: "t"): decoded = [.tab]
                case UInt8(ascii: "u"):
                    var v = try hex4(i + 1)
                    i += 4
                    if v >= 0xD800 && v <= 0xDBFF {
                        if i + 6 < b.count && b[i + 1] == .backslash && b[i + 2] == UInt8(ascii: "u"), let lo = try? hex4(i + 3), lo >= 0xDC00 && lo <= 0xDFFF {
                            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                            i += 6
                        } else {
                            v = 0xFFFD
                        }
                    } else if v >= 0xDC00 && v <= 0xDFFF {
                        v = 0xFFFD
                    }
                    decoded = Array(String(UnicodeScalar(v).map(Character.init) ?? "\u{FFFD}").utf8)
                default: throw error("invalid escape")
                }
                i += 1
                if keepMaps { m.appendSynthetic(decoded, source: SourceRange(escStart, i)) } else { out.append(contentsOf: decoded) }
                runStart = i
                continue
            }
            i += 1
        }
        if keepMaps {
            m.appendVerbatim(b[runStart..<i], sourceStart: runStart)
        } else {
            out.append(contentsOf: b[runStart..<i])
        }
        i += 1
        let bytes = keepMaps ? m.bytes : out
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw error("invalid UTF-8 in string", at: start)
        }
        return (s, m)
    }

    func hex4(_ at: Int) throws(JSONError) -> UInt32 {
        guard at + 4 <= b.count else { throw error("invalid \\u escape") }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape", at: k)
            }
            v = v * 16 + d
        }
        return v
    }

    mutating func enter() throws(JSONError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
    }

    /// The one loop over the elements of an array or the members of an object, for both trees (`parseAny` builds
    /// `JSONNode`s with positions, `anyValue` plain `JSONValue`s): nesting depth, commas, JSONC's trailing comma and
    /// the errors. The parser is at the opening bracket; `item` parses one element, or one member from its key's
    /// opening quote (checked here) through its value (`colon()` between them). "Unterminated" errors point at the
    /// opening bracket, or with `unterminatedAtFirstItem` at the first item (where `parseValue` has always put them
    /// for objects; its messages reach LSP clients and batch output, so they stay as they were).
    mutating func forEachItem(closing: UInt8, unterminatedAtFirstItem: Bool = false,
                              _ item: (inout JSONParser) throws(JSONError) -> Void) throws(JSONError) {
        var start = i
        try enter()
        i += 1
        try skip()
        if i < b.count && b[i] == closing {
            i += 1
            depth -= 1
            return
        }
        if unterminatedAtFirstItem { start = i }
        let isObject = closing == .rightBrace
        while true {
            try skip()
            if isObject { guard i < b.count, b[i] == .quote else { throw error("expected a string key in object") } }
            try item(&self)
            try skip()
            guard i < b.count else { throw error(isObject ? "unterminated object" : "unterminated array", at: start) }
            if b[i] == .comma {
                i += 1
                try skip()
                if allowComments && i < b.count && b[i] == closing { i += 1; break }
                continue
            }
            if b[i] == closing { i += 1; break }
            throw error(isObject ? "expected ',' or '}' in object" : "expected ',' or ']' in array")
        }
        depth -= 1
    }

    /// Between an object key and its value: the colon, with whitespace (and comments) either side.
    mutating func colon() throws(JSONError) {
        try skip()
        guard i < b.count, b[i] == .colon else { throw error("expected ':' after object key") }
        i += 1
        try skip()
    }

    mutating func parseArray() throws(JSONError) -> JSONNode {
        let start = i
        var items: [JSONNode] = []
        try forEachItem(closing: .rightBracket) { (p: inout JSONParser) throws(JSONError) in items.append(try p.parseAny()) }
        return JSONNode(kind: .array(items), range: start..<i)
    }

    mutating func parseObject() throws(JSONError) -> JSONNode {
        let start = i
        var entries: [(key: String, keyRange: Range<Int>, value: JSONNode)] = []
        try forEachItem(closing: .rightBrace) { (p: inout JSONParser) throws(JSONError) in
            let keyStart = p.i
            let (key, _) = try p.parseString()
            let keyRange = keyStart..<p.i
            try p.colon()
            entries.append((key, keyRange, try p.parseAny()))
        }
        return JSONNode(kind: .object(entries), range: start..<i)
    }
}
