import Foundation
import Testing
@testable import JDLintCore
import JDLintTestSupport

/// Property-based fix safety (issue 11): random documents built from every registered rule's triggering examples,
/// and random real postings from the shared corpus, fixed with unsafe fixes in every format, with LF, CRLF or mixed
/// line endings and with or without a BOM. For each, `Invariants.fixProblems` checks that fixing is idempotent,
/// applies only edits that findings offered, keeps every other byte in order, keeps the BOM and line-ending style,
/// and yields valid UTF-8. Deterministic: every case derives from a fixed seed, printed on failure.
@Suite struct FixPropertyTests {
    /// Every rule enabled, so every fix can fire.
    static let linter = Linter(select: RuleRegistry.builtin.ids)

    /// Triggering examples of every registered rule, markers removed, in registry order (an array, not a
    /// dictionary: dictionary order changes from run to run and would break the fixed seeds).
    static let examples: [(format: DocumentFormat, text: String)] = RuleRegistry.builtin.rules.flatMap { rule in
        rule.meta.triggering.map { (format: $0.format, text: ExampleChecker.stripMarkers($0.text).0) }
    }

    static let separators = ["\n", "\n\n", " ", "", "\n\n\n", "\t", "\n- ", "\n* ", "\n# ", "\n## ", "\n1. ", ": ",
                             "\n---\n", "\n\n> ", ". ", "\u{00A0}", " 😀 ", "\n<br>\n", "\n\n    "]

