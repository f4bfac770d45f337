/// Finds pay statements in a document: amounts and ranges in the prose (`$60k–$80k`, `£28,407 - £34,581 a year`,
/// `60.000 €`, `$22/hr`) and in structured fields (front-matter `salary:`, JSON-LD `baseSalary`).
///
/// The scan is byte-level and linear: every digit that starts a number at a word boundary is looked at once,
/// with bounded look-around (currency before/after, a range separator and a second figure, period words, and a
/// few words of context before and after). A figure is pay when it has a currency and is not money of another
/// kind (revenue, budgets, bonuses, `£19.5m`), or — without a currency — when the context says pay (a `Salary:`
/// field, a pay heading, “salary”, “pay”, “rate”… before it) and it has a period, a range or a salary-sized value.
/// Years, phone numbers, percentages, headcounts, grades (`Band 5`, `GS-13`) and `401(k)` are never pay.
public enum PayParser {
    /// Every pay statement of the prose and of the structured pay fields, in prose order then field order.
    public static func parse(_ prose: Prose) -> [PayStatement] {
        scanned(prose) + fieldStatements(prose)
    }

    /// The statements of the prose alone (`parse` without the structured fields), in prose order.
    static func scanned(_ prose: Prose) -> [PayStatement] {
        var out: [PayStatement] = []
        var scanner = Scanner(t: prose.text.bytes)
        for r in regions(prose) {
            if let r { scan(prose, r, &scanner, into: &out) }
        }
        return out
    }

    /// Each block's region of the scan (`nil` for a block that is never pay: a non-pay field), with the pay
    /// context that headings and field keys give it.
    static func regions(_ prose: Prose) -> [Region?] {
        let t = prose.text.bytes
        var regions: [Region?] = []
        regions.reserveCapacity(prose.blocks.count)
        var headingIsPay = false
        var headingLevel = 0
        for b in prose.blocks {
            if b.kind == .heading {
                let level = max(b.level, 1)
                if headingIsPay && level > headingLevel {
                    // a sub-heading under a pay heading keeps the context
                } else {
                    headingIsPay = Scanner.containsPayWord(t, b.proseRange)
                    headingLevel = level
                }
                regions.append(Region(range: b.proseRange, context: false, periodHint: nil))
                continue
            }
            var ctx = headingIsPay
            var hint: PayPeriod?
            var negative = false
            var field = false
            if let key = b.fieldKey {
                if Keywords.isPayKey(key) { ctx = true; field = true; hint = Keywords.periodHint(key) }
                else if Keywords.isNonPayKey(key) { negative = true }
            }
            regions.append(negative ? nil : Region(range: b.proseRange, context: ctx, periodHint: hint, field: field))
        }
        return regions
    }

    /// The statements of one region, appended to `out`.
    static func scan(_ prose: Prose, _ region: Region, _ scanner: inout Scanner, into out: inout [PayStatement]) {
        scanner.scan(region) { s in
            var s = s
            s.sourceRange = prose.text.sourceRange(s.proseRange)
            out.append(s)
        }
    }

    /// Parses a piece of text on its own (tests, structured values). `context` says the text is known to be
    /// about pay (the value of a `salary` field), so figures without a currency count too.
    public static func parse(text: String, context: Bool = false) -> [PayStatement] {
        let t = Array(text.utf8)
        var scanner = Scanner(t: t)
        var out: [PayStatement] = []
        var start = 0
        // One region per line, like blocks.
        for i in 0...t.count where i == t.count || t[i] == 0x0A {
            if i > start { scanner.scan(Region(range: start..<i, context: context, periodHint: nil, field: context)) { s in
                var s = s
                s.sourceRange = s.proseRange
                out.append(s)
            } }
            start = i + 1
        }
        return out
    }

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
                r = Swift.min(a.lowerBound, b.lowerBound)..<Swift.max(a.upperBound, b.upperBound)
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

/// A stretch of prose scanned on its own (one block) and what is known about it.
struct Region: Equatable {
    var range: Range<Int>
    /// The block is about pay: a `Salary:` field or a block under a pay heading.
    var context: Bool
    /// A period given by the field key (`Hourly rate:`).
    var periodHint: PayPeriod?
    /// The block is the value of a pay field (`Salary: 45000`): even a bare figure is pay.
    var field: Bool = false
}

/// Word lists for the scanner, as FNV hashes of the lowercased words (compared against `Word.hash`).
enum Keywords {
    static func set(_ words: [String]) -> WordSet { WordSet(words.map { Word.hash($0) }) }

