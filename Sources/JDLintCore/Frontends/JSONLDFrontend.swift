/// schema.org `JobPosting` JSON-LD: properties become fields, `title` the title, and the `description` (HTML,
/// sometimes entity-escaped HTML) is linted as prose with offsets mapped through the JSON escapes.
public enum JSONLDFrontend {
    public static func parse(_ input: MappedBytes, into prose: inout Prose) {
        parseFields(input, into: &prose, lintDescription: true)
    }

    /// Reads the JobPosting(s) in `input` (a JSON document). With `lintDescription` the description becomes prose.
    public static func parseFields(_ input: MappedBytes, into prose: inout Prose, lintDescription: Bool) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(input.bytes)
        } catch {
            let end = input.sourceOffset(input.count, isEnd: true)
            let at = min(input.sourceOffset(error.offset), end)
            prose.problems.append(("The JSON-LD is not valid JSON: \(error.message).", SourceRange(at, min(at + 1, end))))
            return
        }
        let postings = findPostings(root)
        if postings.isEmpty && lintDescription {
            prose.problems.append(("No schema.org JobPosting object found (expected \"@type\": \"JobPosting\").",
                                   input.sourceRange(root.range.lowerBound..<min(root.range.lowerBound + 1, root.range.upperBound))))
        }
        for posting in postings {
            guard case .object(let entries) = posting.kind else { continue }
            for (key, keyRange, value) in entries where !key.hasPrefix("@") {
                let flat = flatten(value.value)
                prose.fields.append(Field(key: Field.normaliseKey(key), rawKey: key, value: flat,
                                          keyRange: input.sourceRange(keyRange), valueRange: input.sourceRange(value.range),
                                          origin: .jsonld, json: value.value))
                guard case .string(let s, let map) = value.kind else { continue }
                // The string's bytes mapped to the input, then to the file.
                var mapped = MappedBytes()
                for span in map.spans {
                    if span.verbatim {
                        mapped.append(from: input, range: span.sourceStart..<(span.sourceStart + span.sourceLength))
                    } else {
                        mapped.appendSynthetic(map.bytes[span.start..<(span.start + span.length)],
                                               source: input.sourceRange(span.sourceStart..<(span.sourceStart + span.sourceLength)))
                    }
                }
                if key == "title" {
                    prose.metadataTitle = (s, mapped.sourceRange(0..<mapped.count))
                    if lintDescription {
                        prose.addBlock(.heading, inline: mapped, sourceRange: input.sourceRange(value.range), level: 1)
                    }
                } else if key == "description" && lintDescription {
                    lintHTML(mapped, into: &prose)
                }
            }
        }
    }

    /// Lints a description: entity-escaped HTML (`&lt;p&gt;`) is unescaped first, HTML goes to the HTML front end,
    /// anything else to the plain-text one.
    static func lintHTML(_ text: MappedBytes, into prose: inout Prose) {
        var src = text
        let b = text.bytes
        let escaped = containsLiteral(b, "&lt;") && !containsLiteral(b, "<p") && !containsLiteral(b, "<br") && !containsLiteral(b, "<li")
        if escaped {
            var un = MappedBytes()
            var i = 0
            var run = 0
            while i < b.count {
                if b[i] == .ampersand, let (d, e) = Entities.decode(b, at: i), d == [.lessThan] || d == [.greaterThan] || d == [.ampersand] || d == [.quote] || d == [.apostrophe] {
                    un.append(from: text, range: run..<i)
                    un.appendSynthetic(d, source: text.sourceRange(i..<e))
                    i = e
                    run = i
                } else {
                    i += 1
                }
            }
            un.append(from: text, range: run..<b.count)
            src = un
        }
        if containsLiteral(src.bytes, "<") {
            HTMLFrontend.parse(src, into: &prose)
        } else {
            TextFrontend.parse(src, into: &prose)
        }
    }

    static func containsLiteral(_ b: [UInt8], _ s: String) -> Bool {
        let n = Array(s.utf8)
        guard b.count >= n.count else { return false }
        var i = 0
        while i + n.count <= b.count {
            if b[i] == n[0] && Array(b[i..<(i + n.count)]) == n { return true }
            i += 1
        }
        return false
    }

    static func isPosting(_ node: JSONNode) -> Bool {
        guard let t = node["@type"] else { return false }
        switch t.kind {
        case .string(let s, _): return s == "JobPosting" || s.hasSuffix("/JobPosting")
        case .array(let a): return a.contains { $0.stringValue == "JobPosting" }
        default: return false
        }
    }

    static func findPostings(_ root: JSONNode) -> [JSONNode] {
        switch root.kind {
        case .object:
            if isPosting(root) { return [root] }
            if let g = root["@graph"] { return findPostings(g) }
            return []
        case .array(let items):
            return items.flatMap { findPostings($0) }
        default:
            return []
        }
    }

    /// A readable one-line rendering of a property value.
    static func flatten(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() ? String(Int(d)) : String(d)
        case .string(let s): return s
        case .array(let a): return a.map(flatten).filter { !$0.isEmpty }.joined(separator: ", ")
        case .object(let o):
            if let name = o["name"]?.stringValue { return name }
            return o.entries.filter { !$0.key.hasPrefix("@") }.map { flatten($0.value) }.filter { !$0.isEmpty }.joined(separator: ", ")
        }
    }
}
