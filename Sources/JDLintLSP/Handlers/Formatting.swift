import Dispatch
import JDLintCore

/// `textDocument/formatting`: the safe fixes, computed on the lint queue.
enum FormattingHandler: RequestHandler {
    typealias Request = FormattingRequest
    static let execution = Execution.parallel

    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {
        capabilities.documentFormattingProvider = true
    }

    static func handle(_ server: isolated LanguageServer, _ request: Request, _ reply: Reply<Request.Response>) {
        server.formatting(request, reply)
    }
}

extension LanguageServer {
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
}
