/// A run of bytes in a derived buffer and where it came from in the original file.
///
/// A *verbatim* span (`length == sourceLength`, `verbatim == true`) maps byte for byte; any other span
/// (a decoded entity, a JSON escape, a placeholder for code) maps its whole length onto its whole source range.
///
/// Offsets are stored as 32-bit values (20 bytes a span, not 40; documents are at most `Document.maximumSize` bytes).
public struct Span: Sendable, Equatable {
    private var start32: UInt32
    private var length32: UInt32
    private var sourceStart32: UInt32
    private var sourceLength32: UInt32
    public var verbatim: Bool

    public var start: Int {
        get { Int(start32) }
        set { start32 = UInt32(newValue) }
    }
    public var length: Int {
        get { Int(length32) }
        set { length32 = UInt32(newValue) }
    }
    public var sourceStart: Int {
        get { Int(sourceStart32) }
        set { sourceStart32 = UInt32(newValue) }
    }
    public var sourceLength: Int {
        get { Int(sourceLength32) }
        set { sourceLength32 = UInt32(newValue) }
    }

    public init(start: Int, length: Int, sourceStart: Int, sourceLength: Int, verbatim: Bool) {
        start32 = UInt32(start)
        length32 = UInt32(length)
        sourceStart32 = UInt32(sourceStart)
        sourceLength32 = UInt32(sourceLength)
        self.verbatim = verbatim
    }
}

/// Bytes derived from a document (decoded JSON string, entity-decoded HTML, extracted prose) together with
/// a map back to byte ranges of the original file. Maps compose: a front end can run over derived bytes.
public struct MappedBytes: Sendable {
    public internal(set) var bytes: [UInt8]
    /// Sorted, contiguous spans covering `bytes`.
    public internal(set) var spans: [Span]

    public init() {
        bytes = []
        spans = []
    }

    /// The identity map of a whole buffer.
    public init(identity bytes: [UInt8], range: Range<Int>? = nil) {
        let r = range ?? 0..<bytes.count
        self.bytes = Array(bytes[r])
        spans = r.isEmpty ? [] : [Span(start: 0, length: r.count, sourceStart: r.lowerBound, sourceLength: r.count, verbatim: true)]
    }

    public var count: Int { bytes.count }

    /// Room for `bytes` bytes and `spans` spans, so a long document's buffers are not regrown (each regrowth
    /// touches fresh memory, which dominates the cost of very long postings).
    public mutating func reserveCapacity(bytes: Int, spans: Int) {
        self.bytes.reserveCapacity(bytes)
        self.spans.reserveCapacity(spans)
    }

    // MARK: building

    /// Appends bytes that map byte for byte onto `sourceStart…`.
    public mutating func appendVerbatim<C: Collection>(_ b: C, sourceStart: Int) where C.Element == UInt8 {
        let n = b.count
        guard n > 0 else { return }
        let start = bytes.count
        bytes.append(contentsOf: b)
        if var last = spans.last, last.verbatim, last.start + last.length == start,
            last.sourceStart + last.sourceLength == sourceStart
        {
            last.length += n
            last.sourceLength += n
            spans[spans.count - 1] = last
        } else {
            spans.append(Span(start: start, length: n, sourceStart: sourceStart, sourceLength: n, verbatim: true))
        }
    }

    /// Appends bytes that stand for a whole source range (a decoded entity, an escape, a placeholder).
    public mutating func appendSynthetic<C: Collection>(_ b: C, source: SourceRange) where C.Element == UInt8 {
        let n = b.count
        guard n > 0 else { return }
        let start = bytes.count
        bytes.append(contentsOf: b)
        spans.append(Span(start: start, length: n, sourceStart: source.lowerBound, sourceLength: source.count, verbatim: false))
    }

    /// Appends a range of another mapped buffer, composing its map (splitting at its span boundaries).
    public mutating func append(from other: MappedBytes, range: Range<Int>) {
        guard !range.isEmpty else { return }
        var idx = other.spanIndex(containing: range.lowerBound)
        var pos = range.lowerBound
        while pos < range.upperBound && idx < other.spans.count {
            let s = other.spans[idx]
            let end = min(range.upperBound, s.start + s.length)
            if s.verbatim {
                appendVerbatim(other.bytes[pos..<end], sourceStart: s.sourceStart + (pos - s.start))
            } else {
                appendSynthetic(other.bytes[pos..<end], source: SourceRange(s.sourceStart, s.sourceStart + s.sourceLength))
            }
            pos = end
            idx += 1
        }
    }

