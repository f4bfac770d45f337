// Tokens: the byte scanner of pay, its byte and space helpers and currency symbols and codes. Amounts, periods and
// statements are in PayScanner+*.swift.

/// The byte scanner. `t` is the whole buffer; each region is scanned on its own.
struct Scanner {
    let t: [UInt8]
    var n: Int { t.count }

    /// A number as read.
    struct Num {
        var value: Double
        var range: Range<Int>
        var integerDigits: Int
        var groupSeparator: UInt8?
        var groupingValid: Bool
        var indianGrouping: Bool
        var decimals: Int
        var decimalSeparator: UInt8?
        var zeroDecimals: Bool
        var thousands: Bool
        var large: Bool
        var yearLike: Bool
        var leadingZero: Bool
    }

    /// A figure: a number with its currency.
    struct Figure {
        var num: Num
        var currency: String?
        var start: Int
        var end: Int
        /// The currency is a guess from a bare `$`.
        var weak = false
    }

    static func containsPayWord(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        var found = false
        Tokenizer.words(t, r) { w in
            let h = Word.hash(t, w)
            if h == H.w_salary || h == H.w_pay || h == H.w_compensation || h == H.w_remuneration
                || h == H.w_wage || h == H.w_wages || h == H.w_salaries || h == H.w_stipend
            { found = true }
        }
        return found
    }

    // MARK: small byte helpers

    @inline(__always) func isAlnum(_ i: Int) -> Bool { i >= 0 && i < n && (Bytes.isASCIILetter(t[i]) || Bytes.isDigit(t[i])) }

    /// Length of a space-like sequence at `i` (space, tab, NBSP, thin, narrow NBSP, zero-width space), 0 if none.
    func spaceLen(_ i: Int, _ end: Int) -> Int {
        guard i < end else { return 0 }
        let c = t[i]
        if c == .space || c == .tab { return 1 }
        if c == 0xC2 && i + 1 < end && t[i + 1] == 0xA0 { return 2 }
        if c == 0xE2 && i + 2 < end && t[i + 1] == 0x80 {
            let d = t[i + 2]
            if d == 0xAF || d == 0x89 || d == 0x8B || d == 0x8A || d == 0x88 || d == 0x87 || d == 0x82 || d == 0x83 { return 3 }
        }
        return 0
    }

    /// Length of a space-like sequence ending at `i` (exclusive), 0 if none.
    func spaceLenBefore(_ i: Int, _ start: Int) -> Int {
        guard i > start else { return 0 }
        let c = t[i - 1]
        if c == .space || c == .tab { return 1 }
        if i - 2 >= start && t[i - 2] == 0xC2 && c == 0xA0 { return 2 }
        if i - 3 >= start && t[i - 3] == 0xE2 && t[i - 2] == 0x80
            && (c == 0xAF || c == 0x89 || c == 0x8B || c == 0x8A || c == 0x88 || c == 0x87 || c == 0x82 || c == 0x83) { return 3 }
        return 0
    }

    func skipSpaces(_ i: Int, _ end: Int) -> Int {
        var k = i
        while true {
            if k < end && (t[k] == .lineFeed || t[k] == .carriageReturn) { k += 1; continue }
            let l = spaceLen(k, end); if l == 0 { return k }; k += l
        }
    }

    func skipSpacesBack(_ i: Int, _ start: Int) -> Int {
        var k = i
        while true { let l = spaceLenBefore(k, start); if l == 0 { return k }; k -= l }
    }

    /// End of the ASCII word starting at `i`.
    func wordEnd(_ i: Int, _ end: Int) -> Int {
        var k = i
        while k < end && Bytes.isASCIILetter(t[k]) { k += 1 }
        return k
    }

    static let isoCodes: Set<String> = [
        "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "INR", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "SGD", "HKD",
        "CNY", "RMB", "BRL", "MXN", "ZAR", "ILS", "AED", "SAR", "KRW", "TRY", "RON", "BGN", "PHP", "IDR", "MYR", "THB",
        "NGN", "KES", "ARS", "CLP", "COP", "PEN", "UAH", "ISK", "TWD",
    ]

    func isoCode(_ r: Range<Int>) -> String? {
        guard r.count == 3, r.allSatisfy({ Bytes.isUpper(t[$0]) }) else { return nil }
        let s = String(decoding: t[r], as: UTF8.self)
        return Scanner.isoCodes.contains(s) ? (s == "RMB" ? "CNY" : s) : nil
    }

