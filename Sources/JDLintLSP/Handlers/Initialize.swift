import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JDLintCore

/// `initialize`: negotiates the position encoding and what the client supports; answers the capabilities the
/// registered handlers declare (`LanguageServer.capabilities`).
enum InitializeHandler: RequestHandler {
    typealias Request = InitializeRequest
    static let execution = Execution.inOrder

    static func handle(_ server: isolated LanguageServer, _ request: Request, _ reply: Reply<Request.Response>) {
        server.initialize(request, reply)
    }
}

extension LanguageServer {
    func initialize(_ r: InitializeRequest, _ reply: Reply<InitializeResult>) {
        let caps = r.capabilities
        let encodings = caps.lookup("general", "positionEncodings")?.arrayValue?.compactMap(\.stringValue) ?? []
        encoding = encodings.contains("utf-8") ? .utf8 : .utf16
        pullDiagnostics = caps.lookup("textDocument", "diagnostic")?.objectValue != nil
        supportsConfiguration = caps.lookup("workspace", "configuration")?.boolValue == true
        supportsWatchedFilesRegistration = caps.lookup("workspace", "didChangeWatchedFiles", "dynamicRegistration")?.boolValue == true
        supportsRefresh = caps.lookup("workspace", "diagnostics", "refreshSupport")?.boolValue == true
        supportsDocumentChanges = caps.lookup("workspace", "workspaceEdit", "documentChanges")?.boolValue == true
        supportsResolvingEdits = caps.lookup("textDocument", "codeAction", "resolveSupport", "properties")?.arrayValue?
            .contains("edit") == true
        root = r.rootPath
        var folders: [String] = []
        for f in r.workspaceFolders.map(realPath) where !folders.contains(f) { folders.append(f) }
        workspaceFolders = folders
        workspaceFoldersAsGiven = r.workspaceFolders.map(LanguageServer.standardized)
        supportsRelativePatterns = caps.lookup("workspace", "didChangeWatchedFiles", "relativePatternSupport")?.boolValue == true
        connection.board.withLock {
            $0.trace = r.trace ?? "off"
            $0.forwardLogs = true
        }
        if let o = LanguageServer.settingsObject(r.initializationOptions) {
            initializationSettings = o["jdlint"].flatMap(LanguageServer.settingsObject) ?? o
        }
        applySettings(nil)
        lifecycle = .running
        if options.watchParentProcess, let pid = r.processID, pid > 0 { watchParent(pid) }
        log(.info, "initialized for \(r.clientName ?? "an unnamed client"); position encoding \(encoding.rawValue); \(pullDiagnostics ? "pull" : "push") diagnostics; workspace \(root ?? "none")")

        let client = NegotiatedClient(encoding: encoding, pullDiagnostics: pullDiagnostics, supportsResolvingEdits: supportsResolvingEdits)
        reply(InitializeResult(capabilities: LanguageServer.capabilities(for: client)))
    }

    /// Exits when the client process dies without closing the connection (as `processId` asks).
    func watchParent(_ pid: Int) {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + 3, repeating: 3)
        // Weak: the timer is the server's own (`exit` cancels it).
        timer.setEventHandler { [weak self] in
            self?.assumeIsolated { server in
                guard server.lifecycle != .exited else { return }
                if kill(pid_t(pid), 0) != 0 && errno == ESRCH {
                    server.log(.error, "the client process \(pid) is gone; exiting")
                    server.exit()
                }
            }
        }
        timer.resume()
        parentWatch = timer
    }
}
