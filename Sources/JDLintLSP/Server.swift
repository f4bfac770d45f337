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
    /// Today (`YYYY-MM-DD`), the date `--profile auto` judges undated postings by; nil: the laws' dates are not checked.
    public var today: String? = nil
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
/// Ownership: the server is an actor, and all its mutable state is the actor's, on one executor: `queue`, a serial
/// dispatch queue (`StateExecutor`). Messages are handled on it in the order they arrive, except that one waits
/// while a message it depends on is held in flight (`MessageDependency`, `scheduler`; `receive` parses on the
/// reader's thread and queues the handling); its handlers never lint. Linting, fixing and formatting run on the
/// serial `lintQueue`, which gets an immutable `LintSnapshot` (or a document and a linter) and hands its result
/// back to the actor (`onState`); the facts of the hover and of the JSON-LD action are read on a global queue the
/// same way. The little a running lint or an answer must read from another thread (which requests are pending, the
/// trace level, which version of each document is current) is the `Connection`'s `Board`, behind a lock; only the
/// actor writes it, except that answering a request removes its id. Output goes through `Connection.send`, which the
/// transport makes asynchronous. So a slow lint never delays `shutdown` or a cancellation.
public actor LanguageServer {
    public static let defaultDocsBaseURL = RuleDocs.baseURL

    enum Lifecycle { case uninitialized, running, shuttingDown, exited }

    let options: ServerOptions
    /// Output, logs and the state shared with other threads (the `Board`).
    let connection: Connection
    let onExit: @Sendable (Int32) -> Void
    /// The actor's executor (`StateExecutor`): every handler runs on it.
    let queue: DispatchQueue
    let lintQueue = DispatchQueue(label: "jdlint.lsp.lint", qos: .userInitiated)
    let executor: StateExecutor
    /// Returns freed memory to the system after a second without lints.
    let trimmer = MemoryTrimmer()

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    // The state (the actor's).
    var lifecycle = Lifecycle.uninitialized
    /// Server → client requests waiting for their answer.
    var outgoing: [RequestID: (JSONValue?) -> Void] = [:]
    var nextOutgoingID = 0
    /// Closures waiting on the state for work done on another queue (`park`, `resume`): only their ticket leaves.
    var waiting: [Int: Any] = [:]
    var nextTicket = 0
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
    /// `workspace/diagnostic` requests whose reports are being gathered, by ticket number.
    var workspaceReports: [Int: WorkspaceReports] = [:]
    /// Between `initialized` and the client's answer to the first `workspace/configuration` request (at most a
    /// second): published lints wait in `heldPushLints`.
    var awaitingInitialSettings = false
    var heldPushLints = Set<String>()
    /// Lints for requests, waiting for the initial settings like `heldPushLints` (those of a request that started
    /// before `initialized`: later ones wait in the `scheduler`).
    var heldRequests: [() -> Void] = []
    /// `initialized`, held in flight until the initial settings arrive: the messages that depend on it wait.
    var initialSettingsHold: HeldMessage?
    /// The messages received and not finished: which may start (`MessageDependency`).
    var scheduler = MessageScheduler()
    var parentWatch: DispatchSourceTimer?
    var configGeneration = 0
    var loader: ConfigLoader
    /// The configuration of each set of configuration files (`effectiveConfig`), emptied when settings or files change.
    let linters = LinterCache<[String], EffectiveConfig>()
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
        self.connection = Connection(options: options, output: send)
        self.onExit = onExit
        let queue = DispatchQueue(label: "jdlint.lsp.state")
        self.queue = queue
        self.executor = StateExecutor(queue: queue)
        self.loader = ConfigLoader(baseRegistry: options.registry)
        settings.debounceMs = options.debounceMs
    }

    // MARK: - Entering the state

    /// Runs `body` on the state after everything queued so far (any thread).
    nonisolated func onState(_ body: @escaping @Sendable (isolated LanguageServer) -> Void) {
        queue.async { self.assumeIsolated(body) }
    }

    /// Runs `body` on the state after `delay` (any thread).
    nonisolated func onState(after delay: DispatchTimeInterval, _ body: @escaping @Sendable (isolated LanguageServer) -> Void) {
        queue.asyncAfter(deadline: .now() + delay) { self.assumeIsolated(body) }
    }

    /// Runs `body` on the state and waits for its result (never from the state itself).
    nonisolated func syncOnState<T: Sendable>(_ body: @Sendable (isolated LanguageServer) -> T) -> T {
        queue.sync { self.assumeIsolated(body) }
    }

    /// Keeps `body` on the state until `resume` passes it a value computed elsewhere; the ticket is what travels.
    func park<Value: Sendable>(_ body: @escaping (Value) -> Void) -> Ticket<Value> {
        nextTicket += 1
        waiting[nextTicket] = body
        return Ticket(id: nextTicket)
    }

    /// The closure parked under `ticket` (once; nil after exit, which drops them all).
    func take<Value: Sendable>(_ ticket: Ticket<Value>) -> ((Value) -> Void)? {
        waiting.removeValue(forKey: ticket.id) as? (Value) -> Void
    }

    /// Calls the closure parked under `ticket` with `value`, on the state (any thread).
    nonisolated func resume<Value: Sendable>(_ ticket: Ticket<Value>, with value: Value) {
        onState { server in server.take(ticket)?(value) }
    }

    // MARK: - Input

    /// One message body from the transport (any thread).
    public nonisolated func receive(_ body: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONParser.parseValue(body)
        } catch {
            log(.error, "malformed JSON message: \(error)")
            connection.send(["jsonrpc": "2.0", "id": .null, "error": ResponseError(code: ErrorCode.parseError, message: "Parse error: \(error)").json])
            return
        }
        if options.debug, value["method"] == "textDocument/didChange", let uri = value["params"]?["textDocument"]?["uri"]?.stringValue,
           let version = value["params"]?["textDocument"]?["version"]?.intValue {
            let now = DispatchTime.now().uptimeNanoseconds
            connection.board.withLock { $0.changeArrivals[uri] = ChangeArrival(version: version, at: now) }
        }
        onState { server in server.handle(value) }
    }

    /// A framing problem reported by the transport.
    public nonisolated func framingError(_ message: String) {
        log(.error, "framing error: \(message)")
    }

    /// The input stream ended.
    public nonisolated func connectionClosed() {
        onState { server in
            guard server.lifecycle != .exited else { return }
            server.log(.info, "input closed")
            server.exit()
        }
    }

    /// Waits until every message received so far has been handled and every lint queued so far has finished
    /// (for tests).
    public nonisolated func drain() {
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
        let handler = LanguageServer.requestHandlers[method]
        let cancellable = handler?.execution.cancellable ?? false
        connection.board.withLock { $0.pending[id] = cancellable }
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
        guard let handler else {
            respond(id, .failure(ResponseError(code: ErrorCode.methodNotFound, message: "method not found: \(method)")))
            return
        }
        let prepared = handler.prepare(id, params)
        schedule(prepared.dependency) { server in
            // Cancelled while it waited for the messages it depends on: not started.
            guard server.isPending(id) else { return server.log(.log, "request \(id) cancelled before it started") }
            prepared.start(server)
            assert(handler.execution.order == .parallel || !server.isPending(id), "\(method) runs in order but was not answered in order")
        }
    }

    func handleNotification(_ method: String, _ params: Params) {
        let handler = LanguageServer.notificationHandlers[method]
        guard lifecycle == .running || handler?.acceptedInAnyState == true else {
            log(.log, "notification \(method) ignored (\(lifecycle == .uninitialized ? "not initialized" : "shutting down"))")
            return
        }
        guard let handler else {
            if !method.hasPrefix("$/") { log(.log, "unknown notification \(method) ignored") }
            return
        }
        let prepared = handler.prepare(params)
        schedule(prepared.dependency, prepared.start)
    }

    func handleResponse(_ id: RequestID, _ result: JSONValue?, _ error: JSONValue?) {
        guard let callback = outgoing.removeValue(forKey: id) else {
            log(.warning, "response to an unknown request \(id) ignored")
            return
        }
        if let error { log(.warning, "the client answered request \(id) with an error: \(error.serialized())") }
        callback(error == nil ? result : nil)
    }

    /// Stops: running lints stop at their next check, and everything the state keeps for later (debounces, parked
    /// requests and closures, the parent-process watch) is dropped, so nothing refers to the server any more.
    func exit() {
        let code: Int32 = lifecycle == .shuttingDown ? 0 : 1
        lifecycle = .exited
        connection.board.withLock {
            $0.pushTargets.removeAll()
            $0.lintsStopped = true
        }
        for d in documents.values { d.debounce?.cancel() }
        documents.removeAll()
        memos.removeAll()
        outgoing.removeAll()
        waiting.removeAll()
        heldRequests.removeAll()
        scheduler.removeAll()
        initialSettingsHold = nil
        parkedWorkspaceRequests.removeAll()
        workspaceReports.removeAll()
        parentWatch?.cancel()
        parentWatch = nil
        onExit(code)
    }

    /// `$/cancelRequest`: a pending request whose handler is cancellable is answered `RequestCancelled` (its work
    /// checks `Reply.isPending` and stops); later answers to it are dropped.
    func cancel(_ id: RequestID) {
        let cancellable = connection.board.withLock { $0.pending[id] }
        log(.log, "cancel request \(id)\(cancellable == nil ? " (already answered)" : cancellable == false ? " (not cancellable)" : "")")
        guard cancellable == true else { return }
        respond(id, .failure(ResponseError(code: ErrorCode.requestCancelled, message: "request \(id) was cancelled")))
    }

    // MARK: - Output

    nonisolated func sendMessage(_ value: JSONValue) { connection.send(value) }

    /// Answers a request once (later answers, e.g. after a cancellation, are dropped). Any thread.
    nonisolated func respond(_ id: RequestID, _ result: Result<JSONValue, ResponseError>) { connection.respond(id, result) }

    nonisolated func isPending(_ id: RequestID?) -> Bool { connection.isPending(id) }

    nonisolated func notify<N: OutgoingNotificationType>(_ n: N) { connection.notify(n) }

    /// Sends a request to the client; `done` gets the decoded result or nil, on the state.
    func request<R: OutgoingRequestType>(_ r: R, _ done: @escaping (R.Result?) -> Void) {
        nextOutgoingID += 1
        let id = RequestID.string("jdlint-\(nextOutgoingID)")
        outgoing[id] = { v in done(v.flatMap(R.decode)) }
        var o = JSONObject([("jsonrpc", "2.0"), ("id", id.json), ("method", .string(R.method))])
        if r.params != .null { o["params"] = r.params }
        sendMessage(.object(o))
    }

    /// Logs to stderr and, at the client's trace level, as `window/logMessage`. Any thread.
    nonisolated func log(_ type: MessageType, _ message: String) { connection.log(type, message) }
}

