/// Inline suppression comments: `jdlint-disable [RULES]`, `jdlint-enable [RULES]`,
/// `jdlint-disable-next-line [RULES]`, `jdlint-disable-line [RULES]`.
enum Suppressions {
    struct Region {
        var lines: ClosedRange<Int>  // 0-based lines
        var rules: [String]
        var directive: Int
    }

    static func apply(_ diagnostics: consuming [Diagnostic], analysis: Analysis, reportUnused: Severity?, knownIDs: RuleRegistry,
                      isActive: (String) -> Bool) -> [Diagnostic] {
        let directives = analysis.prose.directives
        guard !directives.isEmpty else { return diagnostics }
        let li = analysis.document.lines
        var regions: [Region] = []
        // Open `disable` regions: (directive index, rules, start line)
        var open: [(Int, [String], Int)] = []
        for (i, d) in directives.enumerated() {
            let startLine = li.lineIndex(containing: d.range.lowerBound)
            let endLine = li.lineIndex(containing: max(d.range.lowerBound, d.range.upperBound - 1))
            switch d.kind {
            case .disableLine:
                regions.append(Region(lines: startLine...endLine, rules: d.rules, directive: i))
            case .disableNextLine:
                // The next line that has content.
                var next = endLine + 1
                while next < li.lineCount && li.contentStart(ofLine: next) >= li.contentEnd(ofLine: next) { next += 1 }
                regions.append(Region(lines: next...next, rules: d.rules, directive: i))
            case .disable:
                open.append((i, d.rules, endLine + 1))
            case .enable:
                var remaining: [(Int, [String], Int)] = []
                for o in open {
                    let closes = d.rules.isEmpty || o.1.isEmpty == d.rules.isEmpty && o.1.allSatisfy { d.rules.contains($0) }
                    if closes {
                        regions.append(Region(lines: o.2...max(o.2, startLine), rules: o.1, directive: o.0))
                    } else {
                        remaining.append(o)
                    }
                }
                open = remaining
            }
        }
        for o in open { regions.append(Region(lines: o.2...max(o.2, li.lineCount), rules: o.1, directive: o.0)) }
        var used = [Bool](repeating: false, count: directives.count)
        var kept: [Diagnostic] = []
        kept.reserveCapacity(diagnostics.count)
        for d in diagnostics {
            let line = li.lineIndex(containing: d.range.lowerBound)
            var suppressed = false
            for r in regions where r.lines.contains(line) {
                if r.rules.isEmpty || r.rules.contains(where: { RuleRegistry.matches(d.rule, $0) }) {
                    suppressed = true
                    used[r.directive] = true
                }
            }
            if !suppressed { kept.append(d) }
        }
        if let severity = reportUnused {
            for (i, d) in directives.enumerated() where !used[i] && d.kind != .enable {
                // A directive naming a rule that did not run cannot be judged unused.
                let judgeable = d.rules.allSatisfy { pattern in
                    !knownIDs.matchesAny(pattern) || knownIDs.ids.contains { RuleRegistry.matches($0, pattern) && isActive($0) }
                }
                guard judgeable else { continue }
                let which = d.rules.isEmpty ? "any rule" : d.rules.joined(separator: ", ")
                let unknown = d.rules.filter { !knownIDs.matchesAny($0) }
                let message = unknown.isEmpty
                    ? "This suppression comment does not suppress any finding of \(which); remove it."
                    : "This suppression comment names unknown rules: \(unknown.joined(separator: ", "))."
                kept.append(Diagnostic(rule: SuppressionRules.unusedID, severity: severity, message: message, range: d.range,
                                       fix: Fix(title: "Remove the unused suppression comment", applicability: .unsafe,
                                                edits: [.remove(wholeLine(d.range, li))])))
            }
        }
        return kept
    }

    /// The directive's lines including the terminator when the comment is alone on them, else the comment itself.
    static func wholeLine(_ r: SourceRange, _ li: LineIndex) -> SourceRange {
        let first = li.lineIndex(containing: r.lowerBound)
        let last = li.lineIndex(containing: max(r.lowerBound, r.upperBound - 1))
        let b = li.bytes
        let before = li.contentStart(ofLine: first)..<r.lowerBound
        let after = r.upperBound..<li.contentEnd(ofLine: last)
        let blank = { (x: Range<Int>) in x.allSatisfy { Bytes.isSpace(b[$0]) } }
        if blank(before) && blank(after) {
            let full = li.fullRange(ofLine: last)
            return SourceRange(first == 0 ? li.bomLength : li.lineStarts[first], full.upperBound)
        }
        return r
    }
}

/// Rules about the engine itself (suppression comments).
public enum SuppressionRules {
    public static let unusedID = "suppression/unused"
}

/// A rule entry so that `suppression/unused` is configurable and documented like any other rule; the
/// engine itself produces its findings.
struct UnusedSuppressionRule: Rule {
    let meta = RuleMeta(
        id: SuppressionRules.unusedID,
        summary: "A suppression comment that suppresses nothing.",
        explanation: """
            A `jdlint-disable…` comment that no longer suppresses any finding is noise: the problem it hid was fixed, \
            or the rule id is misspelt. Remove it so real suppressions stay meaningful.
            """,
        defaultSeverity: .info,
        fix: .unsafe,
        triggering: [RuleExample("↓# jdlint-disable-next-line\nA clean sentence with nothing wrong.\n"),
                     RuleExample("Intro.\n\n↓<!-- jdlint-disable-line -->\n\nA clean sentence.\n", format: .markdown)],
        nonTriggering: [RuleExample("# jdlint-disable-next-line grammar/repeated-word\nWe need the the best.\n")],
        corrections: [RuleCorrection("# jdlint-disable-next-line\nA clean sentence.\n", "A clean sentence.\n",
                                     applicability: .unsafe)])

    func check(_ context: RuleContext, _ reporter: inout Reporter) {}
}

/// Rules that belong to the engine.
public enum EngineRules {
    public static let all: [any Rule] = [UnusedSuppressionRule()]
}
