import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JDLintCore
import JDLintKit

extension LanguageServer {
    static let requestHandlers: [String: RequestEntry] = Dictionary(uniqueKeysWithValues: [
        request(InitializeRequest.self) { server, r, reply in server.initialize(r, reply) },
        request(ShutdownRequest.self) { server, _, reply in server.shutdown(reply) },
        request(DocumentDiagnosticRequest.self) { server, r, reply in server.documentDiagnostic(r, reply) },
        request(WorkspaceDiagnosticRequest.self) { server, r, reply in server.workspaceDiagnostic(r, reply) },
        request(CodeActionRequest.self) { server, r, reply in server.codeAction(r, reply) },
        request(CodeActionResolveRequest.self) { server, r, reply in server.resolveCodeAction(r, reply) },
        request(FormattingRequest.self) { server, r, reply in server.formatting(r, reply) },
        request(HoverRequest.self) { server, r, reply in server.hover(r, reply) },
    ])

    static let notificationHandlers: [String: NotificationEntry] = Dictionary(uniqueKeysWithValues: [
        notification(InitializedNotification.self) { server, _ in server.initialized() },
        notification(DidOpenNotification.self) { server, n in server.didOpen(n) },
        notification(DidChangeNotification.self) { server, n in server.didChange(n) },
        notification(DidCloseNotification.self) { server, n in server.didClose(n) },
        notification(DidSaveNotification.self) { server, n in
            if server.isConfigurationFile(n.uri) { server.reloadConfiguration() }
        },
        notification(DidChangeConfigurationNotification.self) { server, n in server.didChangeConfiguration(n) },
        notification(DidChangeWatchedFilesNotification.self) { server, _ in server.reloadConfiguration() },
        notification(CancelRequestNotification.self) { server, n in
            server.log(.log, "cancel request \(n.id)\(server.isPending(n.id) ? "" : " (already answered)")")
            server.respond(n.id, .failure(ResponseError(code: ErrorCode.requestCancelled, message: "request \(n.id) was cancelled")))
        },
        notification(SetTraceNotification.self) { server, n in
            server.connection.board.withLock { $0.trace = n.value }
        },
    ])

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

    // MARK: - Lifecycle

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

        var sync = JSONObject()
        sync["openClose"] = true
        sync["change"] = 2
        sync["save"] = ["includeText": false]
        var capabilities = JSONObject()
        capabilities["positionEncoding"] = .string(encoding.rawValue)
        capabilities["textDocumentSync"] = .object(sync)
        capabilities["hoverProvider"] = true
        capabilities["codeActionProvider"] = ["codeActionKinds": ["quickfix", .string(LanguageServer.fixAllKind), .string(LanguageServer.jsonLDKind)],
                                              "resolveProvider": .bool(supportsResolvingEdits)]
        capabilities["documentFormattingProvider"] = true
        if pullDiagnostics {
            capabilities["diagnosticProvider"] = ["identifier": "jdlint", "interFileDependencies": false, "workspaceDiagnostics": true]
        }
        reply(InitializeResult(capabilities: .object(capabilities)))
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

    func initialized() {
        if supportsWatchedFilesRegistration {
            let reg: JSONValue = ["id": "jdlint-config-watcher", "method": "workspace/didChangeWatchedFiles",
                                  "registerOptions": ["watchers": [["globPattern": "**/.jdlint.json"]]]]
            request(RegisterCapabilityRequest(registrations: [reg])) { _ in }
        }
        if supportsConfiguration { pullConfiguration(initial: true) }
    }

    // MARK: - Configuration

    static let fixAllKind = "source.fixAll.jdlint"
    /// The action that inserts or updates an HTML page's schema.org JobPosting JSON-LD block.
    static let jsonLDKind = "source.jsonLd.jdlint"

    /// Asks the client for the `jdlint` settings. The first time (`initial`), published lints wait for the answer
    /// (at most a second), so a document opened right after `initialized` is not first linted without the user's
    /// settings and then again with them.
    func pullConfiguration(initial: Bool = false) {
        if initial {
            awaitingInitialSettings = true
            onState(after: .seconds(1)) { server in server.releaseHeldLints() }
        }
        request(ConfigurationRequest(scopeURI: root.map { URI.from(path: $0) })) { value in
            if let value, value != .null { self.applySettings(value) }
            if initial { self.releaseHeldLints() }
        }
    }

