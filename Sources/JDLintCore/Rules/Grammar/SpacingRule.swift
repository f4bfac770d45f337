/// `grammar/spacing`: doubled spaces, a space before punctuation, a missing space after a full stop.
struct SpacingRule: Rule {
    let meta = RuleMeta(
        id: "grammar/spacing",
        summary: "Spacing slips: two spaces between words, a space before , . ; : ! ?, no space after a full stop.",
        explanation: """
            Three spacing slips that make a posting look careless: a doubled space between two words inside a \
            sentence (“strong  communication”), a space before a comma, full stop, semicolon, colon, exclamation or \
            question mark (“skills , and”), and a sentence run into the next (“skills.Excellent”). Numbers (3.5, \
            1,000, 9:00), URLs and file names (example.com, Node.js), abbreviations (e.g., U.S., Ph.D.), ellipses, \
            emoticons, “.NET”, two spaces after a full stop, aligned columns and HTML (where spaces collapse) are left \
            alone. A space before a comma or full stop after a word such as “at”, “on” or “the” (“read more at .”) \
            is a word lost, often a name or link a scraper removed: it is reported as a missing word, with no fix.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        triggering: [
            RuleExample("Strong↓  communication skills."),
            RuleExample("<p><strong>Are you a qualified phlebotomist↓ ?</strong></p>\n<p>Join our clinic team.</p>\n", format: .html),
            RuleExample("Excellent skills↓ , and a positive attitude↓ ."),
            RuleExample("Great communication skills.↓Excellent attention to detail."),
            RuleExample("- Team player↓ ; flexible", format: .markdown),
            // A word lost after a preposition (a scraped-out name or link): reported without a fix.
            RuleExample("Languages such as↓ , Python and Java. Read more about us at↓ ."),
        ],
        nonTriggering: [
            // A spaced ellipsis.
            RuleExample("We match patients with the treatments that work for them . . . and more."),
            RuleExample("Pay is $3.50 more, 1,000 hours, 9:00 to 5:00, see example.com or Node.js and ASP.NET."),
            RuleExample("Work in the U.S. with a Ph.D. (e.g., chemistry). Really... yes!  Two spaces after a full stop."),
            RuleExample("Experience with .NET and C# :)"),
            RuleExample("<p>Strong  communication skills.</p>", format: .html),
            RuleExample("Name        Value\nSalary      40,000"),
        ],
        corrections: [
            RuleCorrection("Strong  communication skills.", "Strong communication skills."),
            RuleCorrection("Excellent skills , and a positive attitude .", "Excellent skills, and a positive attitude."),
            RuleCorrection("Great communication skills.Excellent attention to detail.",
                           "Great communication skills. Excellent attention to detail."),
        ],
        scope: .block)

    /// Where spaces collapse when rendered (HTML, Markdown with inline HTML) a doubled space is invisible: a
    /// property of the whole document, so an edit that changes it re-lints every block.
    static func collapsesSpaces(_ a: Analysis) -> Bool {
        a.document.format == .html || a.document.format == .jsonld
            || (a.document.format == .markdown && Self.hasInlineHTML(a.document.bytes))
    }

    func blockContext(_ analysis: Analysis) -> UInt64 { Self.collapsesSpaces(analysis) ? 1 : 0 }

    static func isQuestionHeading(_ b: Block, _ t: [UInt8]) -> Bool {
        guard b.kind == .heading, !b.explicit else { return false }
        var hi = b.proseRange.upperBound
        while hi > b.proseRange.lowerBound && Bytes.isWhitespace(t[hi - 1]) { hi -= 1 }
        return hi > b.proseRange.lowerBound && t[hi - 1] == UInt8(ascii: "?")
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        let html = Self.collapsesSpaces(a)
        // Sentences: paragraphs, list items, cells, and questions set in bold that read as headings (“Are you a
        // qualified phlebotomist ?”).
        for block in a.blocks where block.kind == .paragraph || block.kind == .listItem || block.kind == .cell || Self.isQuestionHeading(block, t) {
            let r = block.proseRange
            var i = r.lowerBound
            while i < r.upperBound {
                let c = t[i]
                if c == .space {
                    var j = i
                    while j < r.upperBound && t[j] == .space { j += 1 }
                    let n = j - i
                    let before: UInt8 = i > r.lowerBound ? t[i - 1] : .lineFeed
                    let after: UInt8 = j < r.upperBound ? t[j] : .lineFeed
                    // Doubled space between two words (not after sentence punctuation, not an aligned column).
                    if !html && (n == 2 || n == 3) && (Bytes.isASCIILetter(before) || before == .comma) && Bytes.isLower(after)
                        && i > r.lowerBound && a.isVerbatim(i..<j) {
                        reporter.report("Two spaces between words.", prose: i..<j, fix: .replace(i..<j, with: " ", title: "Use one space", .safe))
                    }
                    // Space before punctuation.
                    if j < r.upperBound, i > r.lowerBound, Self.isClosingPunct(after), Bytes.isASCIILetter(before) || Bytes.isDigit(before) || before == .rightParen,
                       Self.punctFollowOK(t, j, r.upperBound), !(after == .colon && Self.isFieldLike(t, r, i)),
                       a.isVerbatim((i - 1)..<(j + 1)), !Self.afterAddress(t, r, i),
                       // "C ," is usually "C++," with the "++" lost by a scraper
                       !(Bytes.isUpper(before) && (i - 1 == r.lowerBound || !Bytes.isASCIILetter(t[i - 2]))),
                       after != .colon || (Bytes.isLower(before) && j + 2 < r.upperBound && Bytes.isLower(t[j + 2])),
                       // " ? " inside a sentence is usually a bullet or dash lost to a wrong encoding
                       !((after == .question || after == .exclamation) && j + 2 < r.upperBound && t[j + 1] == .space && Bytes.isASCIILetter(t[j + 2])),
                       // A spaced ellipsis (“them . . .”) is written with its spaces.
                       !(after == .period && j + 2 < r.upperBound && t[j + 1] == .space && t[j + 2] == .period),
                       // French typography puts a space before : ; ! ?
                       after == .comma || after == .period || !Self.isForeignBlock(a, r) {
                        let mark = String(UnicodeScalar(after))
                        if (after == .comma || after == .period), let k = Self.wordWantingAnother(t, r, before: i) {
                            // After a word that cannot end a phrase (“run on , GCP”, “more at .”) a word (a name, a
                            // link) was lost: removing the space would not mend the sentence.
                            reporter.report("A word is missing after “\(String(decoding: t[k..<i], as: UTF8.self))”, before “\(mark)”.",
                                            prose: i..<(j + 1))
                        } else {
                            reporter.report("Space before “\(mark)”.", prose: i..<(j + 1), fix: .remove(i..<j, title: "Remove the space", .safe))
                        }
                    }
                    i = j
                    continue
                }
                // Missing space after a full stop, "!" or "?": "skills.Excellent".
                if (c == .period || c == .exclamation || c == .question) && i + 2 < r.upperBound && Bytes.isUpper(t[i + 1]) && Bytes.isLower(t[i + 2])
                    && Self.runOnSentence(t, r, i) {
                    // Markup between the stop and the word ("people.**Career**"): report, but inserting could break it.
                    let fix: ProseFix? = a.isVerbatim(i..<(i + 2)) ? .insert(" ", at: i + 1, title: "Add a space", .safe) : nil
                    reporter.report("No space after “\(String(UnicodeScalar(c)))”.", prose: (i + 1)..<(i + 2), fix: fix)
                }
                i += 1
            }
        }
    }

    /// Prepositions, articles and conjunctions: a phrase does not end with one.
    static let wantWordAfter = Keywords.set(["on", "in", "of", "the", "a", "an", "and", "or", "with", "to", "for", "at", "by",
                                             "from", "as", "like", "including", "such", "via", "into"])

    /// The start of the word that ends at `i` (before the space at `i`) when it is one that needs a word after it.
    static func wordWantingAnother(_ t: [UInt8], _ r: Range<Int>, before i: Int) -> Int? {
        var k = i
        while k > r.lowerBound && Bytes.isASCIILetter(t[k - 1]) { k -= 1 }
        guard k < i, k == r.lowerBound || Bytes.isWhitespace(t[k - 1]) || t[k - 1] == .leftParen else { return nil }
        return wantWordAfter.contains(Word.hash(t, k..<i)) ? k : nil
    }

    static func isForeignBlock(_ a: Analysis, _ r: Range<Int>) -> Bool {
        let i = a.wordIndex(atOrAfter: r.lowerBound)
        guard i < a.words.count else { return false }
        return IndefiniteArticleRule.isForeign(a.words, a.text, block: a.words[i].block, around: i)
    }

    /// Whether the document's source holds HTML tags (Markdown with inline HTML).
    static func hasInlineHTML(_ b: [UInt8]) -> Bool {
        var i = 0
        let n = b.count
        while i + 3 < n {
            if b[i] == .lessThan {
                let c = b[i + 1] | 0x20
                if (c == UInt8(ascii: "p") && (b[i + 2] == .greaterThan || b[i + 2] == .space)) || (c == UInt8(ascii: "b") && (b[i + 2] | 0x20) == UInt8(ascii: "r"))
                    || b[i + 1] == .slash && Bytes.isASCIILetter(b[i + 2]) || (c == UInt8(ascii: "l") && (b[i + 2] | 0x20) == UInt8(ascii: "i")) {
                    return true
                }
            }
            i += 1
        }
        return false
    }

    /// The word before the space is a URL, an e-mail address or a file name ("see example.com ."): writers
    /// often space the full stop off so it is not taken into the address.
    static func afterAddress(_ t: [UInt8], _ r: Range<Int>, _ i: Int) -> Bool {
        var k = i
        while k > r.lowerBound && !Bytes.isWhitespace(t[k - 1]) {
            let c = t[k - 1]
            if c == .at || c == .slash || (c == .period && k < i) { return true }
            k -= 1
        }
        return false
    }

    static func isClosingPunct(_ c: UInt8) -> Bool {
        c == .comma || c == .period || c == .semicolon || c == .colon || c == .exclamation || c == .question
    }

    /// The punctuation mark at `j` ends a word: followed by white space, the end, a quote or a closing bracket
    /// (not ".NET", not "...", not ":)", not ".5").
    static func punctFollowOK(_ t: [UInt8], _ j: Int, _ end: Int) -> Bool {
        let c = t[j]
        if j + 1 >= end { return c != .colon }  // a trailing " :" is a label
        let n = t[j + 1]
        if n == c || n == .period { return false }  // "..", "!!", "?!"
        if c == .colon || c == .semicolon { if n == .rightParen || n == .leftParen || n == .hyphen || n == UInt8(ascii: "D") || n == UInt8(ascii: "P") { return false } }  // :) ;-) :D
        return n == .space || n == .lineFeed || n == .carriageReturn || n == .tab || n == .quote || n == .rightParen
    }

    /// "Salary : 40,000" at the start of a line reads as a label; leave the colon alone there.
    static func isFieldLike(_ t: [UInt8], _ r: Range<Int>, _ i: Int) -> Bool {
        var k = i
        var words = 0
        var inWord = false
        while k > r.lowerBound && t[k - 1] != .lineFeed {
            let isLetter = Bytes.isASCIILetter(t[k - 1])
            if isLetter && !inWord { words += 1 }
            inWord = isLetter
            if t[k - 1] == .period || t[k - 1] == .comma { return false }
            k -= 1
        }
        return words <= 3
    }

    /// "skills.Excellent": letters before the stop (a lower-case word of two or more letters), a capitalised
    /// word after; the run of non-space characters holds no other dot, slash, @, digit or underscore
    /// (URLs, file names, java.lang.String, U.S.Army).
    static func runOnSentence(_ t: [UInt8], _ r: Range<Int>, _ i: Int) -> Bool {
        var s = i
        while s > r.lowerBound && !Bytes.isWhitespace(t[s - 1]) { s -= 1 }
        var e = i + 1
        while e < r.upperBound && !Bytes.isWhitespace(t[e]) { e += 1 }
        // The word before: at least two letters, the last two lower case.
        guard i - s >= 2, Bytes.isLower(t[i - 1]), Bytes.isLower(t[i - 2]) else { return false }
        var k = s
        while k < e {
            let c = t[k]
            if k != i && (c == .period || c == .slash || c == .at || c == .underscore || c == .colon || c == .equals || c == .numberSign) {
                // a trailing stop or comma after the next word is fine: "skills.Excellent."
                if !(k == e - 1 && (c == .period || c == .colon)) { return false }
            }
            if Bytes.isDigit(c) { return false }
            if c >= 0x80 && c != 0xE2 && c != 0x80 && c != 0x99 { return false }
            k += 1
        }
        // Camel-case names after the stop ("Vue.JsComponent") or a file extension in capitals: need a lower-case tail.
        var m = i + 2
        while m < e && Bytes.isLower(t[m]) { m += 1 }
        if m < e && Bytes.isASCIILetter(t[m]) { return false }
        return true
    }
}
