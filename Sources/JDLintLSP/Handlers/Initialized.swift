import JDLintCore

/// `initialized`: registers the `.jdlint.json` watcher and asks for the settings.
enum InitializedHandler: NotificationHandler {
    typealias Notification = InitializedNotification

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        server.initialized()
    }
}

extension LanguageServer {
    func initialized() {
        if supportsWatchedFilesRegistration {
            let reg: JSONValue = ["id": "jdlint-config-watcher", "method": "workspace/didChangeWatchedFiles",
                                  "registerOptions": ["watchers": [["globPattern": "**/.jdlint.json"]]]]
            request(RegisterCapabilityRequest(registrations: [reg])) { _ in }
        }
        if supportsConfiguration { pullConfiguration(initial: true) }
    }
}
