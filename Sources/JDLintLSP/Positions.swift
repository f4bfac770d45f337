import JDLintCore

/// The negotiated `positionEncoding`: converts byte offsets ⇄ LSP positions for one document.
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"

    public func position(_ offset: Int, _ lines: LineIndex) -> Position {
        let p = self == .utf8 ? lines.utf8Position(offset) : lines.utf16Position(offset)
        return Position(line: p.line, character: p.character)
    }

    /// The LSP range of a byte range of the document.
    public func range(_ r: SourceRange, _ lines: LineIndex) -> LSPRange {
        LSPRange(start: position(r.lowerBound, lines), end: position(r.upperBound, lines))
    }

    public func offset(_ p: Position, _ lines: LineIndex) -> Int {
        self == .utf8 ? lines.offset(line: p.line, utf8Character: p.character)
            : lines.offset(line: p.line, utf16Character: p.character)
    }

    /// Byte range of an LSP range in the document (start and end swapped when reversed).
    public func byteRange(_ r: LSPRange, _ lines: LineIndex) -> SourceRange {
        let a = offset(r.start, lines), b = offset(r.end, lines)
        return SourceRange(min(a, b), max(a, b))
    }
}