/// The server's executor: its serial state queue. `checkIsolated` lets a block queued on it directly (`onState`)
/// enter the actor with `assumeIsolated`.
final class StateExecutor: SerialExecutor {
    let queue: DispatchQueue

    init(queue: DispatchQueue) { self.queue = queue }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}

/// A closure parked on the state (`LanguageServer.park`), by number.
struct Ticket<Value: Sendable>: Sendable {
    let id: Int
}

/// What other threads read of the server while it runs: written by the actor, except `pending`, from which answering
/// a request (any thread) removes its id, and the debug `changeArrivals`, which the reader thread stamps.
///
/// Why it is not the actor's: every field is read synchronously by code that must not wait for the state queue (a
/// hop there would queue behind whatever message is being handled, and the reads are on hot paths). A running lint
/// asks `isStale` between rules (`lintCurrent`, `lintGeneration`, `lintsStopped`) to stop as soon as it is
/// superseded; a push lint decides to publish under the lock (`pushTargets`), atomically with `didClose` clearing the
/// document, so closed or superseded findings are never sent; an answer from the lint queue or a global queue removes
/// its id from `pending` exactly once, so a cancelled request is never answered twice; `log` reads the trace level
/// on any thread. The actor stays the one owner of the state: the board holds only copies of it (which version is
/// current, which generation) and the ids of unanswered requests, kept in step by the actor's handlers.
struct Board: Sendable {
    /// Requests received and not yet answered (nor cancelled), and whether their handler is cancellable.
    var pending: [RequestID: Bool] = [:]
    var trace = "off"
    var forwardLogs = false
    /// The newest push lint scheduled per document.
    var pushTargets: [String: PushTarget] = [:]
    /// Debug timing: when the newest didChange of each document was read.
    var changeArrivals: [String: ChangeArrival] = [:]
    /// What a running lint checks to know it is stale (`Connection.isStale`): the newest epoch and version of each
    /// open document, the configuration generation, and whether the server stopped (shutdown or exit).
    var lintCurrent: [String: LintKey] = [:]
    var lintGeneration = 0
    var lintsStopped = false
}

