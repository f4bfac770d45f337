// Statements: the scan of a region, the context words that decide whether a figure is pay, and one statement.

extension Scanner {
    // MARK: context words

    /// Words before `pos` inside the region and the current sentence, nearest first (at most `limit`).
    func wordsBefore(_ pos: Int, _ region: Range<Int>, limit: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var k = pos
        let lo = region.lowerBound
        while k > lo && out.count < limit {
            let c = t[k - 1]
            if Bytes.isASCIILetter(c) || Bytes.isDigit(c) {
                var s = k - 1
                while s > lo && (Bytes.isASCIILetter(t[s - 1]) || Bytes.isDigit(t[s - 1])) { s -= 1 }
                out.append(s..<k)
                k = s
                continue
            }
            if (c == .period || c == .exclamation || c == .question || c == .semicolon) && k < region.upperBound && Bytes.isWhitespace(t[k]) {
                // Sentence end, unless an abbreviation (`approx. $60k`).
                if c == .period {
                    var s = k - 1
                    while s > lo && (Bytes.isASCIILetter(t[s - 1]) || t[s - 1] == .period) { s -= 1 }
                    if s < k - 1 && Keywords.abbreviations.contains(Word.hash(t, s..<(k - 1))) { k -= 1; continue }
                }
                break
            }
            if c == .lineFeed { break }
            k -= 1
        }
        return out
    }

    /// Words after `pos` inside the region, up to `limit`, stopping at punctuation other than spaces and hyphens.
    func wordsAfter(_ pos: Int, _ region: Range<Int>, limit: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var k = pos
        let hi = region.upperBound
        while k < hi && out.count < limit {
            let c = t[k]
            if Bytes.isASCIILetter(c) {
                let e = wordEnd(k, hi)
                out.append(k..<e)
                k = e
                continue
            }
            if c == .space || c == .hyphen || c == .tab || c == .lineFeed || c == .carriageReturn { k += 1; continue }
            let s = spaceLen(k, hi)
            if s > 0 { k += s; continue }
            break
        }
        return out
    }

    enum Verdict { case pay, negative }

    /// A strong pay word (salary, pay, wage…) before `pos` in the sentence, nearer than any non-pay word.
    func strongPayBefore(_ pos: Int, _ region: Range<Int>) -> Bool {
        for w in wordsBefore(pos, region, limit: 10) {
            let h = Word.hash(t, w)
            if Keywords.negative.contains(h) { return false }
            if Keywords.strongPay.contains(h) { return true }
        }
        return false
    }

    /// The nearest pay or non-pay keyword before `pos` in the sentence.
    func keywordBefore(_ pos: Int, _ region: Range<Int>) -> Verdict? {
        let words = wordsBefore(pos, region, limit: 10)
        // ` / ` separates alternatives: a non-pay word before it belongs to the one before (“£16,778 based on 37 hours
        // / £20,404 based on 45 hours”).
        var alternative = Int.max
        for k in stride(from: pos - 1, to: Swift.max(region.lowerBound, words.last?.lowerBound ?? pos) + 1, by: -1)
        where t[k] == .slash && t[k - 1] == .space && k + 1 < t.count && t[k + 1] == .space {
            alternative = k
            break
        }
        for (i, w) in words.enumerated() {
            let h = Word.hash(t, w)
            if Keywords.negative.contains(h) {
                if w.upperBound <= alternative && alternative != Int.max { continue }
                // `Salary (inclusive of London allowance): £32,055`
                if words.dropFirst(i + 1).prefix(3).contains(where: { Keywords.afterStops.contains(Word.hash(t, $0)) }) { continue }
                return .negative
            }
            if Keywords.pay.contains(h) { return .pay }
        }
        return nil
    }

    // MARK: the scan

