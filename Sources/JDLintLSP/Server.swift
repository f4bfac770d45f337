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

/// Options of a server instance (the CLI fills them from the environment; tests inject them).
public struct ServerOptions: Sendable {
    /// The current year for date rules.
    public var currentYear: Int
    /// Debounce of push diagnostics unless the client configures `debounceMs`.
    public var debounceMs: Int
    /// Sink for log lines (stderr in the real server); never stdout.
    public var log: @Sendable (String) -> Void
    /// Artificial delay added to every lint, for testing cancellation and responsiveness.
    public var lintDelayMs: Int
    /// Base of the rule documentation links (`codeDescription.href`): base + the rule's anchor in docs/rules.md
    /// (`grammar-indefinite-article`).
    public var docsBaseURL: String
    public var registry: RuleRegistry
    /// Log everything (`window/logMessage` type 4 too) to stderr.
    public var debug = false
    /// Exit when the process named by `initialize`'s `processId` dies (the real server; off in tests).
    public var watchParentProcess = false

    public init(currentYear: Int = 2026, debounceMs: Int = 150, log: @escaping @Sendable (String) -> Void = { _ in },
                lintDelayMs: Int = 0, docsBaseURL: String = LanguageServer.defaultDocsBaseURL, registry: RuleRegistry = .builtin) {
        self.currentYear = currentYear
        self.debounceMs = debounceMs
        self.log = log
        self.lintDelayMs = lintDelayMs
        self.docsBaseURL = docsBaseURL
        self.registry = registry
    }
}

/// The jdlint language server: LSP 3.17 over JSON-RPC 2.0, transport-independent.
///
/// Threading: `receive` parses on the caller's (reader) thread and hands messages to a serial state queue whose
/// handlers never lint; linting, fixing and formatting run on a separate serial lint queue; output goes through
/// `send`, which the transport makes asynchronous. So a slow lint never delays `shutdown` or a cancellation.
public final class LanguageServer: @unchecked Sendable {
    public static let defaultDocsBaseURL = RuleDocs.baseURL

    enum Lifecycle { case uninitialized, running, shuttingDown, exited }

    let options: ServerOptions
    let output: @Sendable ([UInt8]) -> Void
    let onExit: @Sendable (Int32) -> Void
    let queue = DispatchQueue(label: "jdlint.lsp.state")
    let lintQueue = DispatchQueue(label: "jdlint.lsp.lint", qos: .userInitiated)
    /// Returns freed memory to the system after a second without lints.
    let trimmer = MemoryTrimmer()

    // Guarded by `lock` (touched from several threads).
    let lock = Lock()
    var pending: Set<RequestID> = []
    var trace = "off"
    var forwardLogs = false
    /// The newest push lint scheduled per document.
    var pushTargets: [String: PushTarget] = [:]
    /// Debug timing: when the newest didChange of each document was read.
    var changeArrivals: [String: (version: Int, at: UInt64)] = [:]
    /// What a running lint checks to know it is stale (`lintCancellation`): the newest epoch and version of each
    /// open document, the configuration generation, and whether the server stopped (shutdown or exit).
    var lintCurrent: [String: LintKey] = [:]
    var lintGeneration = 0
    var lintsStopped = false

