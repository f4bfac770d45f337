import Dispatch
import JDLintCore
import JDLintKit

extension LanguageServer {
    // MARK: - Code actions

    func codeAction(_ r: CodeActionRequest, _ reply: Reply<[CodeAction]?>) {
        guard let doc = documents[r.uri] else { return reply(nil) }
        func wanted(_ kind: String) -> Bool {
            guard let only = r.only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let lines = doc.document.lines
        var actions: [CodeAction] = []
        if wanted("quickfix") {
            // Our diagnostics from the context (their `data` carries the fix); stale ones (older version) are skipped.
            // Without a finished lint of this version (a slow one is running), the last finished lint's findings
            // moved past the edits stand in: the answer never waits for a lint.
            var candidates: [JSONValue] = []
            let cache = currentOrMappedCache(doc)
            for d in r.diagnostics {
                if d["source"]?.stringValue == "jdlint", d["data"]?["version"]?.intValue == doc.version {
                    candidates.append(d)
                } else if let match = cachedDiagnostic(matching: d, cache, lines) {
                    // Clients such as ALE echo only `range`, `code` and `message`: find ours by range and code.
                    candidates.append(match)
                }
            }
            if candidates.isEmpty, let c = cache {
                let want = encoding.byteRange(r.range, lines)
                candidates = c.lsp.filter { d in
                    guard let range = try? LSPRange(Params(d["range"])) else { return false }
                    let br = encoding.byteRange(range, lines)
                    return br.lowerBound <= want.upperBound && want.lowerBound <= br.upperBound
                }
            }
            var disabled = Set<String>()
            var disableActions: [CodeAction] = []
            for d in candidates {
                guard let rule = d["code"]?.stringValue else { continue }
                if let fix = d["data"]?["fix"], let title = fix["title"]?.stringValue, let edits = fix["edits"]?.arrayValue {
                    actions.append(CodeAction(title: title, kind: "quickfix", diagnostics: [d],
                                              isPreferred: fix["applicability"]?.stringValue == "safe",
                                              edit: workspaceEdit(doc, edits)))
                }
                guard rule != "config", rule != LanguageServer.packCode, doc.document.format != .jsonld, disabled.insert(rule).inserted,
                      let range = try? LSPRange(Params(d["range"])) else { continue }
                let line = min(range.start.line, lines.lineCount - 1)
                disableActions.append(CodeAction(title: "Disable \(rule) for this line", kind: "quickfix", diagnostics: [d], isPreferred: nil,
                                                 edit: workspaceEdit(doc, [disableLineEdit(doc.document, line: line, rule: rule).json])))
                disableActions.append(CodeAction(title: "Disable \(rule) for this file", kind: "quickfix", diagnostics: [d], isPreferred: nil,
                                                 edit: workspaceEdit(doc, [disableFileEdit(doc.document, rule: rule).json])))
            }
            actions += disableActions
        }
        guard wanted(LanguageServer.jsonLDKind) else { return addFixAll(r, actions, reply) }
        jsonLDAction(r.uri, doc) { action in
            var listed = action
            // Its edit holds the whole description: a client that resolves edits gets it only when it applies it.
            if self.supportsResolvingEdits, let a = action {
                listed = CodeAction(title: a.title, kind: a.kind, diagnostics: nil, isPreferred: nil, edit: nil,
                                    data: ["uri": .string(doc.uri), "version": .int(doc.version)])
            }
            self.addFixAll(r, actions + (listed.map { [$0] } ?? []), reply)
        }
    }

    /// `codeAction/resolve`: the JSON-LD action's edit, for the version it was listed for (else `ContentModified`).
    /// Other actions come with their edits and are returned as they are.
    func resolveCodeAction(_ r: CodeActionResolveRequest, _ reply: Reply<CodeAction>) {
        let unresolved = CodeAction(title: r.title, kind: r.kind, diagnostics: nil, isPreferred: nil, edit: nil, data: r.data)
        guard r.kind == LanguageServer.jsonLDKind, let uri = r.data?["uri"]?.stringValue, let version = r.data?["version"]?.intValue else {
            return reply(unresolved)
        }
        let changed = ResponseError(code: ErrorCode.contentModified, message: "\(uri) changed since the action was listed")
        guard let doc = documents[uri], doc.version == version else { return reply(.failure(changed)) }
        jsonLDAction(uri, doc) { action in
            guard let action, self.documents[uri]?.version == version else { return reply(.failure(changed)) }
            reply(action)
        }
    }

    /// The action that inserts or updates the JSON-LD block of an HTML page with its facts (`FactsFeatures.scriptEdit`),
    /// passed to `body` on the state queue. The facts come from the analysis of the lint of the current version, or,
    /// while that lint has not finished, from an analysis of the current text (no rules): off the state queue, never
    /// waiting for a lint.
    func jsonLDAction(_ uri: String, _ doc: OpenDocument, _ body: @escaping (CodeAction?) -> Void) {
        var analysis: Analysis?
        var document = doc.document
        if let c = doc.cache, c.version == doc.version, c.epoch == doc.epoch, c.generation == configGeneration {
            guard let a = c.analysis, a.document.format == .html else { return body(nil) }
            analysis = a
        } else {
            let eff = effectiveConfig(path: doc.document.path)
            guard !eff.isPack, eff.configKey == nil,
                  Self.format(languageID: doc.languageID, document: doc.document, configuration: eff.configuration) == .html else { return body(nil) }
            if document.format != .html { document = Document(bytes: document.bytes, format: .html, path: document.path) }
        }
        let bytes = doc.document.bytes
        let ticket = park(body)
        let source = document, finished = analysis
        DispatchQueue.global().async { [self] in
            let a = finished ?? Analysis(document: source)
            let facts = JobPostingFacts.extract(a)
            let edit = facts.facts.isEmpty ? nil : FactsFeatures.scriptEdit(bytes, jobPosting: facts.jobPosting)
            onState { server in
                guard let body = server.take(ticket) else { return }
                guard let edit, let doc = server.documents[uri], doc.document.bytes == bytes else { return body(nil) }
                let title = edit.isUpdate ? "Update schema.org JobPosting JSON-LD" : "Insert schema.org JobPosting JSON-LD"
                let e = TextEdit(range: server.encoding.range(edit.range, doc.document.lines), newText: edit.newText)
                body(CodeAction(title: title, kind: LanguageServer.jsonLDKind, diagnostics: nil, isPreferred: nil,
                                edit: server.workspaceEdit(doc, [e.json])))
            }
        }
    }

    /// Fix all: computed when asked for explicitly (`only` names it, as "fix all on save" does), or for a general
    /// request when the latest diagnostics hold an applicable fix. Answers with `actions` and it.
    func addFixAll(_ r: CodeActionRequest, _ actions: [CodeAction], _ reply: Reply<[CodeAction]?>) {
        guard let doc = documents[r.uri] else { return reply(actions) }
        func wanted(_ kind: String) -> Bool {
            guard let only = r.only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let allowed: Applicability = settings.unsafeFixes ? .unsafe : .safe
        guard wanted(LanguageServer.fixAllKind) else { return reply(actions) }
        let linter: Linter
        if r.only != nil {
            let eff = effectiveConfig(path: doc.document.path)
            guard !eff.isPack, eff.configKey == nil,
                  Self.format(languageID: doc.languageID, document: doc.document, configuration: eff.configuration) != nil else { return reply(actions) }
            linter = eff.linter
        } else {
            guard let c = doc.cache, c.version == doc.version, c.epoch == doc.epoch, let l = c.linter,
                  c.diagnostics.contains(where: { $0.fix.map { Fixer.applies($0.applicability, allowed: allowed) && !$0.edits.isEmpty } ?? false })
            else { return reply(actions) }
            linter = l
        }
        let document = doc.document
        let enc = encoding
        let base = actions
        lintQueue.async { [self] in
            guard reply.isPending else { return }
            let edits = fixEdits(document, linter: linter, allowed: allowed, encoding: enc)
            onState { server in
                var all = base
                if !edits.isEmpty, let doc = server.documents[r.uri], doc.document.bytes == document.bytes {
                    let title = allowed == .safe ? "Fix all jdlint problems (safe fixes)" : "Fix all jdlint problems (including unsafe fixes)"
                    all.append(CodeAction(title: title, kind: LanguageServer.fixAllKind, diagnostics: nil, isPreferred: nil,
                                          edit: server.workspaceEdit(doc, edits.map(\.json))))
                }
                reply(all)
            }
        }
    }

    /// The cached diagnostic a context diagnostic stands for, when it lacks `data`: same code and range. A diagnostic
    /// another tool produced (another `source`) never matches.
    func cachedDiagnostic(matching d: JSONValue, _ cache: LintCache?, _ lines: LineIndex) -> JSONValue? {
        // A diagnostic with our `data` of another version is stale: its range refers to an older text.
        guard let cache, d["data"]?["version"] == nil, d["source"]?.stringValue.map({ $0 == "jdlint" }) ?? true,
              let code = d["code"]?.stringValue, let range = try? LSPRange(Params(d["range"])) else { return nil }
        let want = encoding.byteRange(range, lines)
        return cache.lsp.first { c in
            guard c["code"]?.stringValue == code, let r = try? LSPRange(Params(c["range"])) else { return false }
            return encoding.byteRange(r, lines) == want
        }
    }

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
        return [TextEdit(range: enc.range(p..<(a.count - s), document.lines), newText: replaced)]
    }

    // MARK: - Formatting

    func formatting(_ r: FormattingRequest, _ reply: Reply<[TextEdit]?>) {
        guard let doc = documents[r.uri] else { return reply(nil) }
        let path = doc.document.path
        let eff = effectiveConfig(path: path)
        guard !eff.isPack, eff.configKey == nil,
              let f = Self.format(languageID: doc.languageID, document: doc.document, configuration: eff.configuration) else { return reply([]) }
        let document = doc.document.format == f ? doc.document : Document(bytes: doc.document.bytes, format: f, path: path)
        let enc = encoding
        lintQueue.async { [self] in
            guard reply.isPending else { return }
            reply(fixEdits(document, linter: eff.linter, allowed: .safe, encoding: enc))
        }
    }

    // MARK: - Hover

    /// How long a hover waits for the lint of the document's current version before it answers from the last
    /// finished lint (`currentOrMappedCache`), so a slow lint never holds it.
    static let hoverWaitMs = 500

    func hover(_ r: HoverRequest, _ reply: Reply<Hover?>) {
        guard let doc = documents[r.uri] else { return reply(nil) }
        if doc.cache.map({ $0.version != doc.version || $0.epoch != doc.epoch || $0.generation != configGeneration }) ?? true {
            onState(after: .milliseconds(LanguageServer.hoverWaitMs)) { server in
                guard reply.isPending else { return }
                let mapped = server.documents[r.uri].flatMap { server.currentOrMappedCache($0) }
                server.log(.log, "hover on \(r.uri) answered before its lint finished (\(mapped == nil ? "nothing linted yet" : "from v\(mapped!.version)"))")
                server.answerHover(r, mapped, reply)
            }
        }
        withLint(r.uri, requestID: reply.id) { cache in
            self.answerHover(r, cache, reply)
        }
    }

    /// Answers a hover from one lint: its findings at the position and, on the title, the posting's facts
    /// (`FactsFeatures.markdown`) above them. The facts are read from the lint's analysis off the state queue (a long
    /// posting never holds other requests); findings moved past later edits have no analysis, hence no facts.
    func answerHover(_ r: HoverRequest, _ cache: LintCache?, _ reply: Reply<Hover?>) {
        guard let cache else { return reply(nil) }
        let findings = hoverAnswer(r, cache)
        let lines = cache.document.lines
        let offset = encoding.offset(r.position, lines)
        guard let analysis = cache.analysis, let title = FactsFeatures.titleRange(at: offset, analysis) else { return reply(findings) }
        let enc = encoding
        DispatchQueue.global().async {
            guard reply.isPending else { return }
            guard let facts = FactsFeatures.markdown(JobPostingFacts.extract(analysis)) else { return reply(findings) }
            var range = title
            var text = facts
            if let f = findings {
                let fr = enc.byteRange(f.range, lines)
                range = min(range.lowerBound, fr.lowerBound)..<max(range.upperBound, fr.upperBound)
                text += "\n---\n\n" + f.markdown
            }
            reply(Hover(markdown: text, range: enc.range(range, lines)))
        }
    }

    /// The hover at the request's position from one lint's findings.
    func hoverAnswer(_ r: HoverRequest, _ cache: LintCache) -> Hover? {
        guard let linter = cache.linter else { return nil }
        let lines = cache.document.lines
        let offset = encoding.offset(r.position, lines)
        let hits = cache.diagnostics.filter { $0.range.contains(offset) || $0.range.lowerBound == offset }
        guard let first = hits.first else { return nil }
        var text = ""
        var seen = Set<String>()
        var range = first.range
        for d in hits {
            range = min(range.lowerBound, d.range.lowerBound)..<max(range.upperBound, d.range.upperBound)
            if !text.isEmpty { text += "\n---\n\n" }
            text += "**\(d.rule)**: \(d.message)\n\n"
            if seen.insert(d.rule).inserted, let rule = linter.registry.rule(d.rule) {
                text += RuleDocs.markdown(rule.meta)
            }
        }
        return Hover(markdown: text, range: encoding.range(range, lines))
    }

    /// The findings for the document's current version: its cache when that is of this version; else those of the
    /// last finished lint of this opening, moved past the edits made since. A finding (and its fix) in the text
    /// before or after the edited region (the longest common prefix and suffix of the two texts) is kept, moved by
    /// the edit's length; one that touches the edited text is left out. Nil when nothing was linted yet.
    func currentOrMappedCache(_ doc: OpenDocument) -> LintCache? {
        guard let c = doc.cache, c.epoch == doc.epoch else { return nil }
        if c.version == doc.version { return c }
        guard let linter = c.linter else { return nil }
        let o = c.document.bytes, n = doc.document.bytes
        let limit = min(o.count, n.count)
        var p = 0
        while p < limit && o[p] == n[p] { p += 1 }
        var s = 0
        while s < limit - p && o[o.count - 1 - s] == n[n.count - 1 - s] { s += 1 }
        let tail = o.count - s, delta = n.count - o.count
        func moved(_ r: Range<Int>) -> Range<Int>? {
            if r.upperBound <= p { return r }
            if r.lowerBound >= tail { return (r.lowerBound + delta)..<(r.upperBound + delta) }
            return nil
        }
        var kept: [Diagnostic] = []
        for d in c.diagnostics {
            guard let r = moved(d.range) else { continue }
            var m = d
            m.range = r
            if var f = d.fix {
                let edits = f.edits.compactMap { e in moved(e.range).map { Edit(range: $0, replacement: e.replacement) } }
                guard edits.count == f.edits.count else { continue }
                f.edits = edits
                m.fix = f
            }
            kept.append(m)
        }
        let lines = doc.document.lines
        let lsp = kept.map { lspDiagnostic($0, lines, encoding, version: doc.version, registry: linter.registry) }
        return LintCache(version: doc.version, epoch: doc.epoch, generation: c.generation, document: doc.document,
                         diagnostics: kept, lsp: lsp, linter: linter, ignored: c.ignored)
    }
}
