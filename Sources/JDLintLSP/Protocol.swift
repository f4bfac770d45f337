import JDLintCore

// LSP 3.17 types used by the server (the subset it implements), decoded from and encoded to `JSONValue`.

public struct Position: Sendable, Equatable, JSONEncodable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init(_ p: Params) throws(ResponseError) {
        line = try p.get("line").int()
        character = try p.get("character").int()
        guard line >= 0, character >= 0 else { throw .invalidParams("\(p.path): line and character must not be negative") }
    }

    public var json: JSONValue { ["line": .int(line), "character": .int(character)] }
}

public struct LSPRange: Sendable, Equatable, JSONEncodable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    init(_ p: Params) throws(ResponseError) {
        start = try Position(p.get("start"))
        end = try Position(p.get("end"))
    }

    public var json: JSONValue { ["start": start.json, "end": end.json] }
}

public struct TextEdit: Sendable, Equatable, JSONEncodable {
    public var range: LSPRange
    public var newText: String

    public init(range: LSPRange, newText: String) {
        self.range = range
        self.newText = newText
    }

    public var json: JSONValue { ["range": range.json, "newText": .string(newText)] }
}

public struct TextDocumentContentChange: Sendable, Equatable {
    public var range: LSPRange?
    public var text: String
}

// MARK: - Requests

public struct InitializeRequest: RequestType {
    public typealias Response = InitializeResult
    public static let method = "initialize"
    public var capabilities: Params
    public var rootPath: String?
    public var workspaceFolders: [String]
    public var initializationOptions: JSONValue?
    public var trace: String?
    public var clientName: String?
    public var processID: Int?

    public init(params: Params) throws(ResponseError) {
        capabilities = try params.get("capabilities")
        processID = try params.optInt("processId")
        guard capabilities.value?.objectValue != nil else { throw .invalidParams("params.capabilities must be an object") }
        var folders: [String] = []
        if params.opt("workspaceFolders").isPresent {
            for f in try params.opt("workspaceFolders").array() {
                if let p = URI.path(try f.get("uri").string()) { folders.append(p) }
            }
        }
        if let root = try params.optString("rootUri"), let p = URI.path(root) { folders.append(p) }
        if let rp = try params.optString("rootPath") { folders.append(rp) }
        workspaceFolders = folders
        rootPath = folders.first
        initializationOptions = params.opt("initializationOptions").value
        trace = try params.optString("trace")
        clientName = params.lookup("clientInfo", "name")?.stringValue
    }
}

public struct InitializeResult: JSONEncodable {
    public var capabilities: ServerCapabilities
    public var json: JSONValue {
        ["capabilities": capabilities.json, "serverInfo": ["name": "jdlint", "version": .string(Version.string)]]
    }
}

/// The server's capabilities (the subset jdlint declares), derived from its handlers
/// (`LanguageServer.capabilities(for:)`). Members left nil are not sent.
public struct ServerCapabilities: JSONEncodable, Equatable {
    public var positionEncoding: PositionEncoding
    public var textDocumentSync = TextDocumentSyncOptions()
    public var hoverProvider: Bool?
    public var codeActionProvider: CodeActionOptions?
    public var documentFormattingProvider: Bool?
    public var diagnosticProvider: DiagnosticOptions?

    public init(positionEncoding: PositionEncoding) {
        self.positionEncoding = positionEncoding
    }

    public var json: JSONValue {
        var o = JSONObject([("positionEncoding", .string(positionEncoding.rawValue))])
        if !textDocumentSync.isEmpty { o["textDocumentSync"] = textDocumentSync.json }
        if let hoverProvider { o["hoverProvider"] = .bool(hoverProvider) }
        if let codeActionProvider { o["codeActionProvider"] = codeActionProvider.json }
        if let documentFormattingProvider { o["documentFormattingProvider"] = .bool(documentFormattingProvider) }
        if let diagnosticProvider { o["diagnosticProvider"] = diagnosticProvider.json }
        return .object(o)
    }
}

public enum TextDocumentSyncKind: Int, Sendable, Equatable {
    case none = 0, full = 1, incremental = 2
}

public struct TextDocumentSyncOptions: JSONEncodable, Equatable {
    public var openClose: Bool?
    public var change: TextDocumentSyncKind?
    public var save: SaveOptions?

    var isEmpty: Bool { openClose == nil && change == nil && save == nil }

    public var json: JSONValue {
        var o = JSONObject()
        if let openClose { o["openClose"] = .bool(openClose) }
        if let change { o["change"] = .int(change.rawValue) }
        if let save { o["save"] = save.json }
        return .object(o)
    }
}

