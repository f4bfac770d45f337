/// `grammar/sentence-case`: a sentence or bullet that starts in lower case after a full stop.
struct SentenceCaseRule: Rule {
    let meta = RuleMeta(
        id: "grammar/sentence-case",
        summary: "A sentence after a full stop, or a bullet after a bullet that ends with one, starts in lower case.",
        explanation: """
            After a full stop, the next sentence starts with a capital letter: “Lift patients. excellent skills” → \
            “Lift patients. Excellent skills”. In a list whose previous bullet is a capitalised sentence with a \
            full stop, a bullet starting in lower case is inconsistent. Abbreviations (“approx. ten”, “e.g. nursing”), \
            ellipses, names written in lower case (“iOS”, “npm”, “dbt”), URLs, numbers, question marks (often a \
            character lost to a wrong encoding) and text in other languages are left alone. The fix \
            capitalises the first letter; it is unsafe because a lower-case name may be intended.
            """,
        defaultSeverity: .warning,
        fix: .unsafe,
        triggering: [
            RuleExample("You will lift patients. ↓we need excellent communication skills."),
            RuleExample("- Manage the rota.\n- ↓coordinate the team.", format: .markdown),
            RuleExample("Great pay. Free parking. ↓we offer more."),
        ],
        nonTriggering: [
            RuleExample("Pay approx. ten pounds, e.g. nursing, i.e. care, Dept. of Health, no. of staff."),
            RuleExample("Wait... and then more. iOS and npm experience. www.example.com is our site."),
            RuleExample("- manage the rota\n- coordinate the team", format: .markdown),
            RuleExample("- Manage the rota\n- coordinate the team", format: .markdown),
            RuleExample("Hours: 9 a.m. to 5 p.m. daily. 3 days a week."),
            // A stray full stop: the defect is the stop, not the capital.
            RuleExample("Solve complex. ambiguous and novel problems. Talk to a user. experience designers help."),
            // Lower-case bullets continuing a lead-in.
            RuleExample("You're a good fit if you:\n\n- Like Python.\n- enjoy testing\n- read docs\n", format: .markdown),
        ],
        corrections: [
            RuleCorrection("You will lift patients. we need excellent skills.", "You will lift patients. We need excellent skills.",
                           applicability: .unsafe),
            RuleCorrection("- Manage the rota.\n- coordinate the team.", "- Manage the rota.\n- Coordinate the team.",
                           format: .markdown, applicability: .unsafe),
        ])

    /// Words that open sentences: a lower-case one after a full stop is a missing capital.
    static let openers: WordSet = WordSet([
        "the", "a", "an", "we", "you", "our", "your", "this", "these", "those", "they", "their", "it", "its", "there", "please",
        "all", "each", "every", "candidates", "applicants", "if", "when", "in", "for", "at", "on", "with", "i", "he", "she",
        "my", "us", "what", "who", "why", "how", "that", "some", "many", "most", "no", "successful", "interested", "also",
        "additionally", "however", "further", "furthermore", "finally", "then", "applications", "salary", "pay", "benefits",
    ])