    /// Appends bytes with no source of their own (block separators), mapped to an empty range at `sourceOffset`.
    public mutating func appendSeparator(_ b: UInt8 = 0x0A, sourceOffset: Int) {
        let start = bytes.count
        bytes.append(b)
        spans.append(Span(start: start, length: 1, sourceStart: sourceOffset, sourceLength: 0, verbatim: false))
    }

    // MARK: mapping

    @usableFromInline func spanIndex(containing offset: Int) -> Int {
        var lo = 0, hi = spans.count - 1
        if hi < 0 { return 0 }
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if spans[mid].start <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Source offset of a derived offset. `isEnd` picks the end of a non-verbatim span for range ends.
    public func sourceOffset(_ offset: Int, isEnd: Bool = false) -> Int {
        guard !spans.isEmpty else { return 0 }
        if offset >= bytes.count {
            let s = spans[spans.count - 1]
            return s.sourceStart + s.sourceLength
        }
        let idx = isEnd && offset > 0 ? spanIndex(containing: offset - 1) : spanIndex(containing: offset)
        let s = spans[idx]
        if s.verbatim {
            return s.sourceStart + min(max(offset - s.start, 0), s.length)
        }
        if isEnd { return offset > s.start ? s.sourceStart + s.sourceLength : s.sourceStart }
        return s.sourceStart
    }

    /// Source range of a derived range: the one conversion from offsets into these bytes to offsets into the file.
    public func sourceRange(_ range: Range<Int>) -> SourceRange {
        let lo = sourceOffset(range.lowerBound)
        if range.isEmpty { return SourceRange(at: lo) }
        let hi = sourceOffset(range.upperBound, isEnd: true)
        return SourceRange(lo, max(lo, hi))
    }

    /// `true` when every byte of the range maps byte for byte onto one contiguous source range, so an edit of
    /// the source range is exactly an edit of these bytes.
    public func isVerbatim(_ range: Range<Int>) -> Bool {
        guard !spans.isEmpty else { return false }
        if range.isEmpty {
            let s = spans[spanIndex(containing: min(range.lowerBound, bytes.count - 1))]
            return s.verbatim
        }
        var idx = spanIndex(containing: range.lowerBound)
        var expected = -1
        var pos = range.lowerBound
        while pos < range.upperBound {
            guard idx < spans.count else { return false }
            let s = spans[idx]
            guard s.verbatim else { return false }
            let src = s.sourceStart + (pos - s.start)
            if expected >= 0 && src != expected { return false }
            let end = min(range.upperBound, s.start + s.length)
            expected = src + (end - pos)
            pos = end
            idx += 1
        }
        return true
    }
}

/// What a block of prose is.
public enum BlockKind: String, Sendable {
    case heading
    case paragraph
    case listItem
    /// `Key: value` line, front-matter key or JSON-LD property.
    case field
    /// Table cell or other short text that is not a sentence.
    case cell
}

/// One block of prose: a heading, paragraph, bullet or field value, located in both the prose buffer and the file.
///
/// Stored compactly (offsets as 32-bit values: documents are at most `Document.maximumSize` bytes and their prose at
/// most twice that), 72 bytes instead of 120: a long posting has a block every few dozen bytes.
public struct Block: Sendable {
    public var kind: BlockKind
    /// Whether the heading was explicit markup (Markdown/HTML) rather than inferred from plain text.
    public var explicit: Bool
    private var level32: Int32
    private var proseStart: UInt32
    private var proseEnd: UInt32
    private var sourceStart: UInt32
    private var sourceEnd: UInt32
    /// `UInt32.max` when the block has no marker.
    private var markerStart: UInt32
    private var markerEnd: UInt32
    private var list32: Int32
    /// The bullet marker as written (`-`, `*`, `•`, `1.`, `li`), for list items.
    public var marker: String?
    /// For fields: the normalised key (`location`, `salary`, `employmenttype`…).
    public var fieldKey: String?

