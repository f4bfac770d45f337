import JDLintCore

/// `codeAction/resolve`: the edit of the JSON-LD action, for clients that resolve edits.
enum CodeActionResolveHandler: RequestHandler {
    typealias Request = CodeActionResolveRequest
    static let execution = Execution.parallel

    /// Reads the document the action was listed for.
    static func dependency(_ request: Request) -> MessageDependency {
        request.data?["uri"]?.stringValue.map { .documentRequest($0) } ?? .freestanding
    }

    /// Declared after `CodeActionHandler`, whose provider it extends.
    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {
        capabilities.codeActionProvider?.resolveProvider = client.supportsResolvingEdits
    }

    static func handle(_ server: isolated LanguageServer, _ request: Request, _ reply: Reply<Request.Response>) {
        server.resolveCodeAction(request, reply)
    }
}

extension LanguageServer {
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
}