    enum LineEndings: CaseIterable { case lf, crlf, mixed }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// Rewrites line breaks: all LF, all CRLF, or a random choice per break.
    static func withLineEndings(_ s: String, _ le: LineEndings, _ rng: inout SplitMix64) -> [UInt8] {
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 0x0D || b[i] == 0x0A {
                if b[i] == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
                let crlf = le == .crlf || (le == .mixed && Bool.random(using: &rng))
                out.append(contentsOf: crlf ? [0x0D, 0x0A] : [0x0A])
            } else {
                out.append(b[i])
            }
            i += 1
        }
        return out
    }

    /// A random document in `format` made of triggering examples.
    static func randomDocument(_ format: DocumentFormat, _ rng: inout SplitMix64) -> String {
        let all = examples.map(\.text)
        let own = examples.filter { $0.format == format }.map(\.text)
        let count = Int.random(in: 1...8, using: &rng)
        var pieces: [String] = []
        for _ in 0..<count {
            let pool = (!own.isEmpty && Bool.random(using: &rng)) ? own : all
            pieces.append(pool.randomElement(using: &rng)!)
        }
        func join(_ p: [String]) -> String {
            var s = ""
            for (i, piece) in p.enumerated() {
                if i > 0 { s += separators.randomElement(using: &rng)! }
                s += piece
            }
            return s
        }
        switch format {
        case .text, .markdown:
            return join(pieces)
        case .html:
            let wrapped = pieces.map { p -> String in
                if p.contains("<") && Bool.random(using: &rng) { return p }
                return ["<p>\(p)</p>", "<li>\(p)</li>", "<h2>\(p)</h2>", p, "<div>\(p)</div>", "<td>\(p)</td>"].randomElement(using: &rng)!
            }
            let body = join(wrapped)
            return Bool.random(using: &rng) ? "<!doctype html>\n<html><body>\n\(body)\n</body></html>\n" : body
        case .jsonld:
            if !own.isEmpty && Int.random(in: 0..<4, using: &rng) == 0 { return own.randomElement(using: &rng)! }
            let title = pieces[0].split(separator: "\n").first.map(String.init) ?? ""
            var fields = ["\"@context\": \"https://schema.org\"", "\"@type\": \"JobPosting\"",
                          "\"title\": \(jsonString(title))", "\"description\": \(jsonString(join(pieces)))"]
            if Bool.random(using: &rng) { fields.append("\"employmentType\": \(jsonString(pieces.last!))") }
            fields.shuffle(using: &rng)
            return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
        }
    }

    static func report(_ problems: [String], _ what: String, _ bytes: [UInt8]) {
        guard !problems.isEmpty else { return }
        let text = String(decoding: bytes.prefix(600), as: UTF8.self)
        Issue.record("\(what): \(problems.joined(separator: "; "))\n  input: \(text.debugDescription)")
    }

    /// Documents per format; `JDLINT_PROPERTY_CASES=5000 swift test --filter FixPropertyTests` searches longer.
    static let casesPerFormat = ProcessInfo.processInfo.environment["JDLINT_PROPERTY_CASES"].flatMap { Int($0) } ?? 300

    @Test(arguments: DocumentFormat.allCases)
    func examplesDocuments(_ format: DocumentFormat) {
        #expect(!Self.examples.isEmpty)
        var changed = 0, edits = 0
        let base: UInt64 = 0x6A64_6C69_6E74 &+ UInt64(DocumentFormat.allCases.firstIndex(of: format)!) << 32
        for i in 0..<Self.casesPerFormat {
            let seed = base &+ UInt64(i)
            var rng = SplitMix64(seed: seed)
            let text = Self.randomDocument(format, &rng)
            let le = LineEndings.allCases.randomElement(using: &rng)!
            var bytes = Self.withLineEndings(text, le, &rng)
            if Bool.random(using: &rng) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            let doc = Document(bytes: bytes, format: format)
            let problems = Invariants.fixProblems(doc, linter: Self.linter)
            Self.report(problems, "\(format) seed \(seed) (\(le))", bytes)
            let fixed = Fixer.fix(doc, with: Self.linter, allowed: .unsafe)
            if fixed.changed { changed += 1 }
            edits += fixed.edits
        }
        print("FixPropertyTests.examplesDocuments(\(format)): \(Self.casesPerFormat) documents, \(changed) changed by fixing, \(edits) edits")
        // The generator must exercise the fixes, not only the checker.
        #expect(changed > Self.casesPerFormat / 10)
    }

    /// The property checker must be able to fail: a fix that joins a CR and an LF into a new CRLF, and a fix that
    /// never converges, are both caught.
    @Test func checkerDetectsBadFixes() {
        struct JoinsCRLF: Rule {
            let meta = RuleMeta(id: "test/joins", summary: "s", explanation: "e", defaultSeverity: .warning, fix: .safe)
            func check(_ context: RuleContext, _ reporter: inout Reporter) {
                let b = context.analysis.document.bytes
                for i in 1..<b.count where b[i] == UInt8(ascii: "b") && b[i - 1] == 0x0D {
                    reporter.report("bad", at: SourceRange(i, i + 1), fix: Fix(title: "t", applicability: .safe, edits: [Edit(range: SourceRange(i, i + 1), replacement: "")]))
                }
            }
        }
        struct Grows: Rule {
            let meta = RuleMeta(id: "test/grows", summary: "s", explanation: "e", defaultSeverity: .warning, fix: .safe)
            func check(_ context: RuleContext, _ reporter: inout Reporter) {
                reporter.report("bad", at: SourceRange(0, 1), fix: Fix(title: "t", applicability: .safe, edits: [Edit(range: SourceRange(at: 0), replacement: "x")]))
            }
        }
        for (rule, text) in [(JoinsCRLF() as any Rule, "a\rb\nc\n"), (Grows(), "abc\n")] {
            let linter = Linter(registry: RuleRegistry([rule]), select: [rule.meta.id])
            let problems = Invariants.fixProblems(Document(text: text, format: .text), linter: linter)
            #expect(!problems.isEmpty, "\(rule.meta.id)")
        }
    }

    /// Real postings, sampled with a fixed seed, as written and with their line endings and BOM varied.
    @Test func corpusPostings() throws {
        guard let corpus = TestFiles.corpus else {
            print("FixPropertyTests.corpusPostings: skipped, the shared corpus (/work/shared/corpus or ../shared/corpus) is absent")
            return
        }
        let dir = corpus + "/real"
        let files = try TestFiles.list(dir).filter { DocumentFormat.infer(fromPath: $0) != nil }
        guard !files.isEmpty else {
            print("FixPropertyTests.corpusPostings: skipped, \(dir) holds no postings")
            return
        }
        var rng = SplitMix64(seed: 0xC0FF_EE11)
        let sample = (0..<max(150, Self.casesPerFormat / 2)).map { _ in files.randomElement(using: &rng)! }
        var checked = 0, changed = 0, edits = 0
        for name in sample {
            guard let data = FileManager.default.contents(atPath: dir + "/" + name) else { continue }
            let original = [UInt8](data)
            guard Bytes.firstInvalidUTF8(original) == nil, let format = DocumentFormat.infer(fromPath: name) else { continue }
            let le = LineEndings.allCases.randomElement(using: &rng)!
            var bytes = Bool.random(using: &rng) ? original : Self.withLineEndings(String(decoding: original, as: UTF8.self), le, &rng)
            if Bool.random(using: &rng) && !bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            let doc = Document(bytes: bytes, format: format, path: name)
            let problems = Invariants.fixProblems(doc, linter: Self.linter)
            Self.report(problems, "corpus \(name) (\(le))", bytes)
            let fixed = Fixer.fix(doc, with: Self.linter, allowed: .unsafe)
            checked += 1
            if fixed.changed { changed += 1 }
            edits += fixed.edits
        }
        print("FixPropertyTests.corpusPostings: \(checked) postings, \(changed) changed by fixing, \(edits) edits")
    }
}
