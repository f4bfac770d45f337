import Foundation
import Testing
@testable import JDLintCore

/// Where the repository is (for `Examples/packs` and `Rules/`).
enum PackFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(_ dir: String) -> [String] {
        let d = root.appendingPathComponent(dir)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: d.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "\(dir)/\($0)" }
    }

    static func bytes(_ rel: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: root.appendingPathComponent(rel).path) ?? Data())
    }

    /// The example packs, which every kind's tests run.
    static var examplePacks: [String] { files("Examples/packs") }
}

/// The pack loader and the rule kinds: errors name the file, JSON path and position; each kind behaves as its
/// documentation says. The examples of every rule in `Examples/packs/` run here too.
@Suite struct PackTests {
    func load(_ json: String) throws(ConfigError) -> RulePack { try RulePack.load(Array(json.utf8), origin: "test.json") }

    func loadError(_ json: String) -> ConfigError? {
        do {
            _ = try load(json)
            return nil
        } catch {
            return error
        }
    }

    func rule(_ body: String) -> String { "{\"rules\": [{\"id\": \"house/r\", \(body)}]}" }

    func lint(_ pack: RulePack, _ text: String, format: DocumentFormat = .text, profiles: [String] = ["default"]) -> [Diagnostic] {
        let reg = RuleRegistry.builtin.adding(pack.rules)
        let linter = Linter(registry: reg, configuration: Configuration(), settings: LintSettings(profiles: profiles),
                            select: pack.rules.map(\.meta.id))
        return linter.lint(Document(text: text, format: format)).diagnostics
    }

    // MARK: errors

    @Test func errorsNameTheJSONPathAndPosition() throws {
        let e = try #require(loadError("{\n  \"rules\": [\n    {\"id\": \"house/x\", \"kind\": \"nope\"}\n  ]\n}"))
        #expect(e.file == "test.json")
        #expect(e.path == "rules[0].kind")
        #expect(e.line == 3)
        #expect(e.message.contains("unknown rule kind \"nope\""))
        #expect(e.message.contains("capitalization") && e.message.contains("pattern") && e.message.contains("consistency"))
        #expect(e.description.hasPrefix("test.json:3:"))
    }

    @Test func kindSpecificErrors() throws {
        let cases: [(String, String, String)] = [
            (rule("\"kind\": \"pattern\", \"pattern\": \"a*b\""), "rules[0].pattern", "not supported"),
            (rule("\"kind\": \"pattern\", \"pattern\": [\"ok\", \"(bad\"]"), "rules[0].pattern[1]", "not closed"),
            (rule("\"kind\": \"pattern\""), "rules[0]", "needs \"pattern\""),
            (rule("\"kind\": \"occurrence\", \"phrases\": [\"x\"]"), "rules[0]", "\"max\""),
            (rule("\"kind\": \"occurrence\", \"phrases\": [\"x\"], \"min\": 5, \"max\": 2"), "rules[0].min", "above max"),
            (rule("\"kind\": \"occurrence\", \"phrases\": [\"x\"], \"pattern\": \"x\", \"max\": 1"), "rules[0].pattern", "not both"),
            (rule("\"kind\": \"required-section\""), "rules[0]", "\"headings\""),
            (rule("\"kind\": \"required-section\", \"headings\": [\"--\"]"), "rules[0].headings[0]", "letter or digit"),
            (rule("\"kind\": \"forbidden-section\", \"headings\": []"), "rules[0].headings", "at least one"),
            (rule("\"kind\": \"capitalization\", \"style\": \"upper\""), "rules[0].style", "\"title\" or \"sentence\""),
            (rule("\"kind\": \"capitalization\", \"style\": \"title\", \"levels\": [9]"), "rules[0].levels[0]", "1 to 6"),
            (rule("\"kind\": \"consistency\", \"either\": [[\"email\"]]"), "rules[0].either[0]", "at least two"),
            (rule("\"kind\": \"consistency\", \"either\": [\"email\", \"EMAIL\"]"), "rules[0].either[0][1]", "listed twice"),
            (rule("\"kind\": \"existence\", \"phrases\": [\"x\"], \"swap\": {}"), "rules[0].swap", "unknown key"),
            (rule("\"kind\": \"existence\", \"phrases\": [\"x\"], \"severity\": \"fatal\""), "rules[0].severity", "info, warning or error"),
            (rule("\"kind\": \"existence\", \"phrases\": [\"x\"], \"examples\": {\"triggering\": [{\"txt\": \"a\"}]}"), "rules[0].examples.triggering[0]", "an example is"),
            (rule("\"kind\": \"existence\", \"phrases\": [\"x\"], \"examples\": {\"triggering\": [{\"text\": \"a\", \"profile\": []}]}"),
             "rules[0].examples.triggering[0].profile", "unknown key"),
            ("{\"rules\": [{\"id\": \"Bad Id\", \"kind\": \"existence\"}]}", "rules[0].id", "category/kebab-name"),
            ("{\"rules\": [{\"id\": \"a/b\", \"kind\": \"existence\", \"phrases\": [\"x\"]}, {\"id\": \"a/b\", \"kind\": \"existence\", \"phrases\": [\"y\"]}]}",
             "rules[1].id", "duplicate"),
            ("{\"rules\": [], \"extra\": 1}", "extra", "unknown key"),
            ("{\"rules\": [}", "", "invalid JSON"),
        ]
        for (json, path, message) in cases {
            let e = loadError(json)
            #expect(e?.path == path, "\(json)")
            #expect(e?.message.contains(message) == true, "\(json): \(e?.message ?? "no error")")
        }
    }