public struct SaveOptions: JSONEncodable, Equatable {
    public var includeText: Bool
    public var json: JSONValue { ["includeText": .bool(includeText)] }
}

public struct CodeActionOptions: JSONEncodable, Equatable {
    public var codeActionKinds: [String]
    public var resolveProvider: Bool
    public var json: JSONValue { ["codeActionKinds": .array(codeActionKinds.map(JSONValue.string)), "resolveProvider": .bool(resolveProvider)] }
}

public struct DiagnosticOptions: JSONEncodable, Equatable {
    public var identifier: String
    public var interFileDependencies: Bool
    public var workspaceDiagnostics: Bool
    public var json: JSONValue {
        ["identifier": .string(identifier), "interFileDependencies": .bool(interFileDependencies),
         "workspaceDiagnostics": .bool(workspaceDiagnostics)]
    }
}

public struct ShutdownRequest: RequestType {
    public typealias Response = NullResult
    public static let method = "shutdown"
    public init(params: Params) {}
}

public struct DocumentDiagnosticRequest: RequestType {
    public typealias Response = DocumentDiagnosticReport
    public static let method = "textDocument/diagnostic"
    public var uri: String
    public var previousResultId: String?

    public init(params: Params) throws(ResponseError) {
        uri = try params.get("textDocument").get("uri").string()
        previousResultId = try params.optString("previousResultId")
    }
}

public struct DocumentDiagnosticReport: JSONEncodable {
    /// nil items: `unchanged`.
    public var resultId: String
    public var items: [LSPDiagnostic]?
    public var json: JSONValue {
        if let items { return ["kind": "full", "resultId": .string(resultId), "items": .array(items.map(\.json))] }
        return ["kind": "unchanged", "resultId": .string(resultId)]
    }
}

public struct WorkspaceDiagnosticRequest: RequestType {
    public typealias Response = WorkspaceDiagnosticReport
    public static let method = "workspace/diagnostic"
    public var previousResultIds: [String: String]

    public init(params: Params) throws(ResponseError) {
        var prev: [String: String] = [:]
        for p in try params.get("previousResultIds").array() {
            prev[try p.get("uri").string()] = try p.get("value").string()
        }
        previousResultIds = prev
    }
}

public struct WorkspaceDiagnosticReport: JSONEncodable {
    public var items: [JSONValue]
    public var json: JSONValue { ["items": .array(items)] }
}

public struct CodeActionRequest: RequestType {
    public typealias Response = [CodeAction]?
    public static let method = "textDocument/codeAction"
    public var uri: String
    public var range: LSPRange
    public var diagnostics: [JSONValue]
    public var only: [String]?

    public init(params: Params) throws(ResponseError) {
        uri = try params.get("textDocument").get("uri").string()
        range = try LSPRange(params.get("range"))
        let context = try params.get("context")
        diagnostics = try context.get("diagnostics").array().compactMap(\.value)
        if context.opt("only").isPresent {
            only = try context.get("only").array().map { (p: Params) throws(ResponseError) -> String in try p.string() }
        }
    }
}

public struct CodeAction: JSONEncodable, Equatable {
    public var title: String
    public var kind: String
    public var diagnostics: [JSONValue]?
    public var isPreferred: Bool?
    /// Nil when the client resolves it (`codeAction/resolve`), which `data` then allows.
    public var edit: JSONValue?
    public var data: JSONValue? = nil

    public var json: JSONValue {
        var o = JSONObject([("title", .string(title)), ("kind", .string(kind))])
        if let diagnostics { o["diagnostics"] = .array(diagnostics) }
        if let isPreferred { o["isPreferred"] = .bool(isPreferred) }
        if let edit { o["edit"] = edit }
        if let data { o["data"] = data }
        return .object(o)
    }
}

/// `codeAction/resolve`: the edit of an action listed without one (the JSON-LD action, whose edit holds the whole
/// description, for clients that resolve edits).
public struct CodeActionResolveRequest: RequestType {
    public typealias Response = CodeAction
    public static let method = "codeAction/resolve"
    public var title: String
    public var kind: String
    public var data: JSONValue?

    public init(params: Params) throws(ResponseError) {
        title = try params.get("title").string()
        kind = params.opt("kind").isPresent ? try params.get("kind").string() : ""
        data = params.opt("data").value
    }
}