struct ChangeArrival: Sendable {
    var version: Int
    var at: UInt64
}

/// The server's output and the `Board` it shares with the threads that lint and answer. Immutable itself; the answers
/// (`Reply`) and the lints' cancellation checks hold it, not the server.
final class Connection: Sendable {
    let options: ServerOptions
    let output: @Sendable ([UInt8]) -> Void
    let board = Locked(Board())

    init(options: ServerOptions, output: @escaping @Sendable ([UInt8]) -> Void) {
        self.options = options
        self.output = output
    }

    func send(_ value: JSONValue) {
        output(value.serializedBytes())
    }

    /// Answers a request once (later answers, e.g. after a cancellation, are dropped). Any thread.
    func respond(_ id: RequestID, _ result: Result<JSONValue, ResponseError>) {
        let wasPending = board.withLock { $0.pending.removeValue(forKey: id) != nil }
        guard wasPending else { return }
        switch result {
        case .success(let v): send(["jsonrpc": "2.0", "id": id.json, "result": v])
        case .failure(let e): send(["jsonrpc": "2.0", "id": id.json, "error": e.json])
        }
    }

    func isPending(_ id: RequestID?) -> Bool {
        guard let id else { return true }
        return board.withLock { $0.pending[id] != nil }
    }

    func notify<N: OutgoingNotificationType>(_ n: N) {
        output(message(n))
    }