    /// Lints the documents whose published lint waited for the initial settings.
    func releaseHeldLints() {
        guard awaitingInitialSettings else { return }
        awaitingInitialSettings = false
        let held = heldPushLints.sorted()
        heldPushLints.removeAll()
        for uri in held { schedulePushLint(uri) }
        let requests = heldRequests
        heldRequests.removeAll()
        for r in requests { r() }
    }

    func didChangeConfiguration(_ n: DidChangeConfigurationNotification) {
        if let s = n.settings?["jdlint"], s != .null {
            applySettings(s)
        } else if supportsConfiguration {
            pullConfiguration()
        } else if let s = n.settings, s.objectValue.map({ !$0.keys.isEmpty }) == true {
            applySettings(s)
        }
    }

    /// Lays client settings (nil: none beyond `initializationOptions`) over the initialization options and re-lints.
    func applySettings(_ value: JSONValue?) {
        var merged = initializationSettings
        var error: ConfigError?
        if let value {
            if let o = LanguageServer.settingsObject(value) {
                for e in o { merged[e.key] = e.value }
            } else {
                error = ConfigError(file: "settings", path: "jdlint", message: "expected an object, found \(value.typeName)")
            }
        }
        var s = ClientSettings()
        s.debounceMs = options.debounceMs
        var fileSettings = JSONObject()
        for e in merged {
            switch e.key {
            case "debounceMs":
                if let i = e.value.intValue, i >= 0 { s.debounceMs = min(i, 60_000) } else {
                    error = error ?? ConfigError(file: "settings", path: "jdlint.debounceMs", message: "expected a non-negative integer")
                }
            case "unsafeFixes":
                if let b = e.value.boolValue { s.unsafeFixes = b } else {
                    error = error ?? ConfigError(file: "settings", path: "jdlint.unsafeFixes", message: "expected true or false")
                }
            case "rules", "profile", "profiles", "languages", "ignore":
                if e.value != .null { fileSettings[e.key] = e.value }
            default:
                log(.warning, "unknown setting jdlint.\(e.key) ignored")
            }
        }
        if !fileSettings.keys.isEmpty {
            do {
                s.configuration = try Configuration.parse(JSONValue.object(fileSettings).serializedBytes(), file: "settings (jdlint)",
                                                          baseDirectory: root ?? ".")
            } catch {
                // The position inside the serialised settings means nothing to the user.
                var e = error
                e.line = nil
                e.column = nil
                s.error = e
            }
        }
        if s.error == nil { s.error = error }
        settings = s
        // Unchanged settings keep the cached diagnostics (and their result ids).
        let fingerprint = JSONValue.object(merged).serialized() + (error?.description ?? "")
        if fingerprint == settingsFingerprint { return }
        settingsFingerprint = fingerprint
        configurationChanged()
    }

    /// Settings as an object. An empty array counts as an empty object: Neovim encodes an empty Lua table `{}` as
    /// `[]`, so `settings = { jdlint = {} }` arrives as `{"jdlint": []}`.
    static func settingsObject(_ value: JSONValue?) -> JSONObject? {
        if let o = value?.objectValue { return o }
        if let a = value?.arrayValue, a.isEmpty { return JSONObject() }
        return nil
    }

    func reloadConfiguration(because reason: String = "configuration files changed") {
        loader = makeLoader()
        configFileCache.removeAll()
        realPaths.removeAll()
        packListsRead.removeAll()
        knownPacks.removeAll()
        knownConfigFiles.removeAll()
        log(.info, "\(reason); reloading the configuration")
        configurationChanged()
    }

    func configurationChanged() {
        configGeneration += 1
        let generation = configGeneration
        connection.board.withLock { $0.lintGeneration = generation }
        linters.removeAll()
        shownConfigErrors.removeAll()
        guard lifecycle == .running else { return }
        wakeWorkspaceDiagnostics()
        if pullDiagnostics {
            if supportsRefresh { request(DiagnosticRefreshRequest()) { _ in } }
        } else {
            for uri in documents.keys.sorted() { schedulePushLint(uri) }
        }
    }

