/// SARIF 2.1.0, as GitHub code scanning reads it: one run; `tool.driver.rules` lists every rule of the registry
/// (id, shortDescription, fullDescription, help, defaultConfiguration); each result has ruleId, ruleIndex, level,
/// message, a physical location with a region in lines and columns (columns count Unicode scalars, declared by
/// `columnKind`), `partialFingerprints`, and its fix as a SARIF `fix`. Files that could not be linted become
/// tool execution notifications. Validated against the official schema by the e2e tests.
public struct SARIFFormatter: OutputFormatter {
    public init() {}

    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    static func level(_ s: Severity) -> JSONValue { s == .error ? "error" : s == .warning ? "warning" : "note" }

    static func region(_ r: SourceRange, _ doc: Document) -> JSONValue {
        let s = doc.position(r.lowerBound), e = doc.position(r.upperBound)
        return ["startLine": .int(s.line), "startColumn": .int(s.column), "endLine": .int(e.line), "endColumn": .int(e.column),
                "byteOffset": .int(s.offset), "byteLength": .int(max(0, e.offset - s.offset))]
    }

    static func rule(_ m: RuleMeta) -> JSONValue {
        var o = JSONObject()
        o["id"] = .string(m.id)
        o["name"] = .string(m.id.split(separator: "/").last.map { String($0) } ?? m.id)
        o["shortDescription"] = ["text": .string(m.summary)]
        o["fullDescription"] = ["text": .string(m.explanation.isEmpty ? m.summary : m.explanation)]
        o["help"] = ["text": .string(m.explanation.isEmpty ? m.summary : m.explanation), "markdown": .string(RuleDocs.markdown(m))]
        if m.origin == "builtin" { o["helpUri"] = .string(RuleDocs.url(m.id)) }
        o["defaultConfiguration"] = ["enabled": .bool(m.enabledByDefault), "level": level(m.defaultSeverity)]
        var props = JSONObject()
        props["tags"] = .array([.string(m.category)])
        if let f = m.fix { props["fix"] = .string(f.rawValue) }
        o["properties"] = .object(props)
        return .object(o)
    }

    public func format(_ reports: [FileReport], registry: RuleRegistry) -> String {
        var ruleIndex: [String: Int] = [:]
        var rules: [JSONValue] = []
        for r in registry.rules {
            ruleIndex[r.meta.id] = rules.count
            rules.append(SARIFFormatter.rule(r.meta))
        }
        // Diagnostics from outside the registry (e.g. `document/parse`) get a minimal descriptor.
        for r in reports {
            for d in r.diagnostics where ruleIndex[d.rule] == nil {
                ruleIndex[d.rule] = rules.count
                rules.append(["id": .string(d.rule), "shortDescription": ["text": .string(d.rule)],
                              "defaultConfiguration": ["level": SARIFFormatter.level(d.severity)]])
            }
        }
        var results: [JSONValue] = []
        var notifications: [JSONValue] = []
        var artifacts: [JSONValue] = []
        for r in reports {
            let uri = OutputSupport.uri(r.path)
            if let e = r.error {
                notifications.append(["level": "error", "message": ["text": .string("\(r.path): \(e)")],
                                      "locations": [["physicalLocation": ["artifactLocation": ["uri": .string(uri)]]]]])
                continue
            }
            guard let doc = r.document else { continue }
            let artifactIndex = artifacts.count
            artifacts.append(["location": ["uri": .string(uri)], "length": .int(doc.bytes.count),
                              "sourceLanguage": .string(doc.format.rawValue)])
            // Fingerprints: rule, flagged text and the trimmed line, plus an occurrence counter for duplicates.
            var seen: [String: Int] = [:]
            for d in r.diagnostics {
                let li = doc.lines
                let line = li.lineIndex(containing: d.range.lowerBound)
                let lineText = doc.text(SourceRange(li.contentStart(ofLine: line), li.contentEnd(ofLine: line))).trimmingSpaces()
                let base = OutputSupport.fnv([d.rule, doc.text(d.range), lineText])
                let n = seen[base, default: 0] + 1
                seen[base] = n
                var o = JSONObject()
                o["ruleId"] = .string(d.rule)
                o["ruleIndex"] = .int(ruleIndex[d.rule] ?? 0)
                o["level"] = SARIFFormatter.level(d.severity)
                o["message"] = ["text": .string(d.message)]
                o["locations"] = [["physicalLocation": ["artifactLocation": ["uri": .string(uri), "index": .int(artifactIndex)],
                                                        "region": SARIFFormatter.region(d.range, doc)]]]
                o["partialFingerprints"] = ["jdlintFingerprint/v1": .string("\(base):\(n)")]
                if let f = d.fix, !f.edits.isEmpty {
                    let replacements: [JSONValue] = f.edits.map {
                        ["deletedRegion": SARIFFormatter.region($0.range, doc), "insertedContent": ["text": .string($0.replacement)]]
                    }
                    o["fixes"] = [[
                        "description": ["text": .string(f.title)],
                        "artifactChanges": [["artifactLocation": ["uri": .string(uri), "index": .int(artifactIndex)],
                                             "replacements": .array(replacements)]],
                        "properties": ["applicability": .string(f.applicability.rawValue)],
                    ]]
                }
                results.append(.object(o))
            }
        }
        let driver: JSONValue = [
            "name": "jdlint",
            "version": .string(Version.string),
            "semanticVersion": .string(Version.string),
            "shortDescription": ["text": "A linter for job descriptions"],
            "rules": .array(rules),
        ]
        var invocation = JSONObject()
        invocation["executionSuccessful"] = .bool(notifications.isEmpty)
        if !notifications.isEmpty { invocation["toolExecutionNotifications"] = .array(notifications) }
        let run: JSONValue = [
            "tool": ["driver": driver],
            "invocations": [.object(invocation)],
            "artifacts": .array(artifacts),
            "columnKind": "unicodeCodePoints",
            "results": .array(results),
        ]
        let root: JSONValue = ["$schema": .string(SARIFFormatter.schemaURI), "version": "2.1.0", "runs": [run]]
        return root.serialized(pretty: true) + "\n"
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
