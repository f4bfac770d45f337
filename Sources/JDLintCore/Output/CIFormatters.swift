/// JSON Lines: one diagnostic per line, `{"path", "rule", "severity", "message", "range", "fix"?}` (the diagnostic
/// object of the JSON schema plus `path`). A file that could not be linted gives one line `{"path", "error"}`.
/// Nothing is printed for a clean run.
public struct JSONLinesFormatter: OutputFormatter {
    public init() {}

    public func format(_ reports: [FileReport], registry: RuleRegistry) -> String {
        var out = ""
        for r in reports {
            if let e = r.error {
                out += JSONValue.object(JSONObject([("path", .string(r.path)), ("error", .string(e))])).serialized() + "\n"
                continue
            }
            guard let doc = r.document else { continue }
            for d in r.diagnostics {
                guard case .object(let o) = JSONFormatter.diagnostic(d, doc) else { continue }
                out += JSONValue.object(JSONObject([("path", .string(r.path))] + o.entries.map { ($0.key, $0.value) })).serialized() + "\n"
            }
        }
        return out
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`,
/// which the runner turns into annotations. Values are escaped per the workflow-command rules.
public struct GitHubFormatter: OutputFormatter {
    public init() {}

    /// Escapes the message part: `%`, CR, LF.
    static func escapeData(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Escapes a property value: as data, plus `:` and `,`.
    static func escapeProperty(_ s: String) -> String {
        var out = ""
        for c in escapeData(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    public func format(_ reports: [FileReport], registry: RuleRegistry) -> String {
        var out = ""
        for r in reports {
            let file = GitHubFormatter.escapeProperty(r.path.hasPrefix("./") ? String(r.path.dropFirst(2)) : r.path)
            if let e = r.error {
                out += "::error file=\(file),title=jdlint::\(GitHubFormatter.escapeData(e))\n"
                continue
            }
            guard let doc = r.document else { continue }
            for d in r.diagnostics {
                let s = doc.position(d.range.lowerBound), e = doc.position(d.range.upperBound)
                let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
                var message = d.message
                if let f = d.fix, f.applicability != .displayOnly { message += " (fix: \(f.title))" }
                out += "::\(command) file=\(file),line=\(s.line),endLine=\(e.line),col=\(s.column),endColumn=\(e.column),"
                out += "title=\(GitHubFormatter.escapeProperty("jdlint " + d.rule))::\(GitHubFormatter.escapeData(message))\n"
            }
        }
        return out
    }
}

/// JUnit XML: one `<testcase>` per file, failing with one `<failure>` listing its findings; a file that could
/// not be linted has an `<error>`.
public struct JUnitFormatter: OutputFormatter {
    public init() {}

    public func format(_ reports: [FileReport], registry: RuleRegistry) -> String {
        let x = { (s: String) in OutputSupport.xml(s) }
        let failures = reports.filter { $0.error == nil && !$0.diagnostics.isEmpty }.count
        let errors = reports.filter { $0.error != nil }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"jdlint\" tests=\"\(reports.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        out += "  <testsuite name=\"jdlint\" tests=\"\(reports.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\">\n"
        for r in reports {
            out += "    <testcase name=\"\(x(r.path))\" classname=\"jdlint\" file=\"\(x(r.path))\""
            if let e = r.error {
                out += ">\n      <error message=\"\(x(e))\" type=\"unreadable\"/>\n    </testcase>\n"
                continue
            }
            guard let doc = r.document, !r.diagnostics.isEmpty else {
                out += "/>\n"
                continue
            }
            let s = Summary([r])
            let message = "\(s.problems) problem\(s.problems == 1 ? "" : "s") (\(s.errors) error\(s.errors == 1 ? "" : "s"), \(s.warnings) warning\(s.warnings == 1 ? "" : "s"), \(s.infos) info\(s.infos == 1 ? "" : "s"))"
            out += ">\n      <failure message=\"\(x(message))\" type=\"\(s.errors > 0 ? "error" : s.warnings > 0 ? "warning" : "info")\">"
            for d in r.diagnostics {
                let p = doc.position(d.range.lowerBound)
                out += x("\(r.path):\(p.line):\(p.column): \(d.severity.rawValue) [\(d.rule)] \(d.message)") + "&#10;"
            }
            out += "</failure>\n    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}

/// Checkstyle XML (`<checkstyle><file name><error line column severity message source/></file></checkstyle>`),
/// read by Jenkins, GitLab code quality converters, reviewdog and many CI dashboards.
public struct CheckstyleFormatter: OutputFormatter {
    public init() {}

    public func format(_ reports: [FileReport], registry: RuleRegistry) -> String {
        let x = { (s: String) in OutputSupport.xml(s) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for r in reports {
            out += "  <file name=\"\(x(r.path))\""
            if let e = r.error {
                out += ">\n    <error line=\"1\" column=\"1\" severity=\"error\" message=\"\(x(e))\" source=\"jdlint\"/>\n  </file>\n"
                continue
            }
            guard let doc = r.document, !r.diagnostics.isEmpty else {
                out += "/>\n"
                continue
            }
            out += ">\n"
            for d in r.diagnostics {
                let p = doc.position(d.range.lowerBound)
                out += "    <error line=\"\(p.line)\" column=\"\(p.column)\" severity=\"\(d.severity.rawValue)\" "
                out += "message=\"\(x(d.message))\" source=\"jdlint.\(x(d.rule))\"/>\n"
            }
            out += "  </file>\n"
        }
        out += "</checkstyle>\n"
        return out
    }
}

/// reviewdog's diagnostic format (rdjson): `{"source", "diagnostics": [{"message", "location": {"path", "range"},
/// "severity", "code": {"value"}, "suggestions": [{"range", "text"}]}]}`. Lines are 1-based; columns 1-based in
/// UTF-8 bytes, as reviewdog specifies. Every edit of a fix that may be applied becomes a suggestion.
public struct RDJSONFormatter: OutputFormatter {
    public init() {}

    static func range(_ r: SourceRange, _ doc: Document) -> JSONValue {
        let s = OutputSupport.bytePosition(r.lowerBound, doc), e = OutputSupport.bytePosition(r.upperBound, doc)
        return ["start": ["line": .int(s.line), "column": .int(s.column)], "end": ["line": .int(e.line), "column": .int(e.column)]]
    }

    public func format(_ reports: [FileReport], registry: RuleRegistry) -> String {
        var diagnostics: [JSONValue] = []
        for r in reports {
            if let e = r.error {
                diagnostics.append(["message": .string(e), "location": ["path": .string(r.path)], "severity": "ERROR",
                                    "code": ["value": "jdlint"]])
                continue
            }
            guard let doc = r.document else { continue }
            for d in r.diagnostics {
                var o = JSONObject()
                o["message"] = .string(d.message)
                o["location"] = ["path": .string(r.path), "range": RDJSONFormatter.range(d.range, doc)]
                o["severity"] = .string(d.severity == .error ? "ERROR" : d.severity == .warning ? "WARNING" : "INFO")
                o["code"] = ["value": .string(d.rule)]
                if let f = d.fix, f.applicability != .displayOnly, !f.edits.isEmpty {
                    o["suggestions"] = .array(f.edits.map { ["range": RDJSONFormatter.range($0.range, doc), "text": .string($0.replacement)] })
                }
                diagnostics.append(.object(o))
            }
        }
        let root: JSONValue = ["source": ["name": "jdlint"], "diagnostics": .array(diagnostics)]
        return root.serialized() + "\n"
    }
}