    /// Words before a full stop that mark an abbreviation, not a sentence end ("incl. travel").
    static let abbreviations: WordSet = WordSet([
        "incl", "exp", "req", "approx", "yr", "yrs", "wk", "wks", "hr", "hrs", "min", "max", "mins", "sec", "pt", "pts", "no", "nos",
        "vol", "ref", "dept", "div", "est", "etc", "eg", "e", "i", "ie", "cf", "al", "vs", "resp", "esp", "govt", "misc", "mgmt",
        "mgr", "qty", "avg", "std", "ext", "tel", "ft", "sq", "lb", "lbs", "oz", "mo", "mos", "tbd", "temp", "inc", "ltd", "co",
        "corp", "st", "dr", "mr", "mrs", "ms", "prof", "jr", "sr", "fig", "m", "p", "a", "v", "viz", "ca", "c", "pp", "op", "cit",
        "ibid", "et", "seq", "sect", "ch", "art", "para", "assoc", "dept", "univ", "inst", "tech", "admin", "info", "opt", "pref",
        "reqd", "desc", "abt", "appr", "addl", "add", "hosp", "med", "dep", "ed", "eds", "trans", "rev", "ver", "pg", "mt", "ave",
        "blvd", "rd", "apt", "bldg", "fl", "ste", "nr", "ed", "w", "n", "s", "b", "d", "f", "g", "h", "j", "k", "l", "o", "q", "r",
        "t", "u", "x", "y", "z", "am", "pm", "cont", "contd", "gen", "int", "intl", "natl", "dip", "cert", "hons", "bsc", "msc", "llc", "ex", "pa",
        "plc", "llp", "lp", "phd", "sth", "smth", "inkl", "bzw", "usw", "evtl", "ggf", "zb", "ca", "fla", "calif", "mass", "wash", "penn", "conn", "ill", "mich", "minn", "tenn", "va",
    ].map { Word.hash($0) })

