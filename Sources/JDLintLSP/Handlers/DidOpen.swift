import JDLintCore

/// `textDocument/didOpen`: a new epoch of the document; published lint unless the client pulls.
enum DidOpenHandler: NotificationHandler {
    typealias Notification = DidOpenNotification

    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {
        capabilities.textDocumentSync.openClose = true
    }

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        server.didOpen(notification)
    }
}

extension LanguageServer {
    func didOpen(_ n: DidOpenNotification) {
        documents[n.uri]?.debounce?.cancel()
        nextEpoch += 1
        let path = URI.path(n.uri)
        if let key = configDocumentKey(path) { configBufferChanged(key, Array(n.text.utf8), opening: true) }
        let eff = effectiveConfig(path: path)
        let f = Self.format(languageID: n.languageID, path: path, configuration: eff.configuration) ?? .text
        let doc = OpenDocument(uri: n.uri, languageID: n.languageID, epoch: nextEpoch, version: n.version,
                               document: Document(bytes: Array(n.text.utf8), format: f, path: path))
        documents[n.uri] = doc
        noteCurrent(doc)
        if !pullDiagnostics { schedulePushLint(n.uri) }
        wakeWorkspaceDiagnostics()
    }
}
