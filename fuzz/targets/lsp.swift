// libFuzzer target: LSP framing + JSON-RPC dispatch. The input is fed to the framer as raw stdin bytes; every message
// it yields goes to an in-process server. Invariants: nothing crashes or hangs, and everything the server writes is a
// well-framed message whose body parses as a JSON-RPC object.
import JDLintCore
import JDLintLSP

final class Outbox: @unchecked Sendable {
    var bad: String?
    /// `body` is what the server hands its transport (which frames it with `MessageFramer.frame`).
    func check(_ body: [UInt8]) {
        var f = MessageFramer()
        let events = f.feed(MessageFramer.frame(body))
        guard events.count == 1, case .message(let back) = events[0], back == body else { bad = "framing does not round-trip"; return }
        guard case .object(let o)? = try? JSONParser.parseValue(body), o["jsonrpc"] == .string("2.0") else {
            bad = "output body is not a JSON-RPC object: \(String(decoding: body.prefix(200), as: UTF8.self))"
            return
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLSP(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let outbox = Outbox()
    let server = LanguageServer(options: ServerOptions(debounceMs: 0), send: { outbox.check($0) }, onExit: { _ in })
    var framer = MessageFramer()
    for event in framer.feed(bytes) {
        if case .message(let body) = event { server.receive(body) }
    }
    server.drain()
    if let bad = outbox.bad { fatalError(bad) }
    return 0
}
