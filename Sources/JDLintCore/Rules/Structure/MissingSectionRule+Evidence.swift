// What the text says about the engagement (employment, freelance, unpaid), the place and the money.

extension MissingSectionRule {
    /// What kind of engagement a posting offers, as far as it says.
    enum Engagement { case employment, freelance, unpaid }

    /// Unpaid when a pay field says so (`compensation: gratis`, `rate: gratis / Negotiable`) or the prose calls it
    /// voluntary (“volunteer position”); freelance when the prose says so (“freelance”, “per project”, “outside
    /// IR35”) or the posting lists its deliverables (a project brief). Shared by the structure rules: a short
    /// volunteer call is not a short job posting.
    static func engagement(_ a: Analysis) -> Engagement {
        // A pay field (`compensation:`, `rate:`, `hiredrate:`, `salary_note:`) that says gratis or unpaid.
        for f in a.fields where f.value.utf8.count < 200 {
            let pay = (SectionCatalog.partsByField[f.key] ?? []).contains(where: { SectionCatalog.parts[$0].id == "pay" })
                || payKeyParts.contains(where: { f.key.containsBytes($0) }) || f.key.containsBytes("rate")
            if pay && statesUnpaid(f.value) { return .unpaid }
        }
        var unpaid = false
        volunteerCues.forEachMatch(in: a.phraseText) { _ in unpaid = true; return false }
        if unpaid { return .unpaid }
        // A project brief's template (`deliverables:`, filled or not) is a freelance engagement.
        if a.fields.contains(where: { $0.key == "deliverables" && $0.origin == .frontMatter }) { return .freelance }
        // A title that names a project, not a post (“UI designer for our account interface project”, “Django
        // Backend Contract Project”): the work is the project.
        if let title = a.title?.text, Self.namesAProject(title) { return .freelance }
        var freelance = false
        freelanceCues.forEachMatch(in: a.phraseText) { _ in freelance = true; return false }
        // Front-matter values are not in the prose (`contract: Contractor (Outside IR35)`).
        for f in a.fields where !freelance && f.origin == .frontMatter && f.value.utf8.count < 200 {
            freelanceCues.forEachMatch(in: PhraseText(Array(f.value.utf8)[...])) { _ in freelance = true; return false }
        }
        return freelance ? .freelance : .employment
    }

    /// The title ends in “project” and says what it is for (“Logo for our mapping project”, “Django Backend
    /// Contract Project”); “Modernist Versions Project Post-Doctoral Fellowship” or “Research Assistant, ‘City
    /// Witness’ Project” name the employer's project, not the engagement.
    static func namesAProject(_ title: String) -> Bool {
        let b = Array(title.utf8)
        var words: [Range<Int>] = []
        Tokenizer.words(b, 0..<b.count) { words.append($0) }
        guard words.count >= 3, let last = words.last, Word.hash(b, last) == projectHash else { return false }
        return words.dropLast().contains { Word.hash(b, $0) == forHash || Word.hash(b, $0) == contractHash }
    }
    static let projectHash = Word.hash("project")
    static let forHash = Word.hash("for")
    static let contractHash = Word.hash("contract")

    /// The prose says the work is a freelance job.
    static let freelanceCues = PhraseSet(["freelance", "freelancer", "freelancers", "independent contractor", "per project",
                                          "project basis", "fixed fee", "one off project", "one-off project", "freelance basis", "ir35", "1099",
                                          "project based", "project-based",
                                          "day rate contract", "daily rate contract", "billable hours"].map { Phrase($0) })

    /// The prose says the work is voluntary.
    static let volunteerCues = PhraseSet(["volunteer position", "volunteer role", "volunteer opportunity", "volunteer opportunities",
                                          "voluntary position", "voluntary role", "unpaid position", "unpaid role", "unpaid internship",
                                          "volunteers wanted", "looking for volunteers", "seeking volunteers", "as a volunteer",
                                          "this is a volunteer", "volunteer basis", "voluntary basis", "pro bono"].map { Phrase($0) })

