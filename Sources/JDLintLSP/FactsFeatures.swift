import JDLintCore

/// The facts of a posting (`JobPostingFacts`, docs/facts.md) in the editor: the Markdown of the hover on the title,
/// and the edit of the code action that inserts or updates an HTML page's `<script type="application/ld+json">`.
enum FactsFeatures {
    // MARK: - Hover

    /// Where the facts' hover answers: the title the linter reads (`Analysis.title`) and, for JSON-LD (a JSON-LD file
    /// or an HTML page's JSON-LD block), the `title` value. Nil when `offset` is on neither.
    static func titleRange(at offset: Int, _ a: Analysis) -> SourceRange? {
        func hit(_ r: SourceRange) -> Bool { r.contains(offset) || r.lowerBound == offset }
        if let r = a.title?.range, hit(r) { return r }
        for f in a.fields where f.origin == .jsonld && f.rawKey == "title" && hit(f.valueRange) { return f.valueRange }
        return nil
    }

    /// The facts as compact Markdown, one line per property stated; nil when the posting states none of those shown.
    static func markdown(_ facts: JobPostingFacts) -> String? {
        let p = facts.jobPosting
        var lines: [String] = []
        func add(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("- **\(label):** \(value)")
        }
        add("Title", p["title"].flatMap(text))
        add("Organisation", p["hiringOrganization"].flatMap(organization))
        if let l = p["jobLocation"] {
            let places = (l.arrayValue ?? [l]).compactMap(place)
            add(places.count > 1 ? "Locations" : "Location", places.joined(separator: "; "))
        }
        add("Remote", p["jobLocationType"].flatMap(remote))
        add("Employment type", p["employmentType"].flatMap(employmentType))
        add("Pay", p["baseSalary"].flatMap(salary))
        add("Posted", p["datePosted"].flatMap(text))
        add("Apply by", p["validThrough"].flatMap(text))
        add("Experience", p["experienceRequirements"].flatMap(experience))
        add("How to apply", p["applicationContact"].flatMap(contact))
        if let d = p["directApply"]?.boolValue { add("Direct apply", d ? "yes" : "no") }
        let parts = [("responsibilities", "responsibilities"), ("qualifications", "qualifications"),
                     ("educationRequirements", "education"), ("jobBenefits", "benefits"), ("description", "description")]
        add("Also stated", parts.filter { p[$0.0] != nil }.map(\.1).joined(separator: ", "))
        guard !lines.isEmpty else { return nil }
        return "**Job posting facts** (schema.org `JobPosting`, as `jdlint facts` reads them)\n\n" + lines.joined(separator: "\n") + "\n"
    }

    /// Plain text of a value, escaped for Markdown, on one line and at most 200 characters.
    static func text(_ v: JSONValue) -> String? {
        let s: String
        switch v {
        case .string(let x): s = x
        case .int(let i): s = String(i)
        case .double(let d): s = number(d)
        case .bool(let b): s = b ? "yes" : "no"
        case .array(let a):
            let parts = a.compactMap(text)
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        case .object(let o):
            if let n = o["name"] ?? o["value"] { return text(n) }
            return nil
        case .null: return nil
        }
        var out = ""
        var count = 0
        var space = false
        for c in s {
            if c.isWhitespace || c.isNewline {
                space = !out.isEmpty
                continue
            }
            if count >= 200 {
                out += "…"
                break
            }
            if space { out += " " }
            space = false
            if "\\`*_[]<>#|!~".contains(c) { out += "\\" }
            out.append(c)
            count += 1
        }
        return out.isEmpty ? nil : out
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? grouped(Int(d)) : String(d)
    }

    /// 30000 → "30,000".
    static func grouped(_ i: Int) -> String {
        let digits = String(i.magnitude)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (i < 0 ? "-" : "") + out
    }

    static func amount(_ v: JSONValue) -> String? {
        if let i = v.intValue, v.doubleValue.map({ $0 == Double(i) }) ?? true { return grouped(i) }
        if let d = v.doubleValue { return number(d) }
        return v.stringValue.flatMap { text(.string($0)) }
    }

    static func organization(_ v: JSONValue) -> String? {
        if let a = v.arrayValue { return a.compactMap(organization).joined(separator: "; ") }
        return text(v)
    }

    /// A `Place`: its address's parts, its name, or its address as text.
    static func place(_ v: JSONValue) -> String? {
        guard let o = v.objectValue else { return text(v) }
        if let a = o["address"] {
            if let ao = a.objectValue {
                let keys = ["streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry"]
                let parts = keys.compactMap { ao[$0].flatMap(text) }
                if !parts.isEmpty { return parts.joined(separator: ", ") }
            } else if let s = text(a) {
                return s
            }
        }
        return o["name"].flatMap(text)
    }

