/// `inclusive/exclusionary-jargon`: rockstar, ninja, bro culture, beer fridges, profanity and joblint's other
/// categories.
struct ExclusionaryJargonRule: Rule {
    let meta = RuleMeta(
        id: "inclusive/exclusionary-jargon",
        summary: "Avoid jargon that tells people they will not fit in: rockstar, ninja, bro culture, beer Fridays, profanity.",
        explanation: """
            joblint showed how much of a posting's tone comes from a few words: cliché job titles (rockstar, \
            ninja, guru), bro culture (“work hard, play hard”, brogrammer, “crush code”), hollow benefits (beer \
            fridge, pool table), a competitive culture (“top of your game”, meritocratic, cutthroat — never \
            “competitive salary”), new-starter expectations (“hit the ground running”), profanity, “visionary” \
            jargon (blue-sky thinking, synergy), legacy technology (FrontPage; not VBScript or VB6, which jobs that name them really need) and recruiter slips \
            (“java script”, “Ruby on Rail”). A sentence that rejects the cliché (“we are not hiring rockstars”) \
            is not reported, nor a cliché title in a sentence about the current team (“our office is full of travel \
            gurus”) or in a simile (“like a superhero”), nor a capitalised word inside a name (“Abertawe Bro Morgannwg”), nor a games table in \
            a posting that lists real benefits (health insurance, pension, leave, salary), nor “top of your game” \
            in a sentence about training. An expanded acronym (“Cascading Style Sheets”) is correct English. Naming a tool the team uses \
            (Dreamweaver, Vim) is not jargon. The lists and their sources are in `Rules/inclusive-jargon.json`. \
            Recruiter slips have a safe fix.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        triggering: [
            RuleExample("We want a ↓rockstar ↓ninja who can ↓hit the ground running.\n"),
            RuleExample("↓Work hard, play hard, with a ↓beer fridge and ↓pool table.\n"),
            RuleExample("A ↓meritocratic team at the ↓top of your game. Know ↓java script and Dreamweaver.\n"),
            RuleExample("Our ↓fucking awesome team still uses MS ↓FrontPage.\n"),
            RuleExample("Perks: a ↓ping pong table and ↓free beer.\n"),
        ],
        nonTriggering: [
            RuleExample("Competitive salary, a competitive benefits package and a pension.\n"),
            RuleExample("Maintain the swimming pool and the Sharepoint site.\n"),
            RuleExample("Experience with JavaScript and Ruby on Rails.\n"),
            RuleExample("We work hard and take our holidays.\n"),
            // Rejected in its sentence, inside a name, beside real benefits (false alarms on real postings).
            RuleExample("We are not interested in hiring rockstars or ninjas.\n"),
            RuleExample("Join Abertawe Bro Morgannwg University Health Board.\n"),
            RuleExample("Benefits: health insurance, a pension, 25 days of annual leave and a ping pong table.\n"),
            RuleExample("You will update the website in Dreamweaver and edit configs in vim.\n"),
            RuleExample("Regular training keeps you at the top of your game.\n"),
            RuleExample("Our office is full of travel gurus and keen cyclists.\n"),
            RuleExample("Write semantic HTML and Cascading Style Sheets.\n"),
            RuleExample("Maintain the Access databases in VBA and VB6.\n"),
        ],
        corrections: [
            RuleCorrection("Know java script and ruby on rail.", "Know JavaScript and Ruby on Rails."),
        ],
        // Document scope: a games table is judged against the benefits the whole posting lists.
        scope: .document)

    static let terms = TermList(file: "inclusive-jargon.json")

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        Self.terms.report(context, &reporter, applicability: .safe)
        // "work hard, play hard" with punctuation between the halves (the phrase matcher joins spaces and hyphens only).
        let words = a.words
        let t = a.text
        let h = [Word.hash("work"), Word.hash("hard"), Word.hash("play"), Word.hash("hard")]
        var i = 0
        while i + 3 < words.count {
            if words[i].hash == h[0] && words[i + 1].hash == h[1] && words[i + 2].hash == h[2] && words[i + 3].hash == h[3]
                && words[i + 3].block == words[i].block {
                let gap = t[words[i + 1].range.upperBound..<words[i + 2].range.lowerBound]
                let joinedBySpace = gap.allSatisfy { $0 == .space || $0 == .hyphen }
                if !joinedBySpace && gap.count <= 6 && gap.allSatisfy({ $0 == .space || $0 == .comma || $0 == .semicolon || $0 == .hyphen || $0 == .ampersand || $0 == .slash || $0 >= 0x80 }) {
                    let r = words[i].range.lowerBound..<words[i + 3].range.upperBound
                    reporter.report("“\(a.string(r))” is bro-culture language and tells most people they will not fit in; remove it.", prose: r)
                    i += 4
                    continue
                }
            }
            i += 1
        }
    }
}