    /// A pay field that says the work is unpaid (`compensation: gratis`): the pay is stated.
    static func statesUnpaid(_ s: String) -> Bool {
        let k = Field.normaliseKey(s)
        if ["gratis", "unpaid", "volunteer", "voluntary", "probono", "free", "nopay", "equity", "equityonly"].contains(k) { return true }
        // `rate: gratis / Negotiable`, `compensation: free shirt / swag / gratis`
        let b = Array(s.utf8)
        var unpaid = false
        Tokenizer.words(b, 0..<b.count) { r in
            let h = Word.hash(b, r)
            if h == Self.gratis || h == Self.unpaidWord { unpaid = true }
        }
        return unpaid
    }
    static let gratis = Word.hash("gratis")
    static let unpaidWord = Word.hash("unpaid")

    /// A place from the gazetteer: in the prose in a place context (“based in Leeds”, “our Tacoma office”), in the
    /// title or a short field anywhere (“Staff Nurse - Cardiff”, `Company: Leeds Teaching Hospitals`).
    static func namesPlace(_ a: Analysis) -> Bool {
        let w = a.words
        if Gazetteer.namesPlace(a.text, count: w.count, word: { w[$0].range }, anywhere: false) { return true }
        if let title = a.title?.text, Gazetteer.namesPlace(title, anywhere: true) { return true }
        for f in a.fields where f.value.utf8.count < 120 && !FrontMatter.proseKeys.contains(f.key) {
            if Gazetteer.namesPlace(f.value, anywhere: true) { return true }
        }
        return false
    }

    static let sitePrefixes = WordSet(["hmp", "hmyoi", "yoi", "raf", "hmnb"].map { Word.hash($0) })

    /// A named workplace: “Glenfield Hospital”, “Leicester Royal Infirmary”, “Main Campus”, “Fellview Health Centre”.
    static func hasNamedSite(_ a: Analysis) -> Bool {
        let t = a.text
        let w = a.words
        if w.count > 1 {
            for i in 1..<w.count where Bytes.isUpper(t[w[i].range.lowerBound]) && Bytes.isUpper(t[w[i - 1].range.lowerBound]) {
                if siteWords.contains(w[i].hash) { return true }
                // A prison or a base named after its kind: “HMP Highpoint”, “RAF Shawbury”.
                if sitePrefixes.contains(w[i - 1].hash), t[w[i - 1].range.upperBound] == .space { return true }
            }
        }
        // The title and the fields (`Company: Chesterfield County Public Schools`, `title: Nurse (Chester VA)`).
        var texts: [String] = a.fields.filter { $0.origin != .jsonld || $0.value.utf8.count < 200 }.map(\.value)
        if let title = a.title?.text { texts.append(title) }
        for s in texts where s.utf8.count < 400 {
            let b = Array(s.utf8)
            if hasCityState(b) { return true }
            var prevUpper = false
            var i = 0
            while i < b.count {
                guard Bytes.isASCIILetter(b[i]) else { i += 1; continue }
                var j = i
                while j < b.count && Bytes.isASCIILetter(b[j]) { j += 1 }
                let upper = Bytes.isUpper(b[i])
                if upper && prevUpper && siteWords.contains(Word.hash(b, i..<j)) { return true }
                prevUpper = upper
                i = j
            }
        }
        return false
    }

    /// A figure of four or more digits right after a pay word, without a currency (“Rate 85,000 - 100,000 DOE”).
    static func labelledFigure(_ a: Analysis) -> Bool {
        let w = a.words
        let t = a.text
        guard w.count > 1 else { return false }
        for i in 0..<w.count where labelWords.contains(w[i].hash) {
            var k = w[i].range.upperBound
            let end = min(t.count, k + 4)
            while k < end && (t[k] == .space || t[k] == .colon) { k += 1 }
            var digits = 0
            while k < t.count && (Bytes.isDigit(t[k]) || t[k] == .comma) { if Bytes.isDigit(t[k]) { digits += 1 }; k += 1 }
            if digits >= 4 { return true }
        }
        return false
    }
    static let willHash = Word.hash("will")
    static let theHash = Word.hash("the")
    static let labelWords = WordSet(["salary", "rate", "pay", "compensation", "wage", "stipend"].map { Word.hash($0) })

    /// Field keys that name pay wherever they appear in the key (`salary_min`, `min_payrange`, `base_compensation`).
    static let payKeyParts = ["salary", "wage", "compensation", "payrange", "payband", "payrate", "paygrade", "payscale", "remuneration"]

    static let bigUnits: [[UInt8]] = ["million", "billion", "trillion", "bn", "mn", "m", "b"].map { Array($0.utf8) }

