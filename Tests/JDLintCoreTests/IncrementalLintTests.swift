import Foundation
import Testing
@testable import JDLintCore
import JDLintTestSupport

/// The incremental lint (`Linter.lint(_:previous:parallel:)`, what the language server runs on every edit) must find
/// exactly what a whole lint finds, after any edit; and block-scoped rules must keep their claim
/// (`Invariants.localityProblems`) on real documents, not just on their examples.
@Suite struct IncrementalLintTests {
    typealias RNG = SplitMix64

    static func sequential(_ n: Int, _ body: @escaping @Sendable (Int) -> Void) { for i in 0..<n { body(i) } }

    /// Every rule enabled, and the default set.
    static let linters = [Linter(select: RuleRegistry.builtin.ids), Linter()]

    static var examplesDir: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples").standardized.path
    }

    /// The shipped Markdown and text examples, the rules' triggering examples glued into one posting, and a long
    /// posting of repeated sections.
    static func documents() throws -> [(String, DocumentFormat, [UInt8])] {
        var out: [(String, DocumentFormat, [UInt8])] = []
        for name in try TestFiles.list(examplesDir) where !name.contains("/") {
            guard let f = DocumentFormat.infer(fromPath: name), Incremental.supports(f) else { continue }
            out.append((name, f, Array(try TestFiles.read(examplesDir + "/" + name).utf8)))
        }
        for format in [DocumentFormat.text, .markdown] {
            let glued = FixPropertyTests.examples.filter { $0.format == format }.map(\.text).joined(separator: "\n\n")
            out.append(("triggering examples (\(format))", format, Array(glued.utf8)))
        }
        var long = "# Senior Platform Engineer\n\n"
        for i in 0..<40 {
            long += "## Responsibilities \(i)\n\n- You will build a API for our customers 😀, and and review code.\n"
                + "- Lift heavy objects (\n\nThe salary is $64334 per year, TBD.\n\n"
        }
        out.append(("long posting", .markdown, Array(long.utf8)))
        return out
    }

    /// Texts an editor might insert: characters, words that trigger rules, line breaks, markup that restructures.
    static let insertions = ["a", " ", "e", "\n", "\n\n", "an ", "a ", "- ", "# ", "## ", "```\n", "$64334", "the the ",
                             "é", "😀", "\r\n", "bachelors degree", "TBD", "(", ")", "24/7 ", "rockstar ", "Salary: ",
                             "---\n", "* ", "1. ", "<!-- jdlint-disable-next-line -->\n", "Requirements\n\n", "|a|b|\n",
                             "young and energetic ", "\"", "Responsibilities:\n"]

    static func boundary(_ b: [UInt8], _ o: Int) -> Int {
        var o = min(max(o, 0), b.count)
        while o > 0 && o < b.count && Bytes.isContinuation(b[o]) { o -= 1 }
        return o
    }

    /// One random edit: an insertion, a deletion or a replacement (on whole scalars).
    static func edit(_ b: [UInt8], _ rng: inout RNG) -> [UInt8] {
        let at = boundary(b, Int.random(in: 0...b.count, using: &rng))
        let kind = Int.random(in: 0..<4, using: &rng)
        var end = at
        if kind >= 2 { end = boundary(b, at + Int.random(in: 1...(kind == 3 ? 40 : 3), using: &rng)) }
        let insert = kind == 2 ? [] : Array(insertions.randomElement(using: &rng)!.utf8)
        return Array(b[..<at]) + insert + Array(b[end...])
    }

    static func check(_ name: String, _ format: DocumentFormat, _ start: [UInt8], edits: Int, seed: UInt64) -> (relinted: Int, blocks: Int) {
        var rng = RNG(seed: seed)
        var relinted = 0, blocks = 0
        for linter in linters {
            var bytes = start
            var memo: LintMemo?
            for step in 0..<edits {
                let doc = Document(bytes: bytes, format: format, path: name)
                let analysis = Analysis(document: doc)
                let whole = linter.lint(analysis).diagnostics
                let (inc, next) = linter.lint(document: doc, prose: Frontends.extract(doc), previous: memo, parallel: sequential)
                // The analysis re-used for unchanged blocks is the one a fresh analysis builds.
                let a = inc.analysis, b = analysis
                if !Self.sameAnalysis(a, b) {
                    let sameWords = a.words == b.words, sameSentences = a.sentences == b.sentences, samePay = a.pay == b.pay
                    let samePhrases = a.blockPhrases == b.blockPhrases
                    let text = String(String(decoding: bytes, as: UTF8.self).debugDescription.prefix(300))
                    Issue.record("\(name), edit \(step): the spliced analysis differs from a fresh one: words \(sameWords), sentences \(sameSentences), pay \(samePay), phrases \(samePhrases)\n  text: \(text)")
                    return (relinted, blocks)
                }
                if inc.diagnostics != whole {
                    let missing = whole.filter { !inc.diagnostics.contains($0) }, extra = inc.diagnostics.filter { !whole.contains($0) }
                    Issue.record("""
                        \(name), edit \(step): the incremental lint differs from a whole lint
                          missing: \(missing.map { "\($0.rule) \(doc.position($0.range.lowerBound).line):\(doc.position($0.range.lowerBound).column)" })
                          extra:   \(extra.map { "\($0.rule) \(doc.position($0.range.lowerBound).line):\(doc.position($0.range.lowerBound).column)" })
                          text: \(String(decoding: bytes, as: UTF8.self).debugDescription.prefix(400))
                        """)
                    return (relinted, blocks)
                }
                if memo != nil, let next { relinted += next.relinted; blocks += analysis.blocks.count }
                memo = next
                bytes = edit(bytes, &rng)
            }
        }
        return (relinted, blocks)
    }

    static func sameAnalysis(_ a: Analysis, _ b: Analysis) -> Bool {
        guard a.words == b.words, a.wordHashes == b.wordHashes, a.wordKeys == b.wordKeys, a.sentences == b.sentences,
              a.pay == b.pay, a.payScanned == b.payScanned, a.blockPhrases == b.blockPhrases,
              a.phraseText.hashes.elementsEqual(b.phraseText.hashes) else { return false }
        for k in 0..<a.blockPhrases.count {
            let x = a.phraseText(block: k), y = b.phraseText(block: k)
            for w in 0..<x.count where !x.word(w).elementsEqual(y.word(w)) { return false }
        }
        return true
    }

    @Test func randomEditsLintAsAWholeLintDoes() throws {
        var relinted = 0, blocks = 0
        for (i, (name, format, bytes)) in try Self.documents().enumerated() {
            let (r, b) = Self.check(name, format, bytes, edits: 60, seed: 0x1AC0 + UInt64(i))
            relinted += r
            blocks += b
        }
        // Most edits touch one or two blocks: the memo must really be used.
        #expect(blocks > 0 && relinted * 4 < blocks, "re-linted \(relinted) of \(blocks) blocks")
    }

    /// One keystroke in a long posting re-lints the block it lands in (plus a neighbour at most), not the posting.
    @Test func aKeystrokeRelintsOneBlock() throws {
        var text = "# Platform Engineer\n\n"
        for i in 0..<200 { text += "- You will build services \(i) with care.\n" }
        text += "\nThe salary is $100,000 to $120,000 per year.\n"
        let linter = Linter()
        let doc = Document(text: text, format: .markdown)
        let (_, memo) = linter.lint(document: doc, prose: Frontends.extract(doc), previous: nil, parallel: Self.sequential)
        #expect(memo?.relinted == Analysis(document: doc).blocks.count)
        var b = Array(text.utf8)
        let at = text.utf8.count / 2
        b.insert(contentsOf: Array("a a ".utf8), at: at)
        let editedDoc = Document(bytes: b, format: .markdown)
        let (inc, next) = linter.lint(document: editedDoc, prose: Frontends.extract(editedDoc), previous: memo, parallel: Self.sequential)
        #expect((next?.relinted ?? 99) <= 2, "re-linted \(next?.relinted ?? -1) blocks")
        #expect(next?.reusedAnalysis == true)
        #expect(inc.diagnostics == linter.lint(editedDoc).diagnostics)
        #expect(inc.diagnostics.contains { $0.rule == "grammar/repeated-word" })
    }

    /// A block rule whose findings hang on the whole document (the spacing rule ignores doubled spaces once the
    /// Markdown holds inline HTML): an edit elsewhere that flips that property re-lints every block, both ways
    /// (found by the lint fuzzer: an unchanged paragraph kept its stale finding).
    @Test func anEditThatChangesABlockContextRelintsEveryBlock() {
        let plain = "# Care Assistant\n\nYou will support  residents every day.\n\n- Kind and patient\n"
        let withHTML = plain + "\nApply <b>today</b>.\n"
        let linter = Linter()
        for (from, to) in [(plain, withHTML), (withHTML, plain)] {
            let a = Document(text: from, format: .markdown), b = Document(text: to, format: .markdown)
            let (_, memo) = linter.lint(document: a, prose: Frontends.extract(a), previous: nil, parallel: Self.sequential)
            let (inc, next) = linter.lint(document: b, prose: Frontends.extract(b), previous: memo, parallel: Self.sequential)
            #expect(inc.diagnostics == linter.lint(b).diagnostics)
            #expect(next?.relinted == Analysis(document: b).blocks.count)
        }
        // The property itself: the doubled space is reported only without inline HTML.
        #expect(linter.lint(Document(text: plain, format: .markdown)).diagnostics.contains { $0.rule == "grammar/spacing" })
        #expect(!linter.lint(Document(text: withHTML, format: .markdown)).diagnostics.contains { $0.rule == "grammar/spacing" })
    }

    /// HTML and JSON-LD blocks are not whole lines of the file: no memo, whole lints.
    @Test func htmlAndJSONLintWhole() {
        for (format, text) in [(DocumentFormat.html, "<h1>Nurse</h1><p>We need a engineer.</p>"),
                               (.jsonld, #"{"@type":"JobPosting","title":"Nurse","description":"We need a engineer."}"#)] {
            let doc = Document(text: text, format: format)
            let (r, memo) = Linter().lint(Analysis(document: doc), previous: nil, parallel: Self.sequential)
            #expect(memo == nil)
            #expect(r.diagnostics == Linter().lint(doc).diagnostics)
        }
    }

    @Test func shippedExamplesKeepTheBlockScopeClaim() throws {
        var checked = 0
        for (name, format, bytes) in try Self.documents() {
            for linter in Self.linters {
                let problems = Invariants.localityProblems(Document(bytes: bytes, format: format, path: name), linter: linter)
                #expect(problems.isEmpty, "\(name): \(problems.prefix(5).joined(separator: "\n"))")
            }
            checked += 1
        }
        #expect(checked >= 4)
    }

    /// Real postings (text and Markdown), sampled with a fixed seed: the claim holds, and random edits lint as a
    /// whole lint does.
    @Test func corpusPostings() throws {
        guard let corpus = TestFiles.corpus else {
            print("IncrementalLintTests.corpusPostings: skipped, the shared corpus (/work/shared/corpus or ../shared/corpus) is absent")
            return
        }
        let dir = corpus + "/real"
        let files = try TestFiles.list(dir).filter { DocumentFormat.infer(fromPath: $0).map(Incremental.supports) ?? false }
        guard !files.isEmpty else {
            print("IncrementalLintTests.corpusPostings: skipped, \(dir) holds no text or Markdown postings")
            return
        }
        var rng = RNG(seed: 0x10CA_1175)
        var checked = 0
        for _ in 0..<40 {
            let name = files.randomElement(using: &rng)!
            guard let data = FileManager.default.contents(atPath: dir + "/" + name), let format = DocumentFormat.infer(fromPath: name)
            else { continue }
            let bytes = [UInt8](data)
            guard Bytes.firstInvalidUTF8(bytes) == nil else { continue }
            let problems = Invariants.localityProblems(Document(bytes: bytes, format: format, path: name), linter: Self.linters[0])
            #expect(problems.isEmpty, "\(name): \(problems.prefix(5).joined(separator: "\n"))")
            _ = Self.check(name, format, bytes, edits: 6, seed: UInt64(checked))
            checked += 1
        }
        print("IncrementalLintTests.corpusPostings: \(checked) postings")
    }
}