    static func remote(_ v: JSONValue) -> String? {
        let values = (v.arrayValue ?? [v]).compactMap(\.stringValue)
        if values.contains(where: { $0.uppercased() == "TELECOMMUTE" }) { return "yes (`TELECOMMUTE`)" }
        return text(v)
    }

    static let employmentNames = ["FULL_TIME": "full-time", "PART_TIME": "part-time", "CONTRACTOR": "contractor",
                                  "TEMPORARY": "temporary", "INTERN": "intern", "VOLUNTEER": "volunteer", "PER_DIEM": "per diem",
                                  "OTHER": "other"]

    static func employmentType(_ v: JSONValue) -> String? {
        let parts = (v.arrayValue ?? [v]).compactMap { e -> String? in
            if let s = e.stringValue, let n = employmentNames[s.uppercased()] { return n }
            return text(e)
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    static let unitNames = ["HOUR": "per hour", "DAY": "per day", "WEEK": "per week", "MONTH": "per month", "YEAR": "per year"]

    /// A `MonetaryAmount`: "GBP 30,000–40,000 per year", "USD up to 50,000", "EUR from 3,000 per month".
    static func salary(_ v: JSONValue) -> String? {
        if let a = v.arrayValue { return a.compactMap(salary).joined(separator: "; ") }
        guard let o = v.objectValue else { return text(v) }
        let currency = o["currency"].flatMap(text)
        var figure: String?
        var unit: String?
        if let q = o["value"] {
            if let qo = q.objectValue {
                let lo = qo["minValue"].flatMap(amount), hi = qo["maxValue"].flatMap(amount), one = qo["value"].flatMap(amount)
                if let one { figure = one }
                else if let lo, let hi { figure = lo == hi ? lo : "\(lo)–\(hi)" }
                else if let hi { figure = "up to \(hi)" }
                else if let lo { figure = "from \(lo)" }
                unit = qo["unitText"]?.stringValue.map { unitNames[$0.uppercased()] ?? text(.string($0)) ?? "" }
            } else {
                figure = amount(q)
            }
        }
        if unit == nil { unit = o["unitText"]?.stringValue.map { unitNames[$0.uppercased()] ?? text(.string($0)) ?? "" } }
        guard let figure else { return nil }
        return [currency, figure, unit].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `OccupationalExperienceRequirements`: "5 years (60 months)", "18 months".
    static func experience(_ v: JSONValue) -> String? {
        guard let o = v.objectValue else { return text(v) }
        guard let m = o["monthsOfExperience"]?.doubleValue else { return o["description"].flatMap(text) }
        if m == m.rounded(), Int(m) % 12 == 0, m >= 12 {
            let y = Int(m) / 12
            return "\(y) year\(y == 1 ? "" : "s") (\(Int(m)) months)"
        }
        return "\(number(m)) month\(m == 1 ? "" : "s")"
    }

    /// A `ContactPoint`: its e-mail address and web address.
    static func contact(_ v: JSONValue) -> String? {
        guard let o = v.objectValue else { return text(v) }
        let parts = ["email", "url", "telephone"].compactMap { o[$0].flatMap(text) }
        return parts.isEmpty ? text(v) : parts.joined(separator: ", ")
    }

    // MARK: - The JSON-LD block of an HTML page

    /// The edit that puts `jobPosting` into an HTML page: the content of its first `<script type="application/ld+json">`
    /// holding a JobPosting replaced, else a new block inserted before `</head>` (or at the end of the page). Byte
    /// offsets of the page. Nil when there is nothing to do: the block already says exactly this, or a JSON-LD block
    /// names a JobPosting inside something else (an array, a `@graph`) that a replacement would lose.
    struct ScriptEdit: Equatable, Sendable {
        var range: SourceRange
        var newText: String
        var isUpdate: Bool
    }

    static func scriptEdit(_ b: [UInt8], jobPosting: JSONValue) -> ScriptEdit? {
        let page = scan(b)
        let eol = lineEnding(b)
        var json = scriptSafe(jobPosting.serialized(pretty: true))
        for block in page.scripts where LanguageServer.contains(Array(b[block]), LanguageServer.jobPosting) {
            guard let existing = try? JSONParser.parseValue(Array(b[block])), isJobPosting(existing) else { return nil }
            if existing == jobPosting { return nil }
            // The content between its first and last non-blank bytes: the block's own indentation stays.
            var s = block.lowerBound, e = block.upperBound
            while s < e && isBlank(b[s]) { s += 1 }
            while e > s && isBlank(b[e - 1]) { e -= 1 }
            json = json.replacing("\n", with: eol)
            if s == e { return ScriptEdit(range: SourceRange(block.lowerBound, block.upperBound), newText: eol + json + eol, isUpdate: true) }
            return ScriptEdit(range: SourceRange(s, e), newText: json, isUpdate: true)
        }
        let open = "<script type=\"application/ld+json\">", close = "</script>"
        if let head = page.headClose {
            var lineStart = head
            while lineStart > 0 && b[lineStart - 1] != 0x0A { lineStart -= 1 }
            if b[lineStart..<head].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                // `</head>` on a line of its own: a block on its lines, indented one step more.
                let indent = String(decoding: b[lineStart..<head], as: UTF8.self)
                let inner = indent + (indent.contains("\t") ? "\t" : "  ")
                json = json.replacing("\n", with: eol + inner)
                return ScriptEdit(range: SourceRange(at: lineStart), newText: inner + open + eol + inner + json + eol + inner + close + eol,
                                  isUpdate: false)
            }
            json = json.replacing("\n", with: eol)
            return ScriptEdit(range: SourceRange(at: head), newText: open + eol + json + eol + close, isUpdate: false)
        }
        json = json.replacing("\n", with: eol)
        let prefix = b.isEmpty || b.last == 0x0A ? "" : eol
        return ScriptEdit(range: SourceRange(at: b.count), newText: prefix + open + eol + json + eol + close + eol, isUpdate: false)
    }

    static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }

    static func isJobPosting(_ v: JSONValue) -> Bool {
        guard let t = v["@type"] else { return false }
        return (t.arrayValue ?? [t]).contains { $0.stringValue == "JobPosting" }
    }

    /// JSON that cannot end its `<script>` early: `</` written `<\/` and `<!--` written `\u003c!--` (both only occur
    /// inside strings, where they mean the same).
    static func scriptSafe(_ json: String) -> String {
        json.replacing("</", with: "<\\/").replacing("<!--", with: "\\u003c!--")
    }

    /// The page's first line terminator (`\n` when it has none).
    static func lineEnding(_ b: [UInt8]) -> String {
        guard let i = b.firstIndex(of: 0x0A) else { return "\n" }
        return i > 0 && b[i - 1] == 0x0D ? "\r\n" : "\n"
    }

    /// The contents of the page's `<script>` elements whose `type` says `ld+json`, and where its first `</head>` is;
    /// comments and the contents of `<script>`, `<style>` and `<textarea>` skipped. One pass.
    static func scan(_ b: [UInt8]) -> (scripts: [Range<Int>], headClose: Int?) {
        var scripts: [Range<Int>] = []
        var head: Int?
        let n = b.count
        var i = 0
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
        func starts(_ s: String, at k: Int) -> Bool {
            let u = Array(s.utf8)
            guard k + u.count <= n else { return false }
            for j in 0..<u.count where lower(b[k + j]) != u[j] { return false }
            return true
        }
        func nameEnds(_ k: Int) -> Bool { k >= n || isBlank(b[k]) || b[k] == 0x3E || b[k] == 0x2F }
        /// The first `needle` at or after `k` (case-insensitive), or `n`.
        func find(_ needle: String, from k: Int) -> Int {
            let first = Array(needle.utf8)[0]
            var j = k
            while j < n {
                if lower(b[j]) == first && starts(needle, at: j) { return j }
                j += 1
            }
            return n
        }
        while i < n {
            guard b[i] == 0x3C else {
                i += 1
                continue
            }
            if starts("<!--", at: i) {
                let e = find("-->", from: i + 4)
                i = min(n, e + 3)
                continue
            }
            if head == nil && starts("</head", at: i) && nameEnds(i + 6) {
                head = i
                i += 6
                continue
            }
            var raw: String?
            for t in ["script", "style", "textarea"] where starts("<" + t, at: i) && nameEnds(i + 1 + t.utf8.count) { raw = t }
            guard let raw else {
                i += 1
                continue
            }
            // The start tag's attributes, up to `>` (quotes respected).
            let attrStart = i + 1 + raw.utf8.count
            let j = HTMLFrontend.tagEnd(b, from: attrStart)
            let attrs = String(decoding: b[attrStart..<min(j, n)], as: UTF8.self).lowercased()
            let contentStart = min(j + 1, n)
            let closeAt = find("</" + raw, from: contentStart)
            if raw == "script" && attrs.contains("ld+json") && closeAt < n { scripts.append(contentStart..<closeAt) }
            var k = closeAt
            while k < n && b[k] != 0x3E { k += 1 }
            i = min(n, k + 1)
        }
        return (scripts, head)
    }
}
