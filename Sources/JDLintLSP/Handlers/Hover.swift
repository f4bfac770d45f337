import Dispatch
import JDLintCore

/// `textDocument/hover`: the findings at the position and, on the title, the posting's facts; waits at most
/// `hoverWaitMs` for a running lint.
enum HoverHandler: RequestHandler {
    typealias Request = HoverRequest
    static let execution = Execution.parallel

    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {
        capabilities.hoverProvider = true
    }

    static func handle(_ server: isolated LanguageServer, _ request: Request, _ reply: Reply<Request.Response>) {
        server.hover(request, reply)
    }
}

extension LanguageServer {
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
                range = SourceRange(min(range.lowerBound, fr.lowerBound), max(range.upperBound, fr.upperBound))
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
            range = SourceRange(min(range.lowerBound, d.range.lowerBound), max(range.upperBound, d.range.upperBound))
            if !text.isEmpty { text += "\n---\n\n" }
            text += "**\(d.rule)**: \(d.message)\n\n"
            if seen.insert(d.rule).inserted, let rule = linter.registry.rule(d.rule) {
                text += RuleDocs.markdown(rule.meta)
            }
        }
        return Hover(markdown: text, range: encoding.range(range, lines))
    }
}
