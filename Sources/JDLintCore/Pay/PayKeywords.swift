// The words the pay scanner compares against: word lists (`Keywords`, from Rules/pay-keywords.json) and single
// words (`H`), as hashes.

/// Word lists for the scanner, as FNV hashes of the lowercased words (compared against `Word.hash`).
enum Keywords {
    static func set(_ words: [String]) -> WordSet { WordSet(words.map { Word.hash($0) }) }

    /// The word lists, from `Rules/pay-keywords.json` (what each list means is said there).
    static let data = RuleData.json("pay-keywords.json")

    static func list(_ key: String) -> [String] {
        guard let items = data[key]?.arrayValue else { preconditionFailure("Rules/pay-keywords.json has no list \"\(key)\"") }
        return items.compactMap(\.stringValue)
    }

    static let payKeyParts = list("payKeyParts")
    static let nonPayKeyParts = list("nonPayKeyParts")

    /// Words that say a nearby figure is pay.
    static let pay = set(list("pay"))
    /// Words that say a nearby figure is money of another kind.
    static let negative = set(list("negative"))
    /// Words that make a single figure without a period money of another kind wherever they stand in the
    /// sentence before it (`a bonus of 10% of salary, up to £2,500`).
    static let strongNegative = set(list("strongNegative"))
    /// Words after a bare number that may still be pay (everything else is a unit: hours, employees, years…).
    static let bareFollowers = set(list("bareFollowers"))
    /// Words before a number that make it a grade, not an amount.
    static let grades = set(list("grades"))
    static let between = H.w_between
    static let afterStops = set(list("afterStops"))
    /// Words that may stand between a pay word and its figure (`salary of approximately $50k`).
    static let labelFillers = set(list("labelFillers"))
    static let openBefore1 = set(list("openBefore"))
    static let openBefore2: [(UInt64, UInt64)] = [
        (H.w_up, H.w_to), (H.w_starting, H.w_at), (H.w_starts, H.w_at),
        (H.w_excess, H.w_of), (H.w_minimum, H.w_of), (H.w_starting, H.w_from),
        (H.w_start, H.w_at), (H.w_starting, H.w_salary), (H.w_least, H.w_of),
    ]
    static let periodAdjectives: WordMap<PayPeriod> = [
        H.w_annual: .year, H.w_yearly: .year, H.w_hourly: .hour, H.w_monthly: .month,
        H.w_weekly: .week, H.w_daily: .day, H.w_day: .day,
    ]
    static let payNouns = set(list("payNouns"))
    /// Pay words strong enough to make a bare number (no currency) pay.
    static let strongPay = set(list("strongPay"))
    /// Words before a bare number that make it a phone number or a count.
    static let bareNegative = set(list("bareNegative"))
    /// Words that may follow a period adjective (`$20 hourly, depending…`); any other word makes the adjective
    /// describe something else (`6 monthly rotations`, `$2,000 annual training budget`).
    static let afterPeriodAdjective = set(list("afterPeriodAdjective"))
    static let fillers = set(list("fillers"))
    /// Abbreviations whose period does not end the context of a figure (`approx. $60k`).
    static let abbreviations = set(list("abbreviations"))

    static func isPayKey(_ key: String) -> Bool {
        for w in payKeyParts where key.containsBytes(w) { return true }
        return false
    }

    /// Field keys that label money of another kind (`Wellness benefit:`, `Relocation bonus:`).
    static func isNonPayKey(_ key: String) -> Bool {
        for w in nonPayKeyParts where key.containsBytes(w) { return true }
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

/// Hashes of the words the scanner compares against, computed once.
enum H {
    static let w_a = Word.hash("a")
    static let w_above = Word.hash("above")
    static let w_an = Word.hash("an")
    static let w_and = Word.hash("and")
    static let w_annual = Word.hash("annual")
    static let w_annually = Word.hash("annually")
    static let w_annum = Word.hash("annum")
    /// “per anum”: a common misspelling, still a period.
    static let w_anum = Word.hash("anum")
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
