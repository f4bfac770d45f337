/// `structure/bullet-style`: mixed bullet markers in one list, or bullets that mix fragments with sentences.
struct BulletStyleRule: Rule {
    let meta = RuleMeta(
        id: "structure/bullet-style",
        summary: "A list mixes bullet markers, or mixes fragments with full stops.",
        explanation: """
            A list whose bullets use different markers (`-` and `*`, `•` and `·`) — usually pasted together from \
            several sources — looks unfinished; so does a list where a few items end with a full stop and the rest \
            do not. The safe fix changes each odd marker to the list's most common one; the punctuation is left to \
            you (make the few items match the rest). Lists of three or more items only; numbered lists are left alone.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        triggering: [
            RuleExample("Driver\n\nYou will:\n- Drive the van\n- Load parcels\n↓* Keep the log\n"),
            RuleExample("# Driver\n\n- Drive the van\n- Load parcels\n- ↓Keep the log up to date.\n- Plan routes\n", format: .markdown),
            RuleExample("<h1>Driver</h1><ul><li>Drive the van.</li><li>Load parcels.</li><li>↓Plan routes</li><li>Keep the log.</li></ul>", format: .html),
            RuleExample("""
                {"@type": "JobPosting", "title": "Driver", "description": "<ul><li>Drive.</li><li>Load.</li><li>Plan.</li><li>↓Log</li></ul>"}
                """, format: .jsonld),
        ],
        nonTriggering: [
            RuleExample("# Driver\n\n- Drive the van\n- Load parcels\n\n* Pension\n* Holidays\n", format: .markdown),
            RuleExample("# Driver\n\n- Drive the van;\n- load parcels; and\n- keep the log.\n", format: .markdown),
            RuleExample("# Driver\n\n1. Drive the van\n2. Load parcels.\n3. Keep the log.\n", format: .markdown),
            RuleExample("<ul><li>Drive the van.</li><li>Load parcels</li></ul>", format: .html),
            // Full stops of abbreviations, an ellipsis, a bare link: not the list's style.
            RuleExample("# Driver\n\n- Drive vans, lorries, etc.\n- Load parcels\n- Plan routes\n- Cover Washington, D.C.\n- Log miles\n- Deliver...\n",
                        format: .markdown),
            // A paragraph joined to the last item (no blank line before it), a lead-in to a nested list, an item of
            // several sentences.
            RuleExample("# Driver\n\n- Drive the van\n- Load parcels\n- Plan routes\nWe are an equal opportunity employer.\n", format: .markdown),
            RuleExample("# Driver\n\n- Drive the van\n- Manage the fleet:\n  - book services\n  - renew insurance\n- Plan routes\n- Keep the log\n",
                        format: .markdown),
            RuleExample("# Driver\n\n- Drive the van\n- Load parcels\n- Keep the log. It is checked weekly.\n- Plan routes\n", format: .markdown),
            RuleExample("Driver\n\n• Drive the van.\n• Load parcels.\n• Know the routes, including:\no the ring road\no the docks\n• Keep the log.\n"),
            RuleExample("# Driver\n\n- Drive the van; or\n- Ride the bike,\n- Cover the route.\n", format: .markdown),
            RuleExample("# Logos\n\n- Our site: https://example.com/site\n- Old logo: https://example.com/old\n- Keep it simple.\n"
                        + "- Brand guide: https://example.com/guide\n", format: .markdown),
        ],
        corrections: [
            RuleCorrection("Driver\n\n- Drive the van\n- Load parcels\n* Keep the log\n", "Driver\n\n- Drive the van\n- Load parcels\n- Keep the log\n"),
            RuleCorrection("# Driver\n\n* Drive the van\n- Load parcels\n* Keep the log\n", "# Driver\n\n* Drive the van\n* Load parcels\n* Keep the log\n",
                           format: .markdown),
        ])

    static func isNumbered(_ m: String) -> Bool {
        guard let f = m.utf8.first else { return false }
        return Bytes.isDigit(f) || (m.utf8.count == 2 && Bytes.isLower(f) && m.utf8.last == .rightParen)
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        let t = a.text
        var lists: [Int: [Int]] = [:]
        var order: [Int] = []
        for (i, b) in a.blocks.enumerated() where b.kind == .listItem && b.listID >= 0 {
            if lists[b.listID] == nil { order.append(b.listID) }
            lists[b.listID, default: []].append(i)
        }
        for id in order {
            guard let items = lists[id], items.count >= 3 else { continue }
            let markers = items.map { a.blocks[$0].marker ?? "" }
            guard !markers.contains(where: { Self.isNumbered($0) }) else { continue }
            // Markers
            do {
                var counts: [String: Int] = [:]
                for m in markers { counts[m, default: 0] += 1 }
                if counts.count > 1 {
                    let majority = counts.max { x, y in x.value < y.value || (x.value == y.value && markers.firstIndex(of: x.key)! > markers.firstIndex(of: y.key)!) }!.key
                    for i in items {
                        let b = a.blocks[i]
                        guard let m = b.marker, m != majority, let mr = b.markerRange else { continue }
                        let fix = a.document.bytes[mr.offsets].elementsEqual(m.utf8)
                            ? Fix(title: "Use “\(majority)”", applicability: .safe, edits: [.replace(mr, with: majority)]) : nil
                        reporter.report("Bullet “\(m)” in a list of “\(majority)” bullets: use one marker per list.", at: mr, fix: fix)
                    }
                }
            }
            // Final punctuation: items ending with a full stop against fragments.
            var withStop: [Int] = [], without: [Int] = []
            var skip = false
            for i in items {
                let r = a.blocks[i].proseRange
                guard let lastIndex = t[r].lastIndex(where: { !Bytes.isWhitespace($0) && $0 != .quote && $0 != .rightParen && $0 != .apostrophe }) else { continue }
                let last = t[lastIndex]
                // Items whose ending says nothing about the list's style: an abbreviation's full stop (“etc.”,
                // “D.C.”), an ellipsis, a bare link, a lead-in to a nested list, several sentences, or a paragraph
                // that Markdown joined to the item (a lazy continuation line).
                if Self.isNeutral(a, i, lastIndex) { continue }
                // A list written as one sentence (“…; or”, “…, and”): its punctuation is the sentence's.
                if Self.endsWithConjunction(t, r.lowerBound, lastIndex) { skip = true; break }
                switch last {
                case .period: withStop.append(i)
                case .semicolon, .comma, .colon: skip = true
                case .exclamation, .question: continue  // exclamations and questions are neither
                default:
                    if Bytes.isASCIILetter(last) || Bytes.isDigit(last) || last >= 0x80 { without.append(i) }
                }
            }
            guard !skip, !withStop.isEmpty, !without.isEmpty, withStop.count != without.count else { continue }
            let (odd, style) = withStop.count < without.count ? (withStop, "end without a full stop") : (without, "end with a full stop")
            // A clear majority among the items that show a style (neutral items do not count either way).
            guard odd.count * 3 <= withStop.count + without.count else { continue }
            for i in odd {
                let r = a.blocks[i].proseRange
                reporter.report("Most items of this list \(style); this one does not match.", prose: r)
            }
        }
    }

    static let abbreviations = Keywords.set(["etc", "inc", "ltd", "co", "corp", "jr", "sr", "dr", "st", "no", "vs", "approx", "dept",
                                             "esp", "incl", "min", "max", "hrs", "yrs", "eg", "ie", "al", "plc", "llc", "bros"])

    static func isNeutral(_ a: Analysis, _ i: Int, _ lastIndex: Int) -> Bool {
        let t = a.text
        let r = a.blocks[i].proseRange
        if t[lastIndex] == .period {
            // An ellipsis (“...”).
            if lastIndex > r.lowerBound && t[lastIndex - 1] == .period { return true }
            // The word before the full stop: an abbreviation, or dotted initials (“D.C.”, “M.A.”, “U.S.”).
            var k = lastIndex
            while k > r.lowerBound && (Bytes.isASCIILetter(t[k - 1]) || t[k - 1] == .period) { k -= 1 }
            let word = t[k..<lastIndex]
            if word.contains(.period) { return true }
            if !word.isEmpty && abbreviations.contains(Word.hash(Array(word), 0..<word.count)) { return true }
        }
        // “…” (U+2026).
        if t[lastIndex] == 0xA6 && lastIndex >= r.lowerBound + 2 && t[lastIndex - 1] == 0x80 && t[lastIndex - 2] == 0xE2 { return true }
        // A bare link, or an item that ends with one.
        var u = lastIndex
        while u > r.lowerBound && !Bytes.isWhitespace(t[u - 1]) { u -= 1 }
        if lastIndex - u > 8, Bytes.equalsLower(t, u..<(u + 4), "http") || Bytes.equalsLower(t, u..<(u + 4), "www.") { return true }
        var start = r.lowerBound
        while start < r.upperBound && Bytes.isWhitespace(t[start]) { start += 1 }
        if start + 4 <= lastIndex, Bytes.equalsLower(t, start..<(start + 4), "http") || Bytes.equalsLower(t, start..<(start + 4), "www."),
           !t[start...lastIndex].contains(.space) { return true }
        // A lead-in to a nested list.
        if i + 1 < a.blocks.count, a.blocks[i + 1].kind == .listItem, a.blocks[i + 1].level > a.blocks[i].level { return true }
        // Several sentences, or a line break after a sentence's end or before a capital (a joined paragraph or
        // heading; a hard-wrapped sentence goes on in lower case).
        var k = r.lowerBound
        while k < lastIndex {
            let c = t[k]
            if c == .lineFeed {
                var p = k
                while p > r.lowerBound && Bytes.isWhitespace(t[p - 1]) { p -= 1 }
                var n = k + 1
                while n < lastIndex && Bytes.isWhitespace(t[n]) { n += 1 }
                if p > r.lowerBound && n < lastIndex && (Bytes.isUpper(t[n]) || t[p - 1] == .period || t[p - 1] == .exclamation || t[p - 1] == .question || t[p - 1] == .colon) {
                    return true
                }
            } else if c == .period || c == .exclamation || c == .question, k + 2 < lastIndex, t[k + 1] == .space, Bytes.isUpper(t[k + 2]) {
                // Not after an abbreviation or initials (“e.g. Python”, “J. Smith”).
                var w = k
                while w > r.lowerBound && Bytes.isASCIILetter(t[w - 1]) { w -= 1 }
                if c != .period || (k - w > 1 && !abbreviations.contains(Word.hash(Array(t[w..<k]), 0..<(k - w)))) { return true }
            }
            k += 1
        }
        return false
    }

    /// The item ends with “or” / “and” (after a comma or semicolon, or not): one sentence split into items.
    static func endsWithConjunction(_ t: [UInt8], _ start: Int, _ lastIndex: Int) -> Bool {
        var k = lastIndex + 1
        while k > start && Bytes.isASCIILetter(t[k - 1]) { k -= 1 }
        guard k > start, t[k - 1] == .space || t[k - 1] == .semicolon || t[k - 1] == .comma else { return false }
        let n = lastIndex + 1 - k
        return (n == 2 && Bytes.equalsLower(t, k..<(k + 2), Array("or".utf8))) || (n == 3 && Bytes.equalsLower(t, k..<(k + 3), Array("and".utf8)))
    }
}
