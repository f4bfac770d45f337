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

/// Gives freed memory back to the system once the server has been idle for a moment.
///
/// The server keeps large buffers in the heap (see `StdioServer.run`), so a keystroke does not pay for page faults;
/// the price is memory that stays resident after a burst of edits on a long posting. One second after the last
/// lint, `malloc_trim(0)` returns the free pages (glibc; a no-op where the function is missing); during a long
/// burst of edits it also trims every `busyInterval` seconds, on its own background queue.
final class MemoryTrimmer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "jdlint.lsp.trim", qos: .background)
    private var pending: DispatchWorkItem?  // confined to `queue`
    private var lastTrim = DispatchTime.now()  // confined to `queue`
    private let delay: Double
    private let busyInterval: Double

    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if os(Linux)
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(sym, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    init(delay: Double = 1.0, busyInterval: Double = 5.0) {
        self.delay = delay
        self.busyInterval = busyInterval
    }

    /// A lint just ran: trim after `delay` seconds without another.
    func noteActivity() {
        guard let trim = MemoryTrimmer.trim else { return }
        queue.async {
            self.pending?.cancel()
            let now = DispatchTime.now()
            if now.uptimeNanoseconds - self.lastTrim.uptimeNanoseconds > UInt64(self.busyInterval * 1e9) {
                self.lastTrim = now
                _ = trim(0)
            }
            let item = DispatchWorkItem {
                self.lastTrim = DispatchTime.now()
                // The item captures the trimmer that holds it: let go of it once it has run (no cycle).
                self.pending = nil
                _ = trim(0)
            }
            self.pending = item
            self.queue.asyncAfter(deadline: .now() + self.delay, execute: item)
        }
    }
}
