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
    /// Whether the bytes differ from the input.
    public let changed: Bool
}

/// Applies fixes: conflicting edits are deferred, the document is re-linted, and fixing repeats until nothing
/// changes (at most `maxPasses`, like ESLint). Fixing twice equals fixing once.
public enum Fixer {
    public static let maxPasses = 10

    /// Whether a fix of `applicability` is applied when `allowed` is the most permissive level requested.
    public static func applies(_ applicability: Applicability, allowed: Applicability) -> Bool {
        applicability != .displayOnly && applicability <= allowed
    }

    /// Whether an edit can be applied to `doc` without corrupting it: inside the buffer, not inside a BOM, on
    /// Unicode scalar boundaries and not between the CR and LF of a line break.
    public static func isApplicable(_ e: Edit, to doc: Document) -> Bool {
        let b = doc.bytes
        let lo = e.range.lowerBound, hi = e.range.upperBound
        guard lo >= doc.lines.bomLength, lo <= hi, hi <= b.count else { return false }
        for o in [lo, hi] where o > 0 && o < b.count {
            if (b[o] & 0xC0) == 0x80 { return false }
            if b[o] == 0x0A && b[o - 1] == 0x0D { return false }
        }
        return true
    }

    /// The edit with the line breaks of its replacement written like the document's line at the edit (CRLF, CR or
    /// LF), so fixing keeps a file's line endings, even mixed ones.
    public static func adapted(_ e: Edit, to doc: Document) -> Edit {
        let r = e.replacement.utf8
        guard r.contains(0x0A) || r.contains(0x0D) else { return e }
        let li = doc.lines
        var line = li.lineIndex(containing: e.range.lowerBound)
        // The last line has no terminator: use the one before it.
        if line + 1 >= li.lineCount && line > 0 { line -= 1 }
        let full = li.fullRange(ofLine: line)
        var eol: [UInt8] = [0x0A]
        if full.upperBound > full.lowerBound {
            let b = doc.bytes
            let last = b[full.upperBound - 1]
            if last == 0x0A && full.upperBound - 2 >= full.lowerBound && b[full.upperBound - 2] == 0x0D { eol = [0x0D, 0x0A] }
            else if last == 0x0D { eol = [0x0D] }
        }
        var out: [UInt8] = []
        var i = r.startIndex
        while i != r.endIndex {
            let c = r[i]
            if c == 0x0D || c == 0x0A {
                out.append(contentsOf: eol)
                let n = r.index(after: i)
                if c == 0x0D && n != r.endIndex && r[n] == 0x0A { i = n }
            } else {
                out.append(c)
            }
            i = r.index(after: i)
        }
        return Edit(range: e.range, replacement: String(decoding: out, as: UTF8.self))
    }

    /// Picks a non-conflicting subset of fixes (first by offset wins; touching edits conflict too).
    public static func selectEdits(_ diagnostics: [Diagnostic], allowed: Applicability) -> (edits: [Edit], fixed: Int) {
        select(diagnostics, allowed: allowed, document: nil)
    }

    /// Picks a non-conflicting subset of the fixes that can be applied to `document`, adapted to its line endings.
    public static func selectEdits(_ diagnostics: [Diagnostic], allowed: Applicability, in document: Document) -> (edits: [Edit], fixed: Int) {
        select(diagnostics, allowed: allowed, document: document)
    }

    static func select(_ diagnostics: [Diagnostic], allowed: Applicability, document: Document?) -> (edits: [Edit], fixed: Int) {
        var chosen: [Edit] = []
        var fixed = 0
        var taken: [SourceRange] = []
        let candidates = diagnostics.compactMap { d -> Fix? in
            guard var f = d.fix, !f.edits.isEmpty, applies(f.applicability, allowed: allowed) else { return nil }
            if let doc = document {
                guard f.edits.allSatisfy({ isApplicable($0, to: doc) }) else { return nil }
                f.edits = f.edits.map { adapted($0, to: doc) }
            }
            // A fix whose own edits overlap cannot be applied as one.
            for (a, b) in zip(f.edits, f.edits.dropFirst()) where b.range.lowerBound < a.range.upperBound { return nil }
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
            let (edits, n) = selectEdits(result.diagnostics, allowed: allowed, in: doc)
            if edits.isEmpty { break }
            let newBytes = apply(edits, to: doc.bytes)
            // A pass that would grow the document past what jdlint lints is not applied (fixes lengthen text by a
            // few bytes each, so only a document at the limit could).
            if newBytes == doc.bytes || newBytes.count > Document.maximumSize { break }
            applied.append(edits)
            fixed += n
            editCount += edits.count
            passes += 1
            doc = Document(bytes: newBytes, format: doc.format, path: doc.path)
            result = linter.lint(doc)
        }
        return FixResult(bytes: doc.bytes, fixed: fixed, edits: editCount, passes: passes, remaining: result.diagnostics,
                         appliedEdits: applied, final: result, changed: doc.bytes != document.bytes)
    }
}
