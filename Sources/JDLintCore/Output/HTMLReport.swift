/// `--format html`: one self-contained page for people who are not engineers — a summary, a chart of findings per
/// category, a sortable table of postings, and each posting's text with every finding highlighted in place (message and
/// suggested fix on hover/focus, and listed beside the text for print-outs), the missing sections and the parsed pay.
///
/// The page is well-formed XHTML (an XML parser reads it strictly), inline CSS and SVG only, one small inline script
/// for sorting (the table is already sorted by findings without it), and works offline. Severity is never shown by
/// colour alone: every highlight carries an icon and a label.
public struct HTMLReportFormatter: OutputFormatter {
    public init() {}

    static func esc(_ s: String) -> String { OutputSupport.xml(s, .page) }

    static func severityLabel(_ s: Severity) -> (icon: String, label: String) {
        switch s {
        case .error: return ("✖", "Error")
        case .warning: return ("▲", "Warning")
        case .info: return ("ℹ", "Info")
        }
    }

    static let css = """
        :root{--fg:#1b1f24;--muted:#4a5560;--bg:#fff;--line:#d0d7de;--err:#a40e26;--errbg:#ffe2e6;--warn:#7a4b00;--warnbg:#fff1c2;--info:#0b4f8a;--infobg:#dcecff}
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1100px;padding:1.5rem}
        h1{font-size:1.8rem;margin:.2rem 0 1rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-top:2px solid var(--line);padding-top:1rem}h3{font-size:1.05rem;margin:1rem 0 .3rem}
        .cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:0;padding:0;list-style:none}.cards li{border:1px solid var(--line);border-radius:8px;padding:.6rem 1rem;min-width:7rem}
        .cards .n{display:block;font-size:1.6rem;font-weight:700}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left}td.num,th.num{text-align:right}
        th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:var(--fg);text-decoration:underline dotted}
        th button:focus-visible,a:focus-visible,mark:focus-visible{outline:3px solid #0969da;outline-offset:2px}
        a{color:#0550ae}
        .text{white-space:pre-wrap;word-wrap:break-word;font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;border:1px solid var(--line);border-radius:8px;padding:1rem;background:#fafbfc}
        mark{position:relative;border-radius:3px;padding:0 1px;color:var(--fg)}
        mark.error{background:var(--errbg);border-bottom:2px solid var(--err)}mark.warning{background:var(--warnbg);border-bottom:2px dashed var(--warn)}mark.info{background:var(--infobg);border-bottom:2px dotted var(--info)}
        .tag{font:700 11px/1 system-ui,sans-serif;vertical-align:super;margin-left:1px}.tag.error{color:var(--err)}.tag.warning{color:var(--warn)}.tag.info{color:var(--info)}
        mark .tip{display:none;position:absolute;left:0;top:1.6em;z-index:5;width:26rem;max-width:80vw;background:#fff;border:1px solid var(--muted);border-radius:6px;padding:.5rem .7rem;font:14px/1.4 system-ui,sans-serif;white-space:normal;box-shadow:0 4px 12px rgba(0,0,0,.15)}
        mark:hover .tip,mark:focus .tip,mark:focus-within .tip{display:block}
        .findings{font-size:.95rem}.findings li{margin:.25rem 0}.sev{font-weight:700}.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
        .fix{color:var(--muted)}code{font-family:ui-monospace,monospace;font-size:.9em}
        .pay,.missing{margin:.3rem 0}.muted{color:var(--muted)}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        @media print{mark .tip{display:none!important}.text{border:0;padding:0}th button{text-decoration:none}.noprint{display:none}h2{break-before:page}}
        """

