#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
private func systemRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ n: Int) -> Int { Glibc.read(fd, buf, n) }
private func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer?, _ n: Int) -> Int { Glibc.write(fd, buf, n) }
#elseif canImport(Darwin)
import Darwin
private func systemRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ n: Int) -> Int { Darwin.read(fd, buf, n) }
private func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer?, _ n: Int) -> Int { Darwin.write(fd, buf, n) }
#endif
import JDLintCore

/// A problem with one input file (unreadable, not UTF-8, binary…). The CLI reports it and exits 2.
public struct FileProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

/// Reading inputs: bytes in, a validated `Document` out, or a clear problem.
public enum InputReader {
    /// Reads a file; refuses directories, binary files, UTF-16/32 and invalid UTF-8 with a message.
    public static func read(path: String, format: DocumentFormat? = nil) -> Result<Document, FileProblem> {
        let fm = FileManager.default
        let (exists, isDirectory) = FileSystem.exists(path)
        guard exists else {
            if (try? fm.destinationOfSymbolicLink(atPath: path)) != nil {
                return .failure(FileProblem(path: path, message: danglingLinkReason(path)))
            }
            return .failure(FileProblem(path: path, message: "no such file or directory"))
        }
        if isDirectory { return .failure(FileProblem(path: path, message: "is a directory")) }
        var st = stat()
        if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
            return .failure(FileProblem(path: path, message: "is not a regular file (FIFO, device or socket); skipped"))
        }
        if Int(st.st_size) > Document.maximumSize {
            return .failure(tooLarge(path, Int(st.st_size)))
        }
        guard let bytes = readAll(path) else {
            let reason = fm.isReadableFile(atPath: path) ? "could not be read" : "permission denied"
            return .failure(FileProblem(path: path, message: reason))
        }
        return document(bytes: bytes, path: path, format: format)
    }

    /// The whole file straight into a byte array (one `read` loop, no `Data` copy).
    static func readAll(_ path: String) -> [UInt8]? {
        // Non-blocking: opening a FIFO must not wait for a writer; only regular files are read.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Straight into the array, sized to the file (plus room to notice growth); no zero-filled chunk and no
        // second copy (a 100 MB posting is held once). A file that grows while it is read is read on in pieces.
        let capacity = max(Int(st.st_size) + 1, 4096)
        var failed = false
        var full = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buf, count in
            var length = 0
            while length < capacity {
                let n = systemRead(fd, buf.baseAddress! + length, capacity - length)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if n == 0 { break }
                length += n
            }
            full = length == capacity
            count = length
        }
        if failed { return nil }
        guard full else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
        }
        return bytes
    }

    /// A file over `Document.maximumSize`, refused before it is read (by size) or after (standard input).
    static func tooLarge(_ path: String, _ size: Int) -> FileProblem {
        FileProblem(path: path, message: "is larger than 2 GiB (\(size) bytes), more than jdlint lints; split it")
    }

    /// Validates bytes as a document.
    public static func document(bytes: [UInt8], path: String, format: DocumentFormat?) -> Result<Document, FileProblem> {
        if bytes.count > Document.maximumSize {
            return .failure(tooLarge(path, bytes.count))
        }
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            return .failure(FileProblem(path: path, message: "is UTF-16 (byte-order mark found); jdlint reads UTF-8 only — convert it, e.g. `iconv -f UTF-16 -t UTF-8`"))
        }
        if Bytes.looksBinary(bytes) {
            return .failure(FileProblem(path: path, message: "looks binary (contains NUL bytes); skipped"))
        }
        if let bad = Bytes.firstInvalidUTF8(bytes) {
            let li = LineIndex(Array(bytes[..<bad]))
            let p = li.position(bad)
            return .failure(FileProblem(path: path, message: "is not valid UTF-8 (first invalid byte at line \(p.line), column \(p.column), offset \(bad))"))
        }
        let f = format ?? DocumentFormat.infer(fromPath: path) ?? .text
        return .success(Document(bytes: bytes, format: f, path: path))
    }
}

/// Expands the paths given on the command line into the files to lint.
public struct FileWalker {
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml", "json", "jsonld"]
    static let skippedDirectories: Set<String> = [".git", ".hg", ".svn", "node_modules", ".build", ".venv", "__pycache__"]
    /// The extensions searched, for messages: `.txt .text .md …` (`.json` only when it mentions JobPosting).
    public static let searchedExtensions = ["txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml", "jsonld", "json"]
        .map { "." + $0 }.joined(separator: " ")
    /// Names of a project's own documents, never postings: skipped when found by walking a folder (whatever the case
    /// and extension: `README.md`, `LICENSE.txt`, `changelog.markdown`), linted when named on the command line.
    public static let notPostings: Set<String> = ["README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "CODE_OF_CONDUCT",
                                                  "SECURITY", "AUTHORS", "NOTICE"]