    mutating func scan(_ region: Region, _ emit: (PayStatement) -> Void) {
        let lo = region.range.lowerBound, hi = region.range.upperBound
        var i = lo
        while i < hi {
            let c = t[i]
            guard Bytes.isDigit(c) else { i += 1; continue }
            // Word boundary before the number.
            if i > lo {
                let b = t[i - 1]
                if Bytes.isASCIILetter(b) || Bytes.isDigit(b) || b == .period || b == .comma || b == .slash || b == .numberSign || b == .underscore {
                    // `A320`, `v2.5`, `#3`: skip the whole run.
                    if !(b == .period && i >= lo + 2 && t[i - 2] == .space) {  // `. 5` is fine
                        while i < hi && (Bytes.isDigit(t[i]) || t[i] == .comma || t[i] == .period) { i += 1 }
                        continue
                    }
                }
                // `GS-13`, `1-800-…`: a hyphen glued to a letter or digit word before.
                if b == .hyphen && i >= lo + 2 && (Bytes.isASCIILetter(t[i - 2]) || Bytes.isDigit(t[i - 2])) {
                    while i < hi && (Bytes.isDigit(t[i]) || t[i] == .comma || t[i] == .period) { i += 1 }
                    continue
                }
            }
            if let (s, next) = statement(at: i, region) {
                emit(s)
                i = max(next, i + 1)
            } else {
                while i < hi && (Bytes.isDigit(t[i]) || t[i] == .comma || t[i] == .period || t[i] == UInt8(ascii: "k") || t[i] == UInt8(ascii: "K")) { i += 1 }
            }
        }
    }

    /// Reads a statement at the digit `p`; returns it and where scanning resumes.
    func statement(at p: Int, _ region: Region) -> (PayStatement, Int)? {
        let r = region.range
        let hi = r.upperBound
        guard let f1 = figure(at: p, r, currencyHint: nil) else { return nil }
        let f1Bare = f1.currency == nil
        if f1.num.large || badFollower(f1.num, hi, currency: !f1Bare) { return nil }
        // 401k, 403b, 457b: retirement plans.
        if f1.num.thousands && f1.num.integerDigits == 3 && (f1.num.value == 401_000 || f1.num.value == 403_000 || f1.num.value == 457_000) { return nil }
        // 1099: the US contractor's tax form (“1099 contractor”, “W-2 or 1099”), unless a period makes it pay.
        if f1Bare && f1.num.value == 1099 && !f1.num.thousands && f1.num.integerDigits == 4 && periodAfter(f1.end, hi) == nil { return nil }
        let before1 = wordsBefore(f1.start, r, limit: 3)
        var fr = figureRange(f1, before1: before1, r)
        // Figures too far apart are not one range (`$60,000 to $69,00`, `£37,570 - £43.772`): keep the first alone.
        if let g = fr.second, Swift.min(fr.first.num.value, g.num.value) > 0,
           Swift.max(fr.first.num.value, g.num.value) / Swift.min(fr.first.num.value, g.num.value) > 20 {
            fr.second = nil
            fr.resume = fr.first.end
        }
        // Phone numbers: `555-123-4567` (a third group), `(555) 123`.
        if let g = fr.second, g.end < hi && (t[g.end] == .hyphen) && g.end + 1 < hi && Bytes.isDigit(t[g.end + 1]) { return nil }
        if f1Bare, let w0 = before1.first, Keywords.grades.contains(Word.hash(t, w0)), w0.upperBound + 3 >= fr.first.start { return nil }
        var resume = fr.resume
        var currency = fr.first.currency ?? fr.second?.currency
        if currency == nil {
            // `23,259 to 29,473 (GBP)`
            var k = skipSpaces(resume, hi)
            if k < hi && t[k] == .leftParen { k += 1 }
            let we = wordEnd(k, hi)
            if let code = isoCode(k..<we), we < hi, t[we] == .rightParen { currency = code; resume = we + 1 }
        }
        // Period.
        var period: PayPeriod?
        var periodRange: Range<Int>?
        if let (p, pr) = periodAfter(resume, hi) { period = p; periodRange = pr; resume = pr.upperBound }
        else if let (mp, mr) = fr.midPeriod, fr.second != nil { period = mp; periodRange = mr }
        if period == nil { period = periodBefore(fr.first.start, r) ?? region.periodHint ?? periodInSentence(fr.first.start, resume, r) }
        // Open-ended markers before and after.
        var open = fr.open
        if !open, fr.second == nil, openEndedMarkers(before1: before1, after: resume, r) { open = true }
        guard isPay(fr, currency: currency, period: period, periodRange: periodRange, before1: before1, resume: resume, region) else { return nil }
        return payStatement(fr, currency: currency, period: period, periodRange: periodRange, open: open, resume: resume)
    }

