// Amounts: numbers as written (grouping, decimals, `k`), and figures (a number with its currency) and ranges.

extension Scanner {
    // MARK: numbers

    /// Reads the number starting at `p` (a digit at a word boundary), up to `end`.
    func number(at p: Int, _ end: Int, dotIsDecimal: Bool) -> Num? {
        let read = digitGroups(at: p, end)
        var groups = read.groups, seps = read.seps
        let strayGap = read.strayGap
        var k = groups[groups.count - 1].upperBound
        let decimalIndex = decimalSeparatorIndex(groups, seps, dotIsDecimal: dotIsDecimal)
        if decimalIndex < 0, let last = seps.last, groups[groups.count - 1].count > 3 {
            // `1,2345` / `1.2345` as a whole: cut before the odd group.
            _ = last
            groups.removeLast()
            seps.removeLast()
            k = groups[groups.count - 1].upperBound
        }
        let intGroups = decimalIndex >= 0 ? Array(groups[0...decimalIndex]) : groups
        var value = 0.0
        var digits = 0
        for g in intGroups { for i in g { value = value * 10 + Double(t[i] - UInt8(ascii: "0")); digits += 1 } }
        var decimals = 0
        var zero = true
        if decimalIndex >= 0 {
            var frac = 0.0
            var scale = 1.0
            for i in groups[decimalIndex + 1] { frac = frac * 10 + Double(t[i] - UInt8(ascii: "0")); scale *= 10; decimals += 1; if t[i] != UInt8(ascii: "0") { zero = false } }
            value += frac / scale
        }
        let groupSeps = decimalIndex >= 0 ? Array(seps[0..<decimalIndex]) : seps
        var valid = true
        var indian = false
        if !groupSeps.isEmpty {
            let ig = intGroups
            valid = ig[0].count >= 1 && ig[0].count <= 3 && ig.dropFirst().allSatisfy { $0.count == 3 } && Set(groupSeps).count == 1
            if !valid && ig.count >= 3 && ig.last!.count == 3 && ig.dropFirst().dropLast().allSatisfy({ $0.count == 2 }) && ig[0].count <= 2 {
                indian = true
            }
        }
        // `€ 2.000,-`: a dash for zero cents.
        if k + 1 < end && (t[k] == .comma || t[k] == .period) && t[k + 1] == .hyphen && !(k + 2 < end && (Bytes.isDigit(t[k + 2]) || t[k + 2] == .hyphen)) { k += 2 }
        if strayGap { valid = false }
        var num = Num(value: value, range: p..<k, integerDigits: digits, groupSeparator: groupSeps.first, groupingValid: valid,
                      indianGrouping: indian, decimals: decimals, decimalSeparator: decimalIndex >= 0 ? seps[decimalIndex] : nil, zeroDecimals: decimals > 0 && zero, thousands: false, large: false,
                      yearLike: false, leadingZero: t[p] == UInt8(ascii: "0") && digits > 1)
        suffix(&num, &k, from: p, end)
        num.yearLike = digits == 4 && seps.isEmpty && !num.thousands && value >= 1900 && value <= 2100
        return num
    }

