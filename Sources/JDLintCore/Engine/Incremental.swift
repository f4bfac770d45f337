/// What an incremental lint keeps of one version of a document, so the next version re-runs the block-scoped rules
/// (`RuleScope.block`) on the blocks an edit changed only. The language server keeps one per open document.
///
/// The claim behind it, checked by `Invariants.localityProblems` for every block-scoped rule: a block's findings depend only on
/// the bytes of the block's lines (its *extent*) and lie within them. So a block whose extent, attributes and prose
/// are unchanged (only moved by the edit's length) keeps its findings, moved the same way.
public struct LintMemo: Sendable {
    /// The analysis of the version linted (its per-block passes are re-used for unchanged blocks).
    let analysis: Analysis
    var document: Document { analysis.document }
    var prose: Prose { analysis.prose }
    /// Each block's extent: its source lines, line terminators included.
    let extents: [SourceRange]
    /// Findings of the block-scoped rules (severity set, before suppression comments), and the block each lies in.
    let local: [Diagnostic]
    let localBlock: [Int]
    /// The block-scoped rules that ran (a memo of another configuration is never reused).
    let ruleIDs: [String]
    /// Each block rule's `Rule.blockContext` for the version linted: when one changes, every block is re-linted.
    let contexts: [UInt64]

    /// How many blocks of the newest lint were re-linted (all of them when there was no usable memo).
    public internal(set) var relinted: Int = 0
    /// Whether the newest lint re-used the previous analysis of the unchanged blocks.
    public internal(set) var reusedAnalysis = false
}

enum Incremental {
    /// Formats whose blocks are contiguous lines of the file (HTML and JSON-LD re-lint whole).
    static func supports(_ format: DocumentFormat) -> Bool { format == .text || format == .markdown }

    /// Each block's extent (its whole source lines); `nil` unless the blocks are in source order.
    static func extents(_ document: Document, _ blocks: [Block]) -> [SourceRange]? {
        let li = document.lines
        let starts = li.lineStarts
        let n = starts.count
        var out: [SourceRange] = []
        out.reserveCapacity(blocks.count)
        var last = 0
        // Blocks are in source order: one walk down the lines, not a search per block.
        var line = 0
        func lineEnd(_ l: Int) -> Int { l + 1 < n ? starts[l + 1] : li.byteCount }
        for b in blocks {
            let r = b.sourceRange
            guard r.lowerBound >= last else { return nil }
            last = r.lowerBound
            while line + 1 < n && starts[line + 1] <= r.lowerBound { line += 1 }
            let first = starts[line]
            var endLine = line
            let lastByte = max(r.lowerBound, r.upperBound - 1)
            while endLine + 1 < n && starts[endLine + 1] <= lastByte { endLine += 1 }
            out.append(SourceRange(first, max(lineEnd(endLine), r.upperBound)))
        }
        return out
    }

    /// The block whose extent holds `range` (and every edit of `fix`), if any: the last block starting at or before it.
    static func block(of d: Diagnostic, _ extents: [SourceRange]) -> Int? {
        var lo = 0, hi = extents.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if extents[mid].lowerBound <= d.range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let e = extents[lo - 1]
        func inside(_ r: SourceRange) -> Bool { r.lowerBound >= e.lowerBound && r.upperBound <= e.upperBound }
        guard inside(d.range), d.fix?.edits.allSatisfy({ inside($0.range) }) ?? true else { return nil }
        return lo - 1
    }

    struct Plan {
        /// Leading blocks unchanged in place, trailing blocks unchanged but moved by `delta` bytes.
        var prefix: Int
        var suffix: Int
        var delta: Int
    }

    /// Which blocks of the new version are unchanged: a common run at the start and one at the end.
    static func plan(_ m: LintMemo, _ document: Document, _ prose: Prose, _ extents: [SourceRange]) -> Plan {
        let o = m.document.bytes, n = document.bytes
        let oldB = m.prose.blocks, newB = prose.blocks
        let ot = m.prose.text.bytes, nt = prose.text.bytes
        // Common prefix and suffix of the bytes (not overlapping).
        let limit = min(o.count, n.count)
        var p = 0
        o.withUnsafeBufferPointer { ob in
            n.withUnsafeBufferPointer { nb in
                while p < limit && ob[p] == nb[p] { p += 1 }
            }
        }
        var s = 0
        o.withUnsafeBufferPointer { ob in
            n.withUnsafeBufferPointer { nb in
                while s < limit - p && ob[o.count - 1 - s] == nb[n.count - 1 - s] { s += 1 }
            }
        }
        let delta = n.count - o.count
        func same(_ i: Int, _ j: Int, _ shift: Int) -> Bool {
            // Field by field through the arrays (a `Block` copy retains its strings).
            oldB.withUnsafeBufferPointer { ob in newB.withUnsafeBufferPointer { nb in same(ob[i], nb[j], shift) } }
        }
        func same(_ x: borrowing Block, _ y: borrowing Block, _ shift: Int) -> Bool {
            guard x.kind == y.kind, x.level == y.level, x.explicit == y.explicit, x.marker == y.marker, x.fieldKey == y.fieldKey,
                  x.sourceRange.lowerBound + shift == y.sourceRange.lowerBound, x.sourceRange.count == y.sourceRange.count,
                  x.proseRange.count == y.proseRange.count else { return false }
            switch (x.markerRange, y.markerRange) {
            case (nil, nil): break
            case let (xr?, yr?): guard xr.lowerBound + shift == yr.lowerBound, xr.count == yr.count else { return false }
            default: return false
            }
            return ot.withUnsafeBufferPointer { a in
                nt.withUnsafeBufferPointer { b in
                    var i = x.proseRange.lowerBound, j = y.proseRange.lowerBound
                    let end = x.proseRange.upperBound
                    while i < end {
                        if a[i] != b[j] { return false }
                        i += 1
                        j += 1
                    }
                    return true
                }
            }
        }
        let common = min(oldB.count, newB.count)
        var prefix = 0
        while prefix < common && m.extents[prefix].upperBound <= p && same(prefix, prefix, 0) { prefix += 1 }
        // Blocks sharing lines (cells of one row) are kept or re-linted together.
        func overlaps(_ e: [SourceRange], _ i: Int) -> Bool { i > 0 && i < e.count && e[i - 1].upperBound > e[i].lowerBound }
        while prefix > 0 && (overlaps(m.extents, prefix) || overlaps(extents, prefix)) { prefix -= 1 }
        var suffix = 0
        while suffix < common - prefix {
            let i = oldB.count - 1 - suffix, j = newB.count - 1 - suffix
            guard m.extents[i].lowerBound >= o.count - s, same(i, j, delta) else { break }
            suffix += 1
        }
        while suffix > 0 && (overlaps(m.extents, oldB.count - suffix) || overlaps(extents, newB.count - suffix)) { suffix -= 1 }
        return Plan(prefix: prefix, suffix: suffix, delta: delta)
    }
}

extension Diagnostic {
    /// The same finding `delta` bytes further on.
    func shifted(by delta: Int) -> Diagnostic {
        guard delta != 0 else { return self }
        var d = self
        d.range = range.shifted(by: delta)
        if var f = fix {
            f.edits = f.edits.map { Edit(range: $0.range.shifted(by: delta), replacement: $0.replacement) }
            d.fix = f
        }
        return d
    }
}
