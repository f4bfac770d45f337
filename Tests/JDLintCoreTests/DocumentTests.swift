import Testing
@testable import JDLintCore

/// Offsets, lines, scalar columns and UTF-16/UTF-8 LSP positions, on the inputs that break naive code.
@Suite struct DocumentTests {
    @Test func asciiLinesAndColumns() {
        let d = Document(text: "ab\ncd\n", format: .text)
        #expect(d.lines.lineCount == 3)
        #expect(d.position(0) == SourcePosition(line: 1, column: 1, offset: 0))
        #expect(d.position(4) == SourcePosition(line: 2, column: 2, offset: 4))
        #expect(d.position(6) == SourcePosition(line: 3, column: 1, offset: 6))
    }

    @Test func crlfAndLoneCR() {
        let d = Document(text: "a\r\nb\rc\nd", format: .text)
        #expect(d.lines.lineStarts == [0, 3, 5, 7])
        #expect(d.position(3).line == 2)
        #expect(d.position(5) == SourcePosition(line: 3, column: 1, offset: 5))
        // The \r of a CRLF is not part of line 1's content.
        #expect(d.lines.contentEnd(ofLine: 0) == 1)
        #expect(d.position(1) == SourcePosition(line: 1, column: 2, offset: 1))
        #expect(d.lines.utf16Position(2) == (0, 1))
    }

    @Test func emojiColumnsAndUTF16() {
        // "😀" is 4 bytes, 1 scalar, 2 UTF-16 units; "é" precomposed is 2 bytes, 1 scalar, 1 unit.
        let d = Document(text: "😀é x", format: .text)
        let xOffset = 4 + 2 + 1
        #expect(d.position(xOffset) == SourcePosition(line: 1, column: 4, offset: xOffset))
        #expect(d.lines.utf16Position(xOffset) == (0, 4))
        #expect(d.lines.utf8Position(xOffset) == (0, 7))
        #expect(d.lines.offset(line: 0, utf16Character: 4) == xOffset)
        #expect(d.lines.offset(line: 0, utf8Character: 7) == xOffset)
        #expect(d.lines.offset(line: 1, column: 4) == xOffset)
        // A UTF-16 position inside the surrogate pair stays before the emoji.
        #expect(d.lines.offset(line: 0, utf16Character: 1) == 0)
        // An offset inside a scalar snaps back to its start.
        #expect(d.position(2) == SourcePosition(line: 1, column: 1, offset: 0))
    }

    @Test func combiningMarks() {
        // "e\u{301}" is two scalars (e + combining acute): columns count scalars, not grapheme clusters.
        let d = Document(text: "e\u{301}a", format: .text)
        #expect(d.position(3) == SourcePosition(line: 1, column: 3, offset: 3))
        #expect(d.lines.utf16Position(3) == (0, 2))
    }

    @Test func bomIsInvisibleInColumns() {
        let d = Document(bytes: [0xEF, 0xBB, 0xBF] + Array("ab\ncd".utf8), format: .text)
        #expect(d.hasBOM)
        #expect(d.position(3) == SourcePosition(line: 1, column: 1, offset: 3))
        #expect(d.position(4) == SourcePosition(line: 1, column: 2, offset: 4))
        #expect(d.lines.utf16Position(4) == (0, 1))
        #expect(d.lines.offset(line: 0, utf16Character: 0) == 3)
        #expect(d.position(7) == SourcePosition(line: 2, column: 2, offset: 7))
    }

    @Test func clampingPastTheEnd() {
        let d = Document(text: "ab\ncd", format: .text)
        #expect(d.lines.offset(line: 9, utf16Character: 0) == 5)
        #expect(d.lines.offset(line: 0, utf16Character: 99) == 2)
        #expect(d.lines.offset(line: -1, utf16Character: 3) == 0)
        #expect(d.position(99).offset == 5)
    }

    /// Round trip every scalar boundary of a mixed document through each coordinate system.
    @Test func roundTripEveryBoundary() {
        let text = "\u{FEFF}Héllo 😀 wörld\r\nsecond 👩🏽‍⚕️ line\rthird\n\ne\u{301}nd"
        let d = Document(text: text, format: .text)
        var offset = 0
        let bytes = d.bytes
        while offset <= bytes.count {
            let p = d.position(offset)
            if offset >= d.lines.bomLength {
                #expect(d.lines.offset(line: p.line, column: p.column) == offset)
                let u = d.lines.utf16Position(offset)
                #expect(d.lines.offset(line: u.line, utf16Character: u.character) == offset)
                let e = d.lines.utf8Position(offset)
                #expect(d.lines.offset(line: e.line, utf8Character: e.character) == offset)
            }
            if offset == bytes.count { break }
            offset += Bytes.sequenceLength(bytes[offset])
            // Line terminators: skip the \n of a \r\n pair (not a position of its own).
            if offset < bytes.count, bytes[offset] == 0x0A, offset > 0, bytes[offset - 1] == 0x0D { offset += 1 }
        }
    }