    /// A first figure and what a range separator joins to it (`$60k – $80k`, `£36 – 44,000`).
    struct FigureRange {
        var first: Figure
        /// Nil for a single figure.
        var second: Figure?
        /// The `k` of one end applies to the other (`$60 - 80K`, `$60k-80`).
        var firstImpliedK = false
        var secondImpliedK = false
        /// `$60k+`.
        var open = false
        /// A period between the figures (`$20 an hour to $25`).
        var midPeriod: (PayPeriod, Range<Int>)?
        /// Where scanning resumes: after the last figure read.
        var resume: Int
    }

    /// Reads the figures of a range from its first figure `f1` (`before1`: the words before it); a second figure of
    /// another currency, too large, or followed by a digit group (a phone number) is not read.
    func figureRange(_ f1: Figure, before1: [Range<Int>], _ r: Range<Int>) -> FigureRange {
        let hi = r.upperBound
        var fr = FigureRange(first: f1, resume: f1.end)
        // `$60k+`
        if fr.resume < hi && t[fr.resume] == .plus { fr.open = true; fr.resume += 1 }
        guard !fr.open else { return fr }
        let afterBetween = before1.first.map { Word.hash(t, $0) == Keywords.between } ?? false
        var sepFrom = f1.end
        if rangeSeparator(f1.end, hi, allowAnd: afterBetween) == nil, let (mp, mr) = periodAfter(f1.end, hi),
           let s2 = rangeSeparator(mr.upperBound, hi, allowAnd: afterBetween), s2 < hi, Bytes.isDigit(t[s2]) || currencyStart(s2, hi) {
            fr.midPeriod = (mp, mr)
            sepFrom = mr.upperBound
        }
        guard let s2 = rangeSeparator(sepFrom, hi, allowAnd: afterBetween), Bytes.isDigit(t[s2]) || currencyStart(s2, hi) else { return fr }
        var q = s2
        // skip a currency symbol to reach the digits
        if !Bytes.isDigit(t[q]) {
            while q < hi && !Bytes.isDigit(t[q]) && q < s2 + 6 { q += 1 }
        }
        guard q < hi && Bytes.isDigit(t[q]), var g = figure(at: q, r, currencyHint: f1.currency) else { return fr }
        var f1 = f1
        var compatible = g.currency == nil || f1.currency == nil || g.currency == f1.currency
        // A bare first figure borrows the second's currency only if it looks like it (`Age 18 - 20 - £6.49`).
        if f1.currency == nil && g.currency != nil && !g.num.thousands && !(f1.num.value < 1000 && g.num.value >= 10000)
            && (f1.num.value > g.num.value || f1.num.value * 10 < g.num.value) { compatible = false }
        if !compatible, let c1 = f1.currency, let c2 = g.currency, Scanner.dollars.contains(c1) && Scanner.dollars.contains(c2) && (f1.weak || g.weak) {
            compatible = true
            if f1.weak { f1.currency = c2; f1.weak = false } else { g.currency = c1 }
        }
        // The currency borrowed above stays with the first figure even when the second is not read.
        fr.first = f1
        guard compatible && !g.num.large && !badFollower(g.num, hi, currency: g.currency != nil || f1.currency != nil) && !(g.end < hi && t[g.end] == .hyphen && g.end + 1 < hi && Bytes.isDigit(t[g.end + 1]))
        else { return fr }
        // The k of one end applies to the other (`$60 - 80K`, `$60k-80`).
        if g.num.thousands && !f1.num.thousands && f1.num.value < 1000 && f1.num.value * 1000 <= g.num.value * 1.0001 + 1 {
            f1.num.value *= 1000
            fr.firstImpliedK = true
        } else if f1.num.thousands && !g.num.thousands && g.num.value < 1000 {
            g.num.value *= 1000
            fr.secondImpliedK = true
        } else if !g.num.thousands && !f1.num.thousands && f1.num.value < 1000 && f1.num.decimals == 0 && g.num.value >= 10000
                    && f1.num.value * 1000 <= g.num.value && f1.num.value * 4000 >= g.num.value {
            // `£36 – 44,000`
            f1.num.value *= 1000
            fr.firstImpliedK = true
        }
        // Re-read the first figure with the second's currency conventions.
        if f1.currency == nil, let c2 = g.currency { f1.currency = c2 }
        fr.first = f1
        fr.second = g
        fr.resume = g.end
        if fr.resume < hi && t[fr.resume] == .plus { fr.open = true; fr.resume += 1 }
        return fr
    }

