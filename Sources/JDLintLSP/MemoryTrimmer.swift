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

/// Gives freed memory back to the system once the server has been idle for a moment.
///
/// The server keeps large buffers in the heap (see `StdioServer.run`), so a keystroke does not pay for page faults;
/// the price is memory that stays resident after a burst of edits on a long posting. One second after the last
/// lint, `malloc_trim(0)` returns the free pages (glibc; a no-op where the function is missing); during a long
/// burst of edits it also trims every `busyInterval` seconds, on its own background queue.
final class MemoryTrimmer: Sendable {
    private let queue = DispatchQueue(label: "jdlint.lsp.trim", qos: .background)
    private struct State: Sendable {
        /// Counts lints: a trim scheduled after one runs only if no other lint came since.
        var activity = 0
        var lastTrim = DispatchTime.now()
    }
    private let state = Locked(State())
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
        let busyInterval = busyInterval
        queue.async { [self] in
            let now = DispatchTime.now()
            let (activity, busy) = state.withLock { s in
                s.activity += 1
                let busy = now.uptimeNanoseconds - s.lastTrim.uptimeNanoseconds > UInt64(busyInterval * 1e9)
                if busy { s.lastTrim = now }
                return (s.activity, busy)
            }
            if busy { _ = trim(0) }
            queue.asyncAfter(deadline: .now() + delay) { [self] in
                let idle = state.withLock { s in
                    guard s.activity == activity else { return false }
                    s.lastTrim = DispatchTime.now()
                    return true
                }
                if idle { _ = trim(0) }
            }
        }
    }
}
