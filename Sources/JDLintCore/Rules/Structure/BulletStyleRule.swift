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
        ],
        corrections: [
            RuleCorrection("Driver\n\n- Drive the van\n- Load parcels\n* Keep the log\n", "Driver\n\n- Drive the van\n- Load parcels\n- Keep the log\n"),
            RuleCorrection("# Driver\n\n* Drive the van\n- Load parcels\n* Keep the log\n", "# Driver\n\n* Drive the van\n* Load parcels\n* Keep the log\n",
                           format: .markdown),
        ])

    static func isNumbered(_ m: String) -> Bool {
        guard let f = m.utf8.first else { return false }
        return Bytes.isDigit(f) || (m.utf8.count == 2 && Bytes.isLower(f) && m.utf8.last == 0x29)
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
                        let fix = a.document.bytes[mr].elementsEqual(m.utf8)
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
                guard let last = t[r].last(where: { !Bytes.isWhitespace($0) && $0 != 0x22 && $0 != 0x29 && $0 != 0x27 }) else { continue }
                switch last {
                case 0x2E: withStop.append(i)
                case 0x3B, 0x2C, 0x3A: skip = true
                case 0x21, 0x3F: continue  // exclamations and questions are neither
                default:
                    if Bytes.isASCIILetter(last) || Bytes.isDigit(last) || last >= 0x80 { without.append(i) }
                }
            }
            guard !skip, !withStop.isEmpty, !without.isEmpty, withStop.count != without.count else { continue }
            let (odd, style) = withStop.count < without.count ? (withStop, "end without a full stop") : (without, "end with a full stop")
            guard odd.count * 3 <= items.count else { continue }
            for i in odd {
                let r = a.blocks[i].proseRange
                reporter.report("Most items of this list \(style); this one does not match.", prose: r)
            }
        }
    }
}