    /// Open-ended markers of a single figure: before it (`from $20`, `up to`) or after it (`and above`, `or more`,
    /// `upwards`).
    func openEndedMarkers(before1: [Range<Int>], after resume: Int, _ r: Range<Int>) -> Bool {
        var open = false
        if let w0 = before1.first {
            let h0 = Word.hash(t, w0)
            if Keywords.openBefore1.contains(h0) { open = true }
            if before1.count > 1 {
                let h1 = Word.hash(t, before1[1])
                if Keywords.openBefore2.contains(where: { $0.0 == h1 && $0.1 == h0 }) { open = true }
            }
        }
        let after = wordsAfter(resume, r, limit: 2)
        if after.count == 2 {
            let a0 = Word.hash(t, after[0]), a1 = Word.hash(t, after[1])
            if (a0 == H.w_and && (a1 == H.w_up || a1 == H.w_above || a1 == H.w_upwards || a1 == H.w_higher))
                || (a0 == H.w_or && (a1 == H.w_more || a1 == H.w_higher || a1 == H.w_above))
            { open = true }
        } else if after.count == 1 {
            let a0 = Word.hash(t, after[0])
            if a0 == H.w_upwards || a0 == H.w_onwards || a0 == H.w_plus && false { open = true }
        }
        return open
    }

    /// Whether the figures read are pay: no negative word around them; a single figure near a strong non-pay word
    /// only under a pay word; with a currency, a period, a range, a pay keyword, a pay context or five digits; a bare
    /// figure much more (a pay field or context, no unit after it, not a grade, a year or a phone number).
    func isPay(_ fr: FigureRange, currency: String?, period: PayPeriod?, periodRange: Range<Int>?, before1: [Range<Int>], resume: Int,
               _ region: Region) -> Bool {
        let r = region.range
        let hi = r.upperBound
        let f1 = fr.first, f2 = fr.second
        let keyword = keywordBefore(f1.start, r)
        let afterWords = wordsAfter(Swift.max(resume, f2?.end ?? f1.end), r, limit: 4)
        var negativeAfter = false
        for w in afterWords {
            let h = Word.hash(t, w)
            if Keywords.afterStops.contains(h) { break }
            if Keywords.negative.contains(h) { negativeAfter = true; break }
        }
        if keyword == .negative || negativeAfter { return false }
        if f2 == nil {
            // A single figure near a strong non-pay word is not pay unless a pay word labels it directly.
            var labelled = false
            let ws = wordsBefore(f1.start, r, limit: 8)
            for (j, w) in ws.prefix(5).enumerated() {
                let h = Word.hash(t, w)
                if Keywords.payNouns.contains(h) || h == H.w_salary || h == H.w_paid {
                    // `10% of salary, up to £2,500` is not a label.
                    let percentOf = j + 2 < ws.count && Bytes.equalsLower(t, ws[j + 1], "of") && ws[j + 2].upperBound < hi && t[ws[j + 2].upperBound] == .percent
                    labelled = !percentOf
                    break
                }
                if !Keywords.labelFillers.contains(h) { break }
            }
            if !labelled {
                for w in wordsBefore(f1.start, r, limit: 14) where Keywords.strongNegative.contains(Word.hash(t, w)) { return false }
            }
        }
        let maxValue = Swift.max(f1.num.value, f2?.num.value ?? f1.num.value)
        if maxValue <= 0 { return false }
        if currency != nil {
            let ok = period != nil || f2 != nil || keyword == .pay || region.context || maxValue >= 10000
            guard ok else { return false }
            if f1.num.leadingZero && f1.num.decimals == 0 { return false }
        } else {
            guard region.field || region.context || strongPayBefore(f1.start, r) else { return false }
            let near = wordsBefore(f1.start, r, limit: 3)
            if let w0 = near.first, w0.upperBound + 2 >= f1.start, t[w0.lowerBound..<w0.upperBound].allSatisfy(Bytes.isDigit) { return false }  // `01604 616624`
            if near.contains(where: { Keywords.bareNegative.contains(Word.hash(t, $0)) }) { return false }
            if f1.num.leadingZero || (f2?.num.leadingZero ?? false) { return false }
            if (f1.num.yearLike || (f2?.num.yearLike ?? false)) && periodRange == nil { return false }
            // A grade or an identifier: `Band 5`, `Grade 6-7`, `Step 3`.
            if let w0 = before1.first, Keywords.grades.contains(Word.hash(t, w0)), w0.upperBound + 3 >= f1.start { return false }
            // What follows a bare figure must not be a unit (`20 hours`, `5,000 employees`).
            if periodRange == nil, let w = wordsAfter(f2?.end ?? f1.end, r, limit: 1).first, w.lowerBound <= (f2?.end ?? f1.end) + 2 {
                if !Keywords.bareFollowers.contains(Word.hash(t, w)) { return false }
            }
            let sized = f1.num.thousands || (f2?.num.thousands ?? false)
            let adjacentPay = before1.first.map { Keywords.payNouns.contains(Word.hash(t, $0)) || Word.hash(t, $0) == H.w_salary } ?? false
            let ok = period != nil || sized || (f2 != nil && maxValue >= 1000)
                || (maxValue >= 1000 && (region.field || ((f1.num.groupSeparator != nil || adjacentPay) && keyword == .pay)))
            guard ok else { return false }
        }
        return true
    }

