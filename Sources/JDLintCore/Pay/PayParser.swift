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
        for i in 0...t.count where i == t.count || t[i] == .lineFeed {
            if i > start { scanner.scan(Region(range: start..<i, context: context, periodHint: nil, field: context)) { s in
                var s = s
                // The text stands alone: it is its own source.
                s.sourceRange = SourceRange(s.proseRange.lowerBound, s.proseRange.upperBound)
                out.append(s)
            } }
            start = i + 1
        }
        return out
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
