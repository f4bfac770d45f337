/// The `Content-Length` framing of the base protocol as a pure state machine: bytes in, whole message bodies (or
/// framing errors) out. No I/O, so it is unit-tested byte by byte.
///
/// - Header names are case-insensitive; `Content-Type` (and any other header) is tolerated and ignored.
/// - Lines may end in `\r\n` (as the spec says) or a bare `\n` (lenient).
/// - A header block without a `Content-Length`, or with a non-numeric or negative one, is reported as an error and
///   skipped; the framer then resynchronises on the next `Content-Length` header (skipping the lost body).
/// - Bodies of any size; they are handed out as raw bytes (UTF-8 is decoded by the JSON parser).
public struct MessageFramer: Sendable {
    public enum Event: Sendable, Equatable {
        case message([UInt8])
        case error(String)
    }

    enum State: Sendable {
        case header
        case body(length: Int)
        /// After a bad header: skip to the next `Content-Length`.
        case resync
    }

    var buffer: [UInt8] = []
    var start = 0
    var state = State.header
    /// Upper bound for a header block; beyond it the block is garbage.
    public var maxHeaderBytes = 8192
    /// Upper bound for a body (256 MiB, far beyond any posting). A larger `Content-Length` cannot be honoured (the
    /// framer would buffer until memory runs out, swallowing every later message): it is reported as an error and
    /// the framer resynchronises on the next `Content-Length` header.
    public var maxBodyBytes = 256 << 20

    public init() {}

    /// Bytes buffered but not yet consumed.
    public var pendingByteCount: Int { buffer.count - start }

    /// Feeds bytes; returns the complete messages and errors they finish, in order.
    public mutating func feed<C: Collection>(_ bytes: C) -> [Event] where C.Element == UInt8 {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        while step(&events) {}
        if start > 65536 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return events
    }

    /// One transition; `false` when more input is needed.
    mutating func step(_ events: inout [Event]) -> Bool {
        switch state {
        case .body(let length):
            guard buffer.count - start >= length else { return false }
            events.append(.message(Array(buffer[start..<(start + length)])))
            start += length
            state = .header
            return true
        case .resync:
            // Find the next "content-length" (case-insensitive); the body of the broken message may run right into it.
            var i = start
            while i < buffer.count {
                switch MessageFramer.startsWithContentLength(buffer, i) {
                case true?:
                    start = i
                    state = .header
                    return true
                case nil:
                    start = i  // a possible prefix at the end of the buffer: wait for more bytes
                    return false
                case false?:
                    break
                }
                i += 1
            }
            start = buffer.count
            return false
        case .header:
            // Skip blank lines between messages (some clients send an extra CRLF).
            while start < buffer.count && (buffer[start] == 0x0D || buffer[start] == 0x0A) { start += 1 }
            guard start < buffer.count else { return false }
            guard let (headerEnd, bodyStart) = findHeaderEnd() else {
                if buffer.count - start > maxHeaderBytes {
                    events.append(.error("header block longer than \(maxHeaderBytes) bytes without an end; skipping to the next Content-Length header"))
                    start += 1
                    state = .resync
                    return true
                }
                return false
            }
            var length: Int?
            var problem: String?
            var lineStart = start
            while lineStart < headerEnd {
                var lineEnd = lineStart
                while lineEnd < headerEnd && buffer[lineEnd] != 0x0A { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart && buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let line = buffer[lineStart..<contentEnd]
                if let colon = line.firstIndex(of: 0x3A) {
                    let name = String(decoding: line[..<colon], as: UTF8.self).trimmingSpaces().lowercased()
                    let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces()
                    if name == "content-length" {
                        if !value.isEmpty, value.utf8.count <= 15, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(value) {
                            length = n
                        } else {
                            problem = "invalid Content-Length value \"\(value)\""
                        }
                    }
                } else if !line.isEmpty {
                    problem = problem ?? "malformed header line \"\(String(decoding: line.prefix(80), as: UTF8.self))\""
                }
                lineStart = lineEnd + 1
            }
            if let length, length > maxBodyBytes, problem == nil {
                problem = "Content-Length \(length) exceeds the limit of \(maxBodyBytes) bytes"
            }
            if let length, problem == nil {
                start = bodyStart
                state = .body(length: length)
            } else {
                events.append(.error((problem ?? "header block without a Content-Length") + "; skipping to the next Content-Length header"))
                start = bodyStart
                state = .resync
            }
            return true
        }
    }

    /// The end of the header block (index of the terminating blank line) and the first body byte.
    func findHeaderEnd() -> (Int, Int)? {
        var i = start
        while i < buffer.count {
            if buffer[i] == 0x0A {
                if i + 1 < buffer.count && buffer[i + 1] == 0x0A { return (i + 1, i + 2) }
                if i + 2 < buffer.count && buffer[i + 1] == 0x0D && buffer[i + 2] == 0x0A { return (i + 1, i + 3) }
            }
            i += 1
        }
        return nil
    }

    static let contentLength = Array("content-length".utf8)

    /// `true` when `buf[i...]` starts with "content-length", `false` when it cannot, `nil` when too short to tell.
    static func startsWithContentLength(_ buf: [UInt8], _ i: Int) -> Bool? {
        for (k, c) in contentLength.enumerated() {
            if i + k >= buf.count { return nil }
            var b = buf[i + k]
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            if b != c { return false }
        }
        return true
    }

    /// Frames a message body.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        var out = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        out.append(contentsOf: body)
        return out
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