    /// The digit groups of the number at `p` and the first byte of each separator between them: a comma, a period, an
    /// apostrophe (’ too) or a space, the last two only in the strict form (1–3 digits, then groups of three);
    /// `strayGap`: `$53, 080`, a stray space after a thousands comma, read as one group.
    func digitGroups(at p: Int, _ end: Int) -> (groups: [Range<Int>], seps: [UInt8], strayGap: Bool) {
        var groups: [Range<Int>] = []
        var seps: [UInt8] = []  // first byte of each separator
        var strayGap = false
        var k = p
        while k < end && Bytes.isDigit(t[k]) { k += 1 }
        groups.append(p..<k)
        while k < end {
            let c = t[k]
            var sepLen = 0
            var sepByte: UInt8 = c
            if c == .comma || c == .period || c == .apostrophe { sepLen = 1 }
            else if c == 0xE2 && k + 2 < end && t[k + 1] == 0x80 && t[k + 2] == 0x99 { sepLen = 3; sepByte = .apostrophe }
            else { let s = spaceLen(k, end); if s > 0 && t[k] != .tab && t[k] != .lineFeed && t[k] != .carriageReturn { sepLen = s; sepByte = .space } }
            // `$53, 080`: a stray space after a thousands comma.
            if c == .comma && k + 5 <= end && t[k + 1] == .space && groups[0].count <= 3 && seps.isEmpty
                && Bytes.isDigit(t[k + 2]) && Bytes.isDigit(t[k + 3]) && Bytes.isDigit(t[k + 4]) && (k + 5 == end || !Bytes.isDigit(t[k + 5]))
                && groups[0].count >= 1
            {
                groups.append((k + 2)..<(k + 5))
                seps.append(.comma)
                strayGap = true
                k += 5
                continue
            }
            guard sepLen > 0, k + sepLen < end, Bytes.isDigit(t[k + sepLen]) else { break }
            var e = k + sepLen
            while e < end && Bytes.isDigit(t[e]) { e += 1 }
            let len = e - (k + sepLen)
            if sepByte == .space || sepByte == .apostrophe {
                // Space and apostrophe grouping only in the strict form: 1–3 digits, then groups of three.
                guard len == 3, groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }),
                      seps.allSatisfy({ $0 == sepByte }) else { break }
            }
            if sepByte == .comma && len > 3 && seps.isEmpty { break }  // "64,3345": a list, not a number
            groups.append((k + sepLen)..<e)
            seps.append(sepByte)
            k = e
        }
        return (groups, seps, strayGap)
    }

    /// Which separator (an index into `seps`), if any, is the decimal point (-1: none).
    func decimalSeparatorIndex(_ groups: [Range<Int>], _ seps: [UInt8], dotIsDecimal: Bool) -> Int {
        var decimalIndex = -1  // index into seps
        if let last = seps.last, last == .comma || last == .period {
            let L = groups[groups.count - 1].count
            let distinct = Set(seps)
            if distinct.count > 1 {
                if seps.dropLast().allSatisfy({ $0 != last }) && L <= 3 && (L != 3 || last == .period || last == .comma) { decimalIndex = seps.count - 1 }
            } else if seps.count == 1 {
                if L <= 2 { decimalIndex = 0 }
                else if L == 3 && last == .period && (dotIsDecimal || groups[0].count > 3) { decimalIndex = 0 }
                else if L > 3 && last == .period { decimalIndex = 0 }
            }
        }
        return decimalIndex
    }

    /// The suffixes after a number: `k` (thousands), `m`, `bn`, `million` (too large to be pay), `thousand`.
    func suffix(_ num: inout Num, _ k: inout Int, from p: Int, _ end: Int) {
        if k < end && (t[k] == UInt8(ascii: "k") || t[k] == UInt8(ascii: "K")) && !isAlnum(k + 1) {
            num.thousands = true
            num.value *= 1000
            k += 1
            num.range = p..<k
        } else if k < end && (t[k] == UInt8(ascii: "m") || t[k] == UInt8(ascii: "M")) && (!isAlnum(k + 1) || (k + 1 < end && (t[k + 1] == UInt8(ascii: "n") || t[k + 1] == UInt8(ascii: "m")) && !isAlnum(k + 2))) {
            num.large = true
        } else if k + 1 < end && (t[k] == UInt8(ascii: "b") || t[k] == UInt8(ascii: "B")) && (t[k + 1] == UInt8(ascii: "n") || t[k + 1] == UInt8(ascii: "N")) && !isAlnum(k + 2) {
            num.large = true
        } else {
            let w = skipSpaces(k, end)
            if w > k && w < end && Bytes.isASCIILetter(t[w]) {
                let we = wordEnd(w, end)
                if Bytes.equalsLower(t, w..<we, "million") || Bytes.equalsLower(t, w..<we, "billion") || Bytes.equalsLower(t, w..<we, "bn")
                    || Bytes.equalsLower(t, w..<we, "mn") || Bytes.equalsLower(t, w..<we, "trillion") || Bytes.equalsLower(t, w..<we, "m")
                    || Bytes.equalsLower(t, w..<we, "mil") || Bytes.equalsLower(t, w..<we, "millions") || Bytes.equalsLower(t, w..<we, "billions")
                { num.large = true }
                if Bytes.equalsLower(t, w..<we, "thousand") { num.value *= 1000; num.thousands = true }
            }
        }
    }

    /// `true` when the bytes right after a number make it something else: `60kg`, `3rd`, `10%`, `401(k)`. A period
    /// written against a figure with its currency is pay (`£40,000pa`, `£33,792.19per annum`, `£12.50ph`).
    func badFollower(_ num: Num, _ end: Int, currency: Bool = false) -> Bool {
        let k = num.range.upperBound
        if k < end && Bytes.isDigit(t[k]) { return true }
        if k < end && Bytes.isASCIILetter(t[k]) {
            guard currency, let (_, r) = periodAfter(k, end), r.lowerBound == k else { return true }
        }
        let s = skipSpaces(k, end)
        if s < end && t[s] == .percent { return true }  // %
        if s < end && Bytes.isASCIILetter(t[s]) {
            let we = wordEnd(s, end)
            if Bytes.equalsLower(t, s..<we, "percent") || Bytes.equalsLower(t, s..<we, "pct") { return true }
        }
        if k < end && t[k] == .leftParen && k + 2 < end && (t[k + 1] | 0x20 == UInt8(ascii: "k") || t[k + 1] | 0x20 == UInt8(ascii: "b")) && t[k + 2] == .rightParen { return true }  // 401(k)
        if k + 1 < end && t[k] == .slash && Bytes.isDigit(t[k + 1]) { return true }  // 24/7, dates
        if k + 1 < end && (t[k] == .colon) && Bytes.isDigit(t[k + 1]) { return true }  // 9:30
        return false
    }

    // MARK: figures

    /// A figure whose number starts at `p` (currency before it looked up, currency after it read).
    func figure(at p: Int, _ region: Range<Int>, currencyHint: String?) -> Figure? {
        let cur = currencyEnding(at: skipSpacesBack(p, region.lowerBound), region.lowerBound)
        // A currency symbol must be close (one space at most).
        var currency: String?
        var start = p
        if let (code, s) = cur, p - s <= 7 { currency = code; start = s }
        let hint = currency ?? currencyHint
        let dotIsDecimal = hint == "USD" || hint == "GBP" || hint == "CAD" || hint == "AUD" || hint == "INR" || hint == "NZD"
            || hint == "SGD" || hint == "HKD" || hint == "JPY"
        guard var num = number(at: p, region.upperBound, dotIsDecimal: dotIsDecimal) else { return nil }
        var end = num.range.upperBound
        let weak = currency == "USD" && start < p && t[start] == .dollar
        if weak, !num.large, let (code, e) = currencyAfter(end, region.upperBound), Scanner.dollars.contains(code) {
            // `$110k AUD`: the code says which dollar.
            return Figure(num: num, currency: code, start: start, end: e)
        }
        if currency == nil, !num.large, let (code, e) = currencyAfter(end, region.upperBound) {
            currency = code
            end = e
            // Re-read with the currency's decimal convention when it matters.
            if (code == "USD" || code == "GBP") && !dotIsDecimal, let again = number(at: p, region.upperBound, dotIsDecimal: true) {
                if again.range == num.range || again.range.upperBound == num.range.upperBound { num = again }
            }
        }
        if currency == nil, !num.large, num.value >= 1000 {
            // `25,800 pounds` (never `50 pounds`, a weight)
            let w = skipSpaces(end, region.upperBound)
            let we = wordEnd(w, region.upperBound)
            if w > end && (Bytes.equalsLower(t, w..<we, "pounds") || Bytes.equalsLower(t, w..<we, "sterling")) { currency = "GBP"; end = we }
        }
        return Figure(num: num, currency: currency, start: start, end: end, weak: weak)
    }

    static let dollars: Set<String> = ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"]

    /// The range separator after a first figure: returns where the second figure may start.
    func rangeSeparator(_ i: Int, _ end: Int, allowAnd: Bool) -> Int? {
        var k = skipSpaces(i, end)
        guard k < end else { return nil }
        let c = t[k]
        if c == .hyphen || c == .tilde { k += 1; if k < end && t[k] == .hyphen { k += 1 } }  // - -- ~
        else if c == 0xE2 && k + 2 < end && t[k + 1] == 0x80 && t[k + 2] >= 0x90 && t[k + 2] <= 0x95 { k += 3 }  // ‐ ‑ ‒ – — ―
        else if c == 0xE2 && k + 2 < end && t[k + 1] == 0x88 && t[k + 2] == 0x92 { k += 3 }  // minus sign
        else if Bytes.isASCIILetter(c) {
            let we = wordEnd(k, end)
            if Bytes.equalsLower(t, k..<we, "to") || Bytes.equalsLower(t, k..<we, "through") || Bytes.equalsLower(t, k..<we, "thru")
                || (allowAnd && Bytes.equalsLower(t, k..<we, "and")) { k = we } else { return nil }
            // `to up to`: no
        } else { return nil }
        k = skipSpaces(k, end)
        // `$106,595 to GS-15 Step 10 $138,572`: a grade label before the second figure.
        if k < end && Bytes.isASCIILetter(t[k]) {
            let we = wordEnd(k, end)
            if Keywords.grades.contains(Word.hash(t, k..<we)) && we - k >= 2 {
                var q = we
                while q < end && q < k + 30 && !currencyStart(q, end) {
                    let c = t[q]
                    guard Bytes.isASCIILetter(c) || Bytes.isDigit(c) || c == .space || c == .hyphen || c == .comma || c == .colon else { return nil }
                    q += 1
                }
                return q < end && currencyStart(q, end) ? q : nil
            }
        }
        // `- $80,000`, `to € 65.000`, `– 80k`
        return k < end ? k : nil
    }
}
