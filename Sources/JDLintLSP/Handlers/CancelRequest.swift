import JDLintCore

/// `$/cancelRequest`: answers a pending cancellable request with `RequestCancelled`; its remaining work is skipped.
enum CancelRequestHandler: NotificationHandler {
    typealias Notification = CancelRequestNotification

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        server.cancel(notification.id)
    }
}
