import JDLintCore

/// `shutdown`: stops linting and answers at once (a running lint stops at its next check).
enum ShutdownHandler: RequestHandler {
    typealias Request = ShutdownRequest
    static let execution = Execution.inOrder

    /// Answered at once, never behind a message held in flight (the settings `initialized` waits for).
    static func dependency(_ request: Request) -> MessageDependency { .freestanding }

    static func handle(_ server: isolated LanguageServer, _ request: Request, _ reply: Reply<Request.Response>) {
        server.shutdown(reply)
    }
}

extension LanguageServer {
    func shutdown(_ reply: Reply<NullResult>) {
        lifecycle = .shuttingDown
        for d in documents.values { d.debounce?.cancel() }
        connection.board.withLock {
            $0.pushTargets.removeAll()
            // A running lint stops at its next check (the answer below does not wait for it anyway).
            $0.lintsStopped = true
        }
        wakeWorkspaceDiagnostics()
        reply(NullResult())
    }
}