    // MARK: kinds

    @Test func patternRuleWithReplacementKeepsCase() throws {
        let p = try load(rule("\"kind\": \"pattern\", \"pattern\": \"\\\\bwork ?force\\\\b\", \"replacement\": \"staff\", \"message\": \"{match} → {replacement}\""))
        let d = lint(p, "Our Workforce and our work force.")
        #expect(d.map(\.message) == ["Workforce → Staff", "work force → staff"])
        #expect(d.allSatisfy { $0.fix?.applicability == .unsafe })
    }

    @Test func consistencyPrefersTheMajorityThenTheFirst() throws {
        let p = try load(rule("\"kind\": \"consistency\", \"either\": [\"e-mail\", \"email\"]"))
        #expect(lint(p, "Email us. Our email is read daily. Or e-mail.").count == 1)
        let tie = lint(p, "E-mail us or email us.")
        #expect(tie.count == 1 && tie[0].range.lowerBound == 13)
        #expect(lint(p, "Write to HealthCare e-mail or email.").count == 1)
        #expect(lint(p, "Only email here.").isEmpty)
    }

    @Test func occurrenceMaxAndMin() throws {
        let p = try load(rule("\"kind\": \"occurrence\", \"phrases\": [\"fast-paced\"], \"max\": 1"))
        let d = lint(p, "A fast-paced team in a fast paced company, fast-paced!")
        #expect(d.count == 2)
        #expect(d[0].message.contains("3 times"))
        let m = try load(rule("\"kind\": \"occurrence\", \"pattern\": \"\\\\byou\\\\b\", \"min\": 2, \"message\": \"{count} of {min}\""))
        let dm = lint(m, "# Engineer\n\nYou build things.\n", format: .markdown)
        #expect(dm.map(\.message) == ["1 of 2"])
        #expect(dm[0].range.lowerBound == 0)
        #expect(lint(m, "You and you.").isEmpty)
    }

