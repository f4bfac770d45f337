/// `requirements/technology-age`: more years of a technology than it has existed.
struct TechnologyAgeRule: Rule {
    let meta = RuleMeta(
        id: "requirements/technology-age",
        summary: "Do not ask for more years of a technology than it has existed.",
        explanation: """
            “10+ years of Kubernetes” in a year when Kubernetes is twelve years old is possible; “15 years of \
            Kubernetes” is not, and signals that the requirements were copied rather than thought through. The \
            rule knows the public release year of about 300 languages, frameworks, cloud services, business and \
            clinical systems, certifications and regulations (`Rules/technologies.json`, earliest public \
            availability, so it errs on the side of silence) and compares it with the current year. It reads \
            “N+ years of/with/in X”, “N years' X experience”, lists (“8 years with Java and Kotlin”) and \
            “X (N+ years)”.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("- 15+ years of ↓Swift development\n"),
            RuleExample("Requires 12 years' experience with Java, Kotlin and ↓GPT-4.\n"),
            RuleExample("Must have 15 years of experience in Epic and Cerner, and 10+ years of ↓GA4 reporting.\n"),
            RuleExample("- ↓Kubernetes (20+ years)\n"),
            RuleExample("- At least fifteen years of hands-on experience with ↓Next.js and ↓.NET Core\n"),
        ],
        nonTriggering: [
            RuleExample("- 10+ years of Swift development\n"),
            RuleExample("- 20 years of experience in nursing, including Epic.\n"),
            RuleExample("- 5 years of experience. Kubernetes is a plus.\n"),
            RuleExample("- 15 years in go-to-market roles\n"),
            RuleExample("- 12 years of electron microscopy\n"),
        ],
        scope: .block)

    static let filler = WordSet([
        "of", "in", "with", "using", "on", "professional", "hands", "commercial", "working", "relevant", "practical", "industry",
        "production", "recent", "direct", "solid", "strong", "proven", "experience", "exp", "programming", "developing", "building",
        "writing", "development", "coding", "software", "engineering", "deep", "demonstrated", "progressive", "extensive", "the", "a",
        "an", "work", "administering", "administration", "managing", "implementing", "configuring", "designing", "supporting",
        "expertise", "knowledge", "enterprise", "modern", "advanced", "applied", "prior", "previous", "full", "time", "time",
    ])
    static let listJoin = WordSet(["and", "or", "as", "well"])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        // Statics read once, not once per word.
        let filler = Self.filler
        let listJoin = Self.listJoin
        let a = context.analysis
        let idx = TechnologyIndex.shared
        let year = context.settings.currentYear
        let words = a.words
        for d in YearsDemand.find(in: a) where !d.isMaximumOnly && d.min > 0 {
            var found: [(tech: Int, start: Int, end: Int)] = []
            // Forward: "N years of [experience with] X[, Y and Z]"
            var k = d.yearsWord + 1
            let block = words[d.yearsWord].block
            while k < words.count && k <= d.yearsWord + 7 && words[k].block == block {
                let g = a.text[words[k - 1].range.upperBound..<words[k].range.lowerBound]
                if g.contains(where: { $0 == .period || $0 == .semicolon || $0 == .colon || $0 == .leftParen || $0 == .comma }) && found.isEmpty && k > d.yearsWord + 1 { break }
                if let m = idx.match(a, k) {
                    found.append(m)
                    // list continuation
                    var next = a.wordIndex(atOrAfter: m.end)
                    while next < words.count && words[next].block == block {
                        var n = next
                        while n < words.count && listJoin.contains(words[n]) && n < next + 3 { n += 1 }
                        guard n < words.count, words[n].block == block else { break }
                        let between = a.text[found.last!.end..<words[n].range.lowerBound]
                        guard between.count <= 12, !between.contains(where: { $0 == .semicolon || $0 == .leftParen || $0 == .lineFeed }) else { break }
                        if let p = between.firstIndex(of: .period), p + 1 < between.endIndex, Bytes.isWhitespace(between[p + 1]) { break }
                        guard let m2 = idx.match(a, n) else { break }
                        found.append(m2)
                        next = a.wordIndex(atOrAfter: m2.end)
                    }
                    break
                }
                guard filler.contains(words[k]) else { break }
                k += 1
            }
            // Backward: "X (N+ years)", "X – N years", "X: N years"
            if found.isEmpty && d.firstWord > 0 && words[d.firstWord - 1].block == block {
                let g = a.text[words[d.firstWord - 1].range.upperBound..<words[d.firstWord].range.lowerBound]
                if g.contains(where: { $0 == .leftParen || $0 == .colon || $0 == .hyphen || $0 == 0xE2 }) && g.count <= 5 {
                    // find an alias that ends right at the end of the previous word
                    var s = d.firstWord - 1
                    while s >= 0 && s >= d.firstWord - 4 && words[s].block == block {
                        if let m = idx.match(a, s), m.end == words[d.firstWord - 1].range.upperBound { found.append(m); break }
                        s -= 1
                    }
                }
            }
            for f in found {
                let t = idx.techs[f.tech]
                let age = year - t.year
                guard d.min > age else { continue }
                reporter.report("Asks for \(d.min)+ years of \(t.name), which was first released in \(t.year) "
                                + "(\(age) year\(age == 1 ? "" : "s") ago).", prose: f.start..<f.end)
            }
        }
    }
}
