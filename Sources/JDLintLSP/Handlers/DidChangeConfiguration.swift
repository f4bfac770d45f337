import JDLintCore

/// `workspace/didChangeConfiguration`: new settings (or a sign to ask for them).
enum DidChangeConfigurationHandler: NotificationHandler {
    typealias Notification = DidChangeConfigurationNotification

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        server.didChangeConfiguration(notification)
    }
}

extension LanguageServer {
    func didChangeConfiguration(_ n: DidChangeConfigurationNotification) {
        if let s = n.settings?["jdlint"], s != .null {
            applySettings(s)
        } else if supportsConfiguration {
            pullConfiguration()
        } else if let s = n.settings, s.objectValue.map({ !$0.keys.isEmpty }) == true {
            applySettings(s)
        }
    }
}
