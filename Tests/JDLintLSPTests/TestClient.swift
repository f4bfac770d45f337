import Foundation
import JDLintCore
@testable import JDLintLSP

/// An in-memory client: talks to a `LanguageServer` without a process or pipes.
final class TestClient: @unchecked Sendable {
    let lock = NSLock()
    private var _messages: [JSONValue] = []
    private var _exitCode: Int32?
    private var _logs: [String] = []
    var server: LanguageServer!
    var nextID = 0
    /// Answers to server → client requests by method.
    var responders: [String: @Sendable (JSONValue?) -> JSONValue] = [:]
    var encoding = PositionEncoding.utf16
    var texts: [String: String] = [:]
    /// Called with each message from the server, on the thread that sent it, before anything else sees it.
    var onMessage: (@Sendable (JSONValue) -> Void)?
    var versions: [String: Int] = [:]

    init(options: ServerOptions = ServerOptions(debounceMs: 0)) {
        var opts = options
        opts.log = { [weak self] line in
            guard let self else { return }
            lock.lock()
            _logs.append(line)
            lock.unlock()
        }
        server = LanguageServer(options: opts, send: { [weak self] bytes in self?.received(bytes) },
                                onExit: { [weak self] code in
                                    guard let self else { return }
                                    lock.lock()
                                    _exitCode = code
                                    lock.unlock()
                                })
    }

    /// A client that goes away closes the connection, as an editor's process does: the server exits and is freed.
    deinit {
        server?.connectionClosed()
    }

    var messages: [JSONValue] { lock.lock(); defer { lock.unlock() }; return _messages }
    var exitCode: Int32? { lock.lock(); defer { lock.unlock() }; return _exitCode }
    var logs: [String] { lock.lock(); defer { lock.unlock() }; return _logs }

    func received(_ bytes: [UInt8]) {
        guard let v = try? JSONParser.parseValue(bytes) else { fatalError("server sent invalid JSON: \(String(decoding: bytes, as: UTF8.self))") }
        onMessage?(v)
        lock.lock()
        _messages.append(v)
        let responder = v["method"]?.stringValue.flatMap { responders[$0] }
        lock.unlock()
        if let responder, let id = v["id"] {
            let result = responder(v["params"])
            server.receive(JSONValue.object(JSONObject([("jsonrpc", "2.0"), ("id", id), ("result", result)])).serializedBytes())
        }
    }

    func clear() {
        lock.lock()
        _messages.removeAll()
        lock.unlock()
    }

    func sendRaw(_ s: String) { server.receive(Array(s.utf8)) }

    func send(_ v: JSONValue) { server.receive(v.serializedBytes()) }

    func notify(_ method: String, _ params: JSONValue = .null) {
        var o = JSONObject([("jsonrpc", "2.0"), ("method", .string(method))])
        if params != .null { o["params"] = params }
        send(.object(o))
    }

    /// Sends a request without waiting.
    @discardableResult
    func sendRequest(_ method: String, _ params: JSONValue = .null, id: JSONValue? = nil) -> JSONValue {
        nextID += 1
        let rid = id ?? .int(nextID)
        var o = JSONObject([("jsonrpc", "2.0"), ("id", rid), ("method", .string(method))])
        if params != .null { o["params"] = params }
        send(.object(o))
        return rid
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: JSONValue = .null, id: JSONValue? = nil, timeout: Double = 30) -> JSONValue {
        let rid = sendRequest(method, params, id: id)
        return waitFor(timeout: timeout) { $0["id"] == rid && $0["method"] == nil } ?? .null
    }