    public func format(_ reports: [FileReport], registry: RuleRegistry) -> String {
        let summary = Summary(reports)
        var h = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>jdlint report</title>\n"
        h += "<style>\n\(HTMLReportFormatter.css)\n</style>\n</head>\n<body>\n<main>\n"
        h += "<h1>Job posting review</h1>\n"
        h += "<p class=\"muted\">Checked by jdlint \(Version.string): structure, grammar, requirements, pay and inclusive language.</p>\n"
        // Summary
        h += "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n<ul class=\"cards\">\n"
        let cards: [(String, Int)] = [("Postings", summary.files), ("Errors", summary.errors), ("Warnings", summary.warnings),
                                      ("Suggestions", summary.infos), ("Fixable automatically", summary.fixable)]
        for (label, n) in cards { h += "<li><span class=\"n\">\(n)</span>\(label)</li>\n" }
        h += "</ul>\n"
        if summary.failedFiles > 0 { h += "<p><strong>\(summary.failedFiles) file(s) could not be read.</strong></p>\n" }
        h += chart(reports)
        h += "</section>\n"
        // Table of postings
        h += table(reports)
        // Postings
        for (i, r) in reports.enumerated() { h += posting(r, index: i) }
        h += "</main>\n<script>\n//<![CDATA[\n\(HTMLReportFormatter.sortScript)\n//]]>\n</script>\n</body>\n</html>\n"
        return h
    }

    /// Bar chart of findings per rule category (inline SVG, with the numbers as text and a table for screen readers).
    func chart(_ reports: [FileReport]) -> String {
        var counts: [String: Int] = [:]
        for r in reports { for d in r.diagnostics { counts[String(d.rule.split(separator: "/").first ?? ""), default: 0] += 1 } }
        let items = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard !items.isEmpty else { return "<p>No findings.</p>\n" }
        let maxCount = items.map(\.value).max() ?? 1
        let rowH = 30, labelW = 130, barW = 520
        let height = items.count * rowH + 10
        var s = "<h3 id=\"chart-title\">Findings per category</h3>\n"
        s += "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" width=\"\(labelW + barW + 80)\" height=\"\(height)\" viewBox=\"0 0 \(labelW + barW + 80) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        s += "<desc id=\"chart-desc\">\(HTMLReportFormatter.esc(items.map { "\($0.key): \($0.value)" }.joined(separator: ", ")))</desc>\n"
        for (i, item) in items.enumerated() {
            let y = i * rowH + 5
            let w = max(2, item.value * barW / maxCount)
            s += "<text x=\"0\" y=\"\(y + 18)\" font-size=\"14\" fill=\"#1b1f24\">\(HTMLReportFormatter.esc(item.key))</text>"
            s += "<rect x=\"\(labelW)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"18\" fill=\"#0b4f8a\"/>"
            s += "<text x=\"\(labelW + w + 6)\" y=\"\(y + 18)\" font-size=\"14\" fill=\"#1b1f24\">\(item.value)</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    func table(_ reports: [FileReport]) -> String {
        var s = "<section aria-labelledby=\"postings\">\n<h2 id=\"postings\">Postings</h2>\n"
        s += "<p class=\"noprint muted\">Select a column heading to sort. Sorted by number of findings.</p>\n"
        s += "<table id=\"postings-table\">\n<thead><tr>"
        let cols: [(String, Bool)] = [("Posting", false), ("Errors", true), ("Warnings", true), ("Suggestions", true), ("Findings", true)]
        for (i, c) in cols.enumerated() {
            s += "<th scope=\"col\"\(c.1 ? " class=\"num\"" : "") aria-sort=\"\(i == 4 ? "descending" : "none")\"><button type=\"button\" data-col=\"\(i)\">\(c.0)</button></th>"
        }
        s += "</tr></thead>\n<tbody>\n"
        let order = reports.indices.sorted { a, b in
            let x = reports[a].diagnostics.count, y = reports[b].diagnostics.count
            return x != y ? x > y : reports[a].path < reports[b].path
        }
        for i in order {
            let r = reports[i]
            let e = r.diagnostics.filter { $0.severity == .error }.count
            let w = r.diagnostics.filter { $0.severity == .warning }.count
            let n = r.diagnostics.filter { $0.severity == .info }.count
            s += "<tr><td><a href=\"#p\(i)\">\(HTMLReportFormatter.esc(r.path))</a>\(r.error != nil ? " (unreadable)" : "")</td>"
            s += "<td class=\"num\">\(e)</td><td class=\"num\">\(w)</td><td class=\"num\">\(n)</td><td class=\"num\">\(r.diagnostics.count)</td></tr>\n"
        }
        s += "</tbody>\n</table>\n</section>\n"
        return s
    }