    /// The configuration of a document: the nearest `.jdlint.json` (or the workspace's), with the client's
    /// settings laid over it. Errors fall back to the defaults and are reported, never thrown.
    func effectiveConfig(path: String?) -> EffectiveConfig {
        var fileError: ConfigError?
        var resolved: ResolvedConfig?
        do {
            resolved = try resolveConfig(path: path)
        } catch {
            fileError = error
        }
        let key = resolved?.files.joined(separator: "\u{1}") ?? ""
        var eff: EffectiveConfig
        if let cached = linters[key] {
            eff = cached
        } else {
            var configuration = resolved?.configuration ?? Configuration()
            let registry = resolved?.registry ?? options.registry
            var settingsError: ConfigError?
            if let o = settings.configuration {
                var merged = o.merged(over: configuration)
                merged.baseDirectory = configuration.baseDirectory
                merged.file = configuration.file
                do {
                    try o.validate(against: registry)
                    configuration = merged
                } catch {
                    settingsError = error
                }
            }
            let linter = Linter(registry: registry, configuration: configuration, settings: LintSettings(currentYear: options.currentYear))
            eff = EffectiveConfig(linter: linter, configuration: configuration, error: settingsError)
            linters[key] = eff
        }
        eff.error = fileError ?? settings.error ?? eff.error
        eff.isPack = isPack(path)
        eff.configKey = configDocumentKey(path)
        if eff.configKey != nil { eff.configBuffers = configBuffers }
        reportConfigError(eff.error)
        return eff
    }

    func reportConfigError(_ e: ConfigError?) {
        guard let e, shownConfigErrors.insert(e.description).inserted else { return }
        // An error in a configuration file open in the editor is shown there, as you type: no pop-up for each.
        if configBuffers[LanguageServer.standardized(e.file)] != nil {
            log(.log, "configuration error (shown in the open file): \(e)")
            return
        }
        log(.error, "configuration error: \(e)")
        notify(ShowMessageNotification(type: .error, message: "jdlint: configuration error: \(e)"))
    }

    /// The format of a document, or nil when it is not linted. Editors open every JSON file (package.json,
    /// .jdlint.json…) as `json`: only postings are linted, so the others do not all get a "no JobPosting" warning.
    static func format(languageID: String, document: Document, configuration: Configuration) -> DocumentFormat? {
        let f = format(languageID: languageID, path: document.path, configuration: configuration)
        if f == .jsonld && !LanguageServer.contains(document.bytes, LanguageServer.jobPosting) { return nil }
        return f
    }

    /// The format of a document, or nil when it is not linted (unknown language or ignored by the configuration).
    static func format(languageID: String, path: String?, configuration: Configuration) -> DocumentFormat? {
        if let path, !configuration.ignore.isEmpty {
            let base = configuration.baseDirectory.hasSuffix("/") ? configuration.baseDirectory : configuration.baseDirectory + "/"
            let rel = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            if configuration.ignore.contains(where: { Glob.matches($0, rel) }) { return nil }
        }
        if let f = DocumentFormat.infer(languageID: languageID) { return f }
        if configuration.languages.contains(languageID) {
            return path.flatMap { DocumentFormat.infer(fromPath: $0) } ?? .text
        }
        return nil
    }

    // MARK: - Documents

    func didOpen(_ n: DidOpenNotification) {
        documents[n.uri]?.debounce?.cancel()
        nextEpoch += 1
        let path = URI.path(n.uri)
        if let key = configDocumentKey(path) { configBufferChanged(key, Array(n.text.utf8), opening: true) }
        let eff = effectiveConfig(path: path)
        let f = Self.format(languageID: n.languageID, path: path, configuration: eff.configuration) ?? .text
        let doc = OpenDocument(uri: n.uri, languageID: n.languageID, epoch: nextEpoch, version: n.version,
                               document: Document(bytes: Array(n.text.utf8), format: f, path: path))
        documents[n.uri] = doc
        noteCurrent(doc)
        if !pullDiagnostics { schedulePushLint(n.uri) }
        wakeWorkspaceDiagnostics()
    }

