import JDLintCore

/// `exit`: accepted in any state; the exit code is 0 after `shutdown`, else 1.
enum ExitHandler: NotificationHandler {
    typealias Notification = ExitNotification
    static let acceptedInAnyState = true

    /// Exits at once, whatever waits.
    static func dependency(_ notification: Notification) -> MessageDependency { .freestanding }

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        server.exit()
    }
}
