import JDLintCore

/// A JSON-RPC request id: an integer or a string, echoed back exactly.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case string(String)

    public init?(json: JSONValue?) {
        switch json {
        case .int(let i)?: self = .int(i)
        case .double(let d)? where d == d.rounded() && abs(d) < 9e15: self = .int(Int(d))
        case .string(let s)?: self = .string(s)
        default: return nil
        }
    }

    public var json: JSONValue {
        switch self {
        case .int(let i): return .int(i)
        case .string(let s): return .string(s)
        }
    }

    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        }
    }
}

/// JSON-RPC and LSP error codes.
public enum ErrorCode {
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
    public static let requestFailed = -32803
    public static let requestCancelled = -32800
    public static let contentModified = -32801
}

/// An error answered to a request.
public struct ResponseError: Error, Sendable, Equatable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func invalidParams(_ m: String) -> ResponseError { ResponseError(code: ErrorCode.invalidParams, message: m) }

    public var json: JSONValue { ["code": .int(code), "message": .string(message)] }
}

/// Something that can be sent as JSON.
public protocol JSONEncodable: Sendable {
    var json: JSONValue { get }
}

extension JSONValue: JSONEncodable {
    public var json: JSONValue { self }
}

extension Optional: JSONEncodable where Wrapped: JSONEncodable {
    public var json: JSONValue { self?.json ?? .null }
}

extension Array: JSONEncodable where Element: JSONEncodable {
    public var json: JSONValue { .array(map(\.json)) }
}

/// `null`: the result of requests such as `shutdown`.
public struct NullResult: JSONEncodable, Equatable {
    public init() {}
    public var json: JSONValue { .null }
}

/// A request the server handles. Its type names its method, decodes its params (throwing `InvalidParams`) and
/// knows its response type, so a handler can only answer with the right shape.
public protocol RequestType: Sendable {
    associatedtype Response: JSONEncodable
    static var method: String { get }
    init(params: Params) throws(ResponseError)
}

/// A notification the server handles.
public protocol NotificationType: Sendable {
    static var method: String { get }
    init(params: Params) throws(ResponseError)
}

/// A request the server sends to the client, with its result decoder.
public protocol OutgoingRequestType: Sendable {
    associatedtype Result: Sendable
    static var method: String { get }
    var params: JSONValue { get }
    static func decode(_ result: JSONValue) -> Result?
}

/// A notification the server sends.
public protocol OutgoingNotificationType: Sendable {
    static var method: String { get }
    var params: JSONValue { get }
}

/// A cursor into request parameters whose accessors throw `InvalidParams` naming the JSON path.
public struct Params: Sendable {
    public let value: JSONValue?
    public let path: String

    public init(_ value: JSONValue?, path: String = "params") {
        self.value = value
        self.path = path
    }

    public var isPresent: Bool { value != nil && value != .null }

    /// A member that must be present.
    public func get(_ key: String) throws(ResponseError) -> Params {
        let p = opt(key)
        guard p.isPresent else { throw .invalidParams("\(path).\(key) is required") }
        return p
    }

    /// A member that may be absent or null.
    public func opt(_ key: String) -> Params {
        Params(value?[key], path: "\(path).\(key)")
    }

    public func string() throws(ResponseError) -> String {
        guard let s = value?.stringValue else { throw .invalidParams("\(path) must be a string") }
        return s
    }

    public func int() throws(ResponseError) -> Int {
        guard let i = value?.intValue else { throw .invalidParams("\(path) must be an integer") }
        return i
    }

    public func bool() throws(ResponseError) -> Bool {
        guard let b = value?.boolValue else { throw .invalidParams("\(path) must be a boolean") }
        return b
    }

    public func array() throws(ResponseError) -> [Params] {
        guard let a = value?.arrayValue else { throw .invalidParams("\(path) must be an array") }
        return a.enumerated().map { Params($1, path: "\(path)[\($0)]") }
    }

    public func object() throws(ResponseError) -> JSONObject {
        guard let o = value?.objectValue else { throw .invalidParams("\(path) must be an object") }
        return o
    }

    /// Optional typed members (absent or null → nil; wrong type → InvalidParams).
    public func optString(_ key: String) throws(ResponseError) -> String? {
        let p = opt(key)
        return p.isPresent ? try p.string() : nil
    }

    public func optInt(_ key: String) throws(ResponseError) -> Int? {
        let p = opt(key)
        return p.isPresent ? try p.int() : nil
    }

    public func optBool(_ key: String) throws(ResponseError) -> Bool? {
        let p = opt(key)
        return p.isPresent ? try p.bool() : nil
    }

    /// A path of keys for capability look-ups (never throws).
    public func lookup(_ keys: String...) -> JSONValue? {
        var v = value
        for k in keys { v = v?[k] }
        return v
    }
}
