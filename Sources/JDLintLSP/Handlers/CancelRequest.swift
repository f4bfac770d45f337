import JDLintCore

/// `$/cancelRequest`: answers a pending cancellable request with `RequestCancelled`; its remaining work is skipped.
enum CancelRequestHandler: NotificationHandler {
    typealias Notification = CancelRequestNotification

    /// At once, so a request still waiting for the messages it depends on is cancelled before it starts.
    static func dependency(_ notification: Notification) -> MessageDependency { .freestanding }

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        server.cancel(notification.id)
    }
}
