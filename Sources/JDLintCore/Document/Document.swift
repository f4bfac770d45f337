/// The input formats jdlint understands.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    case text
    case markdown
    case html
    case jsonld

    /// Infers the format from a file name's extension (`nil` when jdlint does not lint that kind of file).
    public static func infer(fromPath path: String) -> DocumentFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "txt", "text": return .text
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm", "xhtml": return .html
        case "json", "jsonld": return .jsonld
        default: return nil
        }
    }

    /// Maps an LSP language id (`plaintext`, `markdown`, `html`, `json`…) to a format.
    public static func infer(languageID: String) -> DocumentFormat? {
        switch languageID.lowercased() {
        case "plaintext", "text", "txt": return .text
        case "markdown", "md": return .markdown
        case "html", "htm": return .html
        case "json", "jsonld", "jsonc": return .jsonld
        default: return nil
        }
    }
}

/// A position in a document, as users and the JSON output see it.
public struct SourcePosition: Sendable, Equatable, Hashable, Codable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// 0-based UTF-8 byte offset into the original bytes.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}

/// One input file: its original bytes (never modified), its format and a line index.
public struct Document: Sendable {
    public let bytes: [UInt8]
    public let format: DocumentFormat
    public let path: String?
    public let lines: LineIndex

    /// `true` when the bytes begin with a UTF-8 byte-order mark (EF BB BF).
    public var hasBOM: Bool { lines.bomLength > 0 }

    /// The largest document jdlint lints: 2 GiB − 1 bytes. The analysis keeps prose offsets in 32 bits (a long
    /// posting's words are its largest array), and the prose of a document is at most twice its size. The CLI, the
    /// batch mode and the language server refuse a larger input with a message; `Document` traps on one.
    public static let maximumSize = Int(Int32.max)

    public init(bytes: [UInt8], format: DocumentFormat, path: String? = nil) {
        precondition(bytes.count <= Document.maximumSize, "a document is at most Document.maximumSize bytes")
        self.bytes = bytes
        self.format = format
        self.path = path
        self.lines = LineIndex(bytes)
    }

    public init(text: String, format: DocumentFormat, path: String? = nil) {
        self.init(bytes: Array(text.utf8), format: format, path: path)
    }

    /// The text of a byte range (lossy for ranges that split a scalar).
    public func text(_ range: SourceRange) -> String {
        let r = range.offsets.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[r], as: UTF8.self)
    }

    public func position(_ offset: Int) -> SourcePosition { lines.position(offset) }
}

