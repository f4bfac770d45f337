/// The outcome of fixing one document.
public struct FixResult: Sendable {
    /// The fixed bytes (identical to the input when nothing was fixed).
    public let bytes: [UInt8]
    /// Number of findings whose fix was applied.
    public let fixed: Int
    /// Number of edits applied.
    public let edits: Int
    /// Lint passes that applied something.
    public let passes: Int
    /// Findings left after fixing (from a final lint of the fixed text).
    public let remaining: [Diagnostic]
    /// Every applied edit, in the coordinates of the document it was applied to, pass by pass.
    public let appliedEdits: [[Edit]]
    /// The last lint result (of the fixed text).
    public let final: LintResult

    public var changed: Bool { fixed > 0 }
}

/// Applies fixes: conflicting edits are deferred, the document is re-linted, and fixing repeats until nothing
/// changes (at most `maxPasses`, like ESLint). Fixing twice equals fixing once.
public enum Fixer {
    public static let maxPasses = 10

    /// Whether a fix of `applicability` is applied when `allowed` is the most permissive level requested.
    public static func applies(_ applicability: Applicability, allowed: Applicability) -> Bool {
        applicability != .displayOnly && applicability <= allowed
    }

    /// Picks a non-conflicting subset of fixes (first by offset wins; touching edits conflict too).
    public static func selectEdits(_ diagnostics: [Diagnostic], allowed: Applicability) -> (edits: [Edit], fixed: Int) {
        var chosen: [Edit] = []
        var fixed = 0
        var taken: [Range<Int>] = []
        let candidates = diagnostics.compactMap { d -> Fix? in
            guard let f = d.fix, !f.edits.isEmpty, applies(f.applicability, allowed: allowed) else { return nil }
            return f
        }.sorted { ($0.edits[0].range.lowerBound, $0.edits[0].range.upperBound) < ($1.edits[0].range.lowerBound, $1.edits[0].range.upperBound) }
        var seen = Set<[Edit]>()
        for fix in candidates {
            if seen.contains(fix.edits) { continue }  // two findings offering the same repair
            let conflicts = fix.edits.contains { e in
                taken.contains { t in e.range.lowerBound <= t.upperBound && t.lowerBound <= e.range.upperBound }
            }
            if conflicts { continue }
            seen.insert(fix.edits)
            chosen.append(contentsOf: fix.edits)
            taken.append(contentsOf: fix.edits.map(\.range))
            fixed += 1
        }
        chosen.sort { $0.range.lowerBound < $1.range.lowerBound }
        return (chosen, fixed)
    }

    /// Applies sorted, non-overlapping edits to bytes.
    public static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var pos = 0
        for e in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let lo = min(max(e.range.lowerBound, pos), bytes.count)
            let hi = min(max(e.range.upperBound, lo), bytes.count)
            out.append(contentsOf: bytes[pos..<lo])
            out.append(contentsOf: e.replacement.utf8)
            pos = hi
        }
        out.append(contentsOf: bytes[pos...])
        return out
    }

    /// Fixes a document with the linter until nothing changes.
    public static func fix(_ document: Document, with linter: Linter, allowed: Applicability = .safe) -> FixResult {
        var doc = document
        var result = linter.lint(doc)
        var fixed = 0, editCount = 0, passes = 0
        var applied: [[Edit]] = []
        while passes < maxPasses {
            let (edits, n) = selectEdits(result.diagnostics, allowed: allowed)
            if edits.isEmpty { break }
            let newBytes = apply(edits, to: doc.bytes)
            if newBytes == doc.bytes { break }
            applied.append(edits)
            fixed += n
            editCount += edits.count
            passes += 1
            doc = Document(bytes: newBytes, format: doc.format, path: doc.path)
            result = linter.lint(doc)
        }
        return FixResult(bytes: doc.bytes, fixed: fixed, edits: editCount, passes: passes, remaining: result.diagnostics,
                         appliedEdits: applied, final: result)
    }
}
