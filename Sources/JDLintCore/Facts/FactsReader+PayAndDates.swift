// baseSalary (through the pay parser), datePosted and validThrough.

extension FactsReader {
    // MARK: pay

    mutating func salary() {
        let pay = a.pay
        // A structured field first (front-matter `salary:`), else the first figure of the prose.
        guard var st = pay.first(where: { !$0.inProse }) ?? pay.first(where: { $0.inProse && ($0.currency != nil || $0.period != nil) })
        else { return }
        // Figures of the same currency and period further along the same line state one range: “£34,000 per annum,
        // post Preceptorship = £36,000 per annum”, “£16,195 (under 25) / £17,222 (over 25)”. Not a bonus or a
        // different scale: the figures are within a factor of two.
        if st.inProse {
            var end = st.proseRange.upperBound
            for other in pay where !st.isRange && other.inProse && other.proseRange.lowerBound >= end {
                // A bare small figure between them is not pay (“£16,778 based on 37 hours / £20,404 based on 45 hours”).
                if Bytes.isDigit(t[other.proseRange.lowerBound]), st.currency != nil, !other.isRange, other.max * 10 < st.min { continue }
                let gap = t[end..<other.proseRange.lowerBound]
                // Single figures only, not one in brackets after another (“£36,708 (£21,460 pro rata)”).
                guard !gap.contains(.lineFeed), !other.isRange, !Bytes.leavesParenOpen(gap) else { break }
                guard other.currency == st.currency, other.period == st.period, !other.openEnded, !st.openEnded,
                      other.min > 0, st.min > 0, max(other.max, st.max) <= 2 * min(other.min, st.min) else { break }
                st.min = min(st.min, other.min)
                st.max = max(st.max, other.max)
                end = other.proseRange.upperBound
                st.sourceRange = SourceRange(st.sourceRange.lowerBound, max(st.sourceRange.upperBound, other.sourceRange.upperBound))
            }
        }
        var qv = JSONObject()
        qv["@type"] = .string("QuantitativeValue")
        if st.isRange || st.min < st.max {
            qv["minValue"] = JobPostingFacts.number(st.min)
            qv["maxValue"] = JobPostingFacts.number(st.max)
        } else if st.openEnded {
            // “up to £50,000” is a maximum; “from £20/hr”, “£20/hr and up” a minimum.
            let upTo = st.inProse && Self.saysUpTo(t, before: st.proseRange.lowerBound, within: st.proseRange)
            qv[upTo ? "maxValue" : "minValue"] = JobPostingFacts.number(st.min)
        } else {
            qv["value"] = JobPostingFacts.number(st.min)
        }
        if let p = st.period { qv["unitText"] = .string(p.rawValue.uppercased()) }
        var m = JSONObject()
        m["@type"] = .string("MonetaryAmount")
        if let c = st.currency { m["currency"] = .string(c) }
        m["value"] = .object(qv)
        add("baseSalary", .object(m), st.sourceRange)
    }

    /// “up to”, “max”, “maximum” right before or at the start of a statement.
    static func saysUpTo(_ t: [UInt8], before start: Int, within r: Range<Int>) -> Bool {
        let lo = max(0, start - 16)
        let s = Bytes.lowerString(t, lo..<min(t.count, r.lowerBound + 12))
        return s.contains("up to") || s.contains("upto") || s.contains("max")
    }

    // MARK: dates

    static let postedKeys: Set<String> = ["dateposted", "posted", "postedon", "date", "publishdate", "published", "datepublished",
                                          "postingdate", "postdate", "publishedon", "created", "datecreated"]
    static let validKeys: Set<String> = ["validthrough", "closingdate", "closes", "closingon", "deadline", "applicationdeadline",
                                         "applyby", "expires", "expirydate", "expirationdate", "closedate", "applicationclosingdate"]

