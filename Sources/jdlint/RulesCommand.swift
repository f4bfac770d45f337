import JDLintCore

enum RulesCommand {
    /// The values `jdlint rules --format` takes (without it: the table for people): `json`, the README's table
    /// (`markdown`), the full rule reference, docs/rules.md (`reference`), and the table of pay-transparency laws
    /// of the profiles, docs/pay-laws.md (`pay-laws`).
    static let formats = ["json", "markdown", "reference", "pay-laws"]

    static func list(_ args: [String], _ out: OutputStream, _ err: OutputStream) -> Int32 {
        let registry = RuleRegistry.builtin
        // `--format VALUE` or `--format=VALUE`; nothing else.
        var format: String?
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--format" {
                guard i + 1 < args.count else {
                    err.write("jdlint rules: --format needs a value (\(formats.joined(separator: " or ")))\n")
                    return 2
                }
                format = args[i + 1]
                i += 2
            } else if a.hasPrefix("--format=") {
                format = String(a.dropFirst("--format=".count))
                i += 1
            } else {
                err.write("jdlint rules: unknown argument \(a) (use --format \(formats.joined(separator: " or --format ")))\n")
                return 2
            }
        }
        if let f = format, !formats.contains(f) {
            err.write("jdlint rules: unknown value \"\(f)\" for --format (allowed: \(formats.joined(separator: ", ")))\n")
            return 2
        }
        if format == "reference" {
            out.write(RuleDocs.reference(RuleRegistry.builtin))
            return 0
        }
        if format == "pay-laws" {
            out.write(PayLaws.markdown())
            return 0
        }
        if format == "markdown" {
            out.write(RuleDocs.table(RuleRegistry.builtin))
            return 0
        }
        if format == "json" {
            let items: [JSONValue] = registry.rules.map { r in
                let m = r.meta
                return ["id": .string(m.id), "severity": .string(m.defaultSeverity.rawValue), "enabled": .bool(m.enabledByDefault),
                        "fix": m.fix.map { .string($0.rawValue) } ?? .null, "fixes": .array(m.fixes.map { .string($0.rawValue) }), "summary": .string(m.summary)]
            }
            out.write(JSONValue.array(items).serialized() + "\n")
            return 0
        }
        let width = registry.ids.map(\.count).max() ?? 20
        out.write("RULE".padding(width) + "  SEVERITY  FIX           SUMMARY\n")
        for r in registry.rules {
            let m = r.meta
            let sev = (m.enabledByDefault ? m.defaultSeverity.rawValue : "off").padding(8)
            let fix = (m.fix?.rawValue ?? "-").padding(12)
            out.write("\(m.id.padding(width))  \(sev)  \(fix)  \(m.summary)\n")
        }
        return 0
    }

    static func explain(_ args: [String], _ out: OutputStream, _ err: OutputStream) -> Int32 {
        guard args.count == 1 else {
            err.write("jdlint explain: give one rule id, e.g. `jdlint explain grammar/indefinite-article`\n")
            return 2
        }
        let registry = RuleRegistry.builtin
        guard let rule = registry.rule(args[0]) else {
            let hint = registry.closestID(to: args[0]).map { " (did you mean \($0)?)" } ?? ""
            err.write("jdlint explain: unknown rule \"\(args[0])\"\(hint); `jdlint rules` lists them\n")
            return 2
        }
        out.write(RuleDocs.markdown(rule.meta))
        return 0
    }
}