/// The block-scope checker itself: a rule that claims block scope but reads the next block is caught.
@Suite struct LocalityCheckerTests {
    struct PeeksAtNextBlock: Rule {
        let meta = RuleMeta(id: "test/peeks", summary: "", explanation: "", defaultSeverity: .warning, scope: .block)
        func check(_ context: RuleContext, _ reporter: inout Reporter) {
            let a = context.analysis
            for (i, b) in a.blocks.enumerated() where i + 1 < a.blocks.count && a.blocks[i + 1].kind == .heading {
                reporter.report("before a heading", prose: b.proseRange)
            }
        }
    }

    struct ReadsTheDocument: Rule {
        let meta = RuleMeta(id: "test/reads", summary: "", explanation: "", defaultSeverity: .warning, scope: .block)
        func check(_ context: RuleContext, _ reporter: inout Reporter) {
            let a = context.analysis
            let hasPay = a.document.bytes.contains(0x24)
            for b in a.blocks where !hasPay { reporter.report("no pay anywhere", prose: b.proseRange) }
        }
    }

    struct Honest: Rule {
        let meta = RuleMeta(id: "test/honest", summary: "", explanation: "", defaultSeverity: .warning, scope: .block)
        func check(_ context: RuleContext, _ reporter: inout Reporter) {
            let a = context.analysis
            for w in a.words where a.string(w.range) == "foo" { reporter.report("foo", prose: w.range) }
        }
    }

