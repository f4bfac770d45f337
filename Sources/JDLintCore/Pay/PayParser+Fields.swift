// Pay in structured fields: front-matter `salary:` and friends, JSON-LD `baseSalary`.

extension PayParser {
    // MARK: structured fields

    static let structuredKeys: Set<String> = [
        "salary", "salaryrange", "pay", "payrange", "payrate", "compensation", "wage", "wages", "remuneration", "basesalary",
        "estimatedsalary", "hourlyrate", "annualsalary", "salaryband", "stipend", "baserate",
    ]
    static let minKeys: Set<String> = ["salarymin", "minsalary", "salaryfrom", "paymin", "minpay", "salarylow", "compensationmin",
                                       "minpayrange", "payrangemin", "salaryrangemin", "minsalaryrange", "minimumsalary", "salaryminimum"]
    static let maxKeys: Set<String> = ["salarymax", "maxsalary", "salaryto", "paymax", "maxpay", "salaryhigh", "compensationmax",
                                       "maxpayrange", "payrangemax", "salaryrangemax", "maxsalaryrange", "maximumsalary", "salarymaximum"]
    static let currencyKeys: Set<String> = ["salarycurrency", "currency", "paycurrency"]
    static let periodKeys: Set<String> = ["salaryperiod", "salaryunit", "payperiod", "salaryinterval", "unittext"]

    /// Pay read from front-matter keys and JSON-LD properties (not from `Key: value` lines, which are prose).
    static func fieldStatements(_ prose: Prose) -> [PayStatement] {
        var out: [PayStatement] = []
        var minField: (Int, Double)?
        var maxField: (Int, Double)?
        var currency: String?
        var period: PayPeriod?
        func symbol(_ s: String) -> String? {
            if s.contains("$") { return "USD" }
            if s.contains("£") { return "GBP" }
            if s.contains("€") { return "EUR" }
            return nil
        }
        for (idx, f) in prose.fields.enumerated() where f.origin != .line {
            if minKeys.contains(f.key), let v = number(f.json) ?? number(.string(f.value)) { minField = (idx, v); currency = currency ?? symbol(f.value); continue }
            if maxKeys.contains(f.key), let v = number(f.json) ?? number(.string(f.value)) { maxField = (idx, v); currency = currency ?? symbol(f.value); continue }
            if currencyKeys.contains(f.key) { currency = currencyCode(f.value); continue }
            if periodKeys.contains(f.key) { period = periodWord(f.value); continue }
            guard structuredKeys.contains(f.key) else { continue }
            if let s = structured(f.json ?? .string(f.value), field: f, index: idx) { out.append(s) }
        }
        if minField != nil || maxField != nil {
            let lo = minField?.1 ?? maxField!.1
            let hi = maxField?.1 ?? lo
            let idx = minField?.0 ?? maxField!.0
            var r = prose.fields[idx].valueRange
            if let m = maxField, let n = minField {
                let a = prose.fields[n.0].valueRange, b = prose.fields[m.0].valueRange
                r = SourceRange(Swift.min(a.lowerBound, b.lowerBound), Swift.max(a.upperBound, b.upperBound))
            }
            out.append(PayStatement(min: Swift.min(lo, hi), max: Swift.max(lo, hi), currency: currency, period: period,
                                    isRange: minField != nil && maxField != nil && lo != hi, openEnded: minField == nil || maxField == nil,
                                    proseRange: 0..<0, sourceRange: r, amountRanges: [], inverted: lo > hi, origin: .field(idx)))
        }
        // A currency or period given in a separate key applies to the statements of the fields.
        if currency != nil || period != nil {
            for k in out.indices {
                if out[k].currency == nil { out[k].currency = currency }
                if out[k].period == nil { out[k].period = period }
            }
        }
        return out
    }

