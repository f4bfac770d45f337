import Testing
@testable import JDLintCore

/// The pay parser against a table of pay strings written in the style of real postings.
@Suite struct PayParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var min: Double
        var max: Double
        var currency: String?
        var period: PayPeriod?
        var range: Bool
        var open: Bool
        var testDescription: String { text }
        init(_ text: String, _ min: Double, _ max: Double? = nil, _ currency: String?, _ period: PayPeriod?, open: Bool = false) {
            self.text = text
            self.min = min
            self.max = max ?? min
            self.currency = currency
            self.period = period
            self.range = max != nil && max != min
            self.open = open
        }
    }

    static let table: [Case] = [
        // US dollars
        Case("The salary is $64334 a year.", 64334, nil, "USD", .year),
        Case("Salary: $64,334", 64334, nil, "USD", nil),
        Case("Base pay of $64,334.00 per annum", 64334, nil, "USD", .year),
        Case("Compensation: $60k–$80k", 60000, 80000, "USD", nil),
        Case("Pay range $60K - 80K annually", 60000, 80000, "USD", .year),
        Case("USD 60,000 to 80,000 per year", 60000, 80000, "USD", .year),
        Case("We pay $22/hr to start.", 22, nil, "USD", .hour),
        Case("Rate: $22 - $28 an hour", 22, 28, "USD", .hour),
        Case("The hiring range is $57,352 to $78,128.", 57352, 78128, "USD", nil),
        Case("SALARY RANGE: $62,467.00 to $81,204.00 / Per Year", 62467, 81204, "USD", .year),
        Case("The expected starting pay range is $24.03 - $37.34 per hour.", 24.03, 37.34, "USD", .hour),
        Case("Salary Range: Up to $170,000.00 per year", 170000, nil, "USD", .year, open: true),
        Case("Tutors are paid biweekly at a rate of $29.42/hour.", 29.42, nil, "USD", .hour),
        Case("The pay rate is $42 per hour for about 16 hours per week.", 42, nil, "USD", .hour),
        Case("Salary: $1125 per week during the summer.", 1125, nil, "USD", .week),
        Case("Starting at $18/hr and up based on experience.", 18, nil, "USD", .hour, open: true),
        Case("Annual salary: $95,000", 95000, nil, "USD", .year),
        Case("Hourly rate of $31.50", 31.5, nil, "USD", .hour),
        Case("Salary between $70,000 and $90,000 depending on experience.", 70000, 90000, "USD", nil),
        Case("$120,000 – $150,000 base + equity", 120000, 150000, "USD", nil),
        Case("Pay: $45,000—$55,000/yr", 45000, 55000, "USD", .year),
        Case("Stipend of $3,200 monthly", 3200, nil, "USD", .month),
        Case("Day rate: $650 per day", 650, nil, "USD", .day),
        Case("US$90,000 - US$110,000 per annum", 90000, 110000, "USD", .year),
        Case("CA$85,000 to CA$95,000 a year", 85000, 95000, "CAD", .year),
        Case("The role pays $150k+ depending on level.", 150000, nil, "USD", nil, open: true),
        Case("Offering 75,000 USD per year.", 75000, nil, "USD", .year),
        Case("Salary: 66 USD per hour", 66, nil, "USD", .hour),
        Case("Salary: from $52,000 per year", 52000, nil, "USD", .year, open: true),
        Case("Compensation is $100,000 to $130,000 a year, plus bonus.", 100000, 130000, "USD", .year),
        Case("Pay: $17.50 - $19.00 hourly", 17.5, 19, "USD", .hour),
        Case("Salary $80,000 - $60,000 per year", 60000, 80000, "USD", .year),
        Case("Salary range: $55K-$65K (annual)", 55000, 65000, "USD", .year),
        // Pounds
        Case("£28,407 - £34,581 a year", 28407, 34581, "GBP", .year),
        Case("£14.50 per hour", 14.5, nil, "GBP", .hour),
        Case("Salary: £23,375 - £27,104 per annum", 23375, 27104, "GBP", .year),
        Case("£31,365 - £37,890 pa pro rata", 31365, 37890, "GBP", .year),
        Case("Salary band: £18,620 - £21,140 p.a.", 18620, 21140, "GBP", .year),
        Case("Night rate: £25.19 per hour", 25.19, nil, "GBP", .hour),
        Case("Salary is on the RA1A scale (£21,790 to £31,458)", 21790, 31458, "GBP", nil),
        Case("£9.78 an hour", 9.78, nil, "GBP", .hour),
        Case("£37,638 - £44,780 per annum Incl. HCAS", 37638, 44780, "GBP", .year),
        Case("£82,096.00 - £110,683.00", 82096, 110683, "GBP", nil),
        Case("GBP 25,888 - GBP 33,780", 25888, 33780, "GBP", nil),
        Case("£30,070 to £39,038 per annum, inclusive of London Allowance", 30070, 39038, "GBP", .year),
        Case("Salary: £40k - £45k pro rata", 40000, 45000, "GBP", nil),
        Case("£500 pw", 500, nil, "GBP", .week),
        Case("£2,100 pcm", 2100, nil, "GBP", .month),
        Case("£29,888 \u{200B} -  £36,738  per annum", 29888, 36738, "GBP", .year),
        // Euros and other locales
        Case("Salary: 60.000 € per year", 60000, nil, "EUR", .year),
        Case("Salary €55.000–€65.000 per year", 55000, 65000, "EUR", .year),
        Case("approx. € 35,000 to € 50,000 p.a. gross", 35000, 50000, "EUR", .year),
        Case("a salary from €40,000 - €45,000 depending on background", 40000, 45000, "EUR", nil),
        Case("Gehalt: 45.000,00 € - 55.000,00 € jährlich", 45000, 55000, "EUR", nil),
        Case("Salary: 52 000 € per year", 52000, nil, "EUR", .year),
        Case("Salary: 52\u{202F}000 € – 58\u{202F}000 € per year", 52000, 58000, "EUR", .year),
        Case("CHF 100'000 - 120'000 per year", 100000, 120000, "CHF", .year),
        Case("EUR 4.500 monthly gross", 4500, nil, "EUR", .month),
        Case("Salary: 3,500 euros per month", 3500, nil, "EUR", .month),
        Case("Salary: ₹12,00,000 per annum", 1200000, nil, "INR", .year),
        Case("AU$120k – AU$140k", 120000, 140000, "AUD", nil),
        Case("Rate: $17/hr - $22/hr depending on experience", 17, 22, "USD", .hour),
        Case("Salary: $110k - $170k AUD package", 110000, 170000, "AUD", nil),
        Case("Salary: $75,000 USD/year.", 75000, nil, "USD", .year),
        Case("Salary: Between 30.000 and 34.000 euros", 30000, 34000, "EUR", nil),
        Case("Salary Range: 6,500 – 7,500 USD depending on experience", 6500, 7500, "USD", nil),
        Case("Salary: $45,000\u{2010}$55,000", 45000, 55000, "USD", nil),
        Case("Hourly: 16.72 - 20.09 Monthly: 2910 - 3496", 16.72, 20.09, nil, .hour),
        Case("annual salary range of $53, 080 - $72, 993", 53080, 72993, "USD", .year),
        Case("within the ALC2 range 23,259 to 29,473 (GBP) p/a", 23259, 29473, "GBP", .year),
        Case("Target Pay 45-70 per hour 90-130k annual Our client", 45, 70, nil, .hour),
        Case("Salary: GS-15 Step 1 - $106,595 to GS-15 Step 10 $138,572", 106595, 138572, "USD", nil),
        Case("The range for this role is: $102,000 -- $124,000 USD", 102000, 124000, "USD", nil),
        Case("Salary commensurate with experience (30-45,000 $US)", 30000, 45000, "USD", nil),
        Case("Pay Rates: Band 3 £10.81 per hour", 10.81, nil, "GBP", .hour),
        Case("Age 21 to 24 £8.20 per hour", 8.2, nil, "GBP", .hour),
        Case("Salary: £36 – 44,000 per annum", 36000, 44000, "GBP", .year),
        Case("The gross salary is € 2.000,- per month", 2000, nil, "EUR", .month),
        // Without a currency (the context says pay)
        Case("Salary: 60,000 - 80,000 per year", 60000, 80000, nil, .year),
        Case("Pay: 25-30 per hour", 25, 30, nil, .hour),
        Case("Salary range 55k-65k", 55000, 65000, nil, nil),
        Case("Salary: 45000", 45000, nil, nil, nil),
    ]

    @Test(arguments: table)
    func parses(_ c: Case) throws {
        let found = PayParser.parse(text: c.text)
        let s = try #require(found.first, "no pay found in \(c.text.debugDescription)")
        #expect(s.min == c.min, "min")
        #expect(s.max == c.max, "max")
        #expect(s.currency == c.currency, "currency")
        #expect(s.period == c.period, "period")
        #expect(s.isRange == c.range, "range")
        #expect(s.openEnded == c.open, "open-ended")
    }

    static let notPay: [String] = [
        "Call us on 0800 123 4567 or visit us in 2025.",
        "Call (555) 123-4567 about the salary.",
        "Salary questions: 555-123-4567.",
        "Pay is Band 5 on the Agenda for Change scale.",
        "Salary: GS-13, step 1 to 10.",
        "Salary: Grade 6-7 depending on experience.",
        "We have grown 40% since 2019.",
        "Salary reviews happen every year, 2025-2026 budget permitting.",
        "A team of 5,000 employees in 12 countries.",
        "Salary plus 401(k) with a 4% match and a 401k plan.",
        "We raised $20 million in Series B funding.",
        "Revenue: $500 million to $1 billion (USD).",
        "A £19.5m investment in the new building.",
        "Save an average of £50 per month with our free car park.",
        "We offer a $1,000 learning budget each year.",
        "A $5,000 signing bonus is available.",
        "Relocation assistance up to $10,000.",
        "Must be able to lift 50 pounds.",
        "Pay attention to detail across 20 hours per week of shifts.",
        "Salary: competitive, work 9-5 Monday to Friday.",
        "Our 2,000-bed hospital serves 1.5 million people.",
        "Salary: see 24/7 rota; review on 12/05/2025.",
        "The pay scale is explained at 10:30 on day 1.",
        "Research funding is approximately $3M per year and growing.",
        "Hours: 37.5 per week, salary to be agreed.",
        "A golden hello bonus of 10% of salary, up to £2,500.",
        "Full training and a £3,000 London location allowance.",
        "Wellness Benefit - $500 per year to spend on gym classes.",
        "Competitive salary, 401K, performance-related bonus and health insurance.",
        "Up to $1500/yr ProDev allowance for classes.",
        "Disability cover (60% of salary up to $2,000.00/week).",
        "$2,000 annual training and development budget.",
        "A diverse range of 6 monthly rotations in clinical areas.",
        "A delivery rate of 6500 births per year.",
        "Salary enquiries: Tel 07875 767144.",
        "Up to $500.00/year towards continuing education.",
        "A £10.00 deduction from salary over the following months.",
    ]

    @Test(arguments: notPay)
    func ignores(_ text: String) {
        let found = PayParser.parse(text: text)
        #expect(found.isEmpty, "found \(found.map(\.summary))")
    }

    @Test func amountsKeepTheirShape() throws {
        let s = try #require(PayParser.parse(text: "Salary: $1,00,000 - $64334.00 a year").first)
        #expect(s.amounts.count == 2)
        #expect(s.amounts[0].groupingValid == false)
        #expect(s.amounts[1].groupSeparator == nil && s.amounts[1].zeroDecimals && s.amounts[1].integerDigits == 5)
        #expect(s.min == 64334 && s.max == 100000 && s.inverted)
        let k = try #require(PayParser.parse(text: "Pay: $60 - 80K").first)
        #expect(k.amounts[0].impliedThousands && k.min == 60000 && k.max == 80000)
        let inr = try #require(PayParser.parse(text: "CTC ₹1,00,000 per month").first)
        #expect(inr.amounts[0].groupingValid)
    }

    @Test func twoStatementsInOneLine() {
        let found = PayParser.parse(text: "£32,478 - £42,969 or £31,841 to £50,068 pa")
        #expect(found.count == 2)
        #expect(found.last?.period == .year)
    }

    @Test func readsFrontMatterAndJSONLD() throws {
        let md = Document(text: "---\ntitle: Nurse\nsalary: \"$60,000 - $70,000 per year\"\n---\n\nWe are hiring.\n", format: .markdown)
        let a = Analysis(document: md)
        let s = try #require(a.pay.first)
        #expect(s.min == 60000 && s.max == 70000 && s.currency == "USD" && s.period == .year && !s.inProse)
        let fm2 = Analysis(document: Document(text: "---\ntitle: Nurse\nsalary_min: 50000\nsalary_max: 65000\nsalary_currency: GBP\n---\n\nHi.\n", format: .markdown))
        let s2 = try #require(fm2.pay.first)
        #expect(s2.min == 50000 && s2.max == 65000 && s2.currency == "GBP" && s2.isRange)
        let json = """
            {"@context": "https://schema.org", "@type": "JobPosting", "title": "Nurse", "description": "We are hiring.",
             "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP", "value": {"@type": "QuantitativeValue",
               "minValue": "31365", "maxValue": 37890, "unitText": "YEAR", "value": "£31,365 - £37,890 per annum"}}}
            """
        let j = Analysis(document: Document(text: json, format: .jsonld))
        let s3 = try #require(j.pay.first)
        #expect(s3.min == 31365 && s3.max == 37890 && s3.currency == "GBP" && s3.period == .year)
        let src = Array(json.utf8)
        #expect(String(decoding: src[s3.sourceRange.offsets], as: UTF8.self).hasPrefix("{\"@type\": \"MonetaryAmount\""))
    }

    @Test func readsPayFieldsAndHeadings() throws {
        let a = Analysis(document: Document(text: "# Nurse\n\nSalary: 60,000 - 70,000\n\n## Pay\n\n25-30 per hour\n", format: .markdown))
        #expect(a.pay.count == 2)
        #expect(a.pay.first?.currency == nil && a.pay.first?.min == 60000)
        #expect(a.pay.last?.period == .hour)
        let src = "# Nurse\n\nWe pay £30,000 a year.\n"
        let b = Analysis(document: Document(text: src, format: .markdown))
        let s = try #require(b.pay.first)
        #expect(String(decoding: Array(src.utf8)[s.sourceRange.offsets], as: UTF8.self) == "£30,000 a year")
    }

    @Test func scanIsLinear() {
        // A long line of digits and separators must not blow up.
        let text = "Salary: " + String(repeating: "1,2 - 3.4 to ", count: 5_000)
        _ = PayParser.parse(text: text)
        let digits = "$" + String(repeating: "9", count: 50_000)
        _ = PayParser.parse(text: digits)
    }
}
