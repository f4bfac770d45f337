import JDLintCore

/// `workspace/didChangeWatchedFiles`: a watched configuration file or pack changed: reload.
enum DidChangeWatchedFilesHandler: NotificationHandler {
    typealias Notification = DidChangeWatchedFilesNotification

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        server.reloadConfiguration()
    }
}
