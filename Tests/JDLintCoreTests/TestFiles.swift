import Foundation

/// File helpers for tests (the core itself does no I/O).
enum TestFiles {
    /// Paths of regular files below `dir`, relative to it, sorted.
    static func list(_ dir: String) throws -> [String] {
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let p = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: dir + "/" + p, isDirectory: &isDir), !isDir.boolValue { out.append(p) }
        }
        return out.sorted()
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The shared corpus, when present (CI has it; a user's clone does not).
    static var corpus: String? {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        let candidates = [parts.joined(separator: "/") + "/shared/corpus", "/work/shared/corpus"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
