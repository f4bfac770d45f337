import JDLintCore

/// `$/setTrace`: the level of `window/logMessage` forwarding.
enum SetTraceHandler: NotificationHandler {
    typealias Notification = SetTraceNotification

    static func dependency(_ notification: Notification) -> MessageDependency { .freestanding }

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        server.connection.board.withLock { $0.trace = notification.value }
    }
}
