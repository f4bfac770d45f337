import JDLintCore

/// `textDocument/didSave`: saving a configuration file or a pack reloads the configuration.
enum DidSaveHandler: NotificationHandler {
    typealias Notification = DidSaveNotification

    /// Saving a configuration file or a pack changes the configuration of every document.
    static func dependency(_ notification: Notification) -> MessageDependency { .globalConfigurationChange }

    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {
        capabilities.textDocumentSync.save = SaveOptions(includeText: false)
    }

    static func handle(_ server: isolated LanguageServer, _ notification: Notification) {
        if server.isConfigurationFile(notification.uri) { server.reloadConfiguration() }
    }
}
