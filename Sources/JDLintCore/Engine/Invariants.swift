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
        return problems + fixProblems(doc, linter: linter) + incrementalProblems(body, format: format, linter: linter)
    }

    /// The incremental lint (what the language server runs on an edit) against a whole lint, for Text and Markdown:
    /// `body` linted after an earlier version of it (a slice of up to 32 bytes taken out, at a place the body
    /// itself picks), and that earlier version linted after `body`, must find what a whole lint finds, from an
    /// analysis equal to a fresh one.
    public static func incrementalProblems(_ body: [UInt8], format: DocumentFormat, linter: Linter) -> [String] {
        guard Incremental.supports(format), body.count > 2 else { return [] }
        func boundary(_ o: Int) -> Int {
            var o = min(max(o, 0), body.count)
            while o > 0 && o < body.count && Bytes.isContinuation(body[o]) { o -= 1 }
            return o
        }
        let seed = Int(body[body.count / 2])
        let a = boundary((seed &* 7919) % body.count)
        let b = boundary(a + 1 + seed % 32)
        guard a < b else { return [] }
        let earlier = Array(body[..<a]) + Array(body[b...])
        let sequential: (Int, @escaping @Sendable (Int) -> Void) -> Void = { n, run in for i in 0..<n { run(i) } }
        var problems: [String] = []
        for (from, to, what) in [(earlier, body, "inserting"), (body, earlier, "removing")] {
            let before = Document(bytes: from, format: format)
            let (_, memo) = linter.lint(document: before, prose: Frontends.extract(before), previous: nil, parallel: sequential)
            let after = Document(bytes: to, format: format)
            let (incremental, _) = linter.lint(document: after, prose: Frontends.extract(after), previous: memo, parallel: sequential)
            let fresh = Analysis(document: after)
            if incremental.diagnostics != linter.lint(fresh).diagnostics {
                problems.append("incremental lint after \(what) bytes \(a)..<\(b) differs from a whole lint")
            }
            let x = incremental.analysis
            if x.words != fresh.words || x.wordHashes != fresh.wordHashes || x.wordKeys != fresh.wordKeys
                || x.sentences != fresh.sentences || x.pay != fresh.pay || x.blockPhrases != fresh.blockPhrases
                || !x.phraseText.hashes.elementsEqual(fresh.phraseText.hashes) {
                problems.append("incremental analysis after \(what) bytes \(a)..<\(b) differs from a fresh one")
            }
        }
        return problems
    }

    /// Fix-safety violations for one document, fixing with `allowed` (unsafe by default): fixing yields valid UTF-8;
    /// every applied edit is an edit some finding of that pass offered (up to line-ending adaptation); every byte
    /// outside the edits of a pass survives, in order; the BOM stays; an LF-only file gains no CR, a CRLF-only file
    /// no bare LF or CR, and no edit joins a CR and an LF of different origins into a new CRLF; and, unless the pass
    /// limit was reached, fixing the output again changes nothing.
    public static func fixProblems(_ doc: Document, linter: Linter, allowed: Applicability = .unsafe) -> [String] {
        var problems: [String] = []
        let fixed = Fixer.fix(doc, with: linter, allowed: allowed)
        if Bytes.firstInvalidUTF8(fixed.bytes) != nil { problems.append("fixing produced invalid UTF-8") }
        if doc.hasBOM && !(fixed.bytes.starts(with: [0xEF, 0xBB, 0xBF])) { problems.append("fixing lost the BOM") }
        if !doc.hasBOM && fixed.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { problems.append("fixing added a BOM") }
        // Replay the passes independently of `Fixer.apply`.
        var current = doc.bytes
        for (pass, edits) in fixed.appliedEdits.enumerated() {
            let passDoc = Document(bytes: current, format: doc.format, path: doc.path)
            let offered = Set(linter.lint(passDoc).diagnostics.flatMap { d in
                (d.fix?.edits ?? []).map { Fixer.adapted($0, to: passDoc) }
            })
            var out: [UInt8] = []
            out.reserveCapacity(current.count + 64)
            var pos = 0
            // Origin of each output byte: its input offset when copied from untouched text, -1 when inserted.
            var origin: [Int] = []
            origin.reserveCapacity(current.count + 64)
            for e in edits {
                if !offered.contains(e) {
                    problems.append("pass \(pass + 1): applied edit \(e.range) → \(e.replacement.debugDescription) was not offered by any finding")
                }
                guard e.range.lowerBound >= pos, e.range.upperBound <= current.count, e.range.lowerBound <= e.range.upperBound else {
                    problems.append("pass \(pass + 1): edit \(e.range) overlaps the previous edit or is out of bounds")
                    return problems
                }
                out.append(contentsOf: current[pos..<e.range.lowerBound])
                origin.append(contentsOf: pos..<e.range.lowerBound)
                let r = Array(e.replacement.utf8)
                out.append(contentsOf: r)
                origin.append(contentsOf: repeatElement(-1, count: r.count))
                pos = e.range.upperBound
            }
            out.append(contentsOf: current[pos...])
            origin.append(contentsOf: pos..<current.count)
            // A CR and an LF that were not adjacent before the pass must not become a CRLF (bytes of one replacement
            // were adapted to the document's line endings and may form one).
            if out.count > 1 {
                for i in 0..<(out.count - 1) where out[i] == 0x0D && out[i + 1] == 0x0A
                    && !(origin[i] < 0 && origin[i + 1] < 0) && !(origin[i] >= 0 && origin[i + 1] == origin[i] + 1) {
                    problems.append("pass \(pass + 1): an edit joined a CR and an LF into a new CRLF at byte \(i)")
                    break
                }
            }
            current = out
        }
        if current != fixed.bytes {
            problems.append("the fixed text is not the input with the reported edits applied (untouched bytes changed)")
        }
        let (lf, crlf, cr) = lineBreaks(doc.bytes)
        let (lf2, crlf2, cr2) = lineBreaks(fixed.bytes)
        if crlf == 0 && cr == 0 && (crlf2 > 0 || cr2 > 0) { problems.append("fixing turned an LF file into CRLF/CR") }
        if lf == 0 && cr == 0 && crlf > 0 && (lf2 > 0 || cr2 > 0) { problems.append("fixing turned a CRLF file into LF/CR") }
        if fixed.passes >= Fixer.maxPasses {
            problems.append("fixing did not converge within \(Fixer.maxPasses) passes")
        } else {
            let again = Fixer.fix(Document(bytes: fixed.bytes, format: doc.format, path: doc.path), with: linter, allowed: allowed)
            if again.bytes != fixed.bytes {
                let rules = Set(fixed.final.diagnostics
                    .filter { $0.fix.map { Fixer.applies($0.applicability, allowed: allowed) } ?? false }.map(\.rule)).sorted()
                problems.append("fixing twice changed the text again (fixable findings left: \(rules.joined(separator: ", ")))")
            }
        }
        return problems
    }

    /// Counts of bare LF, CRLF and bare CR line breaks.
    static func lineBreaks(_ b: [UInt8]) -> (lf: Int, crlf: Int, cr: Int) {
        var lf = 0, crlf = 0, cr = 0
        var i = 0
        while i < b.count {
            if b[i] == 0x0D {
                if i + 1 < b.count && b[i + 1] == 0x0A { crlf += 1; i += 2; continue }
                cr += 1
            } else if b[i] == 0x0A {
                lf += 1
            }
            i += 1
        }
        return (lf, crlf, cr)
    }
}