    func posting(_ r: FileReport, index: Int) -> String {
        var s = "<section aria-labelledby=\"p\(index)\">\n<h2 id=\"p\(index)\">\(HTMLReportFormatter.esc(r.path))</h2>\n"
        if let e = r.error {
            return s + "<p><span class=\"sev error\">✖ Error:</span> this file could not be read: \(HTMLReportFormatter.esc(e))</p>\n</section>\n"
        }
        guard let doc = r.document else { return s + "</section>\n" }
        let e = r.diagnostics.filter { $0.severity == .error }.count
        let w = r.diagnostics.filter { $0.severity == .warning }.count
        s += "<p>\(r.diagnostics.isEmpty ? "No findings." : "\(r.diagnostics.count) finding(s): \(e) error(s), \(w) warning(s), \(r.diagnostics.count - e - w) suggestion(s).")</p>\n"
        // Missing sections
        let missing = r.diagnostics.filter { $0.rule == "structure/missing-section" }
        if !missing.isEmpty {
            s += "<h3>Missing sections</h3>\n<ul class=\"missing\">\n"
            for m in missing { s += "<li>\(HTMLReportFormatter.esc(m.message))</li>\n" }
            s += "</ul>\n"
        }
        // Parsed pay
        if let a = r.analysis {
            s += "<h3>Pay found in the posting</h3>\n"
            if a.pay.isEmpty {
                s += "<p class=\"pay\">No pay statement found.</p>\n"
            } else {
                s += "<ul class=\"pay\">\n"
                for p in a.pay.prefix(20) {
                    let text = doc.text(p.sourceRange)
                    var what = HTMLReportFormatter.money(p.min, p.currency)
                    if p.isRange { what += " to " + HTMLReportFormatter.money(p.max, p.currency) }
                    if p.openEnded { what += " (open-ended)" }
                    what += p.period.map { " per \($0.rawValue)" } ?? " (period not stated)"
                    if p.currency == nil { what += " (currency not stated)" }
                    s += "<li>\(HTMLReportFormatter.esc(what)) — <q>\(HTMLReportFormatter.esc(text))</q></li>\n"
                }
                s += "</ul>\n"
            }
        }
        // Text with highlights
        s += "<h3>Text with findings highlighted</h3>\n<div class=\"text\">" + highlighted(doc, r.diagnostics, index: index) + "</div>\n"
        // Findings list (for print-outs and screen readers)
        if !r.diagnostics.isEmpty {
            s += "<h3>Findings</h3>\n<ol class=\"findings\">\n"
            for (k, d) in r.diagnostics.enumerated() {
                let p = doc.position(d.range.lowerBound)
                let (icon, label) = HTMLReportFormatter.severityLabel(d.severity)
                s += "<li id=\"f\(index)-\(k)\"><span class=\"sev \(d.severity.rawValue)\">\(icon) \(label)</span> at line \(p.line), column \(p.column): "
                s += HTMLReportFormatter.esc(d.message) + " <code>\(HTMLReportFormatter.esc(d.rule))</code>"
                if let f = d.fix { s += " <span class=\"fix\">Suggested fix: \(HTMLReportFormatter.esc(HTMLReportFormatter.describe(f, doc))).</span>" }
                s += "</li>\n"
            }
            s += "</ol>\n"
        }
        return s + "</section>\n"
    }

    static func money(_ v: Double, _ currency: String?) -> String {
        let symbol: String
        switch currency {
        case "USD": symbol = "$"
        case "GBP": symbol = "£"
        case "EUR": symbol = "€"
        case let c?: symbol = c + " "
        case nil: symbol = ""
        }
        guard v.isFinite, abs(v) < 1e15 else { return symbol + String(v) }
        let whole = Int(v.rounded(.down))
        var digits = Array(String(whole))
        var out: [Character] = []
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        digits = out
        let cents = Int(((v - Double(whole)) * 100).rounded())
        return symbol + String(digits) + (cents > 0 ? "." + (cents < 10 ? "0" : "") + String(cents) : "")
    }

