/// Runs a rule's own examples: triggering examples must produce findings exactly at their `↓` markers,
/// non-triggering ones none, corrections must fix to the expected text (and fixing again must change nothing).
/// Each example is also run with CRLF line endings and with a prefix that shifts offsets (a BOM for text, an
/// emoji comment for Markdown and HTML), so positions are proven. Used by the generic rule test and
/// `jdlint test-pack`.
public enum ExampleChecker {
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var example: String
        public var variant: String
        public var message: String
        public var description: String { "\(rule) [\(variant)]: \(message)\n  example: \(example.debugDescription)" }
    }

    /// A transformation of an example that must not change what the rule finds (only where).
    struct Variant {
        var name: String
        var apply: (String) -> String
    }

    static func variants(_ format: DocumentFormat, _ text: String) -> [Variant] {
        var v = [Variant(name: "as written", apply: { $0 })]
        v.append(Variant(name: "CRLF", apply: { $0.replacing("\n", with: "\r\n") }))
        let hasFrontMatter = text.hasPrefix("---") || text.hasPrefix("↓---")
        switch format {
        case .text:
            v.append(Variant(name: "BOM", apply: { "\u{FEFF}" + $0 }))
        case .markdown where !hasFrontMatter, .html:
            v.append(Variant(name: "emoji prefix", apply: { "<!-- 😀 naïve café 👩🏽‍⚕️ -->\n" + $0 }))
        case .markdown:
            v.append(Variant(name: "BOM", apply: { "\u{FEFF}" + $0 }))
        case .jsonld:
            v.append(Variant(name: "BOM + whitespace", apply: { "\u{FEFF} \n" + $0 }))
        }
        return v
    }

    /// Removes `↓` markers; returns the text and the byte offsets where they stood.
    public static func stripMarkers(_ s: String) -> (String, [Int]) {
        var out: [UInt8] = []
        var marks: [Int] = []
        let marker = Array(String(RuleExample.marker).utf8)
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if i + marker.count <= b.count && Array(b[i..<(i + marker.count)]) == marker {
                marks.append(out.count)
                i += marker.count
                continue
            }
            out.append(b[i])
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), marks)
    }

    static func linter(_ meta: RuleMeta, _ registry: RuleRegistry, options: JSONObject, profiles: [String], year: Int) -> Linter {
        var c = Configuration()
        c.rules = [(meta.id, RuleSetting(enabled: true, options: options))]
        return Linter(registry: registry, configuration: c,
                      settings: LintSettings(profiles: profiles.isEmpty ? ["default"] : profiles, currentYear: year), select: [meta.id])
    }

    public static func check(_ rule: any Rule, registry: RuleRegistry, currentYear: Int = 2026) -> [Failure] {
        let m = rule.meta
        var failures: [Failure] = []
        func fail(_ ex: String, _ variant: String, _ msg: String) {
            failures.append(Failure(rule: m.id, example: ex, variant: variant, message: msg))
        }
        // A block-scoped rule must keep its claim on every example (`Invariants.localityProblems`).
        func scope(_ ex: String, _ variant: String, _ text: String, _ format: DocumentFormat, _ l: Linter) {
            guard m.scope == .block else { return }
            for p in Invariants.localityProblems(Document(text: text, format: format), linter: l) {
                fail(ex, variant, "block scope: " + p)
            }
        }
        for ex in m.triggering {
            let l = linter(m, registry, options: ex.options, profiles: ex.profiles, year: currentYear)
            let (plain, _) = stripMarkers(ex.text)
            for variant in variants(ex.format, plain) {
                let (text, marks) = stripMarkers(variant.apply(ex.text))
                if marks.isEmpty { fail(ex.text, variant.name, "a triggering example needs at least one ↓ marker"); break }
                let found = l.lint(Document(text: text, format: ex.format)).diagnostics.filter { $0.rule == m.id }
                scope(ex.text, variant.name, text, ex.format, l)
                let starts = found.map(\.range.lowerBound).sorted()
                if starts != marks.sorted() {
                    let doc = Document(text: text, format: ex.format)
                    let describe = { (o: [Int]) in o.map { p in let q = doc.position(p); return "\(q.line):\(q.column)" }.joined(separator: ", ") }
                    fail(ex.text, variant.name, "expected findings at [\(describe(marks.sorted()))], found [\(describe(starts))]"
                         + (found.isEmpty ? "" : " — " + found.map(\.message).joined(separator: " | ")))
                }
                for d in found {
                    if d.range.upperBound > text.utf8.count || d.range.lowerBound > d.range.upperBound {
                        fail(ex.text, variant.name, "finding range \(d.range) is outside the document")
                    }
                    if let f = d.fix, f.edits.isEmpty { fail(ex.text, variant.name, "a fix with no edits") }
                }
            }
        }
        for ex in m.nonTriggering {
            let l = linter(m, registry, options: ex.options, profiles: ex.profiles, year: currentYear)
            for variant in variants(ex.format, ex.text) {
                let text = variant.apply(ex.text)
                let found = l.lint(Document(text: text, format: ex.format)).diagnostics.filter { $0.rule == m.id }
                scope(ex.text, variant.name, text, ex.format, l)
                if !found.isEmpty {
                    let doc = Document(text: text, format: ex.format)
                    let where_ = found.map { let p = doc.position($0.range.lowerBound); return "\(p.line):\(p.column) \($0.message)" }
                    fail(ex.text, variant.name, "expected no finding, found: \(where_.joined(separator: " | "))")
                }
            }
        }
        for c in m.corrections {
            let l = linter(m, registry, options: c.options, profiles: c.profiles, year: currentYear)
            let (input, _) = stripMarkers(c.input)
            for variant in variants(c.format, input) where variant.name != "emoji prefix" || true {
                let text = variant.apply(input)
                scope(c.input, variant.name, text, c.format, l)
                let expected = variant.apply(c.output)
                let result = Fixer.fix(Document(text: text, format: c.format), with: l, allowed: c.applicability)
                let got = String(decoding: result.bytes, as: UTF8.self)
                if got != expected {
                    fail(c.input, variant.name, "fixed text differs:\n    expected \(expected.debugDescription)\n    got      \(got.debugDescription)")
                    continue
                }
                let again = Fixer.fix(Document(bytes: result.bytes, format: c.format), with: l, allowed: c.applicability)
                if again.bytes != result.bytes { fail(c.input, variant.name, "fixing twice changed the text again") }
            }
        }
        return failures
    }
}
