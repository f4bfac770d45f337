/// `grammar/indefinite-article`: "a" or "an" by the first sound of the next word.
struct IndefiniteArticleRule: Rule {
    let meta = RuleMeta(
        id: "grammar/indefinite-article",
        summary: "Use “a” before a consonant sound and “an” before a vowel sound.",
        explanation: """
            The choice between “a” and “an” follows the first *sound* of the next word, not its first letter: \
            “an hour”, “a university”, “a one-time bonus”, “an RN” (said “ar-en”), “a NASA contract”, “an 8-hour \
            shift”, “an 11-month contract”, “a 100-bed hospital”. Initialisms are read letter by letter (an MBA, an \
            LPN, a CNA, a UX), acronyms said as words are read as words (a HIPAA-compliant, a FEMA, an OSHA), numbers \
            as they are spoken. Where usage is split (“a historic”/“an historic”, “a herb”/“an herb”, “a SQL”/“an \
            SQL”, “a HVAC”/“an HVAC”) there is no finding. The knowledge comes from the CMU Pronouncing Dictionary \
            (`Rules/pronunciation.json`) and a hand-made list of acronyms (`Rules/pronunciation-curated.json`). \
            “A” as a grade, plan or list label (“Plan A”, “grade A or B”, “A.”), “a” in another language, code spans, \
            URLs and e-mail addresses are not articles. The fix keeps the article's case (“A” → “An”, “AN” → “A”).
            """,
        defaultSeverity: .error,
        fix: .safe,
        triggering: [
            // A slash pair of acronyms is still read letter by letter.
            RuleExample("Six years with ↓a MS/MIS degree in ↓a ISO/FDA regulated lab."),
            RuleExample("What does ↓a Occupational Therapy Technician do?"),
            RuleExample("We need ↓an nurse for ↓a hour each day."),
            RuleExample("Work ↓a 8-hour shift on ↓a 11-month contract, ↓a 18-month project or ↓a 80-hour fortnight."),
            RuleExample("Sign ↓an 1-year contract at ↓an 100-bed hospital."),
            RuleExample("Hire ↓a RN, ↓a LPN, ↓a MBA, ↓a HR partner, ↓a SLP, ↓a OT, ↓a EMT or ↓a X-ray tech."),
            RuleExample("Hire ↓an CNA, ↓an BSN, ↓an CPR instructor, ↓an UX designer or ↓an PhD."),
            RuleExample("Join ↓an NASA team in ↓an HIPAA-compliant clinic; ↓a OSHA course, ↓a SEO lead, ↓a SAT tutor."),
            RuleExample("Be ↓an university graduate with ↓an unique, ↓an one-time, ↓an European or ↓an once-a-week role."),
            RuleExample("Bring ↓a umbrella, ↓a unusual idea, ↓a upper limit, ↓a honest answer and ↓a heir."),
            RuleExample("We are ↓a <strong>Occupational</strong> therapy team.", format: .html),
            RuleExample("We are ↓a **Occupational** therapy team and ↓a \"excellent\" employer.", format: .markdown),
            RuleExample("- ↓A associate's degree\n- ↓an bachelor's degree", format: .markdown),
            RuleExample("WE ARE ↓A EQUAL OPPORTUNITY EMPLOYER."),
            RuleExample("Pay: ↓a $80 bonus, ↓a 8% raise."),
        ],
        nonTriggering: [
            RuleExample("An occupational therapist, a nurse, an aide and an 8-hour day."),
            // A stray article before a plural, a slash pair, a state read by its name (false alarms on real postings).
            RuleExample("We are looking for a enthusiastic, motivated individuals to join us. We have an two exciting posts."),
            RuleExample("We are a M/F, Disabled and Veteran employer."),
            // “EU” is said letter by letter (ee-you); “a own” wants “your own”, not another article.
            RuleExample("An EU-funded project; bring a own laptop."),
            RuleExample("An hour, an honest, an heir, an hourly rate, a hospital, a historic building, an historic building."),
            RuleExample("A university, a unique, a user, a European, a one-time, a once-a-week, an umbrella, an unusual, an upper."),
            RuleExample("An RN, an LPN, an MBA, an HR, an SLP, an OT, an EMT, an X-ray; a CNA, a BSN, a CPR, a UX, a PhD."),
            RuleExample("A NASA, a HIPAA-compliant, a FEMA, an OSHA, an SEO, an SAT, a SQL, an SQL, a HVAC, an HVAC."),
            RuleExample("An 8-hour shift, an 11-month, an 18-month, an 80-hour; a 1-year, a 10-hour, a 100-bed, a 12-hour."),
            RuleExample("An 1800s house, a 1,100-acre farm, an 800 number, an $80,000 salary, a $1,000 bonus, an 8%."),
            RuleExample("Grade A or B. Plan A is fine. Hepatitis A and B vaccines. Type A individuals. Options A and B."),
            RuleExample("A. Apply online\nB. Interview"),
            RuleExample("Bienvenido a nuestra empresa: enviamos a usted a una entrevista, a ellos a otros."),
            RuleExample("Use `a` or `an`: run a `apt-get` step.", format: .markdown),
            RuleExample("See https://example.com/a/orange or write to a@example.com, an.other@example.com."),
            RuleExample("From 8 a.m. to 5 p.m. Contact Mary A. Edwards."),
            RuleExample("WE ARE AN EQUAL OPPORTUNITY EMPLOYER. A HUGE PLUS."),
            RuleExample("Be an iOS developer for an eBay seller, an MSc holder and an e-commerce site."),
        ],
        corrections: [
            RuleCorrection("What does a Occupational Therapy Technician do?", "What does an Occupational Therapy Technician do?"),
            RuleCorrection("A occupational therapist.", "An occupational therapist."),
            RuleCorrection("AN nurse.", "A nurse."),
            RuleCorrection("An RN or a LPN during a 8-hour shift.", "An RN or an LPN during an 8-hour shift."),
            RuleCorrection("WE ARE A EQUAL OPPORTUNITY EMPLOYER.", "WE ARE AN EQUAL OPPORTUNITY EMPLOYER."),
        ],
        scope: .block)