    static let currencyCodes: [[UInt8]] = ["usd", "gbp", "eur", "cad", "aud", "chf", "nzd", "sek", "nok", "dkk", "inr", "jpy"].map { Array($0.utf8) }

    /// A sum of money: a currency symbol or ISO code next to a number of two or more digits (`$ 143,736`,
    /// `€ 2191`, `GBP 25,888`, `15GBP/h`, `$150k`).
    static func hasMoney(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = t.count
        func digitsAt(_ k: Int) -> Bool {
            var j = k
            while j < n && (t[j] == .space || (t[j] == 0xC2 && j + 1 < n && t[j + 1] == 0xA0)) { j += t[j] == .space ? 1 : 2; if j - k > 2 { return false } }
            var d = 0
            while j < n && (Bytes.isDigit(t[j]) || t[j] == .comma || t[j] == .period) { if Bytes.isDigit(t[j]) { d += 1 }; j += 1 }
            // `$40 million in revenue`, `£1bn turnover`: money, but not pay.
            while j < n && t[j] == .space { j += 1 }
            for unit in Self.bigUnits where j + unit.count <= n && Bytes.equalsLower(t, j..<(j + unit.count), unit)
                && (j + unit.count == n || !Bytes.isASCIILetter(t[j + unit.count])) { return false }
            return d >= 2
        }
        func digitsBefore(_ k: Int) -> Bool {
            var j = k
            while j > 0 && t[j - 1] == .space && k - j < 2 { j -= 1 }
            var d = 0
            while j > 0 && (Bytes.isDigit(t[j - 1]) || t[j - 1] == .comma || t[j - 1] == .period || t[j - 1] == UInt8(ascii: "k")) { if Bytes.isDigit(t[j - 1]) { d += 1 }; j -= 1 }
            return d >= 2
        }
        var i = 0
        while i < n {
            let c = t[i]
            var symLen = 0
            if c == .dollar { symLen = 1 }  // $
            else if c == 0xC2 && i + 1 < n && t[i + 1] == 0xA3 { symLen = 2 }  // £
            else if c == 0xE2 && i + 2 < n && t[i + 1] == 0x82 && t[i + 2] == 0xAC { symLen = 3 }  // €
            if symLen > 0 {
                if digitsAt(i + symLen) || digitsBefore(i) { return true }
                i += symLen
                continue
            }
            // A code starts with a capital (most three-letter words do not, so the list is not read for them).
            if Bytes.isUpper(c) && (i == 0 || !Bytes.isASCIILetter(t[i - 1])) && i + 3 <= n && (i + 3 == n || !Bytes.isASCIILetter(t[i + 3])) {
                for code in currencyCodes where Bytes.equalsLower(t, i..<(i + 3), code) {
                    if digitsAt(i + 3) || digitsBefore(i) { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// “Boston, MA” anywhere; “(Chester VA)” and “Chester VA,” (a capitalised word, a space, a state code, then a
    /// closing bracket or a comma), where a bare two capitals could be a word (“OR”, “IN”) or an acronym.
    static func hasCityState(_ t: [UInt8]) -> Bool {
        var i = 1
        while i + 4 <= t.count {
            if t[i] == .space && Bytes.isASCIILetter(t[i - 1]) && Bytes.isUpper(t[i + 1]) && Bytes.isUpper(t[i + 2])
                && i + 3 < t.count && (t[i + 3] == UInt8(ascii: ")") || t[i + 3] == UInt8(ascii: ","))
            {
                var k = i - 1
                while k > 0 && Bytes.isASCIILetter(t[k - 1]) { k -= 1 }
                if Bytes.isUpper(t[k]) && Bytes.isLower(t[i - 1]) && usStates.contains(String(decoding: t[(i + 1)..<(i + 3)], as: UTF8.self)) {
                    return true
                }
            }
            if t[i] == .comma && t[i + 1] == .space && Bytes.isASCIILetter(t[i - 1]) && Bytes.isUpper(t[i + 2]) && Bytes.isUpper(t[i + 3])
                && (i + 4 == t.count || !Bytes.isASCIILetter(t[i + 4]))
            {
                if usStates.contains(String(decoding: t[(i + 2)..<(i + 4)], as: UTF8.self)) { return true }
            }
            i += 1
        }
        return false
    }
}
