import Foundation
import Testing
@testable import JDLintCore

/// Focused tests for the inclusive-language rules beyond their own examples.
@Suite struct InclusiveTests {
    func lint(_ text: String, _ select: [String], format: DocumentFormat = .text, year: Int = 2026) -> [Diagnostic] {
        let l = Linter(settings: LintSettings(currentYear: year), select: select)
        return l.lint(Document(text: text, format: format)).diagnostics
    }

    func texts(_ text: String, _ ds: [Diagnostic]) -> [String] {
        let b = Array(text.utf8)
        return ds.map { String(decoding: b[$0.range.offsets], as: UTF8.self) }
    }

    func lintWords(_ text: String) -> [Diagnostic] {
        var c = Configuration()
        c.rules = [("inclusive/gender-coded", RuleSetting(enabled: true, severity: nil, options: JSONObject([("words", .bool(true))])))]
        return Linter(configuration: c, select: ["inclusive/gender-coded"]).lint(Document(text: text, format: .text)).diagnostics
    }

    @Test func genderCodedLookAlikesDoNotCount() {
        let text = """
            Competitive salary. Maintain SharePoint. Analytical chemist for the analysis lab. Key responsibilities: \
            respond to tickets. Leeds Teaching Hospitals NHS Foundation Trust. Confidential records. Competent staff. \
            Air Force veterans. A data-driven committee in Connecticut. Feel free to apply. Understanding of SQL.
            """
        let ds = lintWords(text)
        #expect(ds.isEmpty, "\(texts(text, ds))")
    }

    @Test func genderCodedVerdictOnlyWhenClearlyMasculine() {
        // 5 masculine, 0 feminine: clearly masculine-coded → one info finding, no per-word findings by default.
        let strong = "Be competitive, decisive, dominant, fearless and ambitious."
        let ds = lint(strong, ["inclusive/gender-coded"])
        #expect(ds.count == 1)
        #expect(ds.first?.severity == .info)
        #expect(ds.first?.message.hasPrefix("The posting is masculine-coded: 5 masculine-coded and 0 feminine-coded words.") == true)
        // 2 masculine, 1 feminine: a lean, not reported.
        #expect(lint("Be competitive, decisive and collaborative.", ["inclusive/gender-coded"]).isEmpty)
        // Feminine-coded only: not reported.
        #expect(lint("Be supportive, collaborative, caring, empathetic and understanding.", ["inclusive/gender-coded"]).isEmpty)
        // With words: true, every coded word is reported too.
        let words = lintWords("Be decisive and collaborative.")
        #expect(words.count == 2 && words.allSatisfy { $0.severity == .info && !$0.message.hasPrefix("The posting") })
        #expect(lintWords(strong).count == 6)
    }

    @Test func configuredSeverityStillWins() {
        var c = Configuration()
        c.rules = [("inclusive/gender-coded", RuleSetting(enabled: true, severity: .error, options: JSONObject()))]
        let l = Linter(configuration: c, select: ["inclusive/gender-coded"])
        let ds = l.lint(Document(text: "Be competitive, decisive, dominant, fearless and ambitious.", format: .text)).diagnostics
        #expect(!ds.isEmpty && ds.allSatisfy { $0.severity == .error })
    }

    @Test func everyStemHasADecisionAndAReason() {
        let root = RuleData.json("gender-coded.json")
        for key in ["masculine", "feminine"] {
            let list = root[key]?.arrayValue ?? []
            #expect(list.count > 40)
            for e in list {
                let stem = e["stem"]?.stringValue ?? "?"
                #expect(["keep", "narrow", "drop"].contains(e["decision"]?.stringValue ?? ""), "\(stem)")
                #expect((e["reason"]?.stringValue ?? "").count > 5, "\(stem) needs a reason")
                let words = e["words"]?.arrayValue?.count ?? 0
                let dropped = e["decision"]?.stringValue == "drop"
                #expect(dropped ? words == 0 : words > 0, "\(stem)")
            }
        }
    }

    @Test func pronounPairsAndLonePronouns() {
        let text = "The ideal candidate brings his/her laptop. (S)he reports to Claire. Claire says she is away."
        let ds = lint(text, ["inclusive/gendered-terms"])
        #expect(texts(text, ds) == ["his/her", "(S)he"])
        let acronym = lint("The candidate knows HE (higher education) funding.", ["inclusive/gendered-terms"])
        #expect(acronym.isEmpty)
    }