    /// Names and words written in lower case at the start of a sentence.
    static let lowerCaseNames: WordSet = WordSet([
        "iphone", "ipad", "ios", "npm", "pip", "git", "ebay", "etc", "vs", "www", "http", "https", "macos", "jquery", "nginx",
        "pytorch", "numpy", "pandas", "scikit", "matplotlib", "ggplot", "dplyr", "tidyverse", "bash", "zsh", "vim", "emacs",
        "linux", "cpp", "e", "i", "eg", "ie", "x", "n", "px", "pm", "am", "de", "van", "von", "der", "da", "la", "le", "du", "el",
        "ph", "mrna", "dna", "kubectl", "sudo", "conda", "yarn", "webpack", "vue", "react", "node", "deno", "ruby", "rails",
        // HTML entity names left behind when the & was lost ("&bull;" → "bull")
        "bull", "middot", "nbsp", "amp", "quot", "rsquo", "lsquo", "ldquo", "rdquo", "ndash", "mdash", "hellip", "gt", "lt",
    ].map { Word.hash($0) })

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        // Statics read once, not once per word.
        let abbreviations = Self.abbreviations
        let a = context.analysis
        let t = a.text
        // Sentences inside a block.
        let sentences = a.sentences
        if sentences.count > 1 {
            for k in 1..<sentences.count {
                let s = sentences[k], prev = sentences[k - 1]
                guard s.block == prev.block, a.blocks[s.block].kind != .field, a.blocks[s.block].kind != .heading else { continue }
                let start = s.range.lowerBound
                guard Bytes.isLower(t[start]) else { continue }
                // The previous sentence ends with one ".", "!" or "?" (not "...", not "?!"); closing quotes allowed.
                var e = prev.range.upperBound
                while e > prev.range.lowerBound && (t[e - 1] == .quote || t[e - 1] == .rightParen || t[e - 1] == .apostrophe) { e -= 1 }
                guard e - 1 > prev.range.lowerBound else { continue }
                let stop = t[e - 1]
                // A full stop only: a "?" inside a sentence is often a character lost to a wrong encoding.
                guard stop == .period else { continue }
                let before = t[e - 2]
                if before == .period || before == .exclamation || before == .question { continue }
                // Word before the stop: not an abbreviation, not a number ("3.", "v2.").
                var ws = e - 1
                while ws > prev.range.lowerBound && Bytes.isASCIILetter(t[ws - 1]) { ws -= 1 }
                if ws == e - 1 { continue }  // no letters: "3." "$5."
                if ws > prev.range.lowerBound && (t[ws - 1] == .period || Bytes.isDigit(t[ws - 1])) { continue }  // "a.m." "U.S."
                if abbreviations.contains(Word.hash(t, ws..<(e - 1))) { continue }
                // "LLC. is", "PhD. in": an acronym before the stop reads as an abbreviation
                var caps = false
                for k in (ws + 1)..<(e - 1) where Bytes.isUpper(t[k]) { caps = true; break }
                if caps { continue }
                // A line break between them: a list run together, not a sentence
                var newline = false
                for k in e..<start where t[k] == .lineFeed || t[k] == .asterisk || t[k] == .hyphen || t[k] >= 0x80 { newline = true; break }
                if newline { continue }
                // Another language ("inkl. deines Lebenslaufs")
                if SpacingRule.isForeignBlock(a, a.blocks[s.block].proseRange) { continue }
                guard checkWord(a, t, start, s.range.upperBound) else { continue }
                // Only a word that opens sentences: after a stray full stop (“complex. ambiguous”, “a user.
                // experience”, “lounge. which”) the defect is the full stop, and capitalising is the wrong advice.
                var we = start
                while we < s.range.upperBound && Bytes.isLower(t[we]) { we += 1 }
                guard Self.openers.contains(Word.hash(t, start..<we)) else { continue }
                report(a, t, start, &reporter)
            }
        }
        // Bullets: a lower-case bullet after a capitalised bullet that ends with a full stop, in the same list, when
        // most of the list's bullets start with a capital (lower-case bullets that continue a lead-in are a style).
        let blocks = a.blocks
        var upperItems: [Int: Int] = [:], lowerItems: [Int: Int] = [:]
        for b in blocks where b.kind == .listItem && b.listID >= 0 && !b.proseRange.isEmpty {
            if Bytes.isUpper(t[b.proseRange.lowerBound]) { upperItems[b.listID, default: 0] += 1 }
            else if Bytes.isLower(t[b.proseRange.lowerBound]) { lowerItems[b.listID, default: 0] += 1 }
        }
        if blocks.count > 1 {
            for b in 1..<blocks.count {
                let cur = blocks[b], prev = blocks[b - 1]
                guard cur.kind == .listItem, prev.kind == .listItem, cur.listID == prev.listID, cur.listID >= 0,
                      cur.level == prev.level else { continue }
                let pr = prev.proseRange
                guard pr.count > 2, t[pr.upperBound - 1] == .period, t[pr.upperBound - 2] != .period, Bytes.isUpper(t[pr.lowerBound]) else { continue }
                let start = cur.proseRange.lowerBound
                guard Bytes.isLower(t[start]), checkWord(a, t, start, cur.proseRange.upperBound) else { continue }
                guard upperItems[cur.listID, default: 0] >= lowerItems[cur.listID, default: 0] else { continue }
                report(a, t, start, &reporter)
            }
        }
    }

    /// The first word is an ordinary lower-case word (not a name like "iOS", a URL, a number or "e.g.").
    func checkWord(_ a: Analysis, _ t: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var k = start
        while k < end && Bytes.isLower(t[k]) { k += 1 }
        if k < end {
            let c = t[k]
            if Bytes.isUpper(c) || Bytes.isDigit(c) || c == .period || c == .slash || c == .at || c == .underscore || c == .colon || c == .hyphen
                || c == .leftParen || c >= 0x80 && !(c == 0xE2 || c == 0xC2) {
                return false
            }
        }
        if Self.lowerCaseNames.contains(Word.hash(t, start..<k)) { return false }
        // No vowel: a name or an abbreviation written in lower case ("dbt", "npm", "gngr")
        var vowel = false
        for m in start..<k where Pronunciation.isVowelLetter(t[m]) { vowel = true; break }
        if !vowel { return false }
        return k - start >= 2 || t[start] == UInt8(ascii: "a")  // "a" is fine to flag; other single letters are labels
    }

    func report(_ a: Analysis, _ t: [UInt8], _ start: Int, _ reporter: inout Reporter) {
        var k = start
        while k < t.count && Bytes.isLower(t[k]) { k += 1 }
        let word = a.string(start..<k)
        let upper = String(UnicodeScalar(t[start] - 0x20))  // a lower-case ASCII letter → its capital
        reporter.report("“\(word)” starts a sentence: capitalise it.", prose: start..<k,
                        fix: .replace(start..<(start + 1), with: upper, title: "Capitalise “\(word)”", .unsafe))
    }
}
