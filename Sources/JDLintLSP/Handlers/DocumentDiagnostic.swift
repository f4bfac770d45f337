import JDLintCore

/// `textDocument/diagnostic` (pull diagnostics): the findings of the document's current version, from the cache or
/// after a lint on the lint queue.
enum DocumentDiagnosticHandler: RequestHandler {
    typealias Request = DocumentDiagnosticRequest
    static let execution = Execution.parallel

    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {
        guard client.pullDiagnostics else { return }
        capabilities.diagnosticProvider = DiagnosticOptions(identifier: "jdlint", interFileDependencies: false, workspaceDiagnostics: false)
    }

    static func handle(_ server: isolated LanguageServer, _ request: Request, _ reply: Reply<Request.Response>) {
        server.documentDiagnostic(request, reply)
    }
}

extension LanguageServer {
    func documentDiagnostic(_ r: DocumentDiagnosticRequest, _ reply: Reply<DocumentDiagnosticReport>) {
        guard documents[r.uri] != nil else {
            reply(DocumentDiagnosticReport(resultId: "closed", items: []))
            return
        }
        withLint(r.uri, requestID: reply.id) { cache in
            guard let cache else { return reply(DocumentDiagnosticReport(resultId: "closed", items: [])) }
            let id = cache.resultID
            reply(DocumentDiagnosticReport(resultId: id, items: r.previousResultId == id ? nil : cache.lsp))
        }
    }
}