public struct FormattingRequest: RequestType {
    public typealias Response = [TextEdit]?
    public static let method = "textDocument/formatting"
    public var uri: String

    public init(params: Params) throws(ResponseError) {
        uri = try params.get("textDocument").get("uri").string()
        _ = try params.get("options").object()
    }
}

public struct HoverRequest: RequestType {
    public typealias Response = Hover?
    public static let method = "textDocument/hover"
    public var uri: String
    public var position: Position

    public init(params: Params) throws(ResponseError) {
        uri = try params.get("textDocument").get("uri").string()
        position = try Position(params.get("position"))
    }
}

public struct Hover: JSONEncodable {
    public var markdown: String
    public var range: LSPRange
    public var json: JSONValue {
        ["contents": ["kind": "markdown", "value": .string(markdown)], "range": range.json]
    }
}

// MARK: - Notifications

public struct InitializedNotification: NotificationType {
    public static let method = "initialized"
    public init(params: Params) {}
}

public struct ExitNotification: NotificationType {
    public static let method = "exit"
    public init(params: Params) {}
}

public struct DidOpenNotification: NotificationType {
    public static let method = "textDocument/didOpen"
    public var uri: String
    public var languageID: String
    public var version: Int
    public var text: String

    public init(params: Params) throws(ResponseError) {
        let td = try params.get("textDocument")
        uri = try td.get("uri").string()
        languageID = try td.get("languageId").string()
        version = try td.get("version").int()
        let t = td.opt("text")
        guard let s = t.value?.stringValue else { throw .invalidParams("\(t.path) must be a string") }
        text = s
    }
}

public struct DidChangeNotification: NotificationType {
    public static let method = "textDocument/didChange"
    public var uri: String
    public var version: Int
    public var changes: [TextDocumentContentChange]

    public init(params: Params) throws(ResponseError) {
        let td = try params.get("textDocument")
        uri = try td.get("uri").string()
        version = try td.get("version").int()
        var changes: [TextDocumentContentChange] = []
        for c in try params.get("contentChanges").array() {
            let t = c.opt("text")
            guard let text = t.value?.stringValue else { throw .invalidParams("\(t.path) must be a string") }
            let range = c.opt("range").isPresent ? try LSPRange(c.get("range")) : nil
            changes.append(TextDocumentContentChange(range: range, text: text))
        }
        self.changes = changes
    }
}

public struct DidCloseNotification: NotificationType {
    public static let method = "textDocument/didClose"
    public var uri: String
    public init(params: Params) throws(ResponseError) { uri = try params.get("textDocument").get("uri").string() }
}

public struct DidSaveNotification: NotificationType {
    public static let method = "textDocument/didSave"
    public var uri: String
    public init(params: Params) throws(ResponseError) { uri = try params.get("textDocument").get("uri").string() }
}

public struct DidChangeConfigurationNotification: NotificationType {
    public static let method = "workspace/didChangeConfiguration"
    public var settings: JSONValue?
    public init(params: Params) { settings = params.opt("settings").value }
}

public struct DidChangeWatchedFilesNotification: NotificationType {
    public static let method = "workspace/didChangeWatchedFiles"
    public var uris: [String]
    public init(params: Params) throws(ResponseError) {
        uris = try params.get("changes").array().map { (c: Params) throws(ResponseError) -> String in try c.get("uri").string() }
    }
}

public struct CancelRequestNotification: NotificationType {
    public static let method = "$/cancelRequest"
    public var id: RequestID
    public init(params: Params) throws(ResponseError) {
        guard let id = RequestID(json: params.opt("id").value) else { throw .invalidParams("params.id must be an integer or a string") }
        self.id = id
    }
}

public struct SetTraceNotification: NotificationType {
    public static let method = "$/setTrace"
    public var value: String
    public init(params: Params) throws(ResponseError) { value = try params.get("value").string() }
}

// MARK: - Server → client

public struct PublishDiagnosticsNotification: OutgoingNotificationType {
    public static let method = "textDocument/publishDiagnostics"
    public var uri: String
    public var version: Int?
    public var diagnostics: [LSPDiagnostic]
    public var params: JSONValue {
        var o = JSONObject([("uri", .string(uri))])
        if let version { o["version"] = .int(version) }
        o["diagnostics"] = .array(diagnostics.map(\.json))
        return .object(o)
    }
}

/// A diagnostic as the server publishes it (`textDocument/publishDiagnostics`, pull reports). Code actions read
/// what clients send back as JSON (a client may echo only part of it).
public struct LSPDiagnostic: JSONEncodable, Equatable {
    public enum Severity: Int, Sendable {
        case error = 1, warning, information, hint
    }

