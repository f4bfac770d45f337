import Testing
@testable import JDLintCore

/// Focused tests of the grammar rules' tricky parts (the rules' own examples run in RuleExamplesTests).
@Suite struct GrammarTests {
    static func findings(_ text: String, _ rule: String, format: DocumentFormat = .text) -> [Diagnostic] {
        let linter = Linter(select: [rule])
        return linter.lint(Document(text: text, format: format)).diagnostics.filter { $0.rule == rule }
    }

    static func sound(_ s: String) -> Sound {
        let b = Array(s.utf8)
        return IndefiniteArticleRule.sound(Pronunciation.shared, b, 0..<b.count, blockEnd: b.count, shout: false)
    }

    @Test(arguments: [
        ("8", Sound.vowel), ("11", .vowel), ("18", .vowel), ("80", .vowel), ("86", .vowel), ("800", .vowel), ("8000", .vowel),
        ("11000", .vowel), ("18000", .vowel), ("80000", .vowel), ("800000", .vowel), ("8,500", .vowel), ("11,000", .vowel),
        ("1", .consonant), ("10", .consonant), ("12", .consonant), ("100", .consonant), ("110", .consonant), ("1,000", .consonant),
        ("2018", .consonant), ("180", .consonant), ("1100", .either), ("1800", .either), ("1,800", .either), ("0", .consonant),
    ])
    func numbers(_ n: String, _ expected: Sound) {
        let b = Array((n + " ").utf8)
        #expect(Pronunciation.numberSound(b, 0, end: b.count) == expected, "\(n)")
    }

    @Test(arguments: [
        ("hour", Sound.vowel), ("honest", .vowel), ("heir", .vowel), ("hourly", .vowel), ("hospital", .consonant),
        ("historic", .either), ("herb", .either), ("university", .consonant), ("unique", .consonant), ("user", .consonant),
        ("European", .consonant), ("one", .consonant), ("once", .consonant), ("umbrella", .vowel), ("unusual", .vowel),
        ("upper", .vowel), ("onerous", .vowel), ("unidentified", .vowel), ("RN", .vowel), ("LPN", .vowel), ("MBA", .vowel),
        ("HR", .vowel), ("SLP", .vowel), ("OT", .vowel), ("EMT", .vowel), ("X", .vowel), ("CNA", .consonant), ("BSN", .consonant),
        ("CPR", .consonant), ("UX", .consonant), ("PhD", .consonant), ("NASA", .consonant), ("HIPAA", .consonant),
        ("FEMA", .consonant), ("OSHA", .vowel), ("SEO", .vowel), ("SAT", .vowel), ("SQL", .either), ("HVAC", .either),
        ("MSc", .vowel), ("Msc", .vowel), ("iOS", .vowel), ("eBay", .vowel), ("Mr", .consonant), ("NHS", .vowel), ("FBI", .vowel),
    ])
    func firstSounds(_ word: String, _ expected: Sound) {
        #expect(Self.sound(word) == expected, "\(word)")
    }

    @Test func articleCaseIsKept() {
        #expect(IndefiniteArticleRule.article(an: true, like: "a", shout: false) == "an")
        #expect(IndefiniteArticleRule.article(an: true, like: "A", shout: false) == "An")
        #expect(IndefiniteArticleRule.article(an: true, like: "A", shout: true) == "AN")
        #expect(IndefiniteArticleRule.article(an: false, like: "AN", shout: true) == "A")
        #expect(IndefiniteArticleRule.article(an: false, like: "An", shout: false) == "A")
    }

    /// Harper stops checking after a word it finds ambiguous; jdlint must go on.
    @Test func keepsCheckingAfterAnAmbiguousWord() {
        let d = Self.findings("Use a SQL database and an SQL one. Then a orange, a HVAC unit, and a apple.", "grammar/indefinite-article")
        #expect(d.count == 2)
    }

    /// Article slips inside long bullets are found, and other rules' findings do not hide them.
    @Test func findsSlipsInLongBullets() {
        let long = Array(repeating: "and careful", count: 30).joined(separator: " ")
        let text = "- Work as a RN \(long) work.\n- Lead a team of a LPN and the the nurses.\n"
        let all = Linter().lint(Document(text: text, format: .markdown)).diagnostics
        #expect(all.filter { $0.rule == "grammar/indefinite-article" }.count == 2)
        #expect(all.contains { $0.rule == "grammar/repeated-word" })
    }

    @Test func exactPositionsAndFix() {
        let text = "Work a 8-hour shift with a RN.\n"
        let d = Self.findings(text, "grammar/indefinite-article")
        #expect(d.map(\.range.lowerBound) == [5, 25])
        let result = Fixer.fix(Document(text: text, format: .text), with: Linter(select: ["grammar/indefinite-article"]))
        let fixed = String(decoding: result.bytes, as: UTF8.self)
        #expect(fixed == "Work an 8-hour shift with an RN.\n")
    }

    @Test func noFindingOnLabelsAndForeignText() {
        for text in ["Grade A or B.", "Plan A is best.", "Hepatitis A vaccine.", "A) first\nB) second",
                     "Enviamos a usted a una entrevista para el puesto y a otros candidatos de la empresa.",
                     "Type A individuals and Class A licences.", "Contact a@example.com or see https://a.example.com/an/orange."] {
            #expect(Self.findings(text, "grammar/indefinite-article").isEmpty, "\(text)")
        }
    }

    @Test func shoutedText() {
        #expect(Self.findings("WE ARE AN EQUAL OPPORTUNITY EMPLOYER.", "grammar/indefinite-article").isEmpty)
        #expect(Self.findings("MY PLAN IS TO SPEND AN SPECIAL NIGHT WITH HIM.", "grammar/indefinite-article").count == 1)
    }

    @Test func dataFilesLoad() {
        let p = Pronunciation.shared
        #expect(p.prefix.count > 300)
        #expect(p.acronyms.count > 100)
        #expect(!RuleData.strings("grammar-article-context.json", "notAfterArticle").isEmpty)
    }

    /// The whole real corpus runs through the grammar rules (skips when the corpus is absent).
    @Test func corpusRuns() throws {
        guard let corpus = TestFiles.corpus else {
            print("skipped: no shared corpus")
            return
        }
        let dir = corpus + "/real/pythonjobs"
        let files = try TestFiles.list(dir).filter { $0.hasSuffix(".md") }
        let linter = Linter(select: ["grammar/"])
        var count = 0
        for f in files.prefix(200) {
            let text = try TestFiles.read(dir + "/" + f)
            count += linter.lint(Document(text: text, format: .markdown)).diagnostics.count
        }
        #expect(count < files.count)  // precision: far fewer findings than postings
    }
}