    static func describe(_ f: Fix, _ doc: Document) -> String {
        let edits = f.edits.prefix(3).map { e -> String in
            let old = doc.text(e.range)
            if e.replacement.isEmpty { return "remove “\(old.count > 60 ? String(old.prefix(60)) + "…" : old)”" }
            if old.isEmpty { return "insert “\(e.replacement)”" }
            return "“\(old)” → “\(e.replacement)”"
        }
        return f.title + (edits.isEmpty ? "" : " (" + edits.joined(separator: "; ") + ")") + (f.applicability == .safe ? "" : ", review before applying")
    }

    /// The document's text with each finding wrapped in a `<mark>` (overlaps split into segments).
    func highlighted(_ doc: Document, _ ds: [Diagnostic], index: Int) -> String {
        let bytes = doc.bytes
        let start = doc.lines.bomLength
        var bounds = Set<Int>([start, bytes.count])
        for d in ds {
            bounds.insert(max(start, min(d.range.lowerBound, bytes.count)))
            bounds.insert(max(start, min(d.range.upperBound, bytes.count)))
        }
        let points = bounds.sorted()
        var s = ""
        var labelled = Set<Int>()
        for (pi, a) in points.enumerated() {
            let b = pi + 1 < points.count ? points[pi + 1] : a
            // Zero-width findings (insertions) at this point get a standalone tag.
            for (k, d) in ds.enumerated() where d.range.isEmpty && d.range.lowerBound == a && !labelled.contains(k) {
                labelled.insert(k)
                s += tag(d, k, index, doc)
            }
            guard a < b else { continue }
            let text = HTMLReportFormatter.esc(String(decoding: bytes[a..<b], as: UTF8.self))
            let active = ds.enumerated().filter { $0.element.range.lowerBound <= a && $0.element.range.upperBound >= b && !$0.element.range.isEmpty }
            if active.isEmpty { s += text; continue }
            let worst = active.map(\.element.severity).max()!
            var tags = ""
            for (k, d) in active where !labelled.contains(k) {
                labelled.insert(k)
                tags += tipLabel(d, k, index, doc)
            }
            let ids = active.map { "f\(index)-\($0.offset)" }.joined(separator: " ")
            s += "<mark class=\"\(worst.rawValue)\" tabindex=\"0\" aria-describedby=\"\(ids)\">\(text)\(tags)</mark>"
        }
        return s
    }

    func tipLabel(_ d: Diagnostic, _ k: Int, _ index: Int, _ doc: Document) -> String {
        let (icon, label) = HTMLReportFormatter.severityLabel(d.severity)
        var tip = "<span class=\"tip\" role=\"tooltip\"><strong>\(label):</strong> \(HTMLReportFormatter.esc(d.message))"
        if let f = d.fix { tip += "<br/><em>Fix:</em> \(HTMLReportFormatter.esc(HTMLReportFormatter.describe(f, doc)))" }
        tip += " <code>\(HTMLReportFormatter.esc(d.rule))</code></span>"
        return "<span class=\"tag \(d.severity.rawValue)\" aria-hidden=\"true\">\(icon)\(k + 1)</span>" + tip
    }

    func tag(_ d: Diagnostic, _ k: Int, _ index: Int, _ doc: Document) -> String {
        "<mark class=\"\(d.severity.rawValue)\" tabindex=\"0\" aria-describedby=\"f\(index)-\(k)\">" + tipLabel(d, k, index, doc) + "</mark>"
    }

    /// Sorting for the postings table: buttons in the headers, aria-sort kept in step. No framework, no `<` or `&`.
    static let sortScript = """
        (function () {
          var table = document.getElementById("postings-table");
          if (!table) { return; }
          var heads = table.querySelectorAll("th button");
          Array.prototype.forEach.call(heads, function (button) {
            button.addEventListener("click", function () {
              var col = Number(button.getAttribute("data-col"));
              var th = button.parentNode;
              var descending = th.getAttribute("aria-sort") !== "descending";
              Array.prototype.forEach.call(table.querySelectorAll("th"), function (h) { h.setAttribute("aria-sort", "none"); });
              th.setAttribute("aria-sort", descending ? "descending" : "ascending");
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[col].textContent, y = b.cells[col].textContent;
                var r = col === 0 ? x.localeCompare(y) : Number(x) - Number(y);
                return descending ? -r : r;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        })();
        """
}
