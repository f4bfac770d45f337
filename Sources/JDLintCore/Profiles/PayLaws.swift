/// The pay-transparency laws of the built-in profiles, as documentation: the list in
/// `jdlint explain salary/missing-range` and docs/pay-laws.md (`jdlint rules --format pay-laws`,
/// `scripts/gen-pay-laws`), both made from `Rules/profiles/*.json`.
public enum PayLaws {
    /// The built-in profiles that carry a law, by profile name.
    public static var profiles: [Profile] { Profile.names.compactMap { Profile.builtin[$0] }.filter { $0.law != nil } }

    /// One line per law: profile, jurisdiction, citation, effective date, who is covered, source address.
    public static func explanationList() -> String {
        let ps = profiles
        guard !ps.isEmpty else { return "" }
        return "\n\nThe laws (`--profile NAME`, combinable; docs/pay-laws.md has the full table):\n"
            + ps.map { p in
                let l = p.law!
                return "- `\(p.name)`: \(l.jurisdiction), \(l.citation), in force from \(l.effective); covers \(lowerFirst(l.employers)); \(l.url)"
            }.joined(separator: "\n")
    }

    /// docs/pay-laws.md.
    public static func markdown() -> String {
        var s = """
            # Pay-transparency laws

            Generated from `Rules/profiles/*.json` by `scripts/gen-pay-laws` (`jdlint rules --format pay-laws`); a test \
            fails when this file is stale. Each law is a profile: `jdlint --profile NAME`. This is a summary for \
            checking postings, not legal advice; the last section lists, per law, what was checked and what is unsettled.

            | profile | jurisdiction | citation | in force from | who is covered | what the posting must contain | where the job is (remote rule) |
            | --- | --- | --- | --- | --- | --- | --- |

            """
        for p in profiles {
            let l = p.law!
            let cells = ["`\(p.name)`", l.jurisdiction, "[\(l.citation)](\(l.url))", l.effective, l.employers, l.posting + checks(p), l.remote + auto(l)]
            s += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        s += "\n## What was checked, what is unsettled\n"
        for p in profiles {
            let l = p.law!
            s += "\n### \(p.name): \(l.jurisdiction)\n\n\(l.verified)\n"
            if !l.unsettled.isEmpty { s += "\nUnsettled or not verified:\n\n" + l.unsettled.map { "- \($0)\n" }.joined() }
        }
        return s
    }

    /// What jdlint checks for the profile, from its pay requirements.
    static func checks(_ p: Profile) -> String {
        func on(_ k: String) -> Bool { p.pay[k]?.boolValue == true }
        var c: [String] = []
        if on("range") {
            c.append(on("allowSingle") ? "a figure or a range, not open-ended" : on("allowFixed") ? "a range (one figure only for fixed pay)" : "a range")
        } else if p.requires.contains("pay") {
            c.append("pay stated")
        }
        if on("period") { c.append("per hour or per year") }
        if on("benefits") { c.append("benefits described") }
        if on("linkAllowed") { c.append("a link to the pay scale is accepted") }
        if on("commissionDisclosure") { c.append("a commission job may say so instead of giving pay") }
        if on("tipsDisclosure") { c.append("a tipped job gives its base wage") }
        if on("noSalaryHistory") { c.append("no pay-history questions") }
        return c.isEmpty ? "" : " jdlint checks: " + c.joined(separator: "; ") + "."
    }

    /// How `--profile auto` places the law: where the job is, and remote jobs.
    static func auto(_ l: PayLaw) -> String {
        guard let w = l.place else { return "" }
        var s = " `--profile auto` applies it to jobs placed in "
        if !w.localities.isEmpty {
            s += w.localities.prefix(6).joined(separator: ", ") + (w.localities.count > 6 ? "…" : "") + " (\(w.regions.joined(separator: ", ")))"
        } else if !w.regions.isEmpty {
            s += w.regions.joined(separator: ", ") + ", " + w.countries.joined(separator: ", ")
        } else {
            s += w.countries.count > 6 ? "its \(w.countries.count) member states" : w.countries.joined(separator: ", ")
        }
        s += w.remote == "open"
            ? ", and to remote jobs open to applicants anywhere in \(w.countries.joined(separator: ", ")) (the remote rule above)."
            : "; a remote job only when the posting places it there."
        return s
    }

    static func cell(_ s: String) -> String { s.replacing("|", with: "\\|").replacing("\n", with: " ") }

    static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
}