    static func problems(_ rule: any Rule, _ text: String) -> [String] {
        let registry = RuleRegistry([rule])
        return Invariants.localityProblems(Document(text: text, format: .markdown), linter: Linter(registry: registry))
    }

    @Test func catchesARuleThatReadsOtherBlocks() {
        let text = "Intro foo.\n\n# Pay\n\nThe pay is $10 an hour.\n"
        #expect(!Self.problems(PeeksAtNextBlock(), text).isEmpty)
        #expect(!Self.problems(ReadsTheDocument(), text).isEmpty)
        #expect(Self.problems(Honest(), text).isEmpty)
    }
}

/// A block rule that breaks its claim (a finding past its block's lines) still has that finding reported by the
/// incremental lint, which then keeps no memo.
@Suite struct IncrementalClaimBreachTests {
    struct ReachesPastItsBlock: Rule {
        let meta = RuleMeta(id: "test/reaches", summary: "", explanation: "", defaultSeverity: .warning, scope: .block)
        func check(_ context: RuleContext, _ reporter: inout Reporter) {
            let a = context.analysis
            for b in a.blocks where a.string(block: 0).isEmpty == false && a.string(b.proseRange).contains("foo") {
                reporter.report("to the end", at: SourceRange(b.sourceRange.lowerBound, a.document.bytes.count))
            }
        }
    }

    @Test func aFindingPastItsBlockIsStillReported() {
        let linter = Linter(registry: RuleRegistry([ReachesPastItsBlock()]))
        let before = Document(text: "# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird one.\n", format: .markdown)
        let (_, memo) = linter.lint(document: before, prose: Frontends.extract(before), previous: nil,
                                    parallel: IncrementalLintTests.sequential)
        #expect(memo != nil)
        let after = Document(text: "# Title\n\nFirst paragraph.\n\nSecond foo paragraph.\n\nThird one.\n", format: .markdown)
        let (result, next) = linter.lint(document: after, prose: Frontends.extract(after), previous: memo,
                                         parallel: IncrementalLintTests.sequential)
        #expect(result.diagnostics == linter.lint(after).diagnostics)
        #expect(result.diagnostics.count == 1)
        #expect(next == nil)
    }
}