    /// Whether a file name is one of `notPostings`: its part before the first dot, in any case.
    public static func isNotPosting(_ name: String) -> Bool {
        let stem = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(name)
        return notPostings.contains(stem.uppercased())
    }

    /// Files found (sorted, unique) and problems (missing paths, unreadable directories, symlink loops).
    public static func expand(_ paths: [String], isIgnored: (String) -> Bool) -> (files: [String], problems: [FileProblem]) {
        let s = search(paths, isIgnored: isIgnored)
        return (s.files, s.problems)
    }

    /// What a search found: the files, the problems, and the folders given that hold no posting.
    public struct Search: Sendable {
        public var files: [String]
        public var problems: [FileProblem]
        /// Folders among `paths` in which nothing to lint was found.
        public var emptyFolders: [String]
    }

    /// Like `expand`, also naming the folders given that hold no posting.
    public static func search(_ paths: [String], isIgnored: (String) -> Bool) -> Search {
        var files: [String] = []
        var emptyFolders: [String] = []
        var problems: [FileProblem] = []
        let fm = FileManager.default
        var visited = Set<String>()
        func walk(_ dir: String) {
            // Every link on the way resolved (a lexical resolution misses loops through linked parents).
            let real = canonicalPath(dir) ?? URL(fileURLWithPath: dir).standardizedFileURL.path
            guard visited.insert(real).inserted else {
                problems.append(FileProblem(path: dir, message: "symbolic link loop; skipped"))
                return
            }
            let entries: [String]
            do {
                entries = try fm.contentsOfDirectory(atPath: dir).sorted()
            } catch {
                problems.append(FileProblem(path: dir, message: "directory cannot be read (permission denied?)"))
                return
            }
            for name in entries {
                let path = dir == "." ? name : (dir.hasSuffix("/") ? dir + name : dir + "/" + name)
                // Hidden files and folders (`.jdlint.json`, `.github/`…) are not postings.
                if name.hasPrefix(".") || isIgnored(path) { continue }
                let (exists, isDirectory) = FileSystem.exists(path)
                guard exists else {
                    if (try? fm.destinationOfSymbolicLink(atPath: path)) != nil {
                        problems.append(FileProblem(path: path, message: danglingLinkReason(path)))
                    }
                    continue
                }
                if isDirectory {
                    if name.hasPrefix(".") || skippedDirectories.contains(name) { continue }
                    walk(path)
                } else if let dot = name.lastIndex(of: "."), case let ext = name[name.index(after: dot)...].lowercased(), extensions.contains(ext) {
                    if isNotPosting(name) { continue }
                    // Folders hold other JSON too (package.json, tsconfig.json): a `.json` file found by walking is a
                    // posting only when it mentions JobPosting. Named on the command line, any file is linted.
                    if ext == "json" && !mentionsJobPosting(path) { continue }
                    files.append(path)
                }
            }
        }
        for p in paths {
            let (exists, isDirectory) = FileSystem.exists(p)
            if exists {
                if isDirectory {
                    let before = (files.count, problems.count)
                    walk(p)
                    // An unreadable folder is reported as such, not as an empty one.
                    if files.count == before.0 && problems.count == before.1 { emptyFolders.append(p) }
                } else if !isIgnored(p) {
                    files.append(p)
                }
            } else if (try? fm.destinationOfSymbolicLink(atPath: p)) != nil {
                problems.append(FileProblem(path: p, message: danglingLinkReason(p)))
            } else {
                problems.append(FileProblem(path: p, message: "no such file or directory"))
            }
        }
        var seen = Set<String>()
        files = files.filter { seen.insert($0).inserted }
        return Search(files: files, problems: problems, emptyFolders: emptyFolders)
    }
}

/// The path with every symbolic link resolved (`realpath`), or nil when it cannot be resolved.
func canonicalPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
}

/// Why a symbolic link that leads nowhere cannot be read: a loop of links, or a missing target.
func danglingLinkReason(_ path: String) -> String {
    var st = stat()
    return stat(path, &st) != 0 && errno == ELOOP ? "symbolic link loop" : "broken symbolic link"
}