    public enum Tag: Int, Sendable {
        case unnecessary = 1, deprecated
    }

    public var range: LSPRange
    public var severity: Severity
    /// The rule id (`config` and `pack` for configuration and rule pack errors).
    public var code: String
    /// `codeDescription.href`: the rule's documentation (built-in rules).
    public var documentation: String?
    public var source = "jdlint"
    public var message: String
    public var tags: [Tag]?
    public var data: DiagnosticData?

    public init(range: LSPRange, severity: Severity, code: String, documentation: String? = nil, message: String, tags: [Tag]? = nil,
                data: DiagnosticData? = nil) {
        self.range = range
        self.severity = severity
        self.code = code
        self.documentation = documentation
        self.message = message
        self.tags = tags
        self.data = data
    }

    public var json: JSONValue {
        var o = JSONObject()
        o["range"] = range.json
        o["severity"] = .int(severity.rawValue)
        o["code"] = .string(code)
        if let documentation { o["codeDescription"] = ["href": .string(documentation)] }
        o["source"] = .string(source)
        o["message"] = .string(message)
        if let tags { o["tags"] = .array(tags.map { .int($0.rawValue) }) }
        if let data { o["data"] = data.json }
        return .object(o)
    }
}

/// jdlint's `data` of a diagnostic: the document version it was made for and its fix, which code actions read back.
public struct DiagnosticData: JSONEncodable, Equatable {
    public var version: Int
    public var fix: DiagnosticFix?

    public var json: JSONValue {
        var o = JSONObject([("version", .int(version))])
        if let fix { o["fix"] = fix.json }
        return .object(o)
    }
}

public struct DiagnosticFix: JSONEncodable, Equatable {
    public var title: String
    public var applicability: Applicability
    public var edits: [TextEdit]

    public var json: JSONValue {
        ["title": .string(title), "applicability": .string(applicability.rawValue), "edits": .array(edits.map(\.json))]
    }
}

/// `window/logMessage` and `window/showMessage` types.
public enum MessageType: Int, Sendable, Comparable {
    case error = 1, warning, info, log
    public static func < (a: MessageType, b: MessageType) -> Bool { a.rawValue < b.rawValue }
}

public struct LogMessageNotification: OutgoingNotificationType {
    public static let method = "window/logMessage"
    public var type: MessageType
    public var message: String
    public var params: JSONValue { ["type": .int(type.rawValue), "message": .string(message)] }
}

public struct ShowMessageNotification: OutgoingNotificationType {
    public static let method = "window/showMessage"
    public var type: MessageType
    public var message: String
    public var params: JSONValue { ["type": .int(type.rawValue), "message": .string(message)] }
}

public struct ConfigurationRequest: OutgoingRequestType {
    public static let method = "workspace/configuration"
    public var scopeURI: String?
    public var params: JSONValue {
        var item = JSONObject()
        if let scopeURI { item["scopeUri"] = .string(scopeURI) }
        item["section"] = "jdlint"
        return ["items": [.object(item)]]
    }
    public static func decode(_ result: JSONValue) -> JSONValue? { result.arrayValue?.first }
}

public struct RegisterCapabilityRequest: OutgoingRequestType {
    public static let method = "client/registerCapability"
    public var registrations: [JSONValue]
    public var params: JSONValue { ["registrations": .array(registrations)] }
    public static func decode(_ result: JSONValue) -> NullResult? { NullResult() }
}

public struct DiagnosticRefreshRequest: OutgoingRequestType {
    public static let method = "workspace/diagnostic/refresh"
    public var params: JSONValue { .null }
    public static func decode(_ result: JSONValue) -> NullResult? { NullResult() }
}

/// `file://` URIs ⇄ paths.
public enum URI {
    /// The path of a `file:` URI (percent-decoded), nil for other schemes.
    public static func path(_ uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst(7))
        if let slash = rest.firstIndex(of: "/") { rest = rest[slash...] } else { return nil }  // drop an authority
        var out: [UInt8] = []
        let b = Array(rest.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        var p = String(decoding: out, as: UTF8.self)
        // Windows drive letters: /c:/x → c:/x
        if p.utf8.count >= 3, Array(p.utf8)[2] == 0x3A { p.removeFirst() }
        return p
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// A `file://` URI for a path.
    public static func from(path: String) -> String {
        var out = "file://"
        for b in path.utf8 {
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "/-._~".utf8.contains(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
