/// A JSON value with ordered object keys (jdlint's output is deterministic, key order included).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o }; return nil }
    public var isNull: Bool { self == .null }

    /// A short name of the value's type for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

/// An object whose keys keep their order.
public struct JSONObject: Sendable, Equatable, Sequence {
    public var entries: [(key: String, value: JSONValue)]

    public init() { entries = [] }
    public init(_ pairs: [(String, JSONValue)]) { entries = pairs.map { (key: $0.0, value: $0.1) } }

    public subscript(key: String) -> JSONValue? {
        get { entries.first(where: { $0.key == key })?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let v = newValue { entries[i].value = v } else { entries.remove(at: i) }
            } else if let v = newValue {
                entries.append((key, v))
            }
        }
    }

    public var keys: [String] { entries.map(\.key) }
    public var count: Int { entries.count }
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { entries.makeIterator() }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

// MARK: - Serialisation

extension JSONValue {
    /// Compact JSON text.
    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    public func serializedBytes() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, pretty: false, indent: 0)
        return out
    }

    func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            if d.isNaN || d.isInfinite { out.append(contentsOf: "null".utf8) }
            else if d == d.rounded() && abs(d) < 1e15 { out.append(contentsOf: String(Int(d)).utf8) }
            else { out.append(contentsOf: String(d).utf8) }
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let a):
            out.append(.leftBracket)
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(.comma) }
                if pretty { newline(&out, indent + 1) }
                v.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty && !a.isEmpty { newline(&out, indent) }
            out.append(.rightBracket)
        case .object(let o):
            out.append(.leftBrace)
            for (i, e) in o.entries.enumerated() {
                if i > 0 { out.append(.comma) }
                if pretty { newline(&out, indent + 1) }
                JSONValue.writeString(e.key, into: &out)
                out.append(.colon)
                if pretty { out.append(.space) }
                e.value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty && o.count > 0 { newline(&out, indent) }
            out.append(.rightBrace)
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(.lineFeed)
        for _ in 0..<(indent * 2) { out.append(.space) }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { buf in writeString(buf, into: &out) }
    }

    /// Escapes UTF-8 bytes as a JSON string; runs that need no escaping are copied in one go.
    public static func writeString(_ buf: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(.quote)
        var run = 0
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b >= 0x20 && b != .quote && b != .backslash && b != 0x7F {
                i += 1
                continue
            }
            if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[run..<i])) }
            switch b {
            case .quote: out.append(.backslash); out.append(.quote)
            case .backslash: out.append(.backslash); out.append(.backslash)
            case .lineFeed: out.append(.backslash); out.append(UInt8(ascii: "n"))
            case .carriageReturn: out.append(.backslash); out.append(UInt8(ascii: "r"))
            case .tab: out.append(.backslash); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(.backslash); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(.backslash); out.append(UInt8(ascii: "f"))
            default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            }
            i += 1
            run = i
        }
        if run < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[run..<n])) }
        out.append(.quote)
    }
}
