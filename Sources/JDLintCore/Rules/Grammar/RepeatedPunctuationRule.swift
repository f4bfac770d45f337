/// `grammar/repeated-punctuation`: "We're hiring!!!", "Node.js,,Bootstrap".
struct RepeatedPunctuationRule: Rule {
    let meta = RuleMeta(
        id: "grammar/repeated-punctuation",
        summary: "An exclamation mark, comma or semicolon written twice or more in a row.",
        explanation: """
            Repeated exclamation marks (“We're hiring!!!”) read as shouting in a job posting, and a doubled comma or \
            semicolon (“Node.js,,Bootstrap”, “Support;;Reduced”) is a slip left by editing or by pasting a list. One \
            mark says the same. An ellipsis (“...”), “?!”, question marks and YAML tags (`!!str`) are left alone. \
            Off by default (preview): turn it on with `"rules": {"grammar/repeated-punctuation": "warning"}` in \
            `.jdlint.json` or `--select grammar/repeated-punctuation`.
            """,
        defaultSeverity: .warning,
        enabledByDefault: false,
        fix: .safe,
        triggering: [
            RuleExample("Join our team↓!!! We are hiring.\n"),
            RuleExample("Skills: Angular.js, Node.js↓,,Bootstrap\n"),
            RuleExample("- Decision Support↓;;Reduced costs\n", format: .markdown),
        ],
        nonTriggering: [
            RuleExample("Great team! Apply now!\n"),
            RuleExample("Wait... really?! Yes.\n"),
            RuleExample("Salary: $50,000, paid monthly; benefits included.\n"),
            RuleExample("created: !!timestamp 2018-03-07\n"),
        ],
        corrections: [
            RuleCorrection("We are hiring!!!\n", "We are hiring!\n"),
            RuleCorrection("Angular.js, Node.js,,Bootstrap\n", "Angular.js, Node.js,Bootstrap\n"),
        ],
        scope: .block)

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        for block in a.blocks {
            let r = block.proseRange
            var i = r.lowerBound
            while i < r.upperBound {
                let c = t[i]
                guard c == .exclamation || c == .comma || c == .semicolon else { i += 1; continue }
                var e = i + 1
                while e < r.upperBound && t[e] == c { e += 1 }
                // `!!timestamp`, `!!str`: a YAML tag, not emphasis.
                let yamlTag = c == .exclamation && e < r.upperBound && Bytes.isASCIILetter(t[e])
                    && (i == r.lowerBound || Bytes.isWhitespace(t[i - 1]))
                if e - i >= 2 && !yamlTag {
                    let run = String(decoding: t[i..<e], as: UTF8.self)
                    let what = c == .exclamation ? "one exclamation mark is enough" : c == .comma ? "a doubled comma" : "a doubled semicolon"
                    reporter.report("“\(run)”: \(what).", prose: i..<e,
                                    fix: .replace(i..<e, with: String(UnicodeScalar(c)), title: "Keep one “\(String(UnicodeScalar(c)))”", .safe))
                }
                i = e
            }
        }
    }
}