    // Confined to `queue`.
    var lifecycle = Lifecycle.uninitialized
    var requestHandlers: [String: (RequestID, Params) -> Void] = [:]
    var notificationHandlers: [String: (Params) -> Void] = [:]
    var outgoing: [RequestID: (JSONValue?) -> Void] = [:]
    var nextOutgoingID = 0
    var encoding = PositionEncoding.utf16
    var pullDiagnostics = false
    var supportsConfiguration = false
    var supportsWatchedFilesRegistration = false
    var supportsRefresh = false
    var supportsDocumentChanges = false
    /// The client resolves a code action's `edit` (`codeAction/resolve`): the JSON-LD action is listed without it.
    var supportsResolvingEdits = false
    var root: String?
    var documents: [String: OpenDocument] = [:]
    var nextEpoch = 0
    var initializationSettings = JSONObject()
    var settings = ClientSettings()
    var settingsFingerprint: String?
    var parkedWorkspaceRequests: [() -> Void] = []
    /// Between `initialized` and the client's answer to the first `workspace/configuration` request (at most a
    /// second): published lints wait in `heldPushLints`.
    var awaitingInitialSettings = false
    var heldPushLints = Set<String>()
    /// Requests that need findings, waiting for the initial settings like `heldPushLints` (state queue).
    var heldRequests: [() -> Void] = []
    var parentWatch: DispatchSourceTimer?
    var configGeneration = 0
    var loader: ConfigLoader
    var linters: [String: EffectiveConfig] = [:]
    var shownConfigErrors: Set<String> = []
    /// Standardised paths of the workspace folders the client named (the sandbox).
    var workspaceFolders: [String] = []
    /// The same, as the client wrote them (before resolving symbolic links).
    var workspaceFoldersAsGiven: [String] = []
    /// Folder → the `.jdlint.json` that applies ("" for none), inside the sandbox.
    var configFileCache: [String: String] = [:]
    var realPaths: [String: String] = [:]
    var outsideWorkspaceLogged: Set<String> = []
    /// Packs and configuration files (extends chains) of the configurations in use.
    var knownPacks: Set<String> = []
    var knownConfigFiles: Set<String> = []
    var packListsRead: Set<String> = []
    var supportsRelativePatterns = false
    var watchedPackPaths: [String] = []
    var packWatcherID: String?
    var packWatcherCount = 0
    /// The `.jdlint.json` files open in the editor inside the sandbox (by real path): while open, their buffer is the
    /// file's content for the server, not the disk.
    var configBuffers: [String: [UInt8]] = [:]
    /// Per open `.jdlint.json`, the parsed JSON of the buffer last applied to postings (an edit that parses to the same
    /// JSON, such as a comment or spacing, does not reload).
    var configFingerprints: [String: String] = [:]
    /// The last configuration each configuration file loaded without error: postings keep it while that file is open
    /// with an error in the editor.
    var lastGoodConfigs: [String: ResolvedConfig] = [:]
    /// What the last lint of each open document keeps for the next one (`LintMemo`), with the configuration
    /// generation it was made under: handed to the next lint in its snapshot.
    var memos: [String: (generation: Int, memo: LintMemo)] = [:]

    public init(options: ServerOptions = ServerOptions(), send: @escaping @Sendable ([UInt8]) -> Void,
                onExit: @escaping @Sendable (Int32) -> Void) {
        self.options = options
        self.output = send
        self.onExit = onExit
        self.loader = ConfigLoader(baseRegistry: options.registry)
        settings.debounceMs = options.debounceMs
        registerHandlers()
    }

    // MARK: - Input