/// Whether a file's bytes contain `JobPosting` (schema.org JSON-LD).
func mentionsJobPosting(_ path: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: path) else { return true }  // let the reader report it
    let needle = Array("JobPosting".utf8)
    return data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) -> Bool in
        let b = buf.bindMemory(to: UInt8.self)
        guard b.count >= needle.count else { return false }
        var i = 0
        while i + needle.count <= b.count {
            if b[i] == 0x4A && b[i + 1] == 0x6F {
                var j = 2
                while j < needle.count && b[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

/// Glob patterns: `*` (within a path segment), `**` (any number of segments), `?`, `[abc]`.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.utf8), s = Array(path.utf8)
        // A pattern without a slash matches the file name or any path segment sequence ending (like .gitignore).
        if !p.contains(0x2F) {
            let segments = path.split(separator: "/").map { Array($0.utf8) }
            return segments.contains { match(p, 0, $0, 0) } || match(p, 0, s, 0)
        }
        var pat = p
        if pat.first == 0x2F { pat.removeFirst() }
        var str = s
        if str.starts(with: Array("./".utf8)) { str.removeFirst(2) }
        if match(pat, 0, str, 0) { return true }
        // Patterns match directories too: `docs/drafts` ignores everything below it.
        var k = 0
        while k < str.count {
            if str[k] == 0x2F && match(pat, 0, Array(str[..<k]), 0) { return true }
            k += 1
        }
        return false
    }

    static func match(_ p: [UInt8], _ pi: Int, _ s: [UInt8], _ si: Int) -> Bool {
        var pi = pi, si = si
        var starP = -1, starS = -1
        var dstarP = -1, dstarS = -1
        while si < s.count {
            if pi + 1 < p.count && p[pi] == 0x2A && p[pi + 1] == 0x2A {
                // `**/` matches zero or more directories
                var np = pi + 2
                if np < p.count && p[np] == 0x2F { np += 1 }
                dstarP = np
                dstarS = si
                pi = np
                starP = -1
                continue
            }
            if pi < p.count && p[pi] == 0x2A {
                starP = pi + 1
                starS = si
                pi += 1
                continue
            }
            if pi < p.count && (p[pi] == 0x3F && s[si] != 0x2F || p[pi] == s[si]) {
                pi += 1
                si += 1
                continue
            }
            if pi < p.count && p[pi] == 0x5B, let close = p[pi...].firstIndex(of: 0x5D) {
                if p[(pi + 1)..<close].contains(s[si]) {
                    pi = close + 1
                    si += 1
                    continue
                }
            }
            if starP >= 0 && s[starS] != 0x2F {
                starS += 1
                si = starS
                pi = starP
                continue
            }
            if dstarP >= 0 {
                dstarS += 1
                si = dstarS
                pi = dstarP
                starP = -1
                continue
            }
            return false
        }
        while pi < p.count && p[pi] == 0x2A { pi += 1 }
        return pi == p.count
    }
}

/// Writes a file atomically: a temporary file in the same directory, flushed to disk, then a rename; the mode
/// (permissions) and, where allowed, the owner are kept; a symbolic link is written through (the link stays); and a
/// file that changed on disk since it was read is not overwritten.
public enum AtomicWriter {
    public enum WriteError: Error, CustomStringConvertible, Equatable {
        case changedOnDisk(String)
        case failed(String, String)
        public var description: String {
            switch self {
            case .changedOnDisk(let p): return "\(p): changed on disk since it was read; not overwritten (run jdlint again)"
            case .failed(let p, let why): return "\(p): could not be written: \(why)"
            }
        }
    }

    /// Test hook: called after the temporary file is written, right before the final check and rename.
    nonisolated(unsafe) public static var beforeRename: ((String) -> Void)?

    public static func write(_ bytes: [UInt8], to path: String, expectedOriginal: [UInt8]) throws(WriteError) {
        let fm = FileManager.default
        // Write through symbolic links: replace the target, keep the link.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let current = fm.contents(atPath: target), [UInt8](current) == expectedOriginal else {
            throw .changedOnDisk(path)
        }
        var st = stat()
        let haveStat = stat(target, &st) == 0
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent().path
        let tmp = (dir.isEmpty ? "." : dir) + "/.\(url.lastPathComponent).jdlint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw .failed(path, "cannot create a temporary file in \(dir.isEmpty ? "." : dir): \(String(cString: strerror(errno)))")
        }
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buf in
            while written < buf.count {
                let n = systemWrite(fd, buf.baseAddress! + written, buf.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                written += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if haveStat {
            _ = fchmod(fd, st.st_mode & 0o7777)
            _ = fchown(fd, st.st_uid, st.st_gid)  // allowed for root or when unchanged; otherwise keep ours
        } else {
            _ = fchmod(fd, 0o644)
        }
        close(fd)
        if let failure {
            unlink(tmp)
            throw .failed(path, failure)
        }
        beforeRename?(target)
        // Re-check right before the rename to narrow the window for concurrent edits.
        guard let again = fm.contents(atPath: target), [UInt8](again) == expectedOriginal else {
            unlink(tmp)
            throw .changedOnDisk(path)
        }
        if rename(tmp, target) != 0 {
            let why = String(cString: strerror(errno))
            unlink(tmp)
            throw .failed(path, why)
        }
    }
}
