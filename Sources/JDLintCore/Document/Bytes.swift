/// Byte-level helpers: the hot paths of jdlint scan UTF-8 bytes, never `Character`s.
public enum Bytes {
    @inlinable public static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inlinable public static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inlinable public static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inlinable public static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inlinable public static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inlinable public static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B }
    @inlinable public static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inlinable public static func isContinuation(_ b: UInt8) -> Bool { (b & 0xC0) == 0x80 }
    /// More `(` than `)` in the bytes: text after them is inside brackets (“£36,708 (£21,460 pro rata)”).
    public static func leavesParenOpen<C: Collection>(_ c: C) -> Bool where C.Element == UInt8 {
        var depth = 0
        for b in c { if b == 0x28 { depth += 1 } else if b == 0x29 { depth -= 1 } }
        return depth > 0
    }

    /// The bytes at `range` are enclosed in quotation marks (`"negotiable"`, `“negotiable”`, `‘negotiable’`), a
    /// punctuation mark allowed inside the closing one (`“negotiable,”`): a word mentioned, not used.
    public static func isQuoted(_ t: [UInt8], _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        if end < t.count && (t[end] == .comma || t[end] == .period) { end += 1 }
        let start = range.lowerBound
        if start >= 1 && end < t.count && (t[start - 1] == .quote || t[start - 1] == .apostrophe) { return t[end] == t[start - 1] }
        // “ … ” (E2 80 9C … E2 80 9D) and ‘ … ’ (E2 80 98 … E2 80 99).
        guard start >= 3, end + 3 <= t.count, t[start - 3] == 0xE2, t[start - 2] == 0x80, t[end] == 0xE2, t[end + 1] == 0x80 else { return false }
        return (t[start - 1] == 0x9C && t[end + 2] == 0x9D) || (t[start - 1] == 0x98 && t[end + 2] == 0x99)
    }

    /// Length of the UTF-8 sequence that starts with `b` (1 for stray continuation bytes).
    @inlinable public static func sequenceLength(_ b: UInt8) -> Int {
        b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    /// Decodes the scalar starting at `i` (no validation beyond bounds; documents are validated on input).
    @inlinable public static func scalar(_ bytes: [UInt8], _ i: Int) -> (value: UInt32, length: Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = bytes.count
        if b0 < 0xE0, i + 1 < n { return ((UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0, i + 2 < n {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        if i + 3 < n {
            return ((UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12) | (UInt32(bytes[i + 2] & 0x3F) << 6)
                | UInt32(bytes[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// `true` for non-ASCII scalars that act as letters inside words (accented letters, CJK…), `false` for
    /// spaces, punctuation, symbols, dashes, quotes, bullets and emoji.
    @inlinable public static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIILetter(UInt8(v)) || isDigit(UInt8(v)) }
        if v < 0xC0 { return v == 0xAA || v == 0xB5 || v == 0xBA }  // Latin-1 punctuation, nbsp, symbols
        if v == 0xD7 || v == 0xF7 { return false }
        if v >= 0x2000 && v <= 0x2BFF { return false }  // general punctuation, symbols, arrows, shapes, dingbats
        if v >= 0x3000 && v <= 0x303F { return false }  // CJK punctuation
        if v >= 0xFE00 && v <= 0xFE0F { return false }  // variation selectors
        if v >= 0xFF00 && v <= 0xFF0F { return false }
        if v == 0xFFFC || v == 0xFFFD || v == 0xFEFF { return false }
        if v >= 0x1F000 { return false }  // emoji and pictographs
        return true
    }

    /// `true` when the scalar is an apostrophe that can sit inside a word (' ’ ʼ).
    @inlinable public static func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 || v == 0x2BC }

    /// ASCII case-insensitive comparison of `bytes[range]` with a lowercase ASCII literal.
    @inlinable public static func equalsLower(_ bytes: [UInt8], _ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        var j = 0
        for i in range {
            if lower(bytes[i]) != p[j] { return false }
            j += 1
        }
        return true
    }

    /// ASCII case-insensitive comparison of `bytes[range]` with lowercase bytes (an array or a buffer).
    @inlinable public static func equalsLower<C: RandomAccessCollection>(_ bytes: C, _ range: Range<Int>, _ other: [UInt8]) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard range.count == other.count else { return false }
        var j = 0
        for i in range {
            if lower(bytes[i]) != other[j] { return false }
            j += 1
        }
        return true
    }

    /// Whether `needle` occurs in `haystack` (plain byte comparison; both indexed from 0, as arrays and buffers are).
    @inlinable public static func contains<H: RandomAccessCollection, N: RandomAccessCollection>(_ haystack: H, _ needle: N) -> Bool
    where H.Element == UInt8, H.Index == Int, N.Element == UInt8, N.Index == Int {
        firstOffset(of: needle, in: haystack) != nil
    }

    /// Where `needle` first occurs in `haystack`, as an offset from the haystack's start (plain byte comparison).
    @inlinable public static func firstOffset<H: RandomAccessCollection, N: RandomAccessCollection>(of needle: N, in haystack: H) -> Int?
    where H.Element == UInt8, H.Index == Int, N.Element == UInt8, N.Index == Int {
        let n = haystack.count, m = needle.count
        if m == 0 { return 0 }
        if n < m { return nil }
        let h0 = haystack.startIndex, n0 = needle.startIndex
        let first = needle[n0]
        var i = 0
        while i <= n - m {
            if haystack[h0 + i] == first {
                var k = 1
                while k < m && haystack[h0 + i + k] == needle[n0 + k] { k += 1 }
                if k == m { return i }
            }
            i += 1
        }
        return nil
    }

    /// ASCII-lowercased copy of a range as a String.
    public static func lowerString(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(range.count)
        for i in range { out.append(lower(bytes[i])) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the bytes are valid UTF-8; returns the offset of the first invalid byte otherwise.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            // ASCII fast path: eight bytes at a time.
            if i + 8 <= n {
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            var minValue: UInt32
            if b >= 0xC2 && b <= 0xDF { len = 2; minValue = 0x80 }
            else if b >= 0xE0 && b <= 0xEF { len = 3; minValue = 0x800 }
            else if b >= 0xF0 && b <= 0xF4 { len = 4; minValue = 0x10000 }
            else { return i }
            if i + len > n { return i }
            var v = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
            for k in 1..<len {
                let c = bytes[i + k]
                if (c & 0xC0) != 0x80 { return i }
                v = (v << 6) | UInt32(c & 0x3F)
            }
            minValue = max(minValue, 0)
            if v < minValue || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return i }
            i += len
        }
        return nil
    }

    /// Heuristic for binary content: a NUL byte in the first 8 KiB.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let n = min(bytes.count, 8192)
        return bytes.withUnsafeBytes { raw in
            var i = 0
            // Eight bytes at a time: `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when a byte of x is zero.
            while i + 8 <= n {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { return true }
                i += 8
            }
            while i < n { if raw[i] == 0 { return true }; i += 1 }
            return false
        }
    }
}