    /// One message body from the transport (any thread).
    public func receive(_ body: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONParser.parseValue(body)
        } catch {
            log(.error, "malformed JSON message: \(error)")
            sendMessage(["jsonrpc": "2.0", "id": .null, "error": ResponseError(code: ErrorCode.parseError, message: "Parse error: \(error)").json])
            return
        }
        if options.debug, value["method"] == "textDocument/didChange", let uri = value["params"]?["textDocument"]?["uri"]?.stringValue,
           let version = value["params"]?["textDocument"]?["version"]?.intValue {
            let now = DispatchTime.now().uptimeNanoseconds
            lock.lock()
            changeArrivals[uri] = (version, now)
            lock.unlock()
        }
        queue.async { self.handle(value) }
    }

    /// A framing problem reported by the transport.
    public func framingError(_ message: String) {
        log(.error, "framing error: \(message)")
    }

    /// The input stream ended.
    public func connectionClosed() {
        queue.async {
            guard self.lifecycle != .exited else { return }
            self.log(.info, "input closed")
            self.exit()
        }
    }

    /// Waits until every message received so far has been handled and every lint queued so far has finished
    /// (for tests).
    public func drain() {
        queue.sync {}
        lintQueue.sync {}
        queue.sync {}
    }

    func handle(_ value: JSONValue) {
        guard lifecycle != .exited else { return }
        guard case .object(let o) = value else {
            sendMessage(["jsonrpc": "2.0", "id": .null, "error": ResponseError(code: ErrorCode.invalidRequest, message: "a message must be a JSON object").json])
            return
        }
        let params = Params(o["params"])
        guard let methodValue = o["method"] else {
            if let id = RequestID(json: o["id"]), o["result"] != nil || o["error"] != nil {
                handleResponse(id, o["result"], o["error"])
            } else {
                let idEcho = RequestID(json: o["id"])?.json ?? .null
                sendMessage(["jsonrpc": "2.0", "id": idEcho, "error": ResponseError(code: ErrorCode.invalidRequest, message: "a message needs a method, or an id with a result or an error").json])
            }
            return
        }
        guard let method = methodValue.stringValue else {
            let idEcho = RequestID(json: o["id"])?.json ?? .null
            sendMessage(["jsonrpc": "2.0", "id": idEcho, "error": ResponseError(code: ErrorCode.invalidRequest, message: "method must be a string").json])
            return
        }
        if o.keys.contains("id") {
            guard let id = RequestID(json: o["id"]) else {
                sendMessage(["jsonrpc": "2.0", "id": .null, "error": ResponseError(code: ErrorCode.invalidRequest, message: "id must be an integer or a string").json])
                return
            }
            handleRequest(id, method, params)
        } else {
            handleNotification(method, params)
        }
    }

    func handleRequest(_ id: RequestID, _ method: String, _ params: Params) {
        log(.log, "request \(method) \(id)")
        lock.lock()
        pending.insert(id)
        lock.unlock()
        switch lifecycle {
        case .uninitialized where method != InitializeRequest.method:
            respond(id, .failure(ResponseError(code: ErrorCode.serverNotInitialized, message: "the server is not initialized yet")))
            return
        case .shuttingDown:
            respond(id, .failure(ResponseError(code: ErrorCode.invalidRequest, message: "the server is shutting down; only exit is accepted")))
            return
        case .running where method == InitializeRequest.method:
            respond(id, .failure(ResponseError(code: ErrorCode.invalidRequest, message: "initialize was already received")))
            return
        default: break
        }
        guard let handler = requestHandlers[method] else {
            respond(id, .failure(ResponseError(code: ErrorCode.methodNotFound, message: "method not found: \(method)")))
            return
        }
        handler(id, params)
    }

    func handleNotification(_ method: String, _ params: Params) {
        if method == ExitNotification.method {
            exit()
            return
        }
        guard lifecycle == .running else {
            log(.log, "notification \(method) ignored (\(lifecycle == .uninitialized ? "not initialized" : "shutting down"))")
            return
        }
        guard let handler = notificationHandlers[method] else {
            if !method.hasPrefix("$/") { log(.log, "unknown notification \(method) ignored") }
            return
        }
        handler(params)
    }

    func handleResponse(_ id: RequestID, _ result: JSONValue?, _ error: JSONValue?) {
        guard let callback = outgoing.removeValue(forKey: id) else {
            log(.warning, "response to an unknown request \(id) ignored")
            return
        }
        if let error { log(.warning, "the client answered request \(id) with an error: \(error.serialized())") }
        callback(error == nil ? result : nil)
    }

    func exit() {
        let code: Int32 = lifecycle == .shuttingDown ? 0 : 1
        lifecycle = .exited
        lock.lock()
        pushTargets.removeAll()
        lintsStopped = true
        lock.unlock()
        for d in documents.values { d.debounce?.cancel() }
        onExit(code)
    }

    // MARK: - Registration

    func register<R: RequestType>(_ type: R.Type, _ handler: @escaping (R, Reply<R.Response>) -> Void) {
        requestHandlers[R.method] = { [unowned self] id, params in
            let request: R
            do {
                request = try R(params: params)
            } catch let error as ResponseError {
                self.respond(id, .failure(error))
                return
            } catch {
                self.respond(id, .failure(ResponseError(code: ErrorCode.invalidParams, message: "\(error)")))
                return
            }
            handler(request, Reply(server: self, id: id))
        }
    }

    func register<N: NotificationType>(_ type: N.Type, _ handler: @escaping (N) -> Void) {
        notificationHandlers[N.method] = { [unowned self] params in
            do {
                handler(try N(params: params))
            } catch let error as ResponseError {
                self.log(.error, "\(N.method): invalid params: \(error.message)")
            } catch {
                self.log(.error, "\(N.method): invalid params: \(error)")
            }
        }
    }

    // MARK: - Output

    func sendMessage(_ value: JSONValue) {
        output(value.serializedBytes())
    }

    /// Answers a request once (later answers, e.g. after a cancellation, are dropped). Any thread.
    func respond(_ id: RequestID, _ result: Result<JSONValue, ResponseError>) {
        lock.lock()
        let wasPending = pending.remove(id) != nil
        lock.unlock()
        guard wasPending else { return }
        switch result {
        case .success(let v): sendMessage(["jsonrpc": "2.0", "id": id.json, "result": v])
        case .failure(let e): sendMessage(["jsonrpc": "2.0", "id": id.json, "error": e.json])
        }
    }

    func isPending(_ id: RequestID?) -> Bool {
        guard let id else { return true }
        lock.lock()
        defer { lock.unlock() }
        return pending.contains(id)
    }

    func notify<N: OutgoingNotificationType>(_ n: N) {
        sendMessage(["jsonrpc": "2.0", "method": .string(N.method), "params": n.params])
    }

    /// Sends a request to the client (on the state queue); `done` gets the decoded result or nil.
    func request<R: OutgoingRequestType>(_ r: R, _ done: @escaping (R.Result?) -> Void) {
        nextOutgoingID += 1
        let id = RequestID.string("jdlint-\(nextOutgoingID)")
        outgoing[id] = { v in done(v.flatMap(R.decode)) }
        var o = JSONObject([("jsonrpc", "2.0"), ("id", id.json), ("method", .string(R.method))])
        if r.params != .null { o["params"] = r.params }
        sendMessage(.object(o))
    }

    /// Logs to stderr and, at the client's trace level, as `window/logMessage`. Any thread.
    func log(_ type: MessageType, _ message: String) {
        let name = ["", "error", "warning", "info", "log"][type.rawValue]
        lock.lock()
        let verbose = trace == "verbose" || options.debug
        lock.unlock()
        if type <= .info || verbose { options.log("jdlint lsp [\(name)] \(message)") }
        lock.lock()
        let forward = forwardLogs && (type <= .warning || (trace == "messages" && type <= .info) || trace == "verbose")
        lock.unlock()
        if forward { notify(LogMessageNotification(type: type, message: message)) }
    }
}