    /// The statement of figures found to be pay, and where scanning resumes.
    func payStatement(_ fr: FigureRange, currency: String?, period: PayPeriod?, periodRange: Range<Int>?, open: Bool,
                      resume: Int) -> (PayStatement, Int) {
        let f1 = fr.first, f2 = fr.second
        let lowValue = f1.num.value
        let highValue = f2?.num.value ?? lowValue
        let maxValue = Swift.max(lowValue, highValue)
        var amounts: [PayAmount] = []
        func amount(_ f: Figure, implied: Bool) -> PayAmount {
            PayAmount(value: f.num.value, range: f.num.range, figureRange: f.start..<f.end, integerDigits: f.num.integerDigits,
                      groupSeparator: f.num.groupSeparator, groupingValid: f.num.groupingValid || (currency == "INR" && f.num.indianGrouping),
                      decimals: f.num.decimals, decimalSeparator: f.num.decimalSeparator, zeroDecimals: f.num.zeroDecimals, thousands: f.num.thousands, impliedThousands: implied)
        }
        amounts.append(amount(f1, implied: fr.firstImpliedK))
        if let g = f2 { amounts.append(amount(g, implied: fr.secondImpliedK)) }
        let startPos = f1.start
        let endPos = Swift.max(periodRange?.upperBound ?? 0, f2?.end ?? f1.end)
        // `sourceRange` is replaced by the caller (`PayParser`), which knows where the prose came from.
        let s = PayStatement(min: Swift.min(lowValue, highValue), max: maxValue, currency: currency, period: period,
                             isRange: f2 != nil && lowValue != highValue, openEnded: open && f2 == nil,
                             proseRange: startPos..<endPos, sourceRange: SourceRange(startPos, endPos),
                             amountRanges: amounts.map(\.range), amounts: amounts, inverted: lowValue > highValue,
                             origin: .prose, periodRange: periodRange)
        return (s, Swift.max(resume, endPos))
    }

    /// `true` when a currency symbol or code starts at `k` (for the second figure of a range).
    func currencyStart(_ k: Int, _ end: Int) -> Bool {
        let c = t[k]
        if c == .dollar { return true }
        if c == 0xC2 && k + 1 < end && (t[k + 1] == 0xA3 || t[k + 1] == 0xA5) { return true }
        if c == 0xE2 && k + 2 < end && t[k + 1] == 0x82 { return true }
        if Bytes.isUpper(c) && k + 3 <= end && isoCode(k..<(k + 3)) != nil { return true }
        if Bytes.isUpper(c) {  // US$, CA$, AU$
            var e = k
            while e < end && e < k + 3 && Bytes.isUpper(t[e]) { e += 1 }
            if e < end && t[e] == .dollar { return true }
        }
        return false
    }
}
