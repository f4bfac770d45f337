import JDLintCore

// The edits of code actions and formatting: a WorkspaceEdit in the client's shape, "disable" comments, fix all.

extension LanguageServer {
    func workspaceEdit(_ doc: OpenDocument, _ edits: [JSONValue]) -> JSONValue {
        if supportsDocumentChanges {
            return ["documentChanges": [["textDocument": ["uri": .string(doc.uri), "version": .int(doc.version)], "edits": .array(edits)]]]
        }
        return ["changes": .object(JSONObject([(doc.uri, .array(edits))]))]
    }

    /// The line terminator used after `line` (or the document's first one).
    func lineEnding(_ d: Document, after line: Int) -> String {
        let li = d.lines
        for l in [line, 0] where l < li.lineCount {
            let full = li.fullRange(ofLine: l)
            let end = li.contentEnd(ofLine: l)
            if full.upperBound > end { return String(decoding: d.bytes[end..<full.upperBound], as: UTF8.self) }
        }
        return "\n"
    }

    func comment(_ format: DocumentFormat, _ text: String) -> String {
        format == .text ? "# \(text)" : "<!-- \(text) -->"
    }

    /// Inserts `jdlint-disable-next-line RULE` above `line`, with that line's indentation.
    func disableLineEdit(_ d: Document, line: Int, rule: String) -> TextEdit {
        let li = d.lines
        let start = li.contentStart(ofLine: line)
        var k = start
        while k < li.contentEnd(ofLine: line) && (d.bytes[k] == 0x20 || d.bytes[k] == 0x09) { k += 1 }
        let indent = String(decoding: d.bytes[start..<k], as: UTF8.self)
        let p = encoding.position(start, li)
        return TextEdit(range: LSPRange(start: p, end: p),
                        newText: indent + comment(d.format, "jdlint-disable-next-line \(rule)") + lineEnding(d, after: line))
    }

    /// Inserts `jdlint-disable RULE` at the top (after Markdown front matter or an HTML doctype).
    func disableFileEdit(_ d: Document, rule: String) -> TextEdit {
        let li = d.lines
        var line = 0
        func text(_ l: Int) -> String { String(decoding: d.bytes[li.contentStart(ofLine: l)..<li.contentEnd(ofLine: l)], as: UTF8.self) }
        if d.format == .markdown, li.lineCount > 1, text(0).trimmingSpaces() == "---" {
            for l in 1..<li.lineCount where ["---", "..."].contains(text(l).trimmingSpaces()) {
                line = l + 1
                break
            }
        } else if d.format == .html, text(0).lowercased().hasPrefix("<!doctype") {
            line = 1
        }
        let eol = lineEnding(d, after: 0)
        let p: Position
        var prefix = ""
        if line >= li.lineCount {
            // After the last line: start a new line if the last one has no terminator.
            p = encoding.position(d.bytes.count, li)
            if li.contentEnd(ofLine: li.lineCount - 1) == d.bytes.count && d.bytes.count > li.contentStart(ofLine: li.lineCount - 1) { prefix = eol }
        } else {
            p = encoding.position(li.contentStart(ofLine: line), li)
        }
        return TextEdit(range: LSPRange(start: p, end: p), newText: prefix + comment(d.format, "jdlint-disable \(rule)") + eol)
    }

    /// The edits that apply every fix of `allowed` (repeat-until-stable, via `Fixer`), against `document`.
    nonisolated func fixEdits(_ document: Document, linter: Linter, allowed: Applicability, encoding enc: PositionEncoding) -> [TextEdit] {
        let result = Fixer.fix(document, with: linter, allowed: allowed)
        guard result.changed, result.bytes != document.bytes else { return [] }
        if result.appliedEdits.count == 1 {
            return result.appliedEdits[0].map { TextEdit(range: enc.range($0.range, document.lines), newText: $0.replacement) }
        }
        // Several passes: one edit spanning the changed region (common prefix and suffix kept).
        let a = document.bytes, b = result.bytes
        var p = 0
        while p < a.count && p < b.count && a[p] == b[p] { p += 1 }
        var s = 0
        while s < a.count - p && s < b.count - p && a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        // Keep whole scalars: move the start back and the end forward to scalar boundaries.
        while p > 0 && (p < a.count && (a[p] & 0xC0) == 0x80) { p -= 1 }
        while s > 0 && (a.count - s < a.count && (a[a.count - s] & 0xC0) == 0x80) { s -= 1 }
        let replaced = String(decoding: b[p..<(b.count - s)], as: UTF8.self)
        return [TextEdit(range: enc.range(SourceRange(p, a.count - s), document.lines), newText: replaced)]
    }
}