/// The typed answer to one request: it only accepts the request's response type.
public struct Reply<Response: JSONEncodable>: Sendable {
    let server: LanguageServer
    let id: RequestID

    public func callAsFunction(_ result: Result<Response, ResponseError>) {
        server.respond(id, result.map(\.json))
    }

    public func callAsFunction(_ value: Response) {
        server.respond(id, .success(value.json))
    }

    /// Whether the request is still waiting for an answer (not cancelled).
    public var isPending: Bool { server.isPending(id) }
}

/// Settings from the client (`initializationOptions`, `didChangeConfiguration`, `workspace/configuration`).
struct ClientSettings {
    var configuration: Configuration?
    var unsafeFixes = false
    var debounceMs = 150
    var error: ConfigError?
}

/// One version of one open document, as a lint sees it.
struct LintKey: Equatable {
    var epoch: Int
    var version: Int
}

struct PushTarget: Equatable {
    var epoch: Int
    var version: Int
    var generation: Int
}

/// One open document.
final class OpenDocument {
    let uri: String
    let languageID: String
    let epoch: Int
    var version: Int
    var document: Document
    var cache: LintCache?
    var debounce: DispatchWorkItem?

    init(uri: String, languageID: String, epoch: Int, version: Int, document: Document) {
        self.uri = uri
        self.languageID = languageID
        self.epoch = epoch
        self.version = version
        self.document = document
    }
}

/// The configuration that applies to a document.
struct EffectiveConfig: @unchecked Sendable {
    var linter: Linter
    var configuration: Configuration
    var error: ConfigError?
    /// The document is a rule pack of the configuration: it shows the pack's error, not posting findings.
    var isPack = false
    /// The document is a `.jdlint.json` in the sandbox (its real path): it shows the configuration's errors.
    var configKey: String?
    /// The open configuration buffers when the document is one (its check reads them instead of the disk).
    var configBuffers: [String: [UInt8]] = [:]
}

/// Diagnostics of one version of a document.
struct LintCache: @unchecked Sendable {
    var version: Int
    var epoch: Int
    var generation: Int
    var document: Document
    var diagnostics: [Diagnostic]
    var lsp: [JSONValue]
    var linter: Linter?
    var ignored: Bool
    /// The analysis the findings came from (the facts of the hover and the JSON-LD action read it); nil for a
    /// configuration file, a pack, an ignored document and findings moved past later edits.
    var analysis: Analysis? = nil
    var resultID: String { "\(epoch).\(version).\(generation)" }
}

/// Hands a closure confined to the state queue through the lint queue (it is only ever called on the state queue).
struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
