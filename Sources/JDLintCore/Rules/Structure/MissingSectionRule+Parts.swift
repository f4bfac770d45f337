// Which parts a posting has: fields, headings, cue phrases, and the shortcuts for pay, location and hours.

extension MissingSectionRule {
    static let usStates: Set<String> = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
                                        "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
                                        "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
                                        "WI", "WY", "DC"]

    /// Values that do not fill a field.
    static func isEmptyValue(_ s: String) -> Bool {
        // More than a dozen ASCII letters and digits: a real value (no need to normalise a whole description).
        var alnum = 0
        for b in s.utf8 where Bytes.isASCIILetter(b) || Bytes.isDigit(b) {
            alnum += 1
            if alnum > 12 { return false }
        }
        let k = Field.normaliseKey(s)
        return k.isEmpty || ["tbd", "tbc", "na", "none", "null", "todo", "xxx", "unknown", "unspecified"].contains(k)
    }

    /// Which parts the document has.
    static func presentParts(_ a: Analysis) -> Set<String> {
        var present = Set<String>()
        // Title
        if a.title != nil { present.insert("title") }
        let firstPartHeading = headingParts(a, &present)
        fieldParts(a, &present)
        if !present.contains("summary") && hasSummary(a, firstPartHeading: firstPartHeading) { present.insert("summary") }
        if statesPay(a) { present.insert("pay") }
        cueParts(a, &present)
        // “Boston, MA”, “(Chester VA)”: a US city and state; a named site in the prose, the title or a field.
        if !present.contains("location") && (hasCityState(a.text) || hasNamedSite(a) || namesPlace(a)) { present.insert("location") }
        if !present.contains("responsibilities") && (namesTheRoleAtWork(a) || introducesTheRole(a)) { present.insert("responsibilities") }
        // Weekly hours written as one token (“30hrs/week”, “37.5hrs pw”): the cue phrases read them as other words.
        if !present.contains("employment-type") && Self.statesWeeklyHours(a.text) { present.insert("employment-type") }
        // Unpaid or voluntary work (an open-source call, a volunteer placement) states its employment type and its
        // pay, and has no benefits to describe; judged on real postings, an equal-opportunity statement and a list
        // of requirements are not worth asking of it either. Freelance work is a contract for a job, not
        // employment: it states its type, has no benefits, an equal-opportunity statement is not expected of it, and
        // judges found its location not worth asking for (the gigs judged were done online).
        switch Self.engagement(a) {
        case .unpaid: for part in Self.notAskedOfUnpaidWork { present.insert(part) }
        case .freelance: for part in ["benefits", "equal-opportunity", "employment-type", "location"] { present.insert(part) }
        case .employment: break
        }
        return present
    }

    /// The parts named by headings and `Label:` lead-ins; returns the index of the first block naming a part other
    /// than the summary (`blocks.count`: none).
    static func headingParts(_ a: Analysis, _ present: inout Set<String>) -> Int {
        let t = a.text
        let blocks = a.blocks
        var firstPartHeading = blocks.count
        for (i, b) in blocks.enumerated() {
            var r: Range<Int>?
            var standalone = false
            if b.kind == .heading {
                r = b.proseRange
            } else if b.kind == .paragraph || b.kind == .listItem {
                r = SectionCatalog.leadLabel(t, b.proseRange) ?? SectionCatalog.lineLabel(t, b.proseRange)
                // A heading written as a paragraph of its own, with the section's text after it.
                if r == nil, b.kind == .paragraph, i + 1 < blocks.count,
                   blocks[i + 1].kind == .paragraph || blocks[i + 1].kind == .listItem {
                    r = SectionCatalog.blockLabel(t, b.proseRange)
                    standalone = r != nil
                }
            }
            guard let range = r else { continue }
            if b.kind == .heading && i == a.titleBlock { continue }
            let text = PhraseText(t[SectionCatalog.stripNumbering(t, range)])
            var ids = SectionCatalog.parts(forHeading: text)
            // Such a paragraph is often a label of a page's form (“Additional contact information”, “Salary”
            // above “Competitive”): pay still needs its figure and how to apply its instructions.
            if standalone { ids.removeAll { $0 == "pay" || $0 == "how-to-apply" } }
            for id in ids { present.insert(id) }
            if !ids.isEmpty && !ids.contains("summary") && firstPartHeading == blocks.count { firstPartHeading = i }
        }
        return firstPartHeading
    }

    /// The parts named by fields: by key, and by the key as written (`Duties & Responsibilities: …`).
    static func fieldParts(_ a: Analysis, _ present: inout Set<String>) {
        for f in a.fields {
            let valueText = f.value
            let filled = !isEmptyValue(valueText) || f.json?.boolValue != nil
            guard filled else { continue }
            if !present.contains("pay") && Self.payKeyParts.contains(where: { f.key.containsBytes($0) })
                && valueText.utf8.contains(where: Bytes.isDigit) {
                present.insert("pay")
            }
            for pi in SectionCatalog.partsByField[f.key] ?? [] {
                let id = SectionCatalog.parts[pi].id
                if id == "pay" && !valueText.utf8.contains(where: Bytes.isDigit) && !Self.statesUnpaid(valueText) { continue }
                if id == "location" && f.key == "joblocationtype" && !valueText.uppercased().contains("TELECOMMUTE") { continue }
                present.insert(id)
            }
            if f.origin == .line {
                let raw = PhraseText(Array(f.rawKey.utf8))
                for id in SectionCatalog.parts(forHeading: raw) { present.insert(id) }
            }
        }
    }

    /// A summary: a paragraph of prose anywhere (a posting whose role is described in prose has a summary, whatever
    /// its headings), or an opening paragraph or long field of some length before the first section heading.
    static func hasSummary(_ a: Analysis, firstPartHeading: Int) -> Bool {
        let blocks = a.blocks
        for b in blocks where b.kind == .paragraph {
            let r = b.proseRange
            if a.wordIndex(atOrAfter: r.upperBound) - a.wordIndex(atOrAfter: r.lowerBound) >= 15 { return true }
        }
        let limit = min(blocks.count, firstPartHeading == blocks.count ? 12 : firstPartHeading)
        for i in 0..<limit where blocks[i].kind == .paragraph || blocks[i].kind == .field && blocks[i].proseRange.count > 80 {
            // The block's words from the analysis (a scraped page can be one paragraph of thousands).
            let r = blocks[i].proseRange
            if a.wordIndex(atOrAfter: r.upperBound) - a.wordIndex(atOrAfter: r.lowerBound) >= 15 { return true }
        }
        return false
    }

    /// Pay figures: in the prose, the title or any field (`title: Godot developer ($150k–$230k)`).
    static func statesPay(_ a: Analysis) -> Bool {
        func hasMoney(_ s: String) -> Bool {
            var s = s
            return s.withUTF8 { Self.hasMoney($0) }
        }
        return !a.pay.isEmpty || a.text.withUnsafeBufferPointer({ Self.hasMoney($0) }) || hasMoney(a.title?.text ?? "") || Self.labelledFigure(a)
            || a.fields.contains(where: { hasMoney($0.value) })
    }

    /// Prose cues, for the parts still missing: one pass over the prose with every part's cues, stopping once each
    /// missing part has one; then the same cues in front-matter values (`deliverables:`, `tags: full time`).
    static func cueParts(_ a: Analysis, _ present: inout Set<String>) {
        let parts = SectionCatalog.parts
        var missing = [Bool](repeating: false, count: parts.count)
        var missingCount = 0
        for (i, p) in parts.enumerated() where !p.cues.isEmpty && !present.contains(p.id) { missing[i] = true; missingCount += 1 }
        guard missingCount > 0 else { return }
        let cues = Self.cues
        var found = 0
        // A long posting skips the cues of the parts already present (building that filter costs about one
        // pass over the cue list, more than a short posting's whole scan).
        let include = a.phraseText.count > cues.part.count ? cues.part.map { missing[$0] } : nil
        cues.set.forEachMatch(in: a.phraseText, include: include) { i, _ in
            let p = cues.part[i]
            if missing[p] {
                missing[p] = false
                found += 1
                present.insert(parts[p].id)
            }
            return found < missingCount
        }
        for f in a.fields where f.origin == .frontMatter && f.value.utf8.count > 3 {
            let text = PhraseText(Array(f.value.utf8)[...])
            cues.set.forEachMatch(in: text, include: nil) { i, _ in
                let p = cues.part[i]
                if missing[p] {
                    missing[p] = false
                    present.insert(parts[p].id)
                }
                return true
            }
        }
    }

    /// The role named as the subject of the work: “The Senior Data Scientist will build…” (a capitalised word of the
    /// title, then “will”).
    static func namesTheRoleAtWork(_ a: Analysis) -> Bool {
        guard let title = a.title?.text else { return false }
        let t = a.text
        let tb = Array(title.utf8)
        var titleWords: [UInt64] = []
        Tokenizer.words(tb, 0..<tb.count) { r in if r.count >= 4 { titleWords.append(Word.hash(tb, r)) } }
        let w = a.words
        guard !titleWords.isEmpty && w.count > 1 else { return false }
        for i in 2..<w.count where w[i].hash == Self.willHash && Bytes.isUpper(t[w[i - 1].range.lowerBound])
            && titleWords.contains(w[i - 1].hash) && Gazetteer.sameLine(t, w[i - 1].range.upperBound, w[i].range.lowerBound) {
            // “The” before the role's capitalised words (“The Senior Data Scientist will”), not “Working for
            // UCLH Bank will provide” or “(Consultant Dermatologist will be considered)”.
            var k = i - 1
            while k > 0 && i - k < 5 && Bytes.isUpper(t[w[k - 1].range.lowerBound]) && w[k - 1].hash != Self.theHash { k -= 1 }
            if k > 0 && w[k - 1].hash == Self.theHash && Gazetteer.sameLine(t, w[k - 1].range.upperBound, w[i].range.lowerBound) {
                return true
            }
        }
        return false
    }

    /// The work described in prose: a section introducing the role (“Job Summary”, “About the role”) with
    /// paragraphs of some length, written as job-description prose (“Delivers classroom training…”).
    static func introducesTheRole(_ a: Analysis) -> Bool {
        let t = a.text
        let blocks = a.blocks
        for s in a.sections {
            guard let h = s.heading, h != a.titleBlock else { continue }
            let ids = SectionCatalog.parts(forHeading: PhraseText(t[SectionCatalog.stripNumbering(t, blocks[h].proseRange)]))
            guard ids.contains("summary") else { continue }
            var words = 0
            for bi in s.body where blocks[bi].kind == .paragraph {
                let r = blocks[bi].proseRange
                words += a.wordIndex(atOrAfter: r.upperBound) - a.wordIndex(atOrAfter: r.lowerBound)
            }
            if words >= 60 { return true }
        }
        return false
    }

    /// Every part's cue phrases in one set (`part[i]` is the index in `SectionCatalog.parts` of phrase `i`'s part).
    static let cues: (set: PhraseSet, part: [Int]) = {
        var phrases: [Phrase] = [], part: [Int] = []
        for (pi, p) in SectionCatalog.parts.enumerated() { for c in p.cues { phrases.append(c); part.append(pi) } }
        return (PhraseSet(phrases), part)
    }()

    static let siteWords = WordSet(words: ["hospital", "infirmary", "campus", "hospice", "house", "school", "elementary", "academy",
                                           "university", "college", "county", "borough", "district", "street", "road", "park",
                                           "city", "centre", "center", "village", "clinic", "surgery", "ward", "hospitals", "campuses", "trust",
                                           "schools", "headquarters", "lodge"])

    static let notAskedOfUnpaidWork = ["employment-type", "pay", "benefits", "equal-opportunity", "requirements", "location",
                                       "responsibilities"]

    /// A number of hours glued to its unit and followed by the week (“30hrs/week”, “37.5 hrs pw”, “20h per week”).
    static func statesWeeklyHours(_ t: [UInt8]) -> Bool {
        var i = 0
        let n = t.count
        while i < n {
            guard Bytes.isDigit(t[i]) else { i += 1; continue }
            var j = i
            while j < n && (Bytes.isDigit(t[j]) || t[j] == .period) { j += 1 }
            if j < n && t[j] == .space { j += 1 }
            var k = j
            while k < n && Bytes.isASCIILetter(t[k]) { k += 1 }
            let unit = Bytes.lowerString(t, j..<k)
            if unit == "hrs" || unit == "hr" || unit == "h" || unit == "hours" {
                var m = k
                while m < n && m < k + 3 && (t[m] == .slash || t[m] == .space) { m += 1 }
                var e = m
                while e < n && Bytes.isASCIILetter(t[e]) { e += 1 }
                let next = Bytes.lowerString(t, m..<e)
                if ["week", "wk", "pw", "per", "weekly", "a"].contains(next) && (next != "per" && next != "a" || e + 5 < n && Bytes.lowerString(t, (e + 1)..<min(n, e + 5)).hasPrefix("week")) {
                    return true
                }
            }
            i = max(k, i + 1)
        }
        return false
    }
}
