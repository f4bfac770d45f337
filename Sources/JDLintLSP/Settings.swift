import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JDLintCore
import JDLintKit

// The client's settings and the configuration of each document.

extension LanguageServer {
    /// Asks the client for the `jdlint` settings. The first time (`initial`), published lints and the messages that
    /// depend on `initialized` (all but cancellations, traces, `shutdown` and `exit`) wait for the answer (at most a
    /// second), so a document opened right after `initialized` is not first linted without the user's settings and
    /// then again with them.
    func pullConfiguration(initial: Bool = false) {
        if initial {
            awaitingInitialSettings = true
            initialSettingsHold = holdCurrentMessage()
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
        if let hold = initialSettingsHold {
            initialSettingsHold = nil
            finishMessage(hold)
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
        var eff = linters.entry(resolved?.files ?? []) {
            var configuration = resolved?.configuration ?? Configuration()
            let registry = resolved?.registry ?? options.registry
            var settingsError: ConfigError?
            if let o = settings.configuration {
                var merged = o.merged(over: configuration)
                merged.baseDirectory = configuration.baseDirectory
                merged.file = configuration.file
                do throws(ConfigError) {
                    try o.validate(against: registry)
                    configuration = merged
                } catch {
                    settingsError = error
                }
            }
            let linter = Linter(registry: registry, configuration: configuration, settings: LintSettings(currentYear: options.currentYear, today: options.today))
            return EffectiveConfig(linter: linter, configuration: configuration, error: settingsError)
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
}