extension Invariants {
    /// Checks the claim of every active block-scoped rule (`RuleScope.block`) on one document: each block linted
    /// alone (as the incremental lint does) gives the same findings as with the rest of the document blanked out
    /// (bytes outside the block's lines turned to spaces, fields and title dropped), every finding lies within its
    /// block's lines, and the blocks' findings together are the whole document's. Text and Markdown only (the
    /// formats the incremental lint handles). Returns the violations (empty when the claim holds).
    public static func localityProblems(_ doc: Document, linter: Linter) -> [String] {
        guard Incremental.supports(doc.format) else { return [] }
        let local = linter.ruleIndices.filter { linter.scopes[$0] == .block }
        let full = Analysis(document: doc)
        guard !local.isEmpty, let extents = Incremental.extents(doc, full.blocks) else { return [] }
        let sequential: (Int, @escaping @Sendable (Int) -> Void) -> Void = { n, body in for i in 0..<n { body(i) } }
        let ids = local.map { linter.ids[$0] }
        let whole = linter.run(local.map { ($0, full, .blocks) }, parallel: sequential, costOrdered: false)
        var union = Array(repeating: [Diagnostic](), count: local.count)
        var problems: [String] = []
        let bytes = doc.bytes
        let bom = doc.lines.bomLength
        func describe(_ d: Diagnostic) -> String {
            let p = doc.position(d.range.lowerBound)
            return "\(p.line):\(p.column) “\(d.message)”"
        }
        for (b, block) in full.blocks.enumerated() {
            var alone = full.prose
            alone.blocks = [block]
            let got = linter.run(local.map { ($0, Analysis(document: doc, prose: alone), .blocks) }, parallel: sequential, costOrdered: false)
            // The same block with everything around it blanked out.
            let e = extents[b]
            var masked = bytes
            for i in bom..<masked.count where !e.contains(i) && masked[i] != 0x0A && masked[i] != 0x0D { masked[i] = 0x20 }
            var prose = alone
            for i in prose.text.bytes.indices where !block.proseRange.contains(i) && prose.text.bytes[i] != 0x0A {
                prose.text.bytes[i] = 0x20
            }
            prose.fields = []
            prose.metadataTitle = nil
            prose.directives = prose.directives.filter { e.contains($0.range.lowerBound) }
            let blanked = Analysis(document: Document(bytes: masked, format: doc.format, path: doc.path), prose: prose)
            let gotBlanked = linter.run(local.map { ($0, blanked, .blocks) }, parallel: sequential, costOrdered: false)
            for k in local.indices {
                if got[k] != gotBlanked[k] {
                    problems.append("\(ids[k]): block \(b) (line \(doc.position(block.sourceRange.lowerBound).line)) reads outside its lines: "
                                    + "alone [\(got[k].map(describe).joined(separator: ", "))], "
                                    + "blanked around [\(gotBlanked[k].map(describe).joined(separator: ", "))]")
                }
                for d in got[k] {
                    let inside = { (r: SourceRange) in r.lowerBound >= e.lowerBound && r.upperBound <= e.upperBound }
                    if !inside(d.range) || !(d.fix?.edits.allSatisfy { inside($0.range) } ?? true) {
                        problems.append("\(ids[k]): finding \(describe(d)) of block \(b) reaches outside the block's lines")
                    }
                }
                union[k].append(contentsOf: got[k])
            }
        }
        for k in local.indices {
            let a = whole[k].sorted(by: Diagnostic.ordered), u = union[k].sorted(by: Diagnostic.ordered)
            if a != u {
                let missing = a.filter { !u.contains($0) }, extra = u.filter { !a.contains($0) }
                problems.append("\(ids[k]): the blocks alone find [\(u.map(describe).joined(separator: ", "))], the whole "
                                + "document [\(a.map(describe).joined(separator: ", "))]"
                                + (missing.isEmpty && extra.isEmpty ? " (counts differ)" : ""))
            }
        }
        return problems
    }
}
