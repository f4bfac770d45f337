/// Streaming JSON output without building a `JSONValue` tree (for large reports). Commas are placed
/// automatically; keys and values must alternate inside objects.
public struct JSONWriter {
    public var bytes: [UInt8] = []
    /// Whether the current container already has an element (one flag per open container).
    var needsComma: [Bool] = [false]
    var afterKey = false

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    mutating func separator() {
        if afterKey { afterKey = false; return }
        if needsComma[needsComma.count - 1] { bytes.append(.comma) }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject() { separator(); bytes.append(.leftBrace); needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); bytes.append(.rightBrace) }
    public mutating func beginArray() { separator(); bytes.append(.leftBracket); needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); bytes.append(.rightBracket) }

    public mutating func key(_ k: StaticString) {
        separator()
        bytes.append(.quote)
        bytes.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        bytes.append(.quote)
        bytes.append(.colon)
        afterKey = true
    }

    public mutating func key(_ k: String) {
        separator()
        JSONValue.writeString(k, into: &bytes)
        bytes.append(.colon)
        afterKey = true
    }

    public mutating func string(_ s: String) { separator(); JSONValue.writeString(s, into: &bytes) }

    public mutating func int(_ v: Int) {
        separator()
        if v >= 0 && v < 10 { bytes.append(UInt8(ascii: "0") + UInt8(v)); return }
        bytes.append(contentsOf: String(v).utf8)
    }

    public mutating func bool(_ v: Bool) { separator(); bytes.append(contentsOf: (v ? "true" : "false").utf8) }
    public mutating func null() { separator(); bytes.append(contentsOf: "null".utf8) }

    /// Writes an existing value in place.
    public mutating func value(_ v: JSONValue) {
        separator()
        v.write(into: &bytes, pretty: false, indent: 0)
    }
}