    @Test func formatInference() {
        #expect(DocumentFormat.infer(fromPath: "a/b.MD") == .markdown)
        #expect(DocumentFormat.infer(fromPath: "x.htm") == .html)
        #expect(DocumentFormat.infer(fromPath: "x.jsonld") == .jsonld)
        #expect(DocumentFormat.infer(fromPath: "x.txt") == .text)
        #expect(DocumentFormat.infer(fromPath: "dir.d/file") == nil)
        #expect(DocumentFormat.infer(languageID: "plaintext") == .text)
    }

    @Test func utf8Validation() {
        #expect(Bytes.firstInvalidUTF8(Array("ok é 😀".utf8)) == nil)
        #expect(Bytes.firstInvalidUTF8([0x61, 0xFF, 0x62]) == 1)
        #expect(Bytes.firstInvalidUTF8([0x61, 0xC3]) == 1)  // truncated
        #expect(Bytes.firstInvalidUTF8([0xC0, 0x80]) == 0)  // overlong
        #expect(Bytes.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // surrogate
        #expect(Bytes.looksBinary([0x61, 0x00]))
    }

    @Test func mappedBytesComposeAndMapBack() {
        // "a&amp;b" decoded to "a&b": the & maps to the whole entity; a and b map 1:1.
        let src = Array("xa&amp;by".utf8)
        var m = MappedBytes()
        m.appendVerbatim(src[1..<2], sourceStart: 1)
        m.appendSynthetic(Array("&".utf8), source: SourceRange(2, 7))
        m.appendVerbatim(src[7..<8], sourceStart: 7)
        #expect(m.bytes == Array("a&b".utf8))
        #expect(m.sourceRange(0..<1) == SourceRange(1, 2))
        #expect(m.sourceRange(1..<2) == SourceRange(2, 7))
        #expect(m.sourceRange(0..<3) == SourceRange(1, 8))
        #expect(m.isVerbatim(0..<1))
        #expect(!m.isVerbatim(0..<2))
        // Compose: take "&b" of m into a new buffer.
        var n = MappedBytes()
        n.append(from: m, range: 1..<3)
        #expect(n.sourceRange(0..<2) == SourceRange(2, 8))
        #expect(n.sourceRange(1..<2) == SourceRange(7, 8))
    }
}

/// `LineIndex` builds line starts and its scalar / UTF-16 checkpoints in one chunked pass; a plain reference must
/// agree on random texts whose CRLFs, lone CRs and multi-byte scalars straddle the 512-byte chunk edges.
@Suite struct LineIndexReferenceTests {
    static func referenceStarts(_ b: [UInt8]) -> [Int] {
        var starts = [0]
        var i = 0
        while i < b.count {
            if b[i] == 0x0A { starts.append(i + 1) } else if b[i] == 0x0D {
                if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }

    @Test func chunkedPassMatchesReference() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("a".utf8), Array("\n".utf8), Array("\r".utf8), Array("\r\n".utf8), Array("é".utf8),
                                 Array("😀".utf8), Array("€".utf8), Array("word ".utf8)]
        for round in 0..<200 {
            var b: [UInt8] = []
            let target = Int.random(in: 0...2_000, using: &rng)
            // Every few rounds, place a CRLF exactly across a chunk edge.
            if round % 5 == 0 { b = [UInt8](repeating: 0x61, count: 511) + [0x0D, 0x0A] }
            while b.count < target { b += pieces.randomElement(using: &rng)! }
            let lines = LineIndex(b)
            let reference = Self.referenceStarts(b)
            #expect(lines.lineStarts == reference, "round \(round)")
            // The chunk-narrowed line lookup agrees with a search of every line start, at every offset.
            for offset in -2...(b.count + 2) {
                let expected = max(0, (reference.lastIndex { $0 <= offset }) ?? 0)
                #expect(lines.lineIndex(containing: offset) == expected, "round \(round), offset \(offset)")
            }
            for offset in stride(from: 0, through: b.count, by: 37) where offset == b.count || (b[offset] & 0xC0) != 0x80 {
                let prefix = String(decoding: b[0..<offset], as: UTF8.self)
                #expect(lines.count(before: offset, utf16: false) == prefix.unicodeScalars.count)
                #expect(lines.count(before: offset, utf16: true) == prefix.utf16.count)
            }
        }
    }
}
