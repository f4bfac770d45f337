import JDLintCore

// When each message may start (after sourcekit-lsp's MessageHandlingDependencyTracker): every message gets a
// `MessageDependency` from its handler's declaration, and starts once no earlier message it depends on is still
// queued or in flight (`MessageScheduler`). Handlers take what they need from the state when they start (a
// `LintSnapshot`, a document's bytes) and check it again when their work comes back, so a read never has to hold
// the edits that follow it: a message is in flight only while its handler runs on the state, unless the handler
// holds it (`holdCurrentMessage`) until something it waits for arrives. Today one does: `initialized`, until the
// client's answer to the first `workspace/configuration` (at most a second), so every request and document change
// after it sees the user's settings, while `$/cancelRequest`, `$/setTrace`, `shutdown` and `exit` go ahead at once.

/// What a message waits for and what waits for it.
enum MessageDependency: Sendable, Equatable {
    /// Changes what every later message sees (`initialize`, `initialized`, configuration changes): waits for all
    /// earlier messages, and all later ones wait for it.
    case globalConfigurationChange
    /// Reads every open document (`workspace/diagnostic`): waits for earlier document changes, and later ones wait
    /// for it; runs beside document requests.
    case workspaceRequest
    /// Changes one document (`didOpen`, `didChange`, `didClose`, `didSave`): a barrier for that document.
    case documentUpdate(String)
    /// Reads one document (hover, code actions, formatting, pull diagnostics): after the earlier changes of that
    /// document; any number run beside each other.
    case documentRequest(String)
    /// Depends on nothing but configuration changes, and nothing waits for it except them.
    case freestanding

    /// Whether a message with this dependency must finish before `other` (a later message) starts.
    func isDependency(of other: MessageDependency) -> Bool {
        switch (self, other) {
        case (.freestanding, _), (_, .freestanding): return false
        case (.globalConfigurationChange, _), (_, .globalConfigurationChange): return true
        case (.workspaceRequest, .workspaceRequest): return false
        case (.workspaceRequest, .documentUpdate), (.documentUpdate, .workspaceRequest): return true
        case (.workspaceRequest, .documentRequest), (.documentRequest, .workspaceRequest): return false
        case (.documentUpdate(let a), .documentUpdate(let b)),
             (.documentUpdate(let a), .documentRequest(let b)),
             (.documentRequest(let a), .documentUpdate(let b)):
            return a == b
        case (.documentRequest, .documentRequest): return false
        }
    }
}

/// A message about one document (its `textDocument.uri`): its handler's dependency names the document.
protocol DocumentMessage {
    var uri: String { get }
}

extension DocumentDiagnosticRequest: DocumentMessage {}
extension CodeActionRequest: DocumentMessage {}
extension FormattingRequest: DocumentMessage {}
extension HoverRequest: DocumentMessage {}
extension DidOpenNotification: DocumentMessage {}
extension DidChangeNotification: DocumentMessage {}
extension DidCloseNotification: DocumentMessage {}
extension DidSaveNotification: DocumentMessage {}

/// The messages received and not finished (the actor's): those held in flight and those queued behind them.
struct MessageScheduler {
    struct Message {
        let number: Int
        let dependency: MessageDependency
        /// Handles the message (nil once started).
        var start: ((isolated LanguageServer) -> Void)?
    }

    var nextNumber = 0
    /// Started and held past their handler (`holdCurrentMessage`), until `finishMessage`.
    var inFlight: [Message] = []
    /// Waiting for a message in flight or queued before them, in arrival order.
    var queued: [Message] = []
    /// The message whose handler is running on the state now.
    var current: Message?
    var draining = false

    /// Whether a message with `dependency` must wait behind the messages in flight or the first `queuedBefore`
    /// queued ones.
    func mustWait(_ dependency: MessageDependency, queuedBefore: Int) -> Bool {
        inFlight.contains { $0.dependency.isDependency(of: dependency) }
            || queued.prefix(queuedBefore).contains { $0.dependency.isDependency(of: dependency) }
    }

    mutating func removeAll() {
        inFlight.removeAll()
        queued.removeAll()
        current = nil
    }
}

/// A message held in flight (`LanguageServer.holdCurrentMessage`).
struct HeldMessage: Sendable, Equatable {
    let number: Int
}

extension LanguageServer {
    /// Handles a message now, or queues it behind the messages it depends on.
    func schedule(_ dependency: MessageDependency, _ start: @escaping (isolated LanguageServer) -> Void) {
        scheduler.nextNumber += 1
        let message = MessageScheduler.Message(number: scheduler.nextNumber, dependency: dependency, start: start)
        if scheduler.mustWait(dependency, queuedBefore: scheduler.queued.count) {
            scheduler.queued.append(message)
        } else {
            run(message)
        }
    }

    private func run(_ message: MessageScheduler.Message) {
        let outer = scheduler.current
        scheduler.current = message
        message.start?(self)
        scheduler.current = outer
    }

    /// Keeps the message being handled in flight after its handler returns: the messages that depend on it wait
    /// until `finishMessage`.
    func holdCurrentMessage() -> HeldMessage? {
        guard var message = scheduler.current else { return nil }
        message.start = nil
        scheduler.inFlight.append(message)
        return HeldMessage(number: message.number)
    }

    /// Ends a held message and starts, in arrival order, the queued messages nothing holds any more.
    func finishMessage(_ held: HeldMessage) {
        scheduler.inFlight.removeAll { $0.number == held.number }
        guard !scheduler.draining else { return }
        scheduler.draining = true
        defer { scheduler.draining = false }
        var i = 0
        while i < scheduler.queued.count {
            if scheduler.mustWait(scheduler.queued[i].dependency, queuedBefore: i) {
                i += 1
            } else {
                run(scheduler.queued.remove(at: i))
                // A message it held, or one finished meanwhile, may change what waits: look again from the start.
                i = 0
            }
        }
    }
}