    /// Words that say a nearby figure is pay.
    static let pay = set([
        "salary", "salaries", "pay", "paid", "pays", "paying", "wage", "wages", "compensation", "remuneration", "stipend",
        "rate", "rates", "earn", "earns", "earning", "earnings", "ote", "income", "base", "hiring", "starting", "payrate",
        "salaried", "package", "comp", "band", "range", "scale", "grade", "step", "hourly", "annual", "monthly",
    ])
    /// Words that say a nearby figure is money of another kind.
    static let negative = set([
        "revenue", "revenues", "funding", "funded", "raised", "raise", "raising", "investment", "investments", "invested",
        "budget", "budgets", "grant", "grants", "saving", "savings", "save", "discount", "discounts", "worth",
        "valuation", "cost", "costs", "price", "prices", "priced", "fee", "fees", "donation", "donations", "donate",
        "sales", "assets", "spend", "spending", "spent", "turnover", "reimbursement", "reimbursed", "reimburse",
        "allowance", "allowances", "bonus", "bonuses", "referral", "relocation", "credit", "credits", "tuition", "award",
        "awards", "awarded", "prize", "prizes", "contract", "contracts", "deal", "deals", "loan", "loans", "rent",
        "membership", "voucher", "vouchers", "fund", "funds", "market", "capital", "profit", "profits", "debt",
        "insurance", "coverage", "deductible", "equity", "stock", "gift", "gifts", "subsidy", "subsidised", "subsidized",
        "pension", "match", "matching", "signing", "retention", "arr", "mrr", "gmv", "billing", "billings", "portfolio",
        "aum", "sponsorship", "scholarship", "scholarships", "prizes", "stipends", "expenses", "expense",
        "per diem", "diem", "payments", "transactions", "transaction", "volume", "revenue", "economy", "industry",
        "lifetime", "taxes", "fine", "fines", "penalty", "damages", "settlement", "sold", "purchase", "purchases",
        "purchasing", "procurement", "projects", "project", "programme", "program", "programs", "programmes", "initiative",
        "company", "business", "firm", "organisation", "organization", "contribution", "contributions", "cash", "donor",
        "donors", "million", "billion", "trillion", "gdp", "manage", "managing", "managed", "oversee", "overseeing",
        "hours", "hrs", "shifts", "deduction", "deductions", "deducted", "charge", "charged", "benefit", "wellness", "perk",
        "perks", "lunch", "meal", "meals", "reduced", "discounted", "park", "parking", "towards", "toward", "education", "increase", "increases", "differential", "population", "patients", "residents", "beds",
        "births", "visits", "customers", "users", "commuter", "transit", "gym", "conference", "conferences", "equipment",
        "laptop", "childcare", "hsa", "fsa", "spend", "allowance", "training", "learning", "allotment", "disability",
    ])
    /// Words that make a single figure without a period money of another kind wherever they stand in the
    /// sentence before it (`a bonus of 10% of salary, up to £2,500`).
    static let strongNegative = set([
        "bonus", "bonuses", "allowance", "allowances", "deduction", "deductions", "deducted", "budget", "reimbursement",
        "relocation", "funding", "revenue", "grant", "signing", "referral", "wellness", "benefit", "perk", "perks", "hello",
        "stipend", "fee", "fees", "cost", "costs", "extra", "increase", "increases", "differential", "premium", "disability", "insurance", "refer", "training", "allotment", "charge", "charged", "award", "prize", "sponsorship",
    ])
    /// Words after a bare number that may still be pay (everything else is a unit: hours, employees, years…).
    static let bareFollowers = set([
        "per", "a", "an", "annually", "annual", "yearly", "hourly", "monthly", "weekly", "daily", "pa", "ph", "pw", "pcm",
        "gross", "net", "base", "plus", "and", "or", "depending", "dependent", "doe", "commensurate", "based", "pro",
        "p", "dollars", "euros", "euro", "usd", "eur", "gbp", "to", "with", "including", "inclusive", "inc", "incl",
        "excluding", "exclusive", "fte", "salary", "basic", "k", "depends", "negotiable", "dependant", "doq", "neg", "ote",
        "upwards", "onwards",
    ])
    /// Words before a number that make it a grade, not an amount.
    static let grades = set([
        "band", "grade", "gs", "gg", "ws", "wg", "wl", "step", "level", "scale", "point", "points", "tier", "spine", "afc",
        "tvl", "tvod", "pb", "gr", "sp", "ks", "lvl", "class", "rank", "e", "a", "b", "c", "g", "ps", "ft", "pt", "nvq",
        "year", "years", "phase", "stage", "no", "number", "unit", "ward", "room", "floor", "suite", "route", "highway",
        "route", "box", "ste", "building", "bldg", "code", "id", "ref", "reference", "job", "vacancy", "req", "requisition",
        "posting", "position", "opening", "cycle", "series", "section", "article", "chapter", "page", "version", "v",
        "fy", "q", "cohort", "batch", "class", "top", "fortune", "inc", "under", "over", "age", "aged", "ages",
    ])
    static let between = H.w_between
    static let afterStops = set(["plus", "and", "with", "or", "inclusive", "including", "incl", "inc", "excluding", "exclusive", "excl", "exc"])
    /// Words that may stand between a pay word and its figure (`salary of approximately $50k`).
    static let labelFillers = set(["of", "is", "at", "be", "will", "approximately", "approx", "around", "about", "circa", "c", "ca",
                                   "roughly", "up", "to", "from", "starting", "an", "a", "the", "anticipated", "expected", "estimated"])
    static let openBefore1 = set(["from", "over", "above", "least", "minimum", "min", "upto", "exceeding", "starting"])
    static let openBefore2: [(UInt64, UInt64)] = [
        (H.w_up, H.w_to), (H.w_starting, H.w_at), (H.w_starts, H.w_at),
        (H.w_excess, H.w_of), (H.w_minimum, H.w_of), (H.w_starting, H.w_from),
        (H.w_start, H.w_at), (H.w_starting, H.w_salary), (H.w_least, H.w_of),
    ]
    static let periodAdjectives: WordMap<PayPeriod> = [
        H.w_annual: .year, H.w_yearly: .year, H.w_hourly: .hour, H.w_monthly: .month,
        H.w_weekly: .week, H.w_daily: .day, H.w_day: .day,
    ]
    static let payNouns = set(["salary", "pay", "wage", "rate", "compensation", "base", "remuneration", "stipend", "earnings", "income"])
    /// Pay words strong enough to make a bare number (no currency) pay.
    static let strongPay = set(["salary", "salaries", "pay", "paid", "wage", "wages", "compensation", "remuneration", "stipend", "earn",
                                "earns", "earnings", "ote", "income", "salaried", "hourly", "annual", "monthly", "payrate", "comp"])
    /// Words before a bare number that make it a phone number or a count.
    static let bareNegative = set(["tel", "telephone", "phone", "call", "ext", "extension", "fax", "mobile", "contact", "cell",
                                   "population", "patients", "residents", "people", "staff", "employees", "beds", "births", "visits",
                                   "members", "users", "customers", "students", "clients", "over", "than", "approximately", "nearly",
                                   "almost", "some", "around"])
    /// Words that may follow a period adjective (`$20 hourly, depending…`); any other word makes the adjective
    /// describe something else (`6 monthly rotations`, `$2,000 annual training budget`).
    static let afterPeriodAdjective = set(["and", "or", "plus", "depending", "dependent", "dependant", "doe", "with", "including",
                                           "inclusive", "incl", "inc", "gross", "net", "base", "basic", "salary", "pay", "rate", "wage",
                                           "wages", "compensation", "income", "pro", "for", "in", "paid", "before", "after", "starting",
                                           "fte", "equivalent", "to", "from", "based", "on", "at", "until", "commensurate", "negotiable",
                                           "usd", "eur", "gbp", "excluding", "exclusive", "depends", "doq", "ote", "bonus", "range"])
    static let fillers = set(["gross", "net", "base", "usd", "eur", "gbp", "cad", "aud", "fte", "approx", "approximately", "total", "before", "tax", "basic", "salary", "pro", "rata", "full", "time", "equivalent", "inc", "incl", "plus", "each", "paid", "sterling"])
    /// Abbreviations whose period does not end the context of a figure (`approx. $60k`).
    static let abbreviations = set(["approx", "ca", "c", "min", "max", "est", "incl", "inc", "e.g", "i.e", "vs", "p.a", "pa", "hr", "hrs", "yr", "yrs", "mo", "wk", "k", "no", "appx", "circa", "st"])

