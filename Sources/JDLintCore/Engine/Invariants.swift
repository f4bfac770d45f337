/// Properties that must hold for any input, checked by the fuzz targets, the fuzz regression tests and the
/// property-based fix tests: findings and edits inside the document and on scalar boundaries, edits of one fix in
/// order without overlap, fixing yields valid UTF-8, keeps the BOM and line-ending style of untouched text, and a
/// second fix changes nothing.
public enum Invariants {
    /// Violations found for one input (empty when all hold).
    public static func check(_ body: [UInt8], format: DocumentFormat, linter: Linter = Linter()) -> [String] {
        var problems: [String] = []
        let doc = Document(bytes: body, format: format)
        let result = linter.lint(doc)
        func onBoundary(_ o: Int) -> Bool { o == 0 || o >= body.count || !Bytes.isContinuation(body[o]) }
        for d in result.diagnostics {
            if d.range.lowerBound < 0 || d.range.upperBound > body.count || d.range.lowerBound > d.range.upperBound {
                problems.append("\(d.rule): range \(d.range) outside \(body.count) bytes")
                continue
            }
            if !onBoundary(d.range.lowerBound) || !onBoundary(d.range.upperBound) {
                problems.append("\(d.rule): range \(d.range) splits a UTF-8 sequence")
            }
            if let f = d.fix {
                var last = -1
                for e in f.edits {
                    if e.range.lowerBound < last || e.range.upperBound > body.count || e.range.lowerBound > e.range.upperBound {
                        problems.append("\(d.rule): fix edit \(e.range) overlaps or is out of bounds")
                    } else if !onBoundary(e.range.lowerBound) || !onBoundary(e.range.upperBound) {
                        problems.append("\(d.rule): fix edit \(e.range) splits a UTF-8 sequence")
                    }
                    last = e.range.upperBound
                }
            }
        }
        guard problems.isEmpty else { return problems }
        let fixed = Fixer.fix(doc, with: linter, allowed: .unsafe)
        if Bytes.firstInvalidUTF8(fixed.bytes) != nil { problems.append("fixing produced invalid UTF-8") }
        if doc.hasBOM && !(fixed.bytes.starts(with: [0xEF, 0xBB, 0xBF])) { problems.append("fixing lost the BOM") }
        if fixed.passes < Fixer.maxPasses {
            let again = Fixer.fix(Document(bytes: fixed.bytes, format: format), with: linter, allowed: .unsafe)
            if again.bytes != fixed.bytes { problems.append("fixing twice changed the text again") }
        }
        return problems
    }
}