    func didChange(_ n: DidChangeNotification) {
        guard let doc = documents[n.uri] else {
            log(.warning, "didChange for a document that is not open: \(n.uri)")
            return
        }
        if n.version <= doc.version {
            log(.warning, "didChange for \(n.uri) with version \(n.version), not newer than \(doc.version); applied anyway")
        }
        var bytes = doc.document.bytes
        var lines = doc.document.lines
        for (i, c) in n.changes.enumerated() {
            if let r = c.range {
                let br = encoding.byteRange(r, lines)
                bytes.replaceSubrange(br, with: c.text.utf8)
            } else {
                bytes = Array(c.text.utf8)
            }
            if i + 1 < n.changes.count { lines = LineIndex(bytes) }
        }
        // Each message is at most `maxBodyBytes`, but edits could grow a document past what jdlint lints.
        guard bytes.count <= Document.maximumSize else {
            log(.error, "\(n.uri) grew past 2 GiB, more than jdlint lints; this change is ignored")
            return
        }
        doc.document = Document(bytes: bytes, format: doc.document.format, path: doc.document.path)
        doc.version = n.version
        // A running lint of an older version stops at its next check.
        noteCurrent(doc)
        if let key = configDocumentKey(doc.document.path) { configBufferChanged(key, bytes, opening: false) }
        if !pullDiagnostics { debouncePushLint(doc) }
        wakeWorkspaceDiagnostics()
    }

    func didClose(_ n: DidCloseNotification) {
        guard let doc = documents.removeValue(forKey: n.uri) else { return }
        doc.debounce?.cancel()
        if let key = configDocumentKey(doc.document.path) { configBufferClosed(key) }
        memos.removeValue(forKey: n.uri)
        let push = !pullDiagnostics
        connection.board.withLock {
            $0.pushTargets.removeValue(forKey: n.uri)
            $0.lintCurrent.removeValue(forKey: n.uri)
            // Under the lock: a push lint finishing now publishes before this or not at all.
            if push { connection.notify(PublishDiagnosticsNotification(uri: n.uri, version: nil, diagnostics: [])) }
        }
        wakeWorkspaceDiagnostics()
    }

    /// Records the document's newest version for the cancellation checks of running lints.
    func noteCurrent(_ doc: OpenDocument) {
        let key = LintKey(epoch: doc.epoch, version: doc.version), uri = doc.uri
        connection.board.withLock { $0.lintCurrent[uri] = key }
    }

    /// The cancellation a lint of one version checks between its steps and rules (cooperative: the core's lint
    /// loop asks it; it never interrupts a rule that does not). Any thread.
    nonisolated func lintCancellation(_ uri: String, epoch: Int, version: Int, generation: Int) -> LintCancellation {
        let key = LintKey(epoch: epoch, version: version)
        let connection = connection
        return LintCancellation { connection.isStale(uri, key, generation) }
    }

    func debouncePushLint(_ doc: OpenDocument) {
        doc.debounce?.cancel()
        let uri = doc.uri
        if settings.debounceMs <= 0 {
            schedulePushLint(uri)
            return
        }
        // Weak: the item is kept by the document, which the server keeps.
        let item = DispatchWorkItem { [weak self] in
            self?.assumeIsolated { server in
                guard server.lifecycle == .running else { return }
                server.schedulePushLint(uri)
            }
        }
        doc.debounce = item
        queue.asyncAfter(deadline: .now() + .milliseconds(settings.debounceMs), execute: item)
    }

    /// Queues a lint whose result is published. The snapshot is taken now; a job whose version was superseded
    /// before it starts is skipped (a burst of edits lints once), and the result is published straight from the lint
    /// queue when it is still the newest (fewer thread hops between a keystroke and its diagnostics).
    func schedulePushLint(_ uri: String) {
        guard let doc = documents[uri], lifecycle == .running else { return }
        if awaitingInitialSettings {
            heldPushLints.insert(uri)
            return
        }
        if let c = doc.cache, c.version == doc.version, c.epoch == doc.epoch, c.generation == configGeneration {
            notify(PublishDiagnosticsNotification(uri: uri, version: c.version, diagnostics: c.lsp))
            return
        }
        let target = PushTarget(epoch: doc.epoch, version: doc.version, generation: configGeneration)
        let already = connection.board.withLock {
            let already = $0.pushTargets[uri] == target
            $0.pushTargets[uri] = target
            return already
        }
        if already { return }
        let snapshot = lintSnapshot(doc)
        let connection = connection
        lintQueue.async { [self] in
            guard connection.board.withLock({ $0.pushTargets[uri] == target }) else { return }
            guard let outcome = lint(snapshot) else { return }
            let key = LintKey(epoch: target.epoch, version: target.version)
            let debug = options.debug
            let latency: UInt64? = connection.board.withLock {
                // Never the findings of a version that was superseded while it was linted.
                guard $0.pushTargets[uri] == target && !$0.lintsStopped && $0.lintGeneration == target.generation
                        && $0.lintCurrent[uri] == key else { return nil }
                connection.notify(PublishDiagnosticsNotification(uri: uri, version: target.version, diagnostics: outcome.cache.lsp))
                guard debug, let a = $0.changeArrivals[uri], a.version == target.version else { return nil }
                return DispatchTime.now().uptimeNanoseconds - a.at
            }
            if let latency { log(.log, "didChange → publishDiagnostics v\(target.version) inside the server: \(latency / 1000) µs") }
            onState { server in server.store(outcome, uri: uri) }
        }
    }