    /// The first message (received so far or within `timeout`) that satisfies `predicate`.
    func waitFor(timeout: Double = 30, _ predicate: (JSONValue) -> Bool) -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let m = messages.first(where: predicate) { return m }
            if Date() > deadline { return nil }
            usleep(1000)
        }
    }

    func all(_ predicate: (JSONValue) -> Bool) -> [JSONValue] { messages.filter(predicate) }

    @discardableResult
    func initialize(utf8: Bool = false, pull: Bool = false, configuration: Bool = false, documentChanges: Bool = false,
                    root: String? = nil, initializationOptions: JSONValue? = nil, resolvesEdits: Bool = false) -> JSONValue {
        var general = JSONObject()
        general["positionEncodings"] = utf8 ? ["utf-16", "utf-8"] : ["utf-16"]
        var td = JSONObject()
        td["publishDiagnostics"] = ["versionSupport": true]
        if pull { td["diagnostic"] = ["dynamicRegistration": false] }
        if resolvesEdits { td["codeAction"] = ["resolveSupport": ["properties": ["edit"]]] }
        var ws = JSONObject()
        ws["configuration"] = .bool(configuration)
        ws["workspaceEdit"] = ["documentChanges": .bool(documentChanges)]
        ws["didChangeWatchedFiles"] = ["dynamicRegistration": true]
        var params = JSONObject()
        params["processId"] = .null
        params["rootUri"] = root.map { .string(URI.from(path: $0)) } ?? .null
        params["capabilities"] = ["general": .object(general), "textDocument": .object(td), "workspace": .object(ws)]
        // The whole-posting structure findings (every short test document lacks pay, benefits…) are off unless a
        // test passes its own options: these tests exercise the protocol with grammar findings.
        params["initializationOptions"] = initializationOptions
            ?? ["rules": ["structure/missing-section": "off", "structure/length": "off"]]
        let r = request("initialize", .object(params))
        encoding = utf8 ? .utf8 : .utf16
        notify("initialized", [:])
        return r
    }

    func open(_ uri: String, _ text: String, language: String = "plaintext", version: Int = 1) {
        texts[uri] = text
        versions[uri] = version
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": .string(language), "version": .int(version),
                                                         "text": .string(text)]])
    }

    /// Replaces the text between two offsets (in bytes of the current text) through an incremental change.
    func change(_ uri: String, replacing range: Range<Int>, with newText: String) {
        let text = texts[uri]!
        let lines = LineIndex(Array(text.utf8))
        let r = encoding.range(SourceRange(range.lowerBound, range.upperBound), lines)
        var bytes = Array(text.utf8)
        bytes.replaceSubrange(range, with: newText.utf8)
        texts[uri] = String(decoding: bytes, as: UTF8.self)
        versions[uri, default: 0] += 1
        notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(versions[uri]!)],
                                          "contentChanges": [["range": r.json, "text": .string(newText)]]])
    }

    /// Byte offset of the first occurrence of `needle` in the current text.
    func offset(_ uri: String, of needle: String) -> Int {
        let t = Array(texts[uri]!.utf8), n = Array(needle.utf8)
        for i in 0...(t.count - n.count) where Array(t[i..<(i + n.count)]) == n { return i }
        fatalError("\(needle) not found")
    }

    /// The latest diagnostics published for `uri` with the current version.
    func diagnostics(_ uri: String, timeout: Double = 30) -> [JSONValue]? {
        let v = versions[uri]
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let m = messages.last(where: { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }),
               m["params"]?["version"]?.intValue == v {
                return m["params"]?["diagnostics"]?.arrayValue
            }
            usleep(1000)
        }
        return nil
    }

    /// Applies LSP text edits to a text (the client's side of a WorkspaceEdit).
    func apply(_ edits: [JSONValue], to text: String) -> String {
        let lines = LineIndex(Array(text.utf8))
        var ranged: [(SourceRange, String)] = edits.map { e in
            let r = try! LSPRange(Params(e["range"]))
            return (encoding.byteRange(r, lines), e["newText"]!.stringValue!)
        }
        ranged.sort { $0.0.lowerBound > $1.0.lowerBound }
        var bytes = Array(text.utf8)
        for (r, t) in ranged { bytes.replaceSubrange(r.offsets, with: t.utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The edits of a WorkspaceEdit for one document (either shape).
    func edits(_ workspaceEdit: JSONValue?, _ uri: String) -> [JSONValue] {
        if let dc = workspaceEdit?["documentChanges"]?.arrayValue {
            return dc.filter { $0["textDocument"]?["uri"]?.stringValue == uri }.flatMap { $0["edits"]?.arrayValue ?? [] }
        }
        return workspaceEdit?["changes"]?[uri]?.arrayValue ?? []
    }
}

/// The rule ids of diagnostics, leaving out the whole-posting structure findings (`structure/missing-section`,
/// `structure/length`) that every short test document triggers when a test's own settings leave them on.
func codes(_ diags: [JSONValue]?) -> [String] {
    (diags ?? []).compactMap { $0["code"]?.stringValue }.filter { $0 != "structure/missing-section" && $0 != "structure/length" }
}
