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

// The few operating-system services jdlint used from full Foundation and FoundationEssentials lacks (FileHandle,
// NSLock, NSString's path methods, ObjCBool). With them here, no target links Foundation, and so neither ICU's data
// (about 30 MB) nor the rest of swift-corelibs-foundation: the static binary shrinks from 81 MB to about 14 MB.
// Each keeps the behaviour of what it replaces, including the crash on a failed read or write of a standard stream.

/// A mutual-exclusion lock (a pthread mutex): `lock()` / `unlock()`, as `NSLock` was used.
public final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    public func lock() { pthread_mutex_lock(mutex) }
    public func unlock() { pthread_mutex_unlock(mutex) }
}

/// An open file descriptor, read and written whole (what jdlint used of `FileHandle`).
public struct FileDescriptor: Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let standardInput = FileDescriptor(rawValue: 0)
    public static let standardOutput = FileDescriptor(rawValue: 1)
    public static let standardError = FileDescriptor(rawValue: 2)

    /// An existing file opened for writing from its start, neither created nor truncated
    /// (as `FileHandle(forWritingAtPath:)`); nil when it cannot be opened.
    public init?(forWritingAtPath path: String) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        rawValue = fd
    }

    /// Writes every byte. A failed write stops the program, as `FileHandle.write(_:)` does.
    public func write(_ raw: UnsafeRawBufferPointer) {
        guard let base = raw.baseAddress else { return }
        var off = 0
        while off < raw.count {
            #if canImport(Glibc)
            let n = Glibc.write(rawValue, base + off, raw.count - off)
            #else
            let n = Darwin.write(rawValue, base + off, raw.count - off)
            #endif
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                fatalError("jdlint: cannot write to file descriptor \(rawValue): \(String(cString: strerror(errno)))")
            }
            off += n
        }
    }

    public func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }
    public func write(_ s: String) {
        var s = s
        s.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// At most `count` bytes, after one successful read: empty at the end of the input (`readData(ofLength:)`).
    public func read(upTo count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buf, n in
            while true {
                #if canImport(Glibc)
                let r = Glibc.read(rawValue, buf.baseAddress, count)
                #else
                let r = Darwin.read(rawValue, buf.baseAddress, count)
                #endif
                if r < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    fatalError("jdlint: cannot read file descriptor \(rawValue): \(String(cString: strerror(errno)))")
                }
                n = r
                return
            }
        }
    }

    /// Closes the descriptor (`FileHandle.close()`); throws the `errno` of a failed close.
    public func close() throws {
        #if canImport(Glibc)
        let r = Glibc.close(rawValue)
        #else
        let r = Darwin.close(rawValue)
        #endif
        if r != 0 { throw CloseError(errno: errno) }
    }

    public struct CloseError: Error, Sendable { public var errno: Int32 }

    /// Everything up to the end of the input (`readDataToEndOfFile()`).
    public func readToEnd() -> [UInt8] {
        var all: [UInt8] = []
        while true {
            let chunk = read(upTo: 1 << 16)
            if chunk.isEmpty { return all }
            all.append(contentsOf: chunk)
        }
    }
}

/// File-system queries whose Foundation signatures differ between platforms (`ObjCBool` on Darwin).
public enum FileSystem {
    /// Whether `path` exists, and is a folder (symbolic links followed), as `FileManager.fileExists(atPath:isDirectory:)`.
    public static func exists(_ path: String) -> (exists: Bool, isDirectory: Bool) {
        #if canImport(FoundationEssentials)
        var isDir = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        return (exists, isDir)
        #else
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        return (exists, isDir.boolValue)
        #endif
    }

    /// Whether `path` is an existing folder (symbolic links followed).
    public static func isDirectory(_ path: String) -> Bool {
        let e = exists(path)
        return e.exists && e.isDirectory
    }
}

/// `NSString`'s path methods, same results (repeated slashes collapsed, a trailing slash dropped first).
public enum PathString {
    /// The last component: `"/a/b"` → `"b"`, `"/"` → `"/"`, `""` → `""` (`NSString.lastPathComponent`).
    public static func lastComponent(_ path: String) -> String {
        let p = fixingSlashes(path)
        if p.utf8.count <= 1 { return p }
        return String(p[startOfLastComponent(p)...])
    }

    /// All but the last component: `"/a/b"` → `"/a"`, `"/a"` → `"/"`, `"a"` → `""` (`NSString.deletingLastPathComponent`).
    public static func deletingLastComponent(_ path: String) -> String {
        let p = fixingSlashes(path)
        if p == "/" || p.isEmpty { return p }
        let start = startOfLastComponent(p)
        if start == p.startIndex { return "" }
        if start == p.index(after: p.startIndex) { return "/" }
        return String(p[..<p.index(before: start)])
    }

    static func fixingSlashes(_ path: String) -> String {
        guard path.utf8.count > 1 else { return path }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for b in path.utf8 where !(b == 0x2F && out.last == 0x2F) { out.append(b) }
        if out.count > 1 && out.last == 0x2F { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    static func startOfLastComponent(_ p: String) -> String.Index {
        guard let slash = p.lastIndex(of: "/") else { return p.startIndex }
        return p.index(after: slash)
    }
}

/// The current year in the local time zone (what `Calendar(identifier: .gregorian).component(.year, from: Date())`
/// gave; FoundationEssentials alone has no local time zones).
/// Today's local date, `YYYY-MM-DD`.
public func currentLocalDate() -> String {
    var t = time(nil)
    var parts = tm()
    guard localtime_r(&t, &parts) != nil else { return "" }
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(Int(parts.tm_year) + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
}

public func currentLocalYear() -> Int {
    var t = time(nil)
    var parts = tm()
    guard localtime_r(&t, &parts) != nil else { return 1970 + Int(t / 31_556_952) }
    return Int(parts.tm_year) + 1900
}

/// A value behind a `Lock`, read and written only inside `withLock` (so the compiler checks that nothing touches it
/// unlocked): the one place a mutable value is shared between threads without an actor.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
