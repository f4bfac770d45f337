import Dispatch
import JDLintCore
import JDLintKit

/// `textDocument/codeAction`: quick fixes (never waiting for a lint), "disable" comments, the JSON-LD action of an HTML
/// page and fix all.
enum CodeActionHandler: RequestHandler {
    typealias Request = CodeActionRequest
    static let execution = Execution.parallel

    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {
        capabilities.codeActionProvider = CodeActionOptions(codeActionKinds: ["quickfix", LanguageServer.fixAllKind, LanguageServer.jsonLDKind],
                                                            resolveProvider: false)
    }

    static func handle(_ server: isolated LanguageServer, _ request: Request, _ reply: Reply<Request.Response>) {
        server.codeAction(request, reply)
    }
}

extension LanguageServer {
    static let fixAllKind = "source.fixAll.jdlint"

    /// The action that inserts or updates an HTML page's schema.org JobPosting JSON-LD block.
    static let jsonLDKind = "source.jsonLd.jdlint"

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
                    let br = encoding.byteRange(d.range, lines)
                    return br.lowerBound <= want.upperBound && want.lowerBound <= br.upperBound
                }.map(\.json)
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
        return cache.lsp.first { c in c.code == code && encoding.byteRange(c.range, lines) == want }?.json
    }
}