/// Line starts of a byte buffer and every conversion between byte offsets, scalar columns and UTF-16 positions.
///
/// Lines end at `\n`, `\r\n` or a lone `\r` (as in LSP). A UTF-8 BOM at the start is invisible: the first
/// character after it is column 1 (UTF-16 character 0), as editors show it; offsets still count its three bytes.
public struct LineIndex: Sendable, Equatable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    public let byteCount: Int
    public let bomLength: Int
    @usableFromInline let bytes: [UInt8]
    /// Scalars and UTF-16 units before every multiple of `LineIndex.stride` bytes, so a column on a very long line
    /// costs at most `stride` byte steps instead of the whole line (position lookups stay O(1) per finding).
    let scalarsBefore: [Int]
    let unitsBefore: [Int]
    /// Line starts recorded before every multiple of `stride` bytes: a line lookup searches the few lines of one
    /// chunk, not all of them (a 100 MB posting has millions of lines, and its findings are looked up one by one).
    let startsBefore: [Int]
    static let stride = 512

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        byteCount = bytes.count
        bomLength = (bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) ? 3 : 0
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var sc: [Int] = [0]
        var un: [Int] = [0]
        var ls: [Int] = [1]
        sc.reserveCapacity(bytes.count / LineIndex.stride + 1)
        un.reserveCapacity(bytes.count / LineIndex.stride + 1)
        ls.reserveCapacity(bytes.count / LineIndex.stride + 1)
        let stride = LineIndex.stride
        // One pass: line starts, and a scalar / UTF-16 checkpoint after each full chunk of `stride` bytes.
        bytes.withUnsafeBufferPointer { buf in
            var scalars = 0, units = 0
            var i = 0
            let n = buf.count
            var skipLF = false  // the LF of a CRLF whose line start is recorded already
            while i < n {
                let end = min(i + stride, n)
                var s = 0, u = 0
                var j = i
                // Eight bytes at a time where they are plain ASCII above the line-break controls (most text): each
                // is one scalar and one UTF-16 unit and starts no line. `(x - n…) & ~x & 0x80…` is non-zero exactly
                // when a byte of x is below n (for bytes below 0x80). Other groups of eight go byte by byte.
                let raw = UnsafeRawPointer(buf.baseAddress!)
                while j < end {
                    var stop = end
                    if j + 8 <= end {
                        let x = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                        if x & 0x8080_8080_8080_8080 == 0 && (x &- 0x0E0E_0E0E_0E0E_0E0E) & ~x & 0x8080_8080_8080_8080 == 0 {
                            s &+= 8
                            u &+= 8
                            j += 8
                            continue
                        }
                        stop = j + 8
                    }
                    while j < stop {
                        let b = buf[j]
                        let lead = (b & 0xC0) != 0x80 ? 1 : 0
                        s &+= lead
                        u &+= lead &+ (b >= 0xF0 ? 1 : 0)
                        if b <= .carriageReturn {
                            if b == .lineFeed {
                                if skipLF { skipLF = false } else { starts.append(j + 1) }
                            } else if b == .carriageReturn {
                                if j + 1 < n && buf[j + 1] == .lineFeed {
                                    starts.append(j + 2)
                                    skipLF = true
                                } else {
                                    starts.append(j + 1)
                                }
                            }
                        }
                        j += 1
                    }
                }
                scalars += s
                units += u
                if end - i == stride {
                    sc.append(scalars)
                    un.append(units)
                    ls.append(starts.count)
                }
                i = end
            }
        }
        lineStarts = starts
        scalarsBefore = sc
        unitsBefore = un
        startsBefore = ls
    }

    public static func == (a: LineIndex, b: LineIndex) -> Bool { a.bytes == b.bytes }

    /// Scalars (or UTF-16 units) that start in `bytes[start..<stop]`: counted directly on a short stretch (most
    /// columns), through the checkpoints on a long one (a one-line HTML page).
    func count(from start: Int, to stop: Int, utf16: Bool) -> Int {
        guard stop - start > LineIndex.stride else {
            return bytes.withUnsafeBufferPointer { buf in
                var n = 0
                var i = start
                while i < stop {
                    let b = buf[i]
                    if (b & 0xC0) != 0x80 { n += utf16 && b >= 0xF0 ? 2 : 1 }
                    i += 1
                }
                return n
            }
        }
        return count(before: stop, utf16: utf16) - count(before: start, utf16: utf16)
    }

    /// Scalars (or UTF-16 units) that start in `bytes[0..<offset]`.
    func count(before offset: Int, utf16: Bool) -> Int {
        let k = offset / LineIndex.stride
        var n = utf16 ? unitsBefore[k] : scalarsBefore[k]
        var i = k * LineIndex.stride
        while i < offset {
            let b = bytes[i]
            if (b & 0xC0) != 0x80 { n += utf16 && b >= 0xF0 ? 2 : 1 }
            i += 1
        }
        return n
    }

    public var lineCount: Int { lineStarts.count }

    /// 0-based line containing `offset` (offsets past the end belong to the last line).
    public func lineIndex(containing offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        // Narrowed to the lines of the offset's chunk: every start up to the chunk's first byte was recorded when it
        // was reached (but for one CRLF's start just past it), and no start past the next chunk's edge.
        let k = offset / LineIndex.stride
        if offset >= 0 && k < startsBefore.count {
            lo = max(0, startsBefore[k] - 2)
            if k + 1 < startsBefore.count { hi = min(hi, startsBefore[k + 1] - 1) }
        }
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// First byte of the 0-based line's content (after a BOM on line 0).
    @inlinable public func contentStart(ofLine line: Int) -> Int {
        line == 0 ? bomLength : lineStarts[line]
    }

    /// Offset just past the last content byte of the 0-based line (before its terminator).
    public func contentEnd(ofLine line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : byteCount
        if end > lineStarts[line] && end <= byteCount && end > 0 && line + 1 < lineStarts.count {
            if bytes[end - 1] == .lineFeed { end -= 1 }
            if end > lineStarts[line] && bytes[end - 1] == .carriageReturn { end -= 1 }
        }
        return max(end, contentStart(ofLine: line))
    }

    /// Byte range of a 0-based line including its terminator.
    public func fullRange(ofLine line: Int) -> Range<Int> {
        lineStarts[line]..<(line + 1 < lineStarts.count ? lineStarts[line + 1] : byteCount)
    }

    /// Clamps an offset to the buffer and moves it back to the start of the scalar it falls in.
    public func scalarBoundary(_ offset: Int) -> Int {
        var o = min(max(offset, 0), byteCount)
        while o > 0 && o < byteCount && (bytes[o] & 0xC0) == 0x80 { o -= 1 }
        return o
    }

    /// 1-based line, 1-based scalar column and the offset itself.
    public func position(_ offset: Int) -> SourcePosition {
        let o = scalarBoundary(offset)
        let line = lineIndex(containing: o)
        let start = contentStart(ofLine: line)
        let stop = max(start, min(o, contentEnd(ofLine: line)))
        return SourcePosition(line: line + 1, column: 1 + count(from: start, to: stop, utf16: false), offset: o)
    }

    /// LSP position (0-based line, character in UTF-16 code units).
    public func utf16Position(_ offset: Int) -> (line: Int, character: Int) {
        let o = scalarBoundary(offset)
        let line = lineIndex(containing: o)
        let start = contentStart(ofLine: line)
        let stop = max(start, min(o, contentEnd(ofLine: line)))
        return (line, count(from: start, to: stop, utf16: true))
    }

    /// LSP position with the UTF-8 encoding (0-based line, character in bytes).
    public func utf8Position(_ offset: Int) -> (line: Int, character: Int) {
        let o = scalarBoundary(offset)
        let line = lineIndex(containing: o)
        let start = contentStart(ofLine: line)
        return (line, max(0, min(o, contentEnd(ofLine: line)) - start))
    }

    /// Byte offset of an LSP position given in UTF-16 code units. Lines past the end clamp to the end of the
    /// buffer; characters past the end of a line clamp to the line's end (as LSP requires).
    public func offset(line: Int, utf16Character: Int) -> Int {
        if line < 0 { return 0 }
        if line >= lineStarts.count { return byteCount }
        let end = contentEnd(ofLine: line)
        var i = contentStart(ofLine: line)
        var units = 0
        while i < end && units < utf16Character {
            let b = bytes[i]
            let len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            let u = b >= 0xF0 ? 2 : 1
            if units + u > utf16Character { break }  // inside a surrogate pair: stay before the scalar
            units += u
            i = min(i + len, end)
        }
        return i
    }

    /// Byte offset of an LSP position given in UTF-8 code units.
    public func offset(line: Int, utf8Character: Int) -> Int {
        if line < 0 { return 0 }
        if line >= lineStarts.count { return byteCount }
        let start = contentStart(ofLine: line)
        return scalarBoundary(min(start + max(0, utf8Character), contentEnd(ofLine: line)))
    }

    /// Byte offset of a 1-based line and 1-based scalar column.
    public func offset(line: Int, column: Int) -> Int {
        if line < 1 { return 0 }
        if line > lineStarts.count { return byteCount }
        let end = contentEnd(ofLine: line - 1)
        var i = contentStart(ofLine: line - 1)
        var col = 1
        while i < end && col < column {
            i += 1
            while i < end && (bytes[i] & 0xC0) == 0x80 { i += 1 }
            col += 1
        }
        return i
    }
}
