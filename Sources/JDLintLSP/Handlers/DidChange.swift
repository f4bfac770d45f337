import JDLintCore

/// `textDocument/didChange`: incremental edits; a running lint of the old version stops.
enum DidChangeHandler: NotificationHandler {
    typealias Notification = DidChangeNotification

    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {
        capabilities.textDocumentSync.change = .incremental
    }

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        server.didChange(notification)
    }
}

extension LanguageServer {
    func didChange(_ n: DidChangeNotification) {
        guard let doc = documents[n.uri] else {
            log(.warning, "didChange for a document that is not open: \(n.uri)")
            return
        }
        if n.version <= doc.version {
            log(.warning, "didChange for \(n.uri) with version \(n.version), not newer than \(doc.version); applied anyway")
        }
        var bytes = doc.document.bytes
        var lines = doc.document.lines
        for (i, c) in n.changes.enumerated() {
            if let r = c.range {
                let br = encoding.byteRange(r, lines)
                bytes.replaceSubrange(br.offsets, with: c.text.utf8)
            } else {
                bytes = Array(c.text.utf8)
            }
            if i + 1 < n.changes.count { lines = LineIndex(bytes) }
        }
        // Each message is at most `maxBodyBytes`, but edits could grow a document past what jdlint lints.
        guard bytes.count <= Document.maximumSize else {
            log(.error, "\(n.uri) grew past 2 GiB, more than jdlint lints; this change is ignored")
            return
        }
        doc.document = Document(bytes: bytes, format: doc.document.format, path: doc.document.path)
        doc.version = n.version
        // A running lint of an older version stops at its next check.
        noteCurrent(doc)
        if let key = configDocumentKey(doc.document.path) { configBufferChanged(key, bytes, opening: false) }
        if !pullDiagnostics { debouncePushLint(doc) }
        wakeWorkspaceDiagnostics()
    }
}