    /// Heading level 1…6 (0 for headings inferred from plain text), list nesting for bullets.
    public var level: Int {
        get { Int(level32) }
        set { level32 = Int32(clamping: newValue) }
    }
    /// Range of the block's text in `Prose.text`.
    public var proseRange: Range<Int> {
        get { Range(uncheckedBounds: (Int(proseStart), Int(proseEnd))) }
        set { (proseStart, proseEnd) = (UInt32(newValue.lowerBound), UInt32(newValue.upperBound)) }
    }
    /// Source range of the whole block including its markup (marker, `#`, tags).
    public var sourceRange: SourceRange {
        get { SourceRange(Int(sourceStart), Int(sourceEnd)) }
        set { (sourceStart, sourceEnd) = (UInt32(newValue.lowerBound), UInt32(newValue.upperBound)) }
    }
    /// Source range of the marker.
    public var markerRange: SourceRange? {
        get { markerStart == UInt32.max ? nil : SourceRange(Int(markerStart), Int(markerEnd)) }
        set { (markerStart, markerEnd) = newValue.map { (UInt32($0.lowerBound), UInt32($0.upperBound)) } ?? (UInt32.max, UInt32.max) }
    }
    /// Identifies the list a bullet belongs to (bullets of one list share it).
    public var listID: Int {
        get { Int(list32) }
        set { list32 = Int32(clamping: newValue) }
    }

    public init(kind: BlockKind, level: Int = 0, proseRange: Range<Int>, sourceRange: SourceRange, marker: String? = nil,
                markerRange: SourceRange? = nil, listID: Int = -1, fieldKey: String? = nil, explicit: Bool = true) {
        self.kind = kind
        self.explicit = explicit
        level32 = Int32(clamping: level)
        proseStart = UInt32(proseRange.lowerBound)
        proseEnd = UInt32(proseRange.upperBound)
        sourceStart = UInt32(sourceRange.lowerBound)
        sourceEnd = UInt32(sourceRange.upperBound)
        (markerStart, markerEnd) = markerRange.map { (UInt32($0.lowerBound), UInt32($0.upperBound)) } ?? (UInt32.max, UInt32.max)
        list32 = Int32(clamping: listID)
        self.marker = marker
        self.fieldKey = fieldKey
    }
}

/// A structured field: `Location: Boston, MA`, front-matter `location:`, JSON-LD `jobLocation`.
public struct Field: Sendable {
    public enum Origin: String, Sendable { case line, frontMatter, jsonld }
    /// Normalised key: lowercase letters and digits only (`employmenttype`, `baseSalary` → `basesalary`).
    public var key: String
    /// The key as written.
    public var rawKey: String
    public var value: String
    /// Source ranges of the key and of the value.
    public var keyRange: SourceRange
    public var valueRange: SourceRange
    public var origin: Origin
    /// The structured value, for JSON-LD properties and front-matter keys.
    public var json: JSONValue?

    public init(key: String, rawKey: String, value: String, keyRange: SourceRange, valueRange: SourceRange, origin: Origin,
                json: JSONValue? = nil) {
        self.json = json
        self.key = key
        self.rawKey = rawKey
        self.value = value
        self.keyRange = keyRange
        self.valueRange = valueRange
        self.origin = origin
    }

    public static func normaliseKey<S: StringProtocol>(_ s: S) -> String {
        // ASCII (nearly every key and value): bytes, not Unicode properties.
        var out: [UInt8] = []
        var ascii = true
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            if Bytes.isASCIILetter(b) || Bytes.isDigit(b) { out.append(Bytes.lower(b)) }
        }
        if ascii { return String(decoding: out, as: UTF8.self) }
        return String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map { $0.properties.lowercaseMapping.unicodeScalars.first ?? $0 }))
    }
}

