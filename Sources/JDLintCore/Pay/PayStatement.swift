/// How often a pay figure is paid.
public enum PayPeriod: String, Sendable, Codable {
    case hour, day, week, month, year

    /// The period as it reads after an amount ("per hour").
    public var phrase: String { "per \(self == .year ? "year" : rawValue)" }
}

/// One figure of a pay statement, as written.
public struct PayAmount: Sendable, Equatable {
    /// The value in currency units (`60k` → 60000; a `k` carried over from the other end of a range included).
    public var value: Double
    /// Prose range of the number as written: digits, separators, decimals and a `k` suffix (`64,334.00`, `60k`).
    public var range: Range<Int>
    /// Prose range including a currency symbol or code written right before or after the number (`$64,334`).
    public var figureRange: Range<Int>
    /// Number of digits of the integer part as written (before a `k`).
    public var integerDigits: Int
    /// The thousands separator used (`,` `.` `'` or a space-like byte sequence's first byte), `nil` when none.
    public var groupSeparator: UInt8?
    /// `false` when thousands separators are misplaced (`1,00,000` outside Indian rupees).
    public var groupingValid: Bool
    /// Number of decimal digits written (`.00` → 2).
    public var decimals: Int
    /// The decimal separator written (`.` or `,`), `nil` without decimals.
    public var decimalSeparator: UInt8?
    /// `true` when the decimals are all zeros (`.00`).
    public var zeroDecimals: Bool
    /// Written with a `k`/`K` suffix (`60k`).
    public var thousands: Bool
    /// The `k` of the other end of a range applies to this figure (`$60 - 80K`).
    public var impliedThousands: Bool

    public init(value: Double, range: Range<Int>, figureRange: Range<Int>, integerDigits: Int, groupSeparator: UInt8?,
                groupingValid: Bool, decimals: Int, decimalSeparator: UInt8? = nil, zeroDecimals: Bool, thousands: Bool, impliedThousands: Bool = false) {
        self.value = value
        self.range = range
        self.figureRange = figureRange
        self.integerDigits = integerDigits
        self.groupSeparator = groupSeparator
        self.groupingValid = groupingValid
        self.decimals = decimals
        self.decimalSeparator = decimalSeparator
        self.zeroDecimals = zeroDecimals
        self.thousands = thousands
        self.impliedThousands = impliedThousands
    }
}

/// Where a pay statement was read.
public enum PayOrigin: Sendable, Equatable {
    /// The prose (body text, `Salary:` lines, description).
    case prose
    /// A structured field (front-matter `salary:`, JSON-LD `baseSalary`); the index into `Prose.fields`.
    case field(Int)
}

/// A pay statement found in a posting: one figure or a range, with currency and period when stated.
public struct PayStatement: Sendable, Equatable {
    /// Lowest figure (the only figure for a single amount).
    public var min: Double
    /// Highest figure; equal to `min` for a single amount.
    public var max: Double
    /// ISO 4217 code (`USD`, `GBP`, `EUR`…) when a symbol or code was given.
    public var currency: String?
    public var period: PayPeriod?
    /// `true` when written as a range (`$60k–$80k`).
    public var isRange: Bool
    /// `true` for open-ended pay (`up to $50,000`, `$20/hr and up`).
    public var openEnded: Bool
    /// Range of the whole statement in the prose buffer (empty for statements read from structured fields).
    public var proseRange: Range<Int>
    /// Source range of the whole statement.
    public var sourceRange: SourceRange
    /// Prose ranges of the individual amounts as written (one or two), numbers only (`64,334`, `60k`).
    public var amountRanges: [Range<Int>]
    /// The figures as written, in order (empty for structured fields).
    public var amounts: [PayAmount]
    /// `true` when a range is written highest first (`$80,000 - $60,000`); `min`/`max` are still ordered.
    public var inverted: Bool
    public var origin: PayOrigin
    /// Prose range of the period words (`per year`, `/hr`), when written after the figures.
    public var periodRange: Range<Int>?

    public init(min: Double, max: Double, currency: String?, period: PayPeriod?, isRange: Bool, openEnded: Bool,
                proseRange: Range<Int>, sourceRange: SourceRange, amountRanges: [Range<Int>], amounts: [PayAmount] = [],
                inverted: Bool = false, origin: PayOrigin = .prose, periodRange: Range<Int>? = nil) {
        self.min = min
        self.max = max
        self.currency = currency
        self.period = period
        self.isRange = isRange
        self.openEnded = openEnded
        self.proseRange = proseRange
        self.sourceRange = sourceRange
        self.amountRanges = amountRanges
        self.amounts = amounts
        self.inverted = inverted
        self.origin = origin
        self.periodRange = periodRange
    }

    /// `true` when read from the prose (so prose ranges and fixes apply).
    public var inProse: Bool { origin == .prose }

    /// A short rendering for messages: `USD 60,000–80,000 per year`.
    public var summary: String {
        func f(_ v: Double) -> String {
            // Figures beyond what Int holds (a run of digits is not pay, but must not trap either).
            guard v.isFinite, abs(v) < 1e15 else { return String(v) }
            let whole = v.rounded(.down)
            var s = String(Int(whole))
            var grouped = ""
            var count = 0
            for ch in s.reversed() {
                if count > 0 && count % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
                count += 1
            }
            s = String(grouped.reversed())
            let cents = Int(((v - whole) * 100).rounded())
            if cents > 0 { s += "." + (cents < 10 ? "0" : "") + String(cents) }
            return s
        }
        var s = currency.map { $0 + " " } ?? ""
        s += f(min)
        if isRange { s += "–" + f(max) }
        if let period { s += " " + period.phrase }
        return s
    }
}
