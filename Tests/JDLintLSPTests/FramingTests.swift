import Testing
@testable import JDLintLSP

@Suite struct FramingTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func oneMessage() {
        var f = MessageFramer()
        #expect(f.feed(bytes("Content-Length: 2\r\n\r\n{}")) == [.message(bytes("{}"))])
        #expect(f.pendingByteCount == 0)
    }

    @Test func byteByByteWithContentTypeAndHeaderCase() {
        var f = MessageFramer()
        let body = "{\"a\":\"héllo 😀\"}"
        let msg = "content-length: \(body.utf8.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n\(body)"
        var events: [MessageFramer.Event] = []
        for b in bytes(msg + msg) { events += f.feed([b]) }
        #expect(events == [.message(bytes(body)), .message(bytes(body))])
    }

    @Test func typeBeforeLengthAndBareNewlines() {
        var f = MessageFramer()
        #expect(f.feed(bytes("Content-Type: x\nCONTENT-LENGTH:   3\n\n[1]")) == [.message(bytes("[1]"))])
    }

    @Test func severalMessagesInOneChunk() {
        var f = MessageFramer()
        let m = "Content-Length: 1\r\n\r\n1Content-Length: 1\r\n\r\n2\r\nContent-Length: 1\r\n\r\n3"
        #expect(f.feed(bytes(m)) == [.message(bytes("1")), .message(bytes("2")), .message(bytes("3"))])
    }

    @Test func missingLengthIsReportedAndResynchronises() {
        var f = MessageFramer()
        let events = f.feed(bytes("Content-Type: x\r\n\r\n{\"garbage\":1}Content-Length: 2\r\n\r\n{}"))
        #expect(events.count == 2)
        if case .error(let m) = events[0] { #expect(m.contains("without a Content-Length")) } else { Issue.record("no error") }
        #expect(events[1] == .message(bytes("{}")))
    }

    @Test func nonNumericAndNegativeLengths() {
        for bad in ["abc", "-5", "1e3", ""] {
            var f = MessageFramer()
            let events = f.feed(bytes("Content-Length: \(bad)\r\n\r\nxyz\r\nContent-Length: 2\r\n\r\n{}"))
            #expect(events.count == 2, "\(bad)")
            if case .error(let m) = events.first { #expect(m.contains("invalid Content-Length")) } else { Issue.record("no error for \(bad)") }
            #expect(events.last == .message(bytes("{}")))
        }
    }

    @Test func garbageWithoutHeaderEnd() {
        var f = MessageFramer()
        f.maxHeaderBytes = 64
        var events = f.feed([UInt8](repeating: 0x41, count: 200))
        #expect(events.count == 1)
        events = f.feed(bytes("\nContent-Length: 2\r\n\r\n{}"))
        #expect(events == [.message(bytes("{}"))])
    }

    @Test func resyncWaitsForASplitHeaderName() {
        var f = MessageFramer()
        _ = f.feed(bytes("X: y\r\n\r\nnoise\nConte"))
        #expect(f.feed(bytes("nt-Length: 2\r\n\r\n{}")) == [.message(bytes("{}"))])
    }

    @Test func largeBodyInChunks() {
        var f = MessageFramer()
        let body = [UInt8](repeating: 0x61, count: 3_000_000)
        var framed = MessageFramer.frame(body)
        var events: [MessageFramer.Event] = []
        while !framed.isEmpty {
            let n = min(65536, framed.count)
            events += f.feed(framed[0..<n])
            framed.removeFirst(n)
        }
        #expect(events == [.message(body)])
    }

    @Test func oversizedLengthIsRejectedAndResynchronises() {
        var f = MessageFramer()
        let events = f.feed(bytes("Content-Length: 999999999999999\r\n\r\n{\"lost\":1}Content-Length: 2\r\n\r\n{}"))
        #expect(events.count == 2)
        if case .error(let e)? = events.first { #expect(e.contains("exceeds the limit")) } else { Issue.record("no error") }
        #expect(events.last == .message(bytes("{}")))
        // At the limit it is accepted (and waits for the body).
        var g = MessageFramer()
        g.maxBodyBytes = 4
        #expect(g.feed(bytes("Content-Length: 4\r\n\r\n[1")) == [])
        #expect(g.feed(bytes("2]")) == [.message(bytes("[12]"))])
    }

    @Test func frameRoundTrip() {
        var f = MessageFramer()
        let body = bytes("{\"text\":\"naïve 🙂 \\r\\n\"}")
        #expect(f.feed(MessageFramer.frame(body)) == [.message(body)])
    }
}