    mutating func dates() {
        for f in fields(Self.postedKeys) { if let d = Self.isoDate(f.value) { add("datePosted", .string(d), f.valueRange); break } }
        // A line that is nothing but a date, among the first blocks (“Friday, April 3, 2020” under the title of a
        // scraped posting): the day it was posted.
        for b in a.blocks.prefix(8) where b.kind == .paragraph && b.proseRange.count <= 40 {
            if let d = Self.isoDate(String(decoding: t[b.proseRange], as: UTF8.self)) {
                add("datePosted", .string(d), a.sourceRange(b.proseRange))
                break
            }
        }
        for f in fields(Self.validKeys) { if let d = Self.isoDate(f.value) { add("validThrough", .string(d), f.valueRange); break } }
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]

    /// An ISO 8601 date (or date-time, kept as written), or a date written out (“12 March 2026”, “March 12, 2026”,
    /// “12th Mar 2026”) as `YYYY-MM-DD`. Numeric dates like `03/04/2026` are ambiguous and not read.
    static func isoDate(_ raw: String) -> String? {
        let s = raw.trimmed(extra: "\"'")
        let b = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count, b[r].allSatisfy(Bytes.isDigit) else { return nil }
            return Int(String(decoding: b[r], as: UTF8.self))
        }
        if b.count >= 10, let y = digits(0..<4), b[4] == .hyphen, let m = digits(5..<7), b[7] == .hyphen, let d = digits(8..<10),
           (1900...2200).contains(y), (1...12).contains(m), (1...31).contains(d) {
            if b.count == 10 { return s }
            // A time after it: keep the whole value when it is ISO-like (`2026-01-05T09:00:00Z`), else the date.
            if b[10] == UInt8(ascii: "T") && b.count <= 35 && b[10...].allSatisfy({ Bytes.isDigit($0) || ":.+-TZ".utf8.contains($0) }) { return s }
            return String(s.prefix(10))
        }
        // Numbers: `6/16/2020` or `16.06.2020`, read only when one of day and month is above 12 (`03/04/2026` stays
        // ambiguous and is not read).
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        if parts.count == 3, parts[2].count == 4, let y = Int(parts[2]), (1900...2200).contains(y),
           parts[0].count <= 2, parts[1].count <= 2, let p = Int(parts[0]), let q = Int(parts[1]), p >= 1, q >= 1 {
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
            if p > 12 && p <= 31 && q <= 12 { return "\(y)-\(two(q))-\(two(p))" }
            if q > 12 && q <= 31 && p <= 12 { return "\(y)-\(two(p))-\(two(q))" }
            return nil
        }
        // Words: a day, a month name, a year in any order of day and month (a weekday before them is dropped:
        // “Friday, April 3, 2020”; `15-Apr-2020` splits at its hyphens).
        var tokens: [String] = []
        Tokenizer.words(b, 0..<b.count) { tokens.append(Bytes.lowerString(b, $0)) }
        if tokens.count == 1 { tokens = tokens[0].split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init) }
        if let first = tokens.first, Self.weekdays.contains(where: { $0 == first || ($0.hasPrefix(first) && first.count >= 3) }) { tokens.removeFirst() }
        guard tokens.count == 3 || (tokens.count == 4 && ["st", "nd", "rd", "th"].contains(tokens[1])) else { return nil }
        var day: Int?, month: Int?, year: Int?
        for tok in tokens {
            if let m = months.firstIndex(where: { $0 == tok || ($0.hasPrefix(tok) && tok.count >= 3) }) { month = m + 1; continue }
            var digitsPart = tok
            for suffix in ["st", "nd", "rd", "th"] where tok.hasSuffix(suffix) && tok.count > 2 { digitsPart = String(tok.dropLast(2)) }
            guard let v = Int(digitsPart) else { if ["st", "nd", "rd", "th"].contains(tok) { continue }; return nil }
            if v >= 1900 && v <= 2200 && digitsPart.count == 4 { year = v } else if v >= 1 && v <= 31 { day = v } else { return nil }
        }
        guard let d = day, let m = month, let y = year else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
