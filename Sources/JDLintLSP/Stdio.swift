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
import JDLintKit
import JDLintCore

/// Runs the server on stdin/stdout: a reader loop (this thread) feeding the framer, a serial writer queue, logging to
/// stderr. Returns only through `exit`.
public enum StdioServer {
    public static func run(options: ServerOptions) -> Never {
        signal(SIGPIPE, SIG_IGN)
        #if os(Linux)
        // Every lint allocates and frees buffers of the document's size. glibc serves blocks over 128 KB with mmap and
        // returns them on free, so each keystroke on a large posting paid for hundreds of page faults (most of the
        // system time in the benchmark). Keep such blocks in the heap instead, but give free memory back above 16 MB
        // and keep to two arenas: with a 64 MB trim threshold and one arena per lint thread, a one-hour soak
        // (scripts/lsp-soak) grew from 45 to 62 MB; with these settings it stays flat.
        if let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {  // RTLD_DEFAULT; absent on some libcs
            let mallopt = unsafeBitCast(sym, to: (@convention(c) (Int32, Int32) -> Int32).self)
            _ = mallopt(-3, 32 << 20)  // M_MMAP_THRESHOLD
            _ = mallopt(-1, 16 << 20)  // M_TRIM_THRESHOLD
            _ = mallopt(-8, 2)  // M_ARENA_MAX
        }
        #endif
        let writeQueue = DispatchQueue(label: "jdlint.lsp.writer")
        let stderrQueue = DispatchQueue(label: "jdlint.lsp.stderr")
        var opts = options
        let userLog = options.log
        opts.log = { line in
            userLog(line)
            stderrQueue.async { writeAll(2, Array((line + "\n").utf8)) }
        }
        let server = LanguageServer(options: opts, send: { body in
            let framed = MessageFramer.frame(body)
            writeQueue.async { writeAll(1, framed) }
        }, onExit: { code in
            writeQueue.sync {}
            stderrQueue.sync {}
            exit(code)
        })
        var framer = MessageFramer()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            for event in framer.feed(buffer[0..<n]) {
                switch event {
                case .message(let body): server.receive(body)
                case .error(let message): server.framingError(message)
                }
            }
        }
        server.connectionClosed()
        while true { sleep(60) }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return
                }
                off += n
            }
        }
    }
}

/// `jdlint lsp [--debounce MS] [--stdio]`.
public enum LSPMain {
    public static let usage = """
        usage: jdlint lsp [--stdio] [--debounce MS]

        Runs the jdlint language server (LSP 3.17, JSON-RPC over stdin/stdout). Logs go to stderr.

        """

    public static func run(_ args: [String]) -> Int32 {
        var options = ServerOptions()
        let env = ProcessInfo.processInfo.environment
        options.currentYear = env["JDLINT_CURRENT_YEAR"].flatMap(Int.init)
            ?? currentLocalYear()
        options.today = currentLocalDate()
        options.lintDelayMs = env["JDLINT_LSP_LINT_DELAY_MS"].flatMap(Int.init) ?? 0
        options.watchParentProcess = true
        if let url = env["JDLINT_DOCS_URL"], !url.isEmpty { options.docsBaseURL = url }
        options.debug = env["JDLINT_LSP_DEBUG"].map { !$0.isEmpty && $0 != "0" } ?? false
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--stdio": break
            case "--debounce":
                guard i + 1 < args.count, let ms = Int(args[i + 1]), ms >= 0 else {
                    FileDescriptor.standardError.write("jdlint lsp: --debounce needs a number of milliseconds\n")
                    return 2
                }
                options.debounceMs = ms
                i += 1
            case "-h", "--help":
                FileDescriptor.standardError.write(usage)
                return 0
            default:
                FileDescriptor.standardError.write("jdlint lsp: unknown option \(args[i])\n\(usage)")
                return 2
            }
            i += 1
        }
        StdioServer.run(options: options)
    }
}
