import JDLintCore

/// `workspace/diagnostic`: the reports of every open document; held open while none changed.
enum WorkspaceDiagnosticHandler: RequestHandler {
    typealias Request = WorkspaceDiagnosticRequest
    static let execution = Execution.parallel

    /// Declared after `DocumentDiagnosticHandler`, whose provider it extends.
    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {
        capabilities.diagnosticProvider?.workspaceDiagnostics = true
    }

    static func handle(_ server: isolated LanguageServer, _ request: Request, _ reply: Reply<Request.Response>) {
        server.workspaceDiagnostic(request, reply)
    }
}

extension LanguageServer {
    /// Reports of every open document. When every report would be `unchanged`, the request is held open (as the
    /// spec allows for long-running workspace diagnostics) until a document or the configuration changes, so clients
    /// that re-request at once do not spin.
    func workspaceDiagnostic(_ r: WorkspaceDiagnosticRequest, _ reply: Reply<WorkspaceDiagnosticReport>) {
        let uris = documents.keys.sorted()
        if uris.isEmpty && r.previousResultIds.isEmpty { return reply(WorkspaceDiagnosticReport(items: [])) }
        if uris.isEmpty { return parkWorkspaceDiagnostic(r, reply) }
        nextTicket += 1
        let key = nextTicket
        workspaceReports[key] = WorkspaceReports(remaining: uris.count)
        for uri in uris {
            withLint(uri, requestID: reply.id) { cache in
                guard var gathered = self.workspaceReports[key] else { return }
                if let cache {
                    let id = cache.resultID
                    let unchanged = r.previousResultIds[uri] == id
                    gathered.anyChanged = gathered.anyChanged || !unchanged
                    var o = JSONObject([("kind", unchanged ? "unchanged" : "full"), ("uri", .string(uri)),
                                        ("version", .int(cache.version)), ("resultId", .string(id))])
                    if !unchanged { o["items"] = .array(cache.lsp.map(\.json)) }
                    gathered.items[uri] = .object(o)
                }
                gathered.remaining -= 1
                self.workspaceReports[key] = gathered
                guard gathered.remaining == 0 else { return }
                self.workspaceReports.removeValue(forKey: key)
                let closed = r.previousResultIds.keys.contains { self.documents[$0] == nil }
                if gathered.anyChanged || closed || self.lifecycle != .running {
                    reply(WorkspaceDiagnosticReport(items: uris.compactMap { gathered.items[$0] }))
                } else {
                    self.parkWorkspaceDiagnostic(r, reply)
                }
            }
        }
    }

    /// The reports of one `workspace/diagnostic` request gathered so far (`LanguageServer.workspaceReports`).
    struct WorkspaceReports {
        var items: [String: JSONValue] = [:]
        var remaining: Int
        var anyChanged = false
    }

    func parkWorkspaceDiagnostic(_ r: WorkspaceDiagnosticRequest, _ reply: Reply<WorkspaceDiagnosticReport>) {
        parkedWorkspaceRequests.append({
            guard reply.isPending else { return }
            self.workspaceDiagnostic(r, reply)
        })
    }

    /// Something changed: answer held `workspace/diagnostic` requests.
    func wakeWorkspaceDiagnostics() {
        guard !parkedWorkspaceRequests.isEmpty else { return }
        let parked = parkedWorkspaceRequests
        parkedWorkspaceRequests.removeAll()
        for p in parked { p() }
    }
}