    /// The snapshot a lint of the document's current version reads (state queue).
    func lintSnapshot(_ doc: OpenDocument) -> LintSnapshot {
        let memo = memos[doc.uri].flatMap { $0.generation == configGeneration ? $0.memo : nil }
        return LintSnapshot(uri: doc.uri, document: doc.document, languageID: doc.languageID, version: doc.version, epoch: doc.epoch,
                            generation: configGeneration, config: effectiveConfig(path: doc.document.path), encoding: encoding, memo: memo)
    }

    /// Keeps a finished lint (state queue): its diagnostics while the document is at that version, its memo for the
    /// document's next lint while the document is open.
    func store(_ outcome: LintOutcome, uri: String) {
        let cache = outcome.cache
        guard let doc = documents[uri], doc.epoch == cache.epoch else { return }
        if case .replace(let memo) = outcome.memo { memos[uri] = memo.map { (cache.generation, $0) } }
        if doc.version == cache.version, configGeneration == cache.generation { doc.cache = cache }
    }

    /// Runs `body` on the state queue with the diagnostics of the document's current version: from the cache,
    /// else after a lint on the lint queue (skipped when `requestID` was cancelled meanwhile).
    func withLint(_ uri: String, requestID: RequestID?, _ body: @escaping (LintCache?) -> Void) {
        // Requests that need findings (pull diagnostics, code actions, hover…) wait for the initial settings too.
        if awaitingInitialSettings {
            heldRequests.append { self.withLint(uri, requestID: requestID, body) }
            return
        }
        if let doc = documents[uri], let c = doc.cache, c.version == doc.version, c.epoch == doc.epoch, c.generation == configGeneration {
            body(c)
            return
        }
        let ticket = park(body)
        let connection = connection
        lintQueue.async { [self] in
            // A cancelled request is not linted for (its closure is dropped).
            guard connection.isPending(requestID) else { return onState { server in _ = server.take(ticket) } }
            // Snapshot the latest state when the lint starts (coalesces bursts of edits).
            let start: LintStart = syncOnState { server in server.lintStart(uri) }
            let snapshot: LintSnapshot
            switch start {
            case .closed: return resume(ticket, with: nil)
            case .cached(let cached): return resume(ticket, with: cached)
            case .lint(let s): snapshot = s
            }
            guard let outcome = lint(snapshot) else {
                // Cancelled: a newer version or configuration arrived. Try again with the newest one (a stopping
                // server answers with nothing).
                onState { server in
                    guard let body = server.take(ticket) else { return }
                    if server.lifecycle == .running { server.withLint(uri, requestID: requestID, body) } else { body(nil) }
                }
                return
            }
            onState { server in
                server.store(outcome, uri: uri)
                server.take(ticket)?(outcome.cache)
            }
        }
    }

    /// What a lint queued for a request finds when it starts: the document closed, a finished lint of its current
    /// version, or the snapshot to lint.
    enum LintStart: Sendable { case closed, cached(LintCache), lint(LintSnapshot) }

    func lintStart(_ uri: String) -> LintStart {
        guard let doc = documents[uri] else { return .closed }
        if let c = doc.cache, c.version == doc.version, c.epoch == doc.epoch, c.generation == configGeneration {
            return .cached(c)
        }
        return .lint(lintSnapshot(doc))
    }

