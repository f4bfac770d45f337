/// How often a pay figure is paid.
public enum PayPeriod: String, Sendable, Codable {
    case hour, day, week, month, year
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
    /// Range of the whole statement in the prose buffer.
    public var proseRange: Range<Int>
    /// Source range of the whole statement.
    public var sourceRange: Range<Int>
    /// Prose ranges of the individual amounts as written (one or two).
    public var amountRanges: [Range<Int>]

    public init(min: Double, max: Double, currency: String?, period: PayPeriod?, isRange: Bool, openEnded: Bool,
                proseRange: Range<Int>, sourceRange: Range<Int>, amountRanges: [Range<Int>]) {
        self.min = min
        self.max = max
        self.currency = currency
        self.period = period
        self.isRange = isRange
        self.openEnded = openEnded
        self.proseRange = proseRange
        self.sourceRange = sourceRange
        self.amountRanges = amountRanges
    }
}
