/// A rule's documentation as Markdown (for `jdlint explain`, hover and the README).
public enum RuleDocs {
    public static func markdown(_ m: RuleMeta) -> String {
        var s = "# \(m.id)\n\n\(m.summary)\n\n"
        s += "Default severity: \(m.enabledByDefault ? m.defaultSeverity.rawValue : "off (opt in)")"
        s += m.fixes.isEmpty ? ". No automatic fix." : ". Fix: \(m.fixes.map(\.rawValue).joined(separator: " or "))."
        s += "\n\n\(m.explanation)\n"
        if !m.options.isEmpty {
            s += "\n## Options\n\n"
            for o in m.options { s += "- " + optionLine(o) + "\n" }
        }
        func block(_ text: String, _ f: DocumentFormat) -> String {
            let clean = text.replacing(String(RuleExample.marker), with: "")
            return "```\(f == .text ? "text" : f.rawValue == "jsonld" ? "json" : f.rawValue)\n\(clean)\(clean.hasSuffix("\n") ? "" : "\n")```\n"
        }
        if !m.triggering.isEmpty {
            s += "\n## Flagged\n\n"
            for e in m.triggering { s += block(e.text, e.format) + "\n" }
        }
        if !m.nonTriggering.isEmpty {
            s += "## Not flagged\n\n"
            for e in m.nonTriggering { s += block(e.text, e.format) + "\n" }
        }
        if !m.corrections.isEmpty {
            s += "## Fixes\n\n"
            for c in m.corrections {
                s += block(c.input, c.format) + "becomes (\(c.applicability.rawValue) fix)\n\n" + block(c.output, c.format) + "\n"
            }
        }
        return s
    }
}

extension RuleDocs {
    /// One option as Markdown: `` `max` (integer ≥ 0, default `12`): what it does``; allowed values listed.
    public static func optionLine(_ o: RuleOption) -> String {
        var t = o.type.description.hasPrefix("an ") ? String(o.type.description.dropFirst(3)) : o.type.description.hasPrefix("a ") ? String(o.type.description.dropFirst(2)) : o.type.description
        if case .oneOf = o.type { t = "one of " + o.type.allowedValues.map { "`\($0)`" }.joined(separator: ", ") }
        if let d = o.defaultValue { t += ", default `\(d.serialized())`" }
        return "`\(o.name)` (\(t)): \(o.description)"
    }

    /// The rule table of the README (`jdlint rules --format markdown`): id, default severity, fix, summary.
    public static func table(_ registry: RuleRegistry) -> String {
        var s = "| rule | default | fix | what it reports |\n| --- | --- | --- | --- |\n"
        for r in registry.rules {
            let m = r.meta
            let summary = m.summary.replacing("|", with: "\\|")
            s += "| `\(m.id)` | \(m.enabledByDefault ? m.defaultSeverity.rawValue : "off") | \(m.fixes.isEmpty ? "—" : m.fixes.map(\.rawValue).joined(separator: ", ")) | \(summary) |\n"
        }
        return s
    }
}