    static let jobPosting = Array("JobPosting".utf8)

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    nonisolated func lspDiagnostic(_ d: Diagnostic, _ lines: LineIndex, _ enc: PositionEncoding, version: Int, registry: RuleRegistry) -> JSONValue {
        var o = JSONObject()
        o["range"] = enc.range(d.range, lines).json
        o["severity"] = .int(d.severity == .error ? 1 : d.severity == .warning ? 2 : 3)
        o["code"] = .string(d.rule)
        if registry.rule(d.rule)?.meta.origin == "builtin" { o["codeDescription"] = ["href": .string(RuleDocs.url(d.rule, base: options.docsBaseURL))] }
        o["source"] = "jdlint"
        o["message"] = .string(d.message)
        if d.rule == SuppressionRules.unusedID { o["tags"] = [1] }
        var data = JSONObject([("version", .int(version))])
        if let fix = d.fix, !fix.edits.isEmpty {
            data["fix"] = ["title": .string(fix.title), "applicability": .string(fix.applicability.rawValue),
                           "edits": .array(fix.edits.map { TextEdit(range: enc.range($0.range, lines), newText: $0.replacement).json })]
        }
        o["data"] = .object(data)
        return .object(o)
    }

    // MARK: - Pull diagnostics

    func documentDiagnostic(_ r: DocumentDiagnosticRequest, _ reply: Reply<DocumentDiagnosticReport>) {
        guard documents[r.uri] != nil else {
            reply(DocumentDiagnosticReport(resultId: "closed", items: []))
            return
        }
        withLint(r.uri, requestID: reply.id) { cache in
            guard let cache else { return reply(DocumentDiagnosticReport(resultId: "closed", items: [])) }
            let id = cache.resultID
            reply(DocumentDiagnosticReport(resultId: id, items: r.previousResultId == id ? nil : cache.lsp))
        }
    }

    /// Reports of every open document. When every report would be `unchanged`, the request is held open (as the
    /// spec allows for long-running workspace diagnostics) until a document or the configuration changes, so clients
    /// that re-request at once do not spin.
    func workspaceDiagnostic(_ r: WorkspaceDiagnosticRequest, _ reply: Reply<WorkspaceDiagnosticReport>) {
        let uris = documents.keys.sorted()
        if uris.isEmpty && r.previousResultIds.isEmpty { return reply(WorkspaceDiagnosticReport(items: [])) }
        if uris.isEmpty { return parkWorkspaceDiagnostic(r, reply) }
        nextTicket += 1
        let key = nextTicket
        workspaceReports[key] = WorkspaceReports(remaining: uris.count)
        for uri in uris {
            withLint(uri, requestID: reply.id) { cache in
                guard var gathered = self.workspaceReports[key] else { return }
                if let cache {
                    let id = cache.resultID
                    let unchanged = r.previousResultIds[uri] == id
                    gathered.anyChanged = gathered.anyChanged || !unchanged
                    var o = JSONObject([("kind", unchanged ? "unchanged" : "full"), ("uri", .string(uri)),
                                        ("version", .int(cache.version)), ("resultId", .string(id))])
                    if !unchanged { o["items"] = .array(cache.lsp) }
                    gathered.items[uri] = .object(o)
                }
                gathered.remaining -= 1
                self.workspaceReports[key] = gathered
                guard gathered.remaining == 0 else { return }
                self.workspaceReports.removeValue(forKey: key)
                let closed = r.previousResultIds.keys.contains { self.documents[$0] == nil }
                if gathered.anyChanged || closed || self.lifecycle != .running {
                    reply(WorkspaceDiagnosticReport(items: uris.compactMap { gathered.items[$0] }))
                } else {
                    self.parkWorkspaceDiagnostic(r, reply)
                }
            }
        }
    }

    /// The reports of one `workspace/diagnostic` request gathered so far (`LanguageServer.workspaceReports`).
    struct WorkspaceReports {
        var items: [String: JSONValue] = [:]
        var remaining: Int
        var anyChanged = false
    }

    func parkWorkspaceDiagnostic(_ r: WorkspaceDiagnosticRequest, _ reply: Reply<WorkspaceDiagnosticReport>) {
        parkedWorkspaceRequests.append({
            guard reply.isPending else { return }
            self.workspaceDiagnostic(r, reply)
        })
    }

    /// Something changed: answer held `workspace/diagnostic` requests.
    func wakeWorkspaceDiagnostics() {
        guard !parkedWorkspaceRequests.isEmpty else { return }
        let parked = parkedWorkspaceRequests
        parkedWorkspaceRequests.removeAll()
        for p in parked { p() }
    }
}