    @Test func jargonKeepsCompetitiveSalary() {
        let ds = lint("Competitive salary. A competitive environment.", ["inclusive/exclusionary-jargon", "inclusive/gender-coded"])
        let t = texts("Competitive salary. A competitive environment.", ds)
        #expect(!t.contains("Competitive"))
        #expect(t.contains("competitive environment"))
    }

    /// The corpus of real postings lives outside the repository; tests that need it skip without it.
    static var corpus: String? {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for p in [here.appendingPathComponent("../shared/corpus").standardized.path, "/work/shared/corpus"]
        where FileManager.default.fileExists(atPath: p + "/synthetic/joblint") { return p }
        return nil
    }

    /// Every issue category joblint reports for its two example postings is found by jdlint, except four that were
    /// judged false alarms on real postings (benchmarks/precision): “enlightened” (ordinary English and company
    /// names), a named editor such as Dreamweaver (a tool the team uses), “java scripts” (scripts in Java) and
    /// VBScript (a real requirement of the jobs that asked for it; FrontPage is still found).
    @Test func findsEveryJoblintCategory() throws {
        guard let root = Self.corpus else {
            print("skipped: ../shared/corpus (joblint examples) is absent")
            return
        }
        // joblint category → (jdlint rule, a phrase it must flag) per example.
        let expected: [String: [(String, String, String)]] = [
            "oh-dear.txt": [
                ("gendered word", "inclusive/gendered-terms", "dude"),
                ("gendered pronoun", "inclusive/gendered-terms", "He"),
                ("facial hair", "inclusive/gendered-terms", "beards"),
                ("sexualised terms", "inclusive/exclusionary-jargon", "sexy"),
                ("bro terminology", "inclusive/exclusionary-jargon", "crush code"),
                ("dumb job titles", "inclusive/exclusionary-jargon", "ninja"),
                ("hollow benefits", "inclusive/exclusionary-jargon", "pool table"),
                ("hollow benefits", "inclusive/exclusionary-jargon", "beer fridge"),
                ("competitive environment", "inclusive/exclusionary-jargon", "top of your game"),
                ("new starter expectations", "inclusive/exclusionary-jargon", "hit the ground running"),
                ("profanity", "inclusive/exclusionary-jargon", "fucking"),
                ("legacy technology", "inclusive/exclusionary-jargon", "Frontpage"),
                ("java script?", "inclusive/exclusionary-jargon", "java script"),
            ],
            "ultimate.txt": [
                ("gendered pronoun", "inclusive/gendered-terms", "he"),
                ("facial hair", "inclusive/gendered-terms", "beards"),
                ("sexualised terms", "inclusive/exclusionary-jargon", "sexy"),
                ("bro terminology", "inclusive/exclusionary-jargon", "bro down"),
                ("bro terminology", "inclusive/exclusionary-jargon", "crush code"),
                ("dumb job titles", "inclusive/exclusionary-jargon", "ninjas"),
                ("hollow benefits", "inclusive/exclusionary-jargon", "drink beer"),
                ("hollow benefits", "inclusive/exclusionary-jargon", "play pool"),
                ("competitive environment", "inclusive/exclusionary-jargon", "top of their game"),
                ("new starter expectations", "inclusive/exclusionary-jargon", "hit the ground running"),
                ("profanity", "inclusive/exclusionary-jargon", "shit"),
                ("legacy technology", "inclusive/exclusionary-jargon", "Frontpage"),
                ("ruby on rail?", "inclusive/exclusionary-jargon", "ruby on rail"),
            ],
        ]
        for (file, wants) in expected {
            let text = try String(contentsOfFile: "\(root)/synthetic/joblint/\(file)", encoding: .utf8)
            let ds = lint(text, ["inclusive/", "requirements/"])
            let found = zip(ds, texts(text, ds)).map { ($0.0.rule, $0.1) }
            for (category, rule, phrase) in wants {
                #expect(found.contains { $0.0 == rule && $0.1 == phrase }, "\(file): joblint's “\(category)” (\(phrase)) not found by \(rule)")
            }
        }
    }
}
