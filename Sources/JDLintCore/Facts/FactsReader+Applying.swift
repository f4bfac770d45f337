// How to apply: directApply and applicationContact (an e-mail address or a web address).

extension FactsReader {
    // MARK: applying

    static let applyKeys: Set<String> = ["apply", "howtoapply", "applyurl", "applicationurl", "applicationlink", "applylink", "applyto",
                                         "applicationemail", "contactemail", "email", "contact", "applicationcontact", "applyat"]
    static let directApplyKeys: Set<String> = ["directapply"]
    static let applyWords = WordSet(["apply", "applying", "application", "applications", "cv", "cvs", "resume", "resumes", "send",
                                     "submit", "email", "e", "interested", "contact", "applicants", "candidates"].map { Word.hash($0) })
    /// Words that speak of applying itself: a block with an address and only “email” or “contact” is as often
    /// about enquiries.
    static let strongApplyWords = WordSet(["apply", "applying", "application", "applications", "cv", "cvs", "resume", "resumes",
                                           "submit"].map { Word.hash($0) })

    mutating func apply() {
        if let f = field(Self.directApplyKeys) {
            let k = Field.normaliseKey(f.value)
            if k == "true" || k == "yes" { add("directApply", true, f.valueRange) }
            if k == "false" || k == "no" { add("directApply", false, f.valueRange) }
        }
        for f in fields(Self.applyKeys) {
            let b = Array(f.value.utf8)
            if let (kind, r) = Self.contact(b, 0..<b.count) {
                add("applicationContact", Self.contactPoint(kind, String(decoding: b[r], as: UTF8.self)),
                    f.valueRange)
                return
            }
        }
        // The prose: an e-mail address or a URL in a block that speaks of applying.
        var underApply = [Bool](repeating: false, count: a.blocks.count)
        for sec in a.sections {
            guard let h = sec.heading, partIDs(a.blocks[h].proseRange).contains("how-to-apply") else { continue }
            for bi in sec.body { underApply[bi] = true }
        }
        for (bi, block) in a.blocks.enumerated() where block.kind != .heading {
            let r = block.proseRange
            guard r.count < 20_000, let (kind, cr) = Self.contact(t, r) else { continue }
            // Only the sentence of the address speaking of applying itself (apply, application, CV, résumé, submit)
            // gives how to apply: an address after “email” or “contact” alone is as often one for enquiries or
            // informal visits (“For further details / informal visits contact: … Email address: …”), and “we look
            // forward to your application. If you have any questions, contact …” is an enquiry address too.
            var lo = cr.lowerBound, hi = cr.upperBound
            while lo > r.lowerBound && !Self.sentenceEnd(t, lo - 1) { lo -= 1 }
            while hi < r.upperBound && !Self.sentenceEnd(t, hi) { hi += 1 }
            var applying = false
            for w in a.words(block: bi) where w.range.lowerBound >= lo && w.range.upperBound <= hi && Self.strongApplyWords.contains(w.hash) {
                applying = true
                break
            }
            // “How to apply” above it.
            if underApply[bi] { applying = true }
            guard applying else { continue }
            add("applicationContact", Self.contactPoint(kind, String(decoding: t[cr], as: UTF8.self)),
                a.sourceRange(cr))
            return
        }
    }

    /// A sentence ends here: `.`, `!` or `?` before a space or a line break, or a line break.
    static func sentenceEnd(_ t: [UInt8], _ i: Int) -> Bool {
        let c = t[i]
        if c == .lineFeed { return true }
        guard c == .period || c == .exclamation || c == .question, i + 1 < t.count else { return false }
        return t[i + 1] == .space || t[i + 1] == .lineFeed
    }

    static func contactPoint(_ kind: String, _ value: String) -> JSONValue {
        .object(JSONObject([("@type", .string("ContactPoint")), (kind, .string(value))]))
    }

    /// The first e-mail address (`email`) or web address (`url`) in `t[r]`.
    static func contact(_ t: [UInt8], _ r: Range<Int>) -> (String, Range<Int>)? {
        func local(_ c: UInt8) -> Bool { Bytes.isASCIILetter(c) || Bytes.isDigit(c) || "._%+-".utf8.contains(c) }
        func host(_ c: UInt8) -> Bool { Bytes.isASCIILetter(c) || Bytes.isDigit(c) || c == .period || c == .hyphen }
        func trimDots(_ e: Int, _ s: Int) -> Int {
            var e = e
            while e > s && (t[e - 1] == .period || t[e - 1] == .hyphen) { e -= 1 }
            return e
        }
        var i = r.lowerBound
        while i < r.upperBound {
            let c = t[i]
            if c == .at {  // @
                var s = i
                while s > r.lowerBound && local(t[s - 1]) { s -= 1 }
                while s < i && t[s] == .period { s += 1 }
                var e = i + 1
                // A capital right after a small letter starts the next word of text run into the address
                // (`…@trust.nhs.ukTelephone`).
                while e < r.upperBound && host(t[e]) && !(e > i + 1 && Bytes.isLower(t[e - 1]) && Bytes.isUpper(t[e])) { e += 1 }
                e = trimDots(e, i + 1)
                let domain = t[(i + 1)..<e]
                if s < i, let dot = domain.lastIndex(of: .period), e - dot - 1 >= 2, t[(dot + 1)..<e].allSatisfy(Bytes.isASCIILetter) {
                    return ("email", s..<e)
                }
            } else if (c == UInt8(ascii: "h") || c == UInt8(ascii: "w")) && (i == r.lowerBound || !Bytes.isASCIILetter(t[i - 1])) {
                // http://, https://, www.
                let rest = Bytes.lowerString(t, i..<min(r.upperBound, i + 8))
                if rest.hasPrefix("http://") || rest.hasPrefix("https://") || rest.hasPrefix("www.") {
                    var e = i
                    while e < r.upperBound && t[e] > 0x20 && t[e] < 0x7F && !"<>\"'()[]{}".utf8.contains(t[e]) { e += 1 }
                    while e > i && ".,;:!?".utf8.contains(t[e - 1]) { e -= 1 }
                    if e - i > 8 { return ("url", i..<e) }
                }
            }
            i += 1
        }
        return nil
    }
}