    @Test func requiredSectionAddsToTheProfileAndIsExposed() throws {
        let p = try load(rule("""
            "kind": "required-section", "section": "benefits", "headings": ["Benefits", "What we offer"], "fields": ["perks"], \
            "profiles": ["default"]
            """))
        #expect(p.sectionRequirements == [PackSectionRequirement(rule: "house/r", part: "benefits", headings: ["Benefits", "What we offer"],
                                                                 fields: ["perks"], profiles: ["default"])])
        #expect(RuleRegistry.builtin.adding(p.rules).packSectionRequirements.map(\.part) == ["benefits"])
        #expect(lint(p, "# Nurse\n\nCare.\n", format: .markdown).count == 1)
        #expect(lint(p, "# Nurse\n\nCare.\n", format: .markdown, profiles: ["google-jobs"]).isEmpty)
        #expect(lint(p, "# Nurse\n\n## What We Offer:\n\nDental.\n", format: .markdown).isEmpty)
        #expect(lint(p, "# Nurse\n\n## Our benefits\n\nDental.\n", format: .markdown).isEmpty)
        #expect(lint(p, "# Nurse\n\n## Benefitsx\n\nDental.\n", format: .markdown).count == 1)
        let a = Analysis(document: Document(text: "# Nurse\n\n## Perks and benefits\n\nGym.\n", format: .markdown))
        #expect(p.sectionRequirements[0].isSatisfied(by: a))
    }

    @Test func forbiddenSectionFixIsOptIn() throws {
        let noFix = try load(rule("\"kind\": \"forbidden-section\", \"headings\": [\"Date of birth\"]"))
        let d = lint(noFix, "# Porter\n\n## Date of Birth\n\nTell us.\n", format: .markdown)
        #expect(d.count == 1 && d[0].fix == nil)
        #expect(noFix.rules[0].meta.fix == nil)
    }

    @Test func capitalizationStyles() throws {
        let s = try load(rule("\"kind\": \"capitalization\", \"style\": \"sentence\", \"exceptions\": [\"Python\"]"))
        let d = lint(s, "# Job\n\n## Skills In Python And AWS\n\nx\n\n## Contact: Jane at j.doe@acme.example\n\ny\n", format: .markdown)
        #expect(d.map(\.message) == ["Write headings in sentence case: “Skills in Python and AWS”."])
        let t = try load(rule("\"kind\": \"capitalization\", \"style\": \"title\", \"includeTitle\": true"))
        let dt = lint(t, "# a job for the ages\n\n## the role of a lifetime\n\nx\n", format: .markdown)
        #expect(dt.map(\.message) == ["Write headings in title case: “A Job for the Ages”.", "Write headings in title case: “The Role of a Lifetime”."])
    }

    @Test func exampleObjectsCarryOptionsAndProfiles() throws {
        let p = try load(rule("""
            "kind": "existence", "phrases": ["x"], "examples": {"triggering": [{"text": "↓x", "profiles": ["us-ny"], "options": {"a": 1}}]}
            """))
        let ex = p.rules[0].meta.triggering[0]
        #expect(ex.profiles == ["us-ny"] && ex.options["a"] == .int(1))
    }

    // MARK: the example packs

    @Test(arguments: PackFiles.examplePacks)
    func examplePackPasses(_ file: String) throws {
        let pack = try RulePack.load(PackFiles.bytes(file), origin: file)
        #expect(pack.rules.count >= 8)
        let reg = RuleRegistry.builtin.adding(pack.rules)
        for r in pack.rules {
            for f in ExampleChecker.check(r, registry: reg) { Issue.record("\(f)") }
            #expect(!r.meta.triggering.isEmpty && !r.meta.nonTriggering.isEmpty, "\(r.meta.id) has examples")
        }
    }

    @Test func examplePacksCoverEveryKind() throws {
        var kinds = Set<String>()
        for file in PackFiles.examplePacks {
            let root = try JSONParser.parse(PackFiles.bytes(file), allowComments: true)
            for r in root["rules"]?.value.arrayValue ?? [] { if let k = r["kind"]?.stringValue { kinds.insert(k) } }
        }
        #expect(kinds == Set(RulePack.kindNames))
    }
}