/// A suppression comment found in the document.
public struct Directive: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case disable = "jdlint-disable"
        case enable = "jdlint-enable"
        case disableNextLine = "jdlint-disable-next-line"
        case disableLine = "jdlint-disable-line"
    }
    public var kind: Kind
    /// Rule ids or category prefixes (`grammar/`, `grammar`); empty means every rule.
    public var rules: [String]
    /// Source range of the whole comment.
    public var range: SourceRange

    public init(kind: Kind, rules: [String], range: SourceRange) {
        self.kind = kind
        self.rules = rules
        self.range = range
    }

    /// Parses the text inside a comment (`jdlint-disable-next-line grammar/repeated-word, salary/`).
    public static func parse(_ text: Substring, range: SourceRange) -> Directive? {
        let t = text.drop(while: { $0 == " " || $0 == "\t" })
        guard t.hasPrefix("jdlint-") else { return nil }
        let wordEnd = t.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) ?? t.endIndex
        guard let kind = Kind(rawValue: String(t[..<wordEnd])) else { return nil }
        var rest = t[wordEnd...]
        if let dash = rest.indices.first(where: { rest[$0] == "-" && rest[rest.index(after: $0)...].first == "-" }) {
            rest = rest[..<dash]  // `-- reason`
        }
        let rules = rest.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .map(String.init).filter { !$0.isEmpty }
        return Directive(kind: kind, rules: rules, range: range)
    }
}

/// Everything a front end extracts from a file: the prose buffer with its map, the blocks, fields and
/// suppression comments. Front ends fill it; `Analysis` builds the structural view from it.
public struct Prose: Sendable {
    /// Extracted prose; blocks are separated by `\n`. Code spans appear as U+FFFC.
    public var text: MappedBytes = MappedBytes()
    public var blocks: [Block] = []
    public var fields: [Field] = []
    public var directives: [Directive] = []
    /// Source ranges that hold code, URLs in markup, front-matter syntax…: never linted as prose.
    public var opaqueRanges: [SourceRange] = []
    /// Title from metadata (front matter, JSON-LD, `<title>`), when the format has one, and its source range.
    public var metadataTitle: (text: String, range: SourceRange)?
    /// Front-end problems worth telling the user (malformed JSON-LD…), as (message, source range).
    public var problems: [(message: String, range: SourceRange)] = []
    private var nextListID = 0

    public init() {}

    public var bytes: [UInt8] { text.bytes }

    /// Room for a front end's output: `bytes` bytes of prose text in `blocks` blocks (each block adds a separator
    /// and at most two spans).
    public mutating func reserveCapacity(bytes: Int, blocks: Int) {
        text.reserveCapacity(bytes: bytes + blocks, spans: 2 * blocks)
        self.blocks.reserveCapacity(blocks)
    }

    /// Starts a new list and returns its id.
    public mutating func newList() -> Int {
        nextListID += 1
        return nextListID
    }

    /// Appends a block whose text is `content` (a range of `input`), trimming surrounding white space.
    @discardableResult
    public mutating func addBlock(_ kind: BlockKind, from input: MappedBytes, range: Range<Int>, sourceRange: SourceRange,
                                  level: Int = 0, marker: String? = nil, markerRange: SourceRange? = nil,
                                  listID: Int = -1, fieldKey: String? = nil, explicit: Bool = true) -> Int? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && Bytes.isWhitespace(input.bytes[lo]) { lo += 1 }
        while hi > lo && Bytes.isWhitespace(input.bytes[hi - 1]) { hi -= 1 }
        guard lo < hi else { return nil }
        if !text.bytes.isEmpty { text.appendSeparator(sourceOffset: input.sourceOffset(lo)) }
        let start = text.count
        text.append(from: input, range: lo..<hi)
        blocks.append(Block(kind: kind, level: level, proseRange: start..<text.count, sourceRange: sourceRange,
                            marker: marker, markerRange: markerRange, listID: listID, fieldKey: fieldKey, explicit: explicit))
        return blocks.count - 1
    }

    /// Appends an already-built inline buffer (markup stripped) as one block.
    @discardableResult
    public mutating func addBlock(_ kind: BlockKind, inline: MappedBytes, sourceRange: SourceRange, level: Int = 0,
                                  marker: String? = nil, markerRange: SourceRange? = nil, listID: Int = -1,
                                  fieldKey: String? = nil, explicit: Bool = true) -> Int? {
        addBlock(kind, from: inline, range: 0..<inline.count, sourceRange: sourceRange, level: level, marker: marker,
                 markerRange: markerRange, listID: listID, fieldKey: fieldKey, explicit: explicit)
    }
}
