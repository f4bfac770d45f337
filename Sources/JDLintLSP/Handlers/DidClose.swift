import JDLintCore

/// `textDocument/didClose`: forgets the document and clears its published diagnostics.
enum DidCloseHandler: NotificationHandler {
    typealias Notification = DidCloseNotification

    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {
        capabilities.textDocumentSync.openClose = true
    }

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        server.didClose(notification)
    }
}

extension LanguageServer {
    func didClose(_ n: DidCloseNotification) {
        guard let doc = documents.removeValue(forKey: n.uri) else { return }
        doc.debounce?.cancel()
        if let key = configDocumentKey(doc.document.path) { configBufferClosed(key) }
        memos.removeValue(forKey: n.uri)
        let push = !pullDiagnostics
        connection.board.withLock {
            $0.pushTargets.removeValue(forKey: n.uri)
            $0.lintCurrent.removeValue(forKey: n.uri)
            // Under the lock: a push lint finishing now publishes before this or not at all.
            if push { connection.notify(PublishDiagnosticsNotification(uri: n.uri, version: nil, diagnostics: [])) }
        }
        wakeWorkspaceDiagnostics()
    }
}
