// libFuzzer target: the pay parser on arbitrary UTF-8 prose. Invariants: statements lie inside the prose, min <= max,
// figures are finite, and amount ranges sit inside their statement.
import JDLintCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPay(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard Bytes.firstInvalidUTF8(bytes) == nil else { return 0 }
    let doc = Document(bytes: bytes, format: .text)
    let a = Analysis(document: doc)
    for p in a.pay {
        precondition(p.proseRange.upperBound <= a.text.count && p.sourceRange.upperBound <= bytes.count, "pay range out of bounds")
        precondition(p.min.isFinite && p.max.isFinite && p.min <= p.max, "pay figures \(p.min) … \(p.max)")
        _ = p.summary  // formatting any parsed figure must not trap
        for r in p.amountRanges { precondition(r.lowerBound >= p.proseRange.lowerBound && r.upperBound <= p.proseRange.upperBound, "amount outside statement") }
    }
    return 0
}
