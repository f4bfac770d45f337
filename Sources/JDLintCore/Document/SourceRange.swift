/// A byte range of the original document (the file as read, `Document.bytes`): where a finding, an edit, a block or
/// a field is in the source.
///
/// Offsets into the extracted prose (`Analysis.text`, what rules index) are plain `Range<Int>`; the two are different
/// types so that one cannot be passed for the other. `Analysis.sourceRange(_:)` (`MappedBytes.sourceRange(_:)`) is
/// the one conversion, prose in and source out. There is no implicit conversion: code that computes a source range
/// from document offsets says so with `SourceRange(lo, hi)`.
public struct SourceRange: Sendable, Hashable {
    public let lowerBound: Int
    public let upperBound: Int

    /// The bytes `lowerBound..<upperBound` of the document (`lowerBound <= upperBound`, as for a `Range`).
    @inlinable public init(_ lowerBound: Int, _ upperBound: Int) {
        precondition(lowerBound <= upperBound, "SourceRange requires lowerBound <= upperBound")
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// The empty range at `offset` (where an insertion goes).
    @inlinable public init(at offset: Int) {
        lowerBound = offset
        upperBound = offset
    }

    @inlinable public var isEmpty: Bool { lowerBound == upperBound }
    @inlinable public var count: Int { upperBound - lowerBound }

    /// The same range as indices of the document's bytes: `document.bytes[r.offsets]`.
    @inlinable public var offsets: Range<Int> { Range(uncheckedBounds: (lowerBound, upperBound)) }

    @inlinable public func contains(_ offset: Int) -> Bool { lowerBound <= offset && offset < upperBound }

    /// Whether the ranges share a byte (an empty range overlaps nothing), as `Range.overlaps`.
    @inlinable public func overlaps(_ other: SourceRange) -> Bool { offsets.overlaps(other.offsets) }

    /// The range moved by `delta` bytes (an edit before it changed the length of the document).
    @inlinable public func shifted(by delta: Int) -> SourceRange { SourceRange(lowerBound + delta, upperBound + delta) }
}

extension SourceRange: CustomStringConvertible {
    /// `lo..<hi`, as a `Range` prints.
    public var description: String { "\(lowerBound)..<\(upperBound)" }
}