    /// A currency symbol or code ending at `end` (exclusive): returns the code and where it starts.
    func currencyEnding(at end: Int, _ start: Int) -> (String, Int)? {
        guard end > start else { return nil }
        let c = t[end - 1]
        if c == .dollar {  // $
            var k = end - 1
            while k > start && k > end - 4 && Bytes.isUpper(t[k - 1]) { k -= 1 }
            if k > start && Bytes.isASCIILetter(t[k - 1]) { return nil }
            let prefix = String(decoding: t[k..<(end - 1)], as: UTF8.self)
            switch prefix {
            case "", "US": return ("USD", k)
            case "C", "CA", "CAN": return ("CAD", k)
            case "A", "AU": return ("AUD", k)
            case "NZ": return ("NZD", k)
            case "HK": return ("HKD", k)
            case "S", "SG": return ("SGD", k)
            case "R": return ("BRL", k)
            case "MX": return ("MXN", k)
            default: return ("USD", end - 1)
            }
        }
        if end - 2 >= start && t[end - 2] == 0xC2 {
            if c == 0xA3 { return ("GBP", end - 2) }
            if c == 0xA5 { return ("JPY", end - 2) }
        }
        if end - 3 >= start && t[end - 3] == 0xE2 && t[end - 2] == 0x82 {
            if c == 0xAC { return ("EUR", end - 3) }
            if c == 0xB9 { return ("INR", end - 3) }
            if c == 0xA9 { return ("KRW", end - 3) }
        }
        if end - 3 >= start, let code = isoCode((end - 3)..<end), !isAlnum(end - 4) { return (code, end - 3) }
        // `Euro 3,755`, `EURO 41,243`
        if end - 4 >= start {
            var k = end
            while k > start && Bytes.isASCIILetter(t[k - 1]) { k -= 1 }
            if (Bytes.equalsLower(t, k..<end, "euro") || Bytes.equalsLower(t, k..<end, "euros")) && !isAlnum(k - 1) { return ("EUR", k) }
        }
        // Rs / Rs.
        var e = end
        if t[e - 1] == .period { e -= 1 }
        if e - 2 >= start && t[e - 2] == UInt8(ascii: "R") && t[e - 1] == UInt8(ascii: "s") && !isAlnum(e - 3) { return ("INR", e - 2) }
        return nil
    }

    /// A currency symbol, code or word right after a number (after optional space): returns code and end.
    func currencyAfter(_ i: Int, _ end: Int) -> (String, Int)? {
        let k = skipSpaces(i, end)
        guard k < end else { return nil }
        let c = t[k]
        // A symbol followed by digits belongs to the next figure (`21 to 24 £8.20`).
        func free(_ e: Int) -> Bool { let d = skipSpaces(e, end); return d >= end || !Bytes.isDigit(t[d]) }
        if c == 0xE2 && k + 2 < end && t[k + 1] == 0x82 && t[k + 2] == 0xAC { return free(k + 3) ? ("EUR", k + 3) : nil }
        if c == 0xC2 && k + 1 < end && t[k + 1] == 0xA3 { return free(k + 2) ? ("GBP", k + 2) : nil }
        if c == .dollar && k == i { return free(k + 1) ? ("USD", k + 1) : nil }
        if c == .dollar && k + 2 < end && t[k + 1] == UInt8(ascii: "U") && t[k + 2] == UInt8(ascii: "S") && !isAlnum(k + 3) { return ("USD", k + 3) }  // `$US`
        if Bytes.isASCIILetter(c) {
            let we = wordEnd(k, end)
            if we < end && Bytes.isDigit(t[we]) { return nil }
            if let code = isoCode(k..<we) { return free(we) ? (code, we) : nil }
            if Bytes.equalsLower(t, k..<we, "euros") || Bytes.equalsLower(t, k..<we, "euro") { return ("EUR", we) }
            if Bytes.equalsLower(t, k..<we, "dollars") || Bytes.equalsLower(t, k..<we, "dollar") { return ("USD", we) }
            if (Bytes.equalsLower(t, k..<we, "kr") || Bytes.equalsLower(t, k..<we, "sek")) && k > i { return ("SEK", we) }
        }
        return nil
    }
}
