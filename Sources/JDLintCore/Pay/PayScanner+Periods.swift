// Periods: the unit a figure is paid per (`per year`, `/hr`, `Annual salary:`, `an hourly rate which … is $22`).

extension Scanner {
    // MARK: periods

    /// Maps a unit word to a period.
    func unit(_ r: Range<Int>) -> PayPeriod? {
        let h = Word.hash(t, r)
        switch h {
        case H.w_hour, H.w_hr, H.w_hrs, H.w_hours, H.w_h: return .hour
        case H.w_year, H.w_yr, H.w_annum, H.w_anum, H.w_years, H.w_y: return .year
        case H.w_week, H.w_wk, H.w_weeks: return .week
        case H.w_month, H.w_mo, H.w_mth, H.w_months, H.w_mon: return .month
        case H.w_day, H.w_days, H.w_d: return .day
        default: return nil
        }
    }

    /// A period written after the figures (`per year`, `a year`, `/hr`, `annually`, `p.a.`), skipping a few
    /// filler words (`gross`, `USD`, `pro rata`).
    func periodAfter(_ i: Int, _ end: Int) -> (PayPeriod, Range<Int>)? {
        var k = skipSpaces(i, end)
        var fillers = 0
        while k < end {
            if t[k] == .leftParen || t[k] == .comma || t[k] == .leftBracket { k = skipSpaces(k + 1, end); continue }  // ( , [
            if fillers == 0 && (t[k] == .hyphen || (t[k] == 0xE2 && k + 2 < end && t[k + 1] == 0x80 && (t[k + 2] == 0x93 || t[k + 2] == 0x94))) {
                let d = skipSpaces(k + (t[k] == .hyphen ? 1 : 3), end)
                if d > k + 1 && d < end && Bytes.isASCIILetter(t[d]) { k = d; fillers += 1; continue }
                break
            }
            if Bytes.isASCIILetter(t[k]) {
                let we = wordEnd(k, end)
                if fillers < 3 && Keywords.fillers.contains(Word.hash(t, k..<we)) && !(we < end && t[we] == .period && Bytes.equalsLower(t, k..<we, "p")) {
                    fillers += 1
                    k = skipSpaces(we, end)
                    continue
                }
            }
            break
        }
        guard k < end else { return nil }
        let start = k
        if t[k] == .slash {  // `/hr`, `/ year`, `/ Per Year`
            let w = skipSpaces(k + 1, end)
            guard w < end, Bytes.isASCIILetter(t[w]) else { return nil }
            let we = wordEnd(w, end)
            if let p = unit(w..<we) { return (p, start..<we) }
            if Bytes.equalsLower(t, w..<we, "per") || Bytes.equalsLower(t, w..<we, "a") {
                let u = skipSpaces(we, end)
                let ue = wordEnd(u, end)
                if u > we, let p = unit(u..<ue) { return (p, start..<ue) }
            }
            if Bytes.equalsLower(t, w..<we, "hourly") { return (.hour, start..<we) }
            return nil
        }
        guard Bytes.isASCIILetter(t[k]) else { return nil }
        let we = wordEnd(k, end)
        let w = k..<we
        // `p.a.`, `p/a`, `p.h.`, `p/h`, `p.w.`, `p.c.m.`
        if we - k == 1 && (t[k] | 0x20) == UInt8(ascii: "p") && we + 1 < end && (t[we] == .period || t[we] == .slash) && Bytes.isASCIILetter(t[we + 1]) {
            var e = we + 1
            var letters: [UInt8] = []
            while e < end && (Bytes.isASCIILetter(t[e]) || t[e] == .period) { if t[e] != .period { letters.append(t[e] | 0x20) }; e += 1 }
            let p: PayPeriod?
            switch letters {
            case [UInt8(ascii: "a")]: p = .year
            case [UInt8(ascii: "h")]: p = .hour
            case [UInt8(ascii: "w")]: p = .week
            case [UInt8(ascii: "c"), UInt8(ascii: "m")], [UInt8(ascii: "m")]: p = .month
            case [UInt8(ascii: "d")]: p = .day
            default: p = nil
            }
            if let p { return (p, start..<e) }
            return nil
        }
        if isAlnum(we) { return nil }
        if we < end && t[we] == .colon { return nil }  // `Monthly:` labels what follows
        let adjective = Word.hash(t, w)
        if adjective == H.w_hourly || adjective == H.w_annual || adjective == H.w_monthly
            || adjective == H.w_weekly || adjective == H.w_daily || adjective == H.w_yearly
        {
            var n = we
            while n < end && (t[n] == .space || t[n] == .tab) { n += 1 }
            let runOn = Bytes.isLower(t[k]) && n < end && Bytes.isUpper(t[n]) && n > we
            if n < end && Bytes.isASCIILetter(t[n]) && !runOn && !Keywords.afterPeriodAdjective.contains(Word.hash(t, n..<wordEnd(n, end))) { return nil }
        }
        switch Word.hash(t, w) {
        case H.w_per, H.w_a, H.w_an, H.w_each, H.w_every:
            let u = skipSpaces(we, end)
            guard u > we, u < end, Bytes.isASCIILetter(t[u]) else { return nil }
            let ue = wordEnd(u, end)
            if let p = unit(u..<ue), !isAlnum(ue) { return (p, start..<ue) }
            // per calendar month; per teaching hour, per working day (one lower-case word between “per” and the unit)
            // (not “per credit hour”, a unit of teaching load).
            if Bytes.equalsLower(t, u..<ue, "calendar")
                || (Word.hash(t, w) == H.w_per && Bytes.isLower(t[u]) && ue - u >= 3 && !Bytes.equalsLower(t, u..<ue, "credit")
                    && !Bytes.equalsLower(t, u..<ue, "semester")) {
                let v = skipSpaces(ue, end)
                guard v > ue, v < end, Bytes.isASCIILetter(t[v]) else { return nil }
                let ve = wordEnd(v, end)
                if let p = unit(v..<ve), !isAlnum(ve) { return (p, start..<ve) }
            }
            return nil
        case H.w_hourly, H.w_ph, H.w_hr: return (.hour, w)
        case H.w_annually, H.w_yearly, H.w_annual, H.w_pa, H.w_annum, H.w_yr:
            return (.year, w)
        case H.w_weekly, H.w_pw: return (.week, w)
        case H.w_monthly, H.w_pcm: return (.month, w)
        case H.w_daily: return (.day, w)
        default: return nil
        }
    }