    static let pronunciation = Pronunciation.shared

    static func hashes(_ key: String) -> WordSet {
        WordSet(RuleData.strings("grammar-article-context.json", key).map { Word.hash($0) })
    }

    /// Words after which a capital "A" is a label, not an article ("Plan A", "Grade A").
    static let labelWords: WordSet = Self.hashes("labelWords")

    /// Words that never follow an article: when one does, the "a" is a letter or foreign ("A or B", "a la carte").
    static let notAfterArticle: WordSet = Self.hashes("notAfterArticle")

    /// Function words that mark a block as written in another language (none is an English word).
    static let foreignWords: WordSet = Self.hashes("foreignWords")

    static let englishWords: WordSet = Self.hashes("englishWords")

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        // Statics read once, not once per word.
        let labelWords = Self.labelWords
        let notAfterArticle = Self.notAfterArticle
        let pronunciation = Self.pronunciation
        let a = context.analysis
        let t = a.text
        let words = a.words
        let p = pronunciation
        guard words.count > 1 else { return }
        var foreignBlocks: [Int: Bool] = [:]
        for i in 0..<(words.count - 1) {
            let w = words[i]
            let len = w.range.count
            guard len <= 2 else { continue }
            let s = w.range.lowerBound
            guard (t[s] | 0x20) == UInt8(ascii: "a") else { continue }
            let isAn: Bool
            if len == 1 { isAn = false } else {
                guard (t[s + 1] | 0x20) == UInt8(ascii: "n") else { continue }
                isAn = true
            }
            let next = words[i + 1]
            guard next.block == w.block else { continue }
            let block = a.blocks[w.block]
            // Before the article: the block start, white space, an opening quote or bracket, emphasis or a dash.
            if s > block.proseRange.lowerBound && !Self.canPrecede(t, s) { continue }
            // Between the article and the word: white space, quotes, brackets, emphasis; a currency sign before digits.
            guard let gap = Self.gapOK(t, w.range.upperBound, next.range.lowerBound), gap.count <= 8 else { continue }
            let n0 = t[next.range.lowerBound]
            if gap.currency && !Bytes.isDigit(n0) { continue }
            // An e-mail address or a URL scheme.
            let after = next.range.upperBound
            if after < block.proseRange.upperBound {
                let c = t[after]
                if c == .at || (c == .colon && after + 1 < block.proseRange.upperBound && t[after + 1] == .slash) { continue }
            }
            // "A or B", "a la carte"; but "an IT manager", "an A grade", "an I-9" are checked.
            if notAfterArticle.contains(next.hash) && !Bytes.isUpper(t[next.range.upperBound - 1]) { continue }
            // Capitalised "A"/"An" in mid-sentence: a label ("Plan A", "Grade A eggs") or a name ("An Nguyen").
            let capital = Bytes.isUpper(t[s])
            let sentenceStart = Self.startsSentence(t, s, block.proseRange.lowerBound)
            if capital && !sentenceStart {
                let prevWord: Word? = i > 0 && words[i - 1].block == w.block ? words[i - 1] : nil
                let nextCapital = Bytes.isUpper(n0)
                if let pw = prevWord, labelWords.contains(pw.hash) { continue }
                let allCapsArticle = len == 1 || Bytes.isUpper(t[s + 1])
                if !(len == 2 && allCapsArticle) {
                    if !nextCapital && !Bytes.isDigit(n0) { continue }
                    if block.kind != .heading, let pw = prevWord, Bytes.isUpper(t[pw.range.lowerBound]), !Self.isCaps(t, pw.range) {
                        continue
                    }
                    if len == 2 && block.kind != .heading && nextCapital && !Self.isCaps(t, next.range) { continue }
                }
            }
            // Capitals all around: read dictionary words as words.
            let shout = Self.isShout(t, words, i, isAn: isAn)
            let sound = Self.sound(p, t, next.range, blockEnd: block.proseRange.upperBound, shout: shout)
            guard sound == .vowel || sound == .consonant else { continue }
            let wantsAn = sound == .vowel
            if wantsAn == isAn { continue }
            if let f = foreignBlocks[w.block] {
                if f { continue }
            } else {
                let f = Self.isForeign(words, t, block: w.block, around: i)
                foreignBlocks[w.block] = f
                if f { continue }
            }
            // An article before a plural (“a enthusiastic individuals”, “an two exciting posts”): the article itself is
            // the slip, and changing it would leave the phrase wrong.
            if Self.pluralFollows(a, i + 1) { continue }
            // “a M/F employer” (male/female): a single letter in a slash pair is read as its word.
            if next.range.count == 1 && after < block.proseRange.upperBound && t[after] == .slash && Bytes.isUpper(n0) { continue }
            let original = a.string(w.range)
            let replacement = Self.article(an: wantsAn, like: original, shout: shout)
            var wordEnd = next.range.upperBound
            let blockEnd = block.proseRange.upperBound
            while wordEnd < blockEnd && (Bytes.isASCIILetter(t[wordEnd]) || Bytes.isDigit(t[wordEnd])
                                         || (t[wordEnd] == .hyphen && wordEnd + 1 < blockEnd && Bytes.isASCIILetter(t[wordEnd + 1]))) {
                wordEnd += 1
            }
            let word = a.string(next.range.lowerBound..<max(wordEnd, next.range.upperBound))
            reporter.report("Use “\(replacement)” before “\(word)”: it starts with a \(wantsAn ? "vowel" : "consonant") sound.",
                            prose: w.range, fix: .replace(w.range, with: replacement, title: "Change “\(original)” to “\(replacement)”", .safe))
        }
    }

    // MARK: context

    /// Plural nouns that postings put after a stray article (“a enthusiastic, motivated individuals”).
    static let plurals = WordSet(["individuals", "people", "candidates", "posts", "roles", "positions", "nurses", "members",
                                  "professionals", "applicants", "opportunities", "vacancies", "teams", "practitioners",
                                  "graduates", "students"].map { Word.hash($0) })

    static let determiners = WordSet(["a", "an", "the"].map { Word.hash($0) })

    /// A plural noun within three words of `k` in the same block, before any other article.
    static func pluralFollows(_ a: Analysis, _ k: Int) -> Bool {
        let w = a.words
        var j = k
        while j < w.count && j <= k + 3 && w[j].block == w[k].block {
            if plurals.contains(w[j].hash) { return true }
            if determiners.contains(w[j].hash) { return false }
            j += 1
        }
        return false
    }

    static func canPrecede(_ t: [UInt8], _ s: Int) -> Bool {
        let c = t[s - 1]
        switch c {
        case .space, .tab, .lineFeed, .carriageReturn, .leftParen, .leftBracket, .leftBrace, .quote, .apostrophe, .asterisk, .underscore, .greaterThan: return true
        default: break
        }
        if c >= 0x80 && s >= 2 {
            if t[s - 2] == 0xC2 && (c == 0xA0 || c == 0xAB) { return true }  // nbsp, «
            if s >= 3 && t[s - 3] == 0xE2 && t[s - 2] == 0x80 {
                // “ ‘ — – • and narrow/thin spaces
                return c == 0x9C || c == 0x98 || c == 0x94 || c == 0x93 || c == 0xA2 || c == 0xAF || c == 0x89 || c == 0x8A
            }
        }
        return false
    }

    /// Checks the bytes between the article and the next word.
    static func gapOK(_ t: [UInt8], _ from: Int, _ to: Int) -> (count: Int, currency: Bool)? {
        var k = from
        var currency = false
        var sawSpace = false
        while k < to {
            let c = t[k]
            switch c {
            case .space, .tab, .lineFeed, .carriageReturn:
                sawSpace = true
                k += 1
            case .quote, .apostrophe, .asterisk, .underscore:
                k += 1
            case .dollar:
                currency = true
                k += 1
            case 0xC2 where k + 1 < to && (t[k + 1] == 0xA0 || t[k + 1] == 0xAB || t[k + 1] == 0xA3):
                if t[k + 1] == 0xA3 { currency = true }
                if t[k + 1] == 0xA0 { sawSpace = true }
                k += 2
            case 0xE2 where k + 2 < to && t[k + 1] == 0x80 && (t[k + 2] == 0x9C || t[k + 2] == 0x98 || t[k + 2] == 0xAF):
                if t[k + 2] == 0xAF { sawSpace = true }
                k += 3
            case 0xE2 where k + 2 < to && t[k + 1] == 0x82 && t[k + 2] == 0xAC:
                currency = true
                k += 3
            default:
                return nil
            }
        }
        return sawSpace ? (to - from, currency) : nil
    }

    /// Whether the article starts a sentence, a bullet or a quotation.
    static func startsSentence(_ t: [UInt8], _ s: Int, _ blockStart: Int) -> Bool {
        var k = s
        while k > blockStart {
            let c = t[k - 1]
            if c == .space || c == .tab || c == .quote || c == .apostrophe || c == .leftParen || c == .asterisk || c == .underscore || c >= 0x80 && c != 0xA2 {
                if c >= 0x80 {
                    // step over a whole multi-byte scalar (quotes, nbsp); bullets and dashes start a sentence
                    var b = k - 1
                    while b > blockStart && Bytes.isContinuation(t[b]) { b -= 1 }
                    if t[b] == 0xE2 && b + 2 < t.count && t[b + 1] == 0x80 && (t[b + 2] == 0xA2 || t[b + 2] == 0x94 || t[b + 2] == 0x93) {
                        return true
                    }
                    k = b
                    continue
                }
                k -= 1
                continue
            }
            return c == .period || c == .exclamation || c == .question || c == .colon || c == .semicolon || c == .lineFeed || c == .hyphen || c == .verticalBar || c == .greaterThan
        }
        return true
    }

    static func isCaps(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count >= 2 else { return false }
        for i in r where !Bytes.isUpper(t[i]) { return false }
        return true
    }

    /// Capitals around the article: "AN EQUAL OPPORTUNITY EMPLOYER", "WE ARE A EQUAL…".
    static func isShout(_ t: [UInt8], _ words: WordList, _ i: Int, isAn: Bool) -> Bool {
        let w = words[i]
        if isAn { return Bytes.isUpper(t[w.range.lowerBound]) && Bytes.isUpper(t[w.range.lowerBound + 1]) }
        guard Bytes.isUpper(t[w.range.lowerBound]), isCaps(t, words[i + 1].range) else { return false }
        var caps = 0, other = 0
        for j in [i - 2, i - 1, i + 2, i + 3] where j >= 0 && j < words.count && words[j].block == w.block {
            if isCaps(t, words[j].range) && words[j].range.count >= 2 { caps += 1 } else { other += 1 }
        }
        return caps >= 2 && caps > other
    }

    /// Whether the block around an article is in another language.
    static func isForeign(_ words: WordList, _ t: [UInt8], block: Int, around i: Int) -> Bool {
        var foreign = 0, english = 0
        var j = i
        while j >= 0 && words[j].block == block && i - j < 40 { j -= 1 }
        j += 1
        while j < words.count && words[j].block == block && j - i < 40 {
            if foreignWords.contains(words[j].hash) { foreign += 1 }
            if englishWords.contains(words[j].hash) { english += 1 }
            j += 1
        }
        return foreign >= 2 && foreign > english
    }

    // MARK: the next word's first sound

    static func sound(_ p: Pronunciation, _ t: [UInt8], _ r: Range<Int>, blockEnd: Int, shout: Bool) -> Sound {
        let c0 = t[r.lowerBound]
        if Bytes.isDigit(c0) { return Pronunciation.numberSound(t, r.lowerBound, end: blockEnd) }
        guard Bytes.isASCIILetter(c0) else { return .unsure }
        var e = r.lowerBound
        while e < r.upperBound && Bytes.isASCIILetter(t[e]) { e += 1 }
        // A non-ASCII letter inside the word: no guess ("a Ångström").
        if e < r.upperBound && t[e] >= 0x80 { return .unsure }
        let lr = r.lowerBound..<e
        let followedByDigit = e < r.upperBound && Bytes.isDigit(t[e])
        let following: UInt8 = e < blockEnd ? t[e] : .space
        if lr.count == 1 {
            // "an A grade", "an A+", "an A-list", but not "a A 0.5 WTE post" (a doubled article)
            if c0 == UInt8(ascii: "A") && !(following == .plus || following == .hyphen || following == .slash || following == .ampersand
                               || (e + 1 < blockEnd && following == .space && Bytes.isLower(t[e + 1]))) {
                return .unsure
            }
            if Bytes.isUpper(c0) {
                // "an X-ray", "an F", "an H-1B"; not "A" + "&"…
                return p.letterSound(c0)
            }
            return following == .hyphen || followedByDigit ? p.letterSound(c0) : .unsure  // "an e-mail", "an x-ray"
        }
        var u = 0
        while lr.lowerBound + u < e && Bytes.isUpper(t[lr.lowerBound + u]) { u += 1 }
        if u == lr.count { return p.capsSound(t, lr, shout: shout) }
        if u >= 2 { return p.capsSound(t, lr.lowerBound..<(lr.lowerBound + u), shout: shout) }  // "MSc", "RNs", "CNAs"
        if u == 0 && Bytes.isUpper(t[lr.lowerBound + 1]) { return p.letterSound(c0) }  // "iOS", "eBay", "mRNA"
        // "Msc", "Rq", "Hba1c": no English word starts so; read letter by letter (but "Mr", "Ft" are words).
        if Bytes.isUpper(c0) && lr.count <= 4 && Pronunciation.unpronounceableStart(c0, t[lr.lowerBound + 1])
            && !(c0 == UInt8(ascii: "M") && Bytes.lower(t[lr.lowerBound + 1]) == UInt8(ascii: "c")) && !p.abbreviations.contains(Word.hash(t, lr)) {
            return p.letterSound(c0)
        }
        return p.wordSound(t, lr)
    }

    /// "a" → "an", "A" → "An" (or "AN" among capitals), "AN" → "A", "An" → "A".
    static func article(an: Bool, like original: String, shout: Bool) -> String {
        let u = original.utf8
        let cap = Bytes.isUpper(u.first ?? 0)
        if an {
            if cap && (shout || (u.count == 2 && Bytes.isUpper(u.last ?? 0))) { return "AN" }
            return cap ? "An" : "an"
        }
        return cap ? "A" : "a"
    }
}