    static func isPayKey(_ key: String) -> Bool {
        for w in ["salary", "pay", "compensation", "wage", "remuneration", "stipend", "rate", "earnings", "ote", "grade"] where key.containsBytes(w) { return true }
        return false
    }

    /// Field keys that label money of another kind (`Wellness benefit:`, `Relocation bonus:`).
    static func isNonPayKey(_ key: String) -> Bool {
        for w in ["benefit", "bonus", "allowance", "budget", "revenue", "funding", "fee", "cost", "price", "relocation", "referral",
                  "perk", "wellness", "training", "insurance", "pension", "equity", "raised", "valuation", "turnover", "sales",
                  "deduction", "reimburse", "grant", "award"] where key.containsBytes(w) { return true }
        return false
    }

    static func periodHint(_ key: String) -> PayPeriod? {
        if key.containsBytes("hour") { return .hour }
        if key.containsBytes("annual") || key.containsBytes("year") { return .year }
        if key.containsBytes("month") { return .month }
        if key.containsBytes("week") { return .week }
        if key.containsBytes("daily") || key.containsBytes("dayrate") { return .day }
        return nil
    }
}

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
        if c == 0x20 || c == 0x09 { return 1 }
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
        if c == 0x20 || c == 0x09 { return 1 }
        if i - 2 >= start && t[i - 2] == 0xC2 && c == 0xA0 { return 2 }
        if i - 3 >= start && t[i - 3] == 0xE2 && t[i - 2] == 0x80
            && (c == 0xAF || c == 0x89 || c == 0x8B || c == 0x8A || c == 0x88 || c == 0x87 || c == 0x82 || c == 0x83) { return 3 }
        return 0
    }

    func skipSpaces(_ i: Int, _ end: Int) -> Int {
        var k = i
        while true {
            if k < end && (t[k] == 0x0A || t[k] == 0x0D) { k += 1; continue }
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
        if c == 0x24 {  // $
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
        if t[e - 1] == 0x2E { e -= 1 }
        if e - 2 >= start && t[e - 2] == 0x52 && t[e - 1] == 0x73 && !isAlnum(e - 3) { return ("INR", e - 2) }
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
        if c == 0x24 && k == i { return free(k + 1) ? ("USD", k + 1) : nil }
        if c == 0x24 && k + 2 < end && t[k + 1] == 0x55 && t[k + 2] == 0x53 && !isAlnum(k + 3) { return ("USD", k + 3) }  // `$US`
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

    // MARK: numbers

    /// Reads the number starting at `p` (a digit at a word boundary), up to `end`.
    func number(at p: Int, _ end: Int, dotIsDecimal: Bool) -> Num? {
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
            if c == 0x2C || c == 0x2E || c == 0x27 { sepLen = 1 }
            else if c == 0xE2 && k + 2 < end && t[k + 1] == 0x80 && t[k + 2] == 0x99 { sepLen = 3; sepByte = 0x27 }
            else { let s = spaceLen(k, end); if s > 0 && t[k] != 0x09 && t[k] != 0x0A && t[k] != 0x0D { sepLen = s; sepByte = 0x20 } }
            // `$53, 080`: a stray space after a thousands comma.
            if c == 0x2C && k + 5 <= end && t[k + 1] == 0x20 && groups[0].count <= 3 && seps.isEmpty
                && Bytes.isDigit(t[k + 2]) && Bytes.isDigit(t[k + 3]) && Bytes.isDigit(t[k + 4]) && (k + 5 == end || !Bytes.isDigit(t[k + 5]))
                && groups[0].count >= 1
            {
                groups.append((k + 2)..<(k + 5))
                seps.append(0x2C)
                strayGap = true
                k += 5
                continue
            }
            guard sepLen > 0, k + sepLen < end, Bytes.isDigit(t[k + sepLen]) else { break }
            var e = k + sepLen
            while e < end && Bytes.isDigit(t[e]) { e += 1 }
            let len = e - (k + sepLen)
            if sepByte == 0x20 || sepByte == 0x27 {
                // Space and apostrophe grouping only in the strict form: 1–3 digits, then groups of three.
                guard len == 3, groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }),
                      seps.allSatisfy({ $0 == sepByte }) else { break }
            }
            if sepByte == 0x2C && len > 3 && seps.isEmpty { break }  // "64,3345": a list, not a number
            groups.append((k + sepLen)..<e)
            seps.append(sepByte)
            k = e
        }
        // Decide which separator (if any) is the decimal point.
        var decimalIndex = -1  // index into seps
        if let last = seps.last, last == 0x2C || last == 0x2E {
            let L = groups[groups.count - 1].count
            let distinct = Set(seps)
            if distinct.count > 1 {
                if seps.dropLast().allSatisfy({ $0 != last }) && L <= 3 && (L != 3 || last == 0x2E || last == 0x2C) { decimalIndex = seps.count - 1 }
            } else if seps.count == 1 {
                if L <= 2 { decimalIndex = 0 }
                else if L == 3 && last == 0x2E && (dotIsDecimal || groups[0].count > 3) { decimalIndex = 0 }
                else if L > 3 && last == 0x2E { decimalIndex = 0 }
            }
        }
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
        for g in intGroups { for i in g { value = value * 10 + Double(t[i] - 0x30); digits += 1 } }
        var decimals = 0
        var zero = true
        if decimalIndex >= 0 {
            var frac = 0.0
            var scale = 1.0
            for i in groups[decimalIndex + 1] { frac = frac * 10 + Double(t[i] - 0x30); scale *= 10; decimals += 1; if t[i] != 0x30 { zero = false } }
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
        if k + 1 < end && (t[k] == 0x2C || t[k] == 0x2E) && t[k + 1] == 0x2D && !(k + 2 < end && (Bytes.isDigit(t[k + 2]) || t[k + 2] == 0x2D)) { k += 2 }
        if strayGap { valid = false }
        var num = Num(value: value, range: p..<k, integerDigits: digits, groupSeparator: groupSeps.first, groupingValid: valid,
                      indianGrouping: indian, decimals: decimals, decimalSeparator: decimalIndex >= 0 ? seps[decimalIndex] : nil, zeroDecimals: decimals > 0 && zero, thousands: false, large: false,
                      yearLike: false, leadingZero: t[p] == 0x30 && digits > 1)
        // Suffixes: k, m/bn/million.
        if k < end && (t[k] == 0x6B || t[k] == 0x4B) && !isAlnum(k + 1) {
            num.thousands = true
            num.value *= 1000
            k += 1
            num.range = p..<k
        } else if k < end && (t[k] == 0x6D || t[k] == 0x4D) && (!isAlnum(k + 1) || (k + 1 < end && (t[k + 1] == 0x6E || t[k + 1] == 0x6D) && !isAlnum(k + 2))) {
            num.large = true
        } else if k + 1 < end && (t[k] == 0x62 || t[k] == 0x42) && (t[k + 1] == 0x6E || t[k + 1] == 0x4E) && !isAlnum(k + 2) {
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
        num.yearLike = digits == 4 && seps.isEmpty && !num.thousands && value >= 1900 && value <= 2100
        return num
    }

    /// `true` when the bytes right after a number make it something else: `60kg`, `3rd`, `10%`, `401(k)`.
    func badFollower(_ num: Num, _ end: Int) -> Bool {
        let k = num.range.upperBound
        if k < end && (Bytes.isASCIILetter(t[k]) || Bytes.isDigit(t[k])) { return true }
        let s = skipSpaces(k, end)
        if s < end && t[s] == 0x25 { return true }  // %
        if s < end && Bytes.isASCIILetter(t[s]) {
            let we = wordEnd(s, end)
            if Bytes.equalsLower(t, s..<we, "percent") || Bytes.equalsLower(t, s..<we, "pct") { return true }
        }
        if k < end && t[k] == 0x28 && k + 2 < end && (t[k + 1] | 0x20 == 0x6B || t[k + 1] | 0x20 == 0x62) && t[k + 2] == 0x29 { return true }  // 401(k)
        if k + 1 < end && t[k] == 0x2F && Bytes.isDigit(t[k + 1]) { return true }  // 24/7, dates
        if k + 1 < end && (t[k] == 0x3A) && Bytes.isDigit(t[k + 1]) { return true }  // 9:30
        return false
    }

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
            if (c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3B) && k < region.upperBound && Bytes.isWhitespace(t[k]) {
                // Sentence end, unless an abbreviation (`approx. $60k`).
                if c == 0x2E {
                    var s = k - 1
                    while s > lo && (Bytes.isASCIILetter(t[s - 1]) || t[s - 1] == 0x2E) { s -= 1 }
                    if s < k - 1 && Keywords.abbreviations.contains(Word.hash(t, s..<(k - 1))) { k -= 1; continue }
                }
                break
            }
            if c == 0x0A { break }
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
            if c == 0x20 || c == 0x2D || c == 0x09 || c == 0x0A || c == 0x0D { k += 1; continue }
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
        for (i, w) in words.enumerated() {
            let h = Word.hash(t, w)
            if Keywords.negative.contains(h) {
                // `Salary (inclusive of London allowance): £32,055`
                if words.dropFirst(i + 1).prefix(3).contains(where: { Keywords.afterStops.contains(Word.hash(t, $0)) }) { continue }
                return .negative
            }
            if Keywords.pay.contains(h) { return .pay }
        }
        return nil
    }

    // MARK: periods

    /// Maps a unit word to a period.
    func unit(_ r: Range<Int>) -> PayPeriod? {
        let h = Word.hash(t, r)
        switch h {
        case H.w_hour, H.w_hr, H.w_hrs, H.w_hours, H.w_h: return .hour
        case H.w_year, H.w_yr, H.w_annum, H.w_years, H.w_y: return .year
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
            if t[k] == 0x28 || t[k] == 0x2C || t[k] == 0x5B { k = skipSpaces(k + 1, end); continue }  // ( , [
            if fillers == 0 && (t[k] == 0x2D || (t[k] == 0xE2 && k + 2 < end && t[k + 1] == 0x80 && (t[k + 2] == 0x93 || t[k + 2] == 0x94))) {
                let d = skipSpaces(k + (t[k] == 0x2D ? 1 : 3), end)
                if d > k + 1 && d < end && Bytes.isASCIILetter(t[d]) { k = d; fillers += 1; continue }
                break
            }
            if Bytes.isASCIILetter(t[k]) {
                let we = wordEnd(k, end)
                if fillers < 3 && Keywords.fillers.contains(Word.hash(t, k..<we)) && !(we < end && t[we] == 0x2E && Bytes.equalsLower(t, k..<we, "p")) {
                    fillers += 1
                    k = skipSpaces(we, end)
                    continue
                }
            }
            break
        }
        guard k < end else { return nil }
        let start = k
        if t[k] == 0x2F {  // `/hr`, `/ year`, `/ Per Year`
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
        if we - k == 1 && (t[k] | 0x20) == 0x70 && we + 1 < end && (t[we] == 0x2E || t[we] == 0x2F) && Bytes.isASCIILetter(t[we + 1]) {
            var e = we + 1
            var letters: [UInt8] = []
            while e < end && (Bytes.isASCIILetter(t[e]) || t[e] == 0x2E) { if t[e] != 0x2E { letters.append(t[e] | 0x20) }; e += 1 }
            let p: PayPeriod?
            switch letters {
            case [0x61]: p = .year
            case [0x68]: p = .hour
            case [0x77]: p = .week
            case [0x63, 0x6D], [0x6D]: p = .month
            case [0x64]: p = .day
            default: p = nil
            }
            if let p { return (p, start..<e) }
            return nil
        }
        if isAlnum(we) { return nil }
        if we < end && t[we] == 0x3A { return nil }  // `Monthly:` labels what follows
        let adjective = Word.hash(t, w)
        if adjective == H.w_hourly || adjective == H.w_annual || adjective == H.w_monthly
            || adjective == H.w_weekly || adjective == H.w_daily || adjective == H.w_yearly
        {
            var n = we
            while n < end && (t[n] == 0x20 || t[n] == 0x09) { n += 1 }
            let runOn = Bytes.isLower(t[k]) && n < end && Bytes.isUpper(t[n]) && n > we
            if n < end && Bytes.isASCIILetter(t[n]) && !runOn && !Keywords.afterPeriodAdjective.contains(Word.hash(t, n..<wordEnd(n, end))) { return nil }
        }
        switch Word.hash(t, w) {
        case H.w_per, H.w_a, H.w_an, H.w_each, H.w_every:
            let u = skipSpaces(we, end)
            guard u > we, u < end, Bytes.isASCIILetter(t[u]) else { return nil }
            let ue = wordEnd(u, end)
            if let p = unit(u..<ue), !isAlnum(ue) { return (p, start..<ue) }
            // per calendar month
            if Bytes.equalsLower(t, u..<ue, "calendar") {
                let v = skipSpaces(ue, end)
                let ve = wordEnd(v, end)
                if let p = unit(v..<ve) { return (p, start..<ve) }
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
               t[words[0].upperBound..<pos].contains(0x3A) { return u }  // `Salary per hour: $20`
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
            if c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3B || c == 0x0A { break }
            if !Bytes.isWhitespace(c) && (k == end || Bytes.isWhitespace(t[k - 1])) { tokens += 1 }
            k += 1
        }
        for i in after.indices { if let p = qualified(after, i) { return p } }
        return nil
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
        let weak = currency == "USD" && start < p && t[start] == 0x24
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
        if c == 0x2D || c == 0x7E { k += 1; if k < end && t[k] == 0x2D { k += 1 } }  // - -- ~
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
                    guard Bytes.isASCIILetter(c) || Bytes.isDigit(c) || c == 0x20 || c == 0x2D || c == 0x2C || c == 0x3A else { return nil }
                    q += 1
                }
                return q < end && currencyStart(q, end) ? q : nil
            }
        }
        // `- $80,000`, `to € 65.000`, `– 80k`
        return k < end ? k : nil
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
                if Bytes.isASCIILetter(b) || Bytes.isDigit(b) || b == 0x2E || b == 0x2C || b == 0x2F || b == 0x23 || b == 0x5F {
                    // `A320`, `v2.5`, `#3`: skip the whole run.
                    if !(b == 0x2E && i >= lo + 2 && t[i - 2] == 0x20) {  // `. 5` is fine
                        while i < hi && (Bytes.isDigit(t[i]) || t[i] == 0x2C || t[i] == 0x2E) { i += 1 }
                        continue
                    }
                }
                // `GS-13`, `1-800-…`: a hyphen glued to a letter or digit word before.
                if b == 0x2D && i >= lo + 2 && (Bytes.isASCIILetter(t[i - 2]) || Bytes.isDigit(t[i - 2])) {
                    while i < hi && (Bytes.isDigit(t[i]) || t[i] == 0x2C || t[i] == 0x2E) { i += 1 }
                    continue
                }
            }
            if let (s, next) = statement(at: i, region) {
                emit(s)
                i = max(next, i + 1)
            } else {
                while i < hi && (Bytes.isDigit(t[i]) || t[i] == 0x2C || t[i] == 0x2E || t[i] == 0x6B || t[i] == 0x4B) { i += 1 }
            }
        }
    }

    /// Reads a statement at the digit `p`; returns it and where scanning resumes.
    func statement(at p: Int, _ region: Region) -> (PayStatement, Int)? {
        let r = region.range
        let hi = r.upperBound
        guard var f1 = figure(at: p, r, currencyHint: nil) else { return nil }
        var f1ImpliedK = false, f2ImpliedK = false
        let f1Bare = f1.currency == nil
        if f1.num.large || badFollower(f1.num, hi) { return nil }
        // 401k, 403b, 457b: retirement plans.
        if f1.num.thousands && f1.num.integerDigits == 3 && (f1.num.value == 401_000 || f1.num.value == 403_000 || f1.num.value == 457_000) { return nil }
        // 1099: the US contractor's tax form (“1099 contractor”, “W-2 or 1099”), unless a period makes it pay.
        if f1Bare && f1.num.value == 1099 && !f1.num.thousands && f1.num.integerDigits == 4 && periodAfter(f1.end, hi) == nil { return nil }
        var resume = f1.end
        // `$60k+`
        var open = false
        if resume < hi && t[resume] == 0x2B { open = true; resume += 1 }
        // Range.
        let before1 = wordsBefore(f1.start, r, limit: 3)
        let afterBetween = before1.first.map { Word.hash(t, $0) == Keywords.between } ?? false
        var f2: Figure?
        var midPeriod: (PayPeriod, Range<Int>)?
        var sepFrom = f1.end
        if !open, rangeSeparator(f1.end, hi, allowAnd: afterBetween) == nil, let (mp, mr) = periodAfter(f1.end, hi),
           let s2 = rangeSeparator(mr.upperBound, hi, allowAnd: afterBetween), s2 < hi, Bytes.isDigit(t[s2]) || currencyStart(s2, hi) {
            midPeriod = (mp, mr)
            sepFrom = mr.upperBound
        }
        if !open, let s2 = rangeSeparator(sepFrom, hi, allowAnd: afterBetween), Bytes.isDigit(t[s2]) || currencyStart(s2, hi) {
            var q = s2
            // skip a currency symbol to reach the digits
            if !Bytes.isDigit(t[q]) {
                while q < hi && !Bytes.isDigit(t[q]) && q < s2 + 6 { q += 1 }
            }
            if q < hi && Bytes.isDigit(t[q]), var g = figure(at: q, r, currencyHint: f1.currency) {
                var compatible = g.currency == nil || f1.currency == nil || g.currency == f1.currency
                // A bare first figure borrows the second's currency only if it looks like it (`Age 18 - 20 - £6.49`).
                if f1.currency == nil && g.currency != nil && !g.num.thousands && !(f1.num.value < 1000 && g.num.value >= 10000)
                    && (f1.num.value > g.num.value || f1.num.value * 10 < g.num.value) { compatible = false }
                if !compatible, let c1 = f1.currency, let c2 = g.currency, Scanner.dollars.contains(c1) && Scanner.dollars.contains(c2) && (f1.weak || g.weak) {
                    compatible = true
                    if f1.weak { f1.currency = c2; f1.weak = false } else { g.currency = c1 }
                }
                if compatible && !g.num.large && !badFollower(g.num, hi) && !(g.end < hi && t[g.end] == 0x2D && g.end + 1 < hi && Bytes.isDigit(t[g.end + 1])) {
                    // The k of one end applies to the other (`$60 - 80K`, `$60k-80`).
                    if g.num.thousands && !f1.num.thousands && f1.num.value < 1000 && f1.num.value * 1000 <= g.num.value * 1.0001 + 1 {
                        f1.num.value *= 1000
                        f2 = g
                        f1ImpliedK = true
                    } else if f1.num.thousands && !g.num.thousands && g.num.value < 1000 {
                        g.num.value *= 1000
                        f2 = g
                        f2ImpliedK = true
                    } else if !g.num.thousands && !f1.num.thousands && f1.num.value < 1000 && f1.num.decimals == 0 && g.num.value >= 10000
                                && f1.num.value * 1000 <= g.num.value && f1.num.value * 4000 >= g.num.value {
                        // `£36 – 44,000`
                        f1.num.value *= 1000
                        f2 = g
                        f1ImpliedK = true
                    } else {
                        f2 = g
                    }
                    // Re-read the first figure with the second's currency conventions.
                    if f1.currency == nil, let c2 = g.currency { f1.currency = c2 }
                    resume = g.end
                    if resume < hi && t[resume] == 0x2B { open = true; resume += 1 }
                }
            }
        }
        // Figures too far apart are not one range (`$60,000 to $69,00`, `£37,570 - £43.772`): keep the first alone.
        if let g = f2, Swift.min(f1.num.value, g.num.value) > 0, Swift.max(f1.num.value, g.num.value) / Swift.min(f1.num.value, g.num.value) > 20 {
            f2 = nil
            resume = f1.end
        }
        // Phone numbers: `555-123-4567` (a third group), `(555) 123`.
        if let g = f2, g.end < hi && (t[g.end] == 0x2D) && g.end + 1 < hi && Bytes.isDigit(t[g.end + 1]) { return nil }
        if f1Bare, let w0 = before1.first, Keywords.grades.contains(Word.hash(t, w0)), w0.upperBound + 3 >= f1.start { return nil }
        var currency = f1.currency ?? f2?.currency
        if currency == nil {
            // `23,259 to 29,473 (GBP)`
            var k = skipSpaces(resume, hi)
            if k < hi && t[k] == 0x28 { k += 1 }
            let we = wordEnd(k, hi)
            if let code = isoCode(k..<we), we < hi, t[we] == 0x29 { currency = code; resume = we + 1 }
        }
        // Period.
        var period: PayPeriod?
        var periodRange: Range<Int>?
        if let (p, pr) = periodAfter(resume, hi) { period = p; periodRange = pr; resume = pr.upperBound }
        else if let (mp, mr) = midPeriod, f2 != nil { period = mp; periodRange = mr }
        if period == nil { period = periodBefore(f1.start, r) ?? region.periodHint ?? periodInSentence(f1.start, resume, r) }
        // Open-ended markers before and after.
        if !open, f2 == nil {
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
        }
        // Is it pay?
        let keyword = keywordBefore(f1.start, r)
        let afterWords = wordsAfter(Swift.max(resume, f2?.end ?? f1.end), r, limit: 4)
        var negativeAfter = false
        for w in afterWords {
            let h = Word.hash(t, w)
            if Keywords.afterStops.contains(h) { break }
            if Keywords.negative.contains(h) { negativeAfter = true; break }
        }
        if keyword == .negative || negativeAfter { return nil }
        if f2 == nil {
            // A single figure near a strong non-pay word is not pay unless a pay word labels it directly.
            var labelled = false
            let ws = wordsBefore(f1.start, r, limit: 8)
            for (j, w) in ws.prefix(5).enumerated() {
                let h = Word.hash(t, w)
                if Keywords.payNouns.contains(h) || h == H.w_salary || h == H.w_paid {
                    // `10% of salary, up to £2,500` is not a label.
                    let percentOf = j + 2 < ws.count && Bytes.equalsLower(t, ws[j + 1], "of") && ws[j + 2].upperBound < hi && t[ws[j + 2].upperBound] == 0x25
                    labelled = !percentOf
                    break
                }
                if !Keywords.labelFillers.contains(h) { break }
            }
            if !labelled {
                for w in wordsBefore(f1.start, r, limit: 14) where Keywords.strongNegative.contains(Word.hash(t, w)) { return nil }
            }
        }
        let lowValue = f1.num.value
        let highValue = f2?.num.value ?? lowValue
        let maxValue = Swift.max(lowValue, highValue)
        if maxValue <= 0 { return nil }
        if currency != nil {
            let ok = period != nil || f2 != nil || keyword == .pay || region.context || maxValue >= 10000
            guard ok else { return nil }
            if f1.num.leadingZero && f1.num.decimals == 0 { return nil }
        } else {
            guard region.field || region.context || strongPayBefore(f1.start, r) else { return nil }
            let near = wordsBefore(f1.start, r, limit: 3)
            if let w0 = near.first, w0.upperBound + 2 >= f1.start, t[w0.lowerBound..<w0.upperBound].allSatisfy(Bytes.isDigit) { return nil }  // `01604 616624`
            if near.contains(where: { Keywords.bareNegative.contains(Word.hash(t, $0)) }) { return nil }
            if f1.num.leadingZero || (f2?.num.leadingZero ?? false) { return nil }
            if (f1.num.yearLike || (f2?.num.yearLike ?? false)) && periodRange == nil { return nil }
            // A grade or an identifier: `Band 5`, `Grade 6-7`, `Step 3`.
            if let w0 = before1.first, Keywords.grades.contains(Word.hash(t, w0)), w0.upperBound + 3 >= f1.start { return nil }
            // What follows a bare figure must not be a unit (`20 hours`, `5,000 employees`).
            if periodRange == nil, let w = wordsAfter(f2?.end ?? f1.end, r, limit: 1).first, w.lowerBound <= (f2?.end ?? f1.end) + 2 {
                if !Keywords.bareFollowers.contains(Word.hash(t, w)) { return nil }
            }
            let sized = f1.num.thousands || (f2?.num.thousands ?? false)
            let adjacentPay = before1.first.map { Keywords.payNouns.contains(Word.hash(t, $0)) || Word.hash(t, $0) == H.w_salary } ?? false
            let ok = period != nil || sized || (f2 != nil && maxValue >= 1000)
                || (maxValue >= 1000 && (region.field || ((f1.num.groupSeparator != nil || adjacentPay) && keyword == .pay)))
            guard ok else { return nil }
        }
        // Build the statement.
        var amounts: [PayAmount] = []
        func amount(_ f: Figure, implied: Bool) -> PayAmount {
            PayAmount(value: f.num.value, range: f.num.range, figureRange: f.start..<f.end, integerDigits: f.num.integerDigits,
                      groupSeparator: f.num.groupSeparator, groupingValid: f.num.groupingValid || (currency == "INR" && f.num.indianGrouping),
                      decimals: f.num.decimals, decimalSeparator: f.num.decimalSeparator, zeroDecimals: f.num.zeroDecimals, thousands: f.num.thousands, impliedThousands: implied)
        }
        amounts.append(amount(f1, implied: f1ImpliedK))
        if let g = f2 { amounts.append(amount(g, implied: f2ImpliedK)) }
        let startPos = f1.start
        let endPos = Swift.max(periodRange?.upperBound ?? 0, f2?.end ?? f1.end)
        let s = PayStatement(min: Swift.min(lowValue, highValue), max: maxValue, currency: currency, period: period,
                             isRange: f2 != nil && lowValue != highValue, openEnded: open && f2 == nil,
                             proseRange: startPos..<endPos, sourceRange: startPos..<endPos,
                             amountRanges: amounts.map(\.range), amounts: amounts, inverted: lowValue > highValue,
                             origin: .prose, periodRange: periodRange)
        return (s, Swift.max(resume, endPos))
    }

    /// `true` when a currency symbol or code starts at `k` (for the second figure of a range).
    func currencyStart(_ k: Int, _ end: Int) -> Bool {
        let c = t[k]
        if c == 0x24 { return true }
        if c == 0xC2 && k + 1 < end && (t[k + 1] == 0xA3 || t[k + 1] == 0xA5) { return true }
        if c == 0xE2 && k + 2 < end && t[k + 1] == 0x82 { return true }
        if Bytes.isUpper(c) && k + 3 <= end && isoCode(k..<(k + 3)) != nil { return true }
        if Bytes.isUpper(c) {  // US$, CA$, AU$
            var e = k
            while e < end && e < k + 3 && Bytes.isUpper(t[e]) { e += 1 }
            if e < end && t[e] == 0x24 { return true }
        }
        return false
    }

}

