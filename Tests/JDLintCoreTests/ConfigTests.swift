import Testing
@testable import JDLintCore

@Suite struct ConfigTests {
    func parse(_ s: String) throws(ConfigError) -> Configuration {
        try Configuration.parse(Array(s.utf8), file: "cfg.json", baseDirectory: "/x")
    }

    @Test func rulesSeveritiesAndOptions() throws {
        let c = try parse("""
            {
              // comments are fine
              "rules": {
                "grammar": "warning",
                "grammar/repeated-word": "off",
                "salary/number-format": {"severity": "error", "minDigits": 6}
              },
              "ignore": ["drafts/**"],
              "profile": "us-ny"
            }
            """)
        #expect(c.ignore == ["drafts/**"])
        #expect(c.profiles == ["us-ny"])
        let reg = RuleRegistry.builtin
        let article = try #require(reg.rule("grammar/indefinite-article")).meta
        #expect(c.effective(article).severity == .warning)
        #expect(c.effective(try #require(reg.rule("grammar/repeated-word")).meta).enabled == false)
        let pay = c.effective(try #require(reg.rule("salary/number-format")).meta)
        #expect(pay.severity == .error)
        #expect(pay.options["minDigits"] == .int(6))
    }

    @Test func unknownKeyIsNamed() {
        #expect {
            _ = try parse(#"{"rulez": {}}"#)
        } throws: { e in
            let e = e as! ConfigError
            return e.path == "rulez" && e.message.contains("unknown key") && e.line == 1 && e.file == "cfg.json"
        }
    }

    @Test func wrongTypesAreNamed() {
        #expect {
            _ = try parse(#"{"rules": {"grammar/repeated-word": 3}}"#)
        } throws: { e in (e as! ConfigError).path == "rules.grammar/repeated-word" }
        #expect {
            _ = try parse(#"{"ignore": [1]}"#)
        } throws: { e in (e as! ConfigError).path == "ignore[0]" }
        #expect {
            _ = try parse(#"{"rules": {"grammar/repeated-word": "loud"}}"#)
        } throws: { e in (e as! ConfigError).message.contains("off, on, info, warning, error") }
        #expect { _ = try parse("[1]") } throws: { e in (e as! ConfigError).message.contains("JSON object") }
        #expect { _ = try parse("{") } throws: { e in (e as! ConfigError).message.contains("invalid JSON") }
    }

    @Test func unknownRuleIdsAreRejectedWithASuggestion() throws {
        let c = try parse(#"{"rules": {"grammar/indefinite-articel": "off"}}"#)
        #expect {
            try c.validate(against: .builtin)
        } throws: { e in
            let e = e as! ConfigError
            return e.message.contains("grammar/indefinite-article") && e.path == "rules.grammar/indefinite-articel"
        }
        // Categories are fine.
        try parse(#"{"rules": {"salary": "off", "grammar/": "info"}}"#).validate(against: .builtin)
    }

    /// Options are checked against the rule's declared options, with the file position and a "did you mean"
    /// (issue 21: `"maxx": 15` and `"sevrity"` were silently accepted).
    @Test(arguments: [
        (#"{"rules": {"requirements/too-many": {"maxx": 15}}}"#, "rules.requirements/too-many.maxx", "\"max\"", 46),
        (#"{"rules": {"grammar/repeated-word": {"sevrity": "error"}}}"#, "rules.grammar/repeated-word.sevrity", "\"severity\"", 49),
        (#"{"rules": {"structure/length": {"options": {"maxWord": 5}}}}"#, "rules.structure/length.maxWord", "\"maxWords\"", 56),
        (#"{"rules": {"grammar/indefinite-articel": "off"}}"#, "rules.grammar/indefinite-articel", "grammar/indefinite-article", 42),
    ])
    func unknownOptionsAreRejectedWithPositionAndSuggestion(_ json: String, _ path: String, _ hint: String, _ column: Int) throws {
        let c = try parse(json)
        #expect {
            try c.validate(against: .builtin)
        } throws: { e in
            let e = e as! ConfigError
            return e.path == path && e.message.contains(hint) && e.line == 1 && e.column == column
        }
    }

    @Test func declaredOptionsAreAccepted() throws {
        try parse(#"{"rules": {"structure/length": {"severity": "info", "minCharacters": 500}, "structure/": {"maxWords": 900}}}"#)
            .validate(against: .builtin)
        try parse(#"{"rules": {"requirements/too-many": {"options": {"max": 15, "ratio": 2}}}}"#).validate(against: .builtin)
    }

    /// Option values are checked against the declared type, with file position, key, expected type and the value
    /// given; a misspelt severity gets a "did you mean" (issue 21: `"max": "fifteen"` was silently accepted).
    @Test(arguments: [
        (#"{"rules": {"requirements/too-many": {"max": "fifteen"}}}"#, "rules.requirements/too-many.max", ["an integer", "\"fifteen\""], 45),
        (#"{"rules": {"requirements/too-many": {"options": {"ratio": true}}}}"#, "rules.requirements/too-many.ratio", ["a number", "true"], 59),
        (#"{"rules": {"structure/length": {"maxWords": 2.5}}}"#, "rules.structure/length.maxWords", ["an integer", "2.5"], 45),
        (#"{"rules": {"structure/": {"minCharacters": -1}}}"#, "rules.structure/.minCharacters", ["≥ 0", "-1"], 44),
        (#"{"rules": {"inclusive/gender-coded": {"words": "yes"}}}"#, "rules.inclusive/gender-coded.words", ["true or false", "\"yes\""], 48),
        (#"{"rules": {"structure/missing-section": {"ignore": ["pay", 3]}}}"#, "rules.structure/missing-section.ignore", ["a list of strings", "[\"pay\",3]"], 52),
        (#"{"rules": {"grammar/repeated-word": {"severity": "warnign"}}}"#, "rules.grammar/repeated-word.severity", ["did you mean \"warning\"", "\"warnign\""], 50),
        (#"{"rules": {"grammar/repeated-word": "eror"}}"#, "rules.grammar/repeated-word", ["did you mean \"error\"", "\"eror\""], 37),
    ])
    func optionValuesAreTypeChecked(_ json: String, _ path: String, _ words: [String], _ column: Int) throws {
        #expect {
            try parse(json).validate(against: .builtin)
        } throws: { e in
            let e = e as! ConfigError
            return e.path == path && words.allSatisfy(e.message.contains) && e.line == 1 && e.column == column
                && e.description.hasPrefix("cfg.json:1:\(column): \(path): ")
        }
    }

    /// Every declared default, and every option an example uses, has the declared type.
    @Test func declaredDefaultsAndExampleOptionsHaveTheirTypes() throws {
        for r in RuleRegistry.builtin.rules {
            let m = r.meta
            for o in m.options {
                if let d = o.defaultValue { #expect(o.type.accepts(d), "\(m.id).\(o.name): default \(d.serialized())") }
            }
            let options = m.triggering.map(\.options) + m.nonTriggering.map(\.options) + m.corrections.map(\.options)
            for set in options {
                for (k, v) in set {
                    let declared = m.options.first { $0.name == k }
                    #expect(declared?.type.accepts(v) == true, "\(m.id): example option \(k) = \(v.serialized())")
                }
            }
        }
    }

    @Test func configChangesWhatTheLinterReports() throws {
        let doc = Document(text: "We need the the best nurse for a 8-hour shift.", format: .text)
        let all = Linter().lint(doc).diagnostics.map(\.rule)
        #expect(all.contains("grammar/repeated-word") && all.contains("grammar/indefinite-article"))
        let c = try parse(#"{"rules": {"grammar/repeated-word": "off", "grammar/indefinite-article": "info"}}"#)
        let ds = Linter(configuration: c).lint(doc).diagnostics
        #expect(!ds.contains { $0.rule == "grammar/repeated-word" })
        #expect(ds.first { $0.rule == "grammar/indefinite-article" }?.severity == .info)
        // --select / --ignore
        #expect(Linter(select: ["grammar/repeated-word"]).lint(doc).diagnostics.allSatisfy { $0.rule == "grammar/repeated-word" })
        #expect(!Linter(ignore: ["grammar"]).lint(doc).diagnostics.contains { $0.rule.hasPrefix("grammar/") })
    }

    @Test func mergeOverlayWins() throws {
        let base = try parse(#"{"rules": {"grammar": "off"}, "ignore": ["a"]}"#)
        let top = try parse(#"{"rules": {"grammar/repeated-word": "error"}, "ignore": ["b"]}"#)
        let m = top.merged(over: base)
        #expect(m.ignore == ["a", "b"])
        let rw = m.effective(try #require(RuleRegistry.builtin.rule("grammar/repeated-word")).meta)
        #expect(rw.enabled && rw.severity == .error)
        let ia = m.effective(try #require(RuleRegistry.builtin.rule("grammar/indefinite-article")).meta)
        #expect(!ia.enabled)
    }
}