    /// A period said before the figures: `Annual salary: $60,000`, `hourly rate of $22`, `per annum: £30,000`.
    func periodBefore(_ pos: Int, _ region: Range<Int>) -> PayPeriod? {
        let words = wordsBefore(pos, region, limit: 5)
        var i = 0
        while i < words.count {
            let h = Word.hash(t, words[i])
            if Keywords.payNouns.contains(h) || h == H.w_range || h == H.w_of || h == H.w_is || h == H.w_base
                || h == H.w_starting || h == H.w_basic || h == H.w_gross || h == H.w_minimum {
                if !Keywords.payNouns.contains(h), i + 1 < words.count, let p = Keywords.periodAdjectives[Word.hash(t, words[i + 1])] { return p }
                // look at the word before a pay noun
                if i + 1 < words.count, let p = Keywords.periodAdjectives[Word.hash(t, words[i + 1])], Keywords.payNouns.contains(h) {
                    return p
                }
                i += 1
                continue
            }
            if let u = unit(words[i]), i + 1 < words.count, Bytes.equalsLower(t, words[i + 1], "per"), i == 0,
               t[words[0].upperBound..<pos].contains(.colon) { return u }  // `Salary per hour: $20`
            if let p = Keywords.periodAdjectives[h], h != H.w_day, i == 0 { return p }  // `Hourly: $22`
            break
        }
        return nil
    }

    /// A period the sentence states away from the figures: “the annual salary for … is approximately $64334”,
    /// “$64,334 (annualized salary)”, “an hourly rate which … is $22”. Only a period adjective that qualifies a pay
    /// noun (or “annualised”) counts, so “$2,000 annual training budget” is not a year's pay.
    func periodInSentence(_ start: Int, _ end: Int, _ region: Range<Int>) -> PayPeriod? {
        func qualified(_ words: [Range<Int>], _ i: Int) -> PayPeriod? {
            let h = Word.hash(t, words[i])
            if h == H.w_annualized || h == H.w_annualised { return .year }
            guard let p = Keywords.periodAdjectives[h], h != H.w_day else { return nil }
            // The adjective, then up to two qualifiers, then a pay noun: “annual base salary”, “hourly pay rate”.
            var j = i + 1
            while j < words.count && j <= i + 3 {
                let w = Word.hash(t, words[j])
                if Keywords.payNouns.contains(w) { return p }
                if w != H.w_base && w != H.w_basic && w != H.w_gross && w != H.w_starting { return nil }
                j += 1
            }
            return nil
        }
        // Before: the words of the sentence, read in text order.
        let before = Array(wordsBefore(start, region, limit: 40).reversed())
        for i in before.indices { if let p = qualified(before, i) { return p } }
        // After: up to the sentence's end (a bracketed “(annualized salary)”).
        // At most 8 words and 16 tokens (a line of bare figures, “1 1 1 …”, is not read to its end for every figure:
        // that was quadratic).
        var after: [Range<Int>] = []
        var k = end
        var tokens = 0
        while k < region.upperBound && after.count < 8 && tokens < 16 {
            let c = t[k]
            if Bytes.isASCIILetter(c) {
                let e = wordEnd(k, region.upperBound)
                after.append(k..<e)
                tokens += 1
                k = e
                continue
            }
            if c == .period || c == .exclamation || c == .question || c == .semicolon || c == .lineFeed { break }
            if !Bytes.isWhitespace(c) && (k == end || Bytes.isWhitespace(t[k - 1])) { tokens += 1 }
            k += 1
        }
        for i in after.indices { if let p = qualified(after, i) { return p } }
        return nil
    }
}