    /// The bytes of a notification, for `output`.
    func message<N: OutgoingNotificationType>(_ n: N) -> [UInt8] {
        JSONValue.object(JSONObject([("jsonrpc", "2.0"), ("method", .string(N.method)), ("params", n.params)])).serializedBytes()
    }

    /// Logs to stderr and, at the client's trace level, as `window/logMessage`. Any thread.
    func log(_ type: MessageType, _ message: String) {
        let name = ["", "error", "warning", "info", "log"][type.rawValue]
        let (trace, forwardLogs) = board.withLock { ($0.trace, $0.forwardLogs) }
        let verbose = trace == "verbose" || options.debug
        if type <= .info || verbose { options.log("jdlint lsp [\(name)] \(message)") }
        let forward = forwardLogs && (type <= .warning || (trace == "messages" && type <= .info) || trace == "verbose")
        if forward { notify(LogMessageNotification(type: type, message: message)) }
    }

    /// Whether a lint of `uri` at `key` under configuration `generation` is stale: a newer version arrived, the
    /// document was closed (or reopened), the configuration changed, or the server is stopping. Any thread.
    func isStale(_ uri: String, _ key: LintKey, _ generation: Int) -> Bool {
        board.withLock { $0.lintsStopped || $0.lintGeneration != generation || $0.lintCurrent[uri] != key }
    }
}

/// The typed answer to one request: it only accepts the request's response type.
public struct Reply<Response: JSONEncodable>: Sendable {
    let connection: Connection
    let id: RequestID

    public func callAsFunction(_ result: Result<Response, ResponseError>) {
        connection.respond(id, result.map(\.json))
    }

    public func callAsFunction(_ value: Response) {
        connection.respond(id, .success(value.json))
    }

    /// Whether the request is still waiting for an answer (not cancelled).
    public var isPending: Bool { connection.isPending(id) }
}

/// Settings from the client (`initializationOptions`, `didChangeConfiguration`, `workspace/configuration`).
struct ClientSettings {
    var configuration: Configuration?
    var unsafeFixes = false
    var debounceMs = 150
    var error: ConfigError?
}

/// One version of one open document, as a lint sees it.
struct LintKey: Equatable, Sendable {
    var epoch: Int
    var version: Int
}

struct PushTarget: Equatable, Sendable {
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
struct EffectiveConfig: Sendable {
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
struct LintCache: Sendable {
    var version: Int
    var epoch: Int
    var generation: Int
    var document: Document
    var diagnostics: [Diagnostic]
    var lsp: [LSPDiagnostic]
    var linter: Linter?
    var ignored: Bool
    /// The analysis the findings came from (the facts of the hover and the JSON-LD action read it); nil for a
    /// configuration file, a pack, an ignored document and findings moved past later edits.
    var analysis: Analysis? = nil
    var resultID: String { "\(epoch).\(version).\(generation)" }
}