/// Hashes of the words the scanner compares against, computed once.
enum H {
    static let w_a = Word.hash("a")
    static let w_above = Word.hash("above")
    static let w_an = Word.hash("an")
    static let w_and = Word.hash("and")
    static let w_annual = Word.hash("annual")
    static let w_annually = Word.hash("annually")
    static let w_annum = Word.hash("annum")
    static let w_annualized = Word.hash("annualized")
    static let w_annualised = Word.hash("annualised")
    static let w_at = Word.hash("at")
    static let w_base = Word.hash("base")
    static let w_basic = Word.hash("basic")
    static let w_between = Word.hash("between")
    static let w_compensation = Word.hash("compensation")
    static let w_d = Word.hash("d")
    static let w_daily = Word.hash("daily")
    static let w_day = Word.hash("day")
    static let w_days = Word.hash("days")
    static let w_each = Word.hash("each")
    static let w_every = Word.hash("every")
    static let w_excess = Word.hash("excess")
    static let w_from = Word.hash("from")
    static let w_gross = Word.hash("gross")
    static let w_h = Word.hash("h")
    static let w_higher = Word.hash("higher")
    static let w_hour = Word.hash("hour")
    static let w_hourly = Word.hash("hourly")
    static let w_hours = Word.hash("hours")
    static let w_hr = Word.hash("hr")
    static let w_hrs = Word.hash("hrs")
    static let w_is = Word.hash("is")
    static let w_least = Word.hash("least")
    static let w_minimum = Word.hash("minimum")
    static let w_mo = Word.hash("mo")
    static let w_mon = Word.hash("mon")
    static let w_month = Word.hash("month")
    static let w_monthly = Word.hash("monthly")
    static let w_months = Word.hash("months")
    static let w_more = Word.hash("more")
    static let w_mth = Word.hash("mth")
    static let w_of = Word.hash("of")
    static let w_onwards = Word.hash("onwards")
    static let w_or = Word.hash("or")
    static let w_pa = Word.hash("pa")
    static let w_paid = Word.hash("paid")
    static let w_pay = Word.hash("pay")
    static let w_pcm = Word.hash("pcm")
    static let w_per = Word.hash("per")
    static let w_ph = Word.hash("ph")
    static let w_plus = Word.hash("plus")
    static let w_pw = Word.hash("pw")
    static let w_range = Word.hash("range")
    static let w_remuneration = Word.hash("remuneration")
    static let w_salaries = Word.hash("salaries")
    static let w_salary = Word.hash("salary")
    static let w_start = Word.hash("start")
    static let w_starting = Word.hash("starting")
    static let w_starts = Word.hash("starts")
    static let w_stipend = Word.hash("stipend")
    static let w_to = Word.hash("to")
    static let w_up = Word.hash("up")
    static let w_upwards = Word.hash("upwards")
    static let w_wage = Word.hash("wage")
    static let w_wages = Word.hash("wages")
    static let w_week = Word.hash("week")
    static let w_weekly = Word.hash("weekly")
    static let w_weeks = Word.hash("weeks")
    static let w_wk = Word.hash("wk")
    static let w_y = Word.hash("y")
    static let w_year = Word.hash("year")
    static let w_yearly = Word.hash("yearly")
    static let w_years = Word.hash("years")
    static let w_yr = Word.hash("yr")
}
