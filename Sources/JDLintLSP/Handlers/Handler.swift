import JDLintCore

// One handler type per LSP method, each in its own file of this folder. A handler names its message type (which
// decodes the params and, for a request, fixes the type of the answer), declares how it runs and what it adds to
// the server's capabilities, and handles the message on the server's state (`isolated LanguageServer`). The
// dispatcher (`LanguageServer.handleRequest`, `handleNotification`) finds it in the tables below. To add a method:
// its message type in Protocol.swift, a handler file here, and its line in `requestHandlerTypes` or
// `notificationHandlerTypes`.

/// How a request handler runs. Every message is handled on the server's state, in the order messages arrive unless
/// one waits for a message it depends on (`MessageDependency`, which `order` decides by default); what differs is
/// whether the answer is given there.
struct Execution: Sendable, Equatable {
    enum Order: Sendable, Equatable {
        /// Entirely on the state: answered before the next message is handled (the dispatcher checks it in debug
        /// builds).
        case inOrder
        /// Takes what it needs from the state in order, then finishes elsewhere (after a lint on the lint queue, or
        /// on a global queue): later messages are handled meanwhile, and its answer may come after theirs.
        case parallel
    }

    var order: Order
    /// `$/cancelRequest` answers it with `RequestCancelled` while it runs, and its remaining work is skipped
    /// (`Reply.isPending`).
    var cancellable: Bool

    static let inOrder = Execution(order: .inOrder, cancellable: false)
    static let parallel = Execution(order: .parallel, cancellable: true)
}

/// What the client said at `initialize` that decides the capabilities (`RequestHandler.declare`).
struct NegotiatedClient: Sendable {
    var encoding: PositionEncoding
    var pullDiagnostics: Bool
    var supportsResolvingEdits: Bool
}

/// The handler of one request method.
protocol RequestHandler: Sendable {
    associatedtype Request: RequestType
    static var execution: Execution { get }
    /// When the request may start (`MessageDependency`); by default from `execution`: a request that runs in order is
    /// a barrier for every message, one that runs in parallel reads its document (or, with none, every document).
    static func dependency(_ request: Request) -> MessageDependency
    /// Adds what the handler provides to the capabilities answered to `initialize` (nothing by default).
    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient)
    static func handle(_ server: isolated LanguageServer, _ request: Request, _ reply: Reply<Request.Response>)
}

/// The handler of one notification method. Notifications are handled on the state, with no answer, after the
/// messages they depend on.
protocol NotificationHandler: Sendable {
    associatedtype Notification: NotificationType
    /// Handled before `initialize` and after `shutdown` too (`exit`); other notifications are then ignored.
    static var acceptedInAnyState: Bool { get }
    /// When the notification may start (`MessageDependency`); by default a change of its document, or with none a
    /// change of the configuration.
    static func dependency(_ notification: Notification) -> MessageDependency
    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient)
    static func handle(_ server: isolated LanguageServer, _ notification: Notification)
}

extension RequestHandler {
    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {}

    /// The dispatcher's entry: decodes the params (answering `InvalidParams` when they do not decode) and calls
    /// `handle` with the typed request and its typed reply.
    static func dependency(_ request: Request) -> MessageDependency {
        if execution.order == .inOrder { return .globalConfigurationChange }
        if let d = request as? DocumentMessage { return .documentRequest(d.uri) }
        return .workspaceRequest
    }

    static var entry: LanguageServer.RequestHandlerEntry {
        LanguageServer.RequestHandlerEntry(execution: execution) { id, params in
            let request: Request
            do {
                request = try Request(params: params)
            } catch let error as ResponseError {
                return (.freestanding, { server in server.respond(id, .failure(error)) })
            } catch {
                let e = ResponseError(code: ErrorCode.invalidParams, message: "\(error)")
                return (.freestanding, { server in server.respond(id, .failure(e)) })
            }
            return (dependency(request), { server in handle(server, request, Reply(connection: server.connection, id: id)) })
        }
    }
}

extension NotificationHandler {
    static var acceptedInAnyState: Bool { false }
    static func declare(_ capabilities: inout ServerCapabilities, _ client: NegotiatedClient) {}

    static func dependency(_ notification: Notification) -> MessageDependency {
        if let d = notification as? DocumentMessage { return .documentUpdate(d.uri) }
        return .globalConfigurationChange
    }

    static var entry: LanguageServer.NotificationHandlerEntry {
        LanguageServer.NotificationHandlerEntry(acceptedInAnyState: acceptedInAnyState) { params in
            let notification: Notification
            do {
                notification = try Notification(params: params)
            } catch let error as ResponseError {
                let message = error.message
                return (.freestanding, { server in server.log(.error, "\(Notification.method): invalid params: \(message)") })
            } catch {
                let message = "\(error)"
                return (.freestanding, { server in server.log(.error, "\(Notification.method): invalid params: \(message)") })
            }
            return (dependency(notification), { server in handle(server, notification) })
        }
    }
}

extension LanguageServer {
    /// The requests the server handles. Capabilities are declared in this order (a handler may extend what an
    /// earlier one declared).
    static let requestHandlerTypes: [any RequestHandler.Type] = [
        InitializeHandler.self,
        ShutdownHandler.self,
        DocumentDiagnosticHandler.self,
        WorkspaceDiagnosticHandler.self,
        CodeActionHandler.self,
        CodeActionResolveHandler.self,
        FormattingHandler.self,
        HoverHandler.self,
    ]

    /// The notifications the server handles (others are ignored, logged unless they start with `$/`).
    static let notificationHandlerTypes: [any NotificationHandler.Type] = [
        InitializedHandler.self,
        ExitHandler.self,
        DidOpenHandler.self,
        DidChangeHandler.self,
        DidCloseHandler.self,
        DidSaveHandler.self,
        DidChangeConfigurationHandler.self,
        DidChangeWatchedFilesHandler.self,
        CancelRequestHandler.self,
        SetTraceHandler.self,
    ]

    /// The handling of one message, once its params are decoded: when it may start, and what it does then.
    typealias PreparedMessage = (dependency: MessageDependency, start: @Sendable (isolated LanguageServer) -> Void)

    struct RequestHandlerEntry: Sendable {
        let execution: Execution
        /// Decodes the params (params that do not decode are answered `InvalidParams`, depending on nothing).
        let prepare: @Sendable (RequestID, Params) -> PreparedMessage
    }

    struct NotificationHandlerEntry: Sendable {
        let acceptedInAnyState: Bool
        /// Decodes the params (params that do not decode are logged, depending on nothing).
        let prepare: @Sendable (Params) -> PreparedMessage
    }

    static let requestHandlers: [String: RequestHandlerEntry] =
        Dictionary(uniqueKeysWithValues: requestHandlerTypes.map { ($0.method, $0.entry) })

    static let notificationHandlers: [String: NotificationHandlerEntry] =
        Dictionary(uniqueKeysWithValues: notificationHandlerTypes.map { ($0.method, $0.entry) })

    /// The capabilities answered to `initialize`: what the registered handlers declare for this client.
    static func capabilities(for client: NegotiatedClient) -> ServerCapabilities {
        var capabilities = ServerCapabilities(positionEncoding: client.encoding)
        for h in notificationHandlerTypes { h.declare(&capabilities, client) }
        for h in requestHandlerTypes { h.declare(&capabilities, client) }
        return capabilities
    }
}

extension RequestHandler {
    static var method: String { Request.method }
}

extension NotificationHandler {
    static var method: String { Notification.method }
}