    /// One statement from a structured value: a JSON-LD `MonetaryAmount`, a `{min, max}` mapping, a number or text.
    static func structured(_ v: JSONValue, field f: Field, index: Int) -> PayStatement? {
        func make(_ lo: Double, _ hi: Double, _ cur: String?, _ per: PayPeriod?, range: Bool, open: Bool = false) -> PayStatement {
            PayStatement(min: Swift.min(lo, hi), max: Swift.max(lo, hi), currency: cur, period: per, isRange: range, openEnded: open,
                         proseRange: 0..<0, sourceRange: f.valueRange, amountRanges: [], inverted: lo > hi, origin: .field(index))
        }
        switch v {
        case .int, .double:
            guard let n = number(v), n > 0 else { return nil }
            return make(n, n, nil, nil, range: false)
        case .string(let s):
            guard var st = parse(text: s, context: true).first else { return nil }
            st.proseRange = 0..<0
            st.amountRanges = []
            st.amounts = []
            st.periodRange = nil
            st.origin = .field(index)
            // Exact position when the value is written verbatim in the source.
            st.sourceRange = f.valueRange
            return st
        case .array(let a):
            for e in a { if let s = structured(e, field: f, index: index) { return s } }
            return nil
        case .object(let o):
            var cur = (o["currency"] ?? o["salaryCurrency"] ?? o["curr"]).flatMap { $0.stringValue }.flatMap(currencyCode)
            var per = (o["unitText"] ?? o["unit"] ?? o["period"] ?? o["per"] ?? o["interval"]).flatMap { $0.stringValue }.flatMap(periodWord)
            var lo = number(o["minValue"] ?? o["min"] ?? o["minimum"] ?? o["from"] ?? o["low"])
            var hi = number(o["maxValue"] ?? o["max"] ?? o["maximum"] ?? o["to"] ?? o["high"])
            var text: PayStatement?
            if let inner = o["value"] {
                if case .object(let q) = inner {
                    lo = lo ?? number(q["minValue"] ?? q["min"])
                    hi = hi ?? number(q["maxValue"] ?? q["max"])
                    per = per ?? (q["unitText"] ?? q["unit"]).flatMap { $0.stringValue }.flatMap(periodWord)
                    cur = cur ?? q["currency"]?.stringValue.flatMap(currencyCode)
                    if let val = q["value"] {
                        if let n = number(val), lo == nil && hi == nil { lo = n; hi = n }
                        else if case .string(let s) = val { text = parse(text: s, context: true).first }
                    }
                } else if let n = number(inner) {
                    if lo == nil && hi == nil { lo = n; hi = n }
                } else if case .string(let s) = inner {
                    text = parse(text: s, context: true).first
                }
            }
            if lo == nil && hi == nil, let t = text {
                lo = t.min
                hi = t.max
                cur = cur ?? t.currency
                per = per ?? t.period
            }
            cur = cur ?? text?.currency
            per = per ?? text?.period
            guard let l = lo ?? hi, let h = hi ?? lo, h > 0 else { return nil }
            return make(l, h, cur, per, range: lo != nil && hi != nil && l != h, open: (lo == nil) != (hi == nil))
        default:
            return nil
        }
    }

    /// A number from a JSON value: `37890`, `"37890"`, `"£37,890"`.
    static func number(_ v: JSONValue?) -> Double? {
        guard let v else { return nil }
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s):
            // Only a plain number (`37890`, `"£37,890"`, `$ 143,736.00`): text such as `Band 5 equivalent` is not one.
            var digits = ""
            var seenDot = false
            for ch in s.unicodeScalars {
                if ("0"..."9").contains(ch) { digits.unicodeScalars.append(ch) }
                else if ch == "." && !seenDot { seenDot = true; digits.append(".") }
                else if ch == "," || ch == " " || ch == "$" || ch == "£" || ch == "€" || ch == "\u{A0}" { continue }
                else { return nil }
            }
            guard let d = Double(digits), d > 0 else { return nil }
            return d
        default: return nil
        }
    }

    static func currencyCode(_ s: String) -> String? {
        let u = s.uppercased().trimmingCharacters(in: " ")
        if u.isEmpty { return nil }
        if u == "$" { return "USD" }
        if u == "£" { return "GBP" }
        if u == "€" { return "EUR" }
        if u.utf8.count == 3 && u.utf8.allSatisfy(Bytes.isUpper) { return u }
        return nil
    }

    static func periodWord(_ s: String) -> PayPeriod? {
        switch s.lowercased().trimmingCharacters(in: " ") {
        case "hour", "hourly", "hr", "h", "per hour": return .hour
        case "day", "daily", "per day": return .day
        case "week", "weekly", "wk", "per week": return .week
        case "month", "monthly", "mo", "per month": return .month
        case "year", "yearly", "annual", "annually", "annum", "yr", "per year", "per annum": return .year
        default: return nil
        }
    }
}
