import Dispatch
import Foundation
import JDLintKit
import Testing

/// JDLintKit's replacements for the parts of full Foundation jdlint no longer links (issue 23) give what the
/// originals gave. These tests import full Foundation to compare with it.
@Suite("System services without full Foundation")
struct SystemTests {
    /// On the paths jdlint gives them (standardised, absolute) and more. swift-corelibs-foundation's NSString traps on
    /// a one-character relative path ("a", "a/") and gives "" for "//"; PathString gives "" for "a" and "/" for "//".
    @Test func pathStringMatchesNSString() {
        let paths = ["", "/", "ab", "/a", "/a/", "/a/b", "/a/b/", "a/b", "a/b/", "/a//b", "//a//b//", "//a", "/a/b/c.json",
                     "./a", "../a/b", "/é/ü.md", "/tmp/x/.jdlint.json", "/a b/c d", "/.", "/..", "x/./y", "/🙂/🙂🙂"]
        for p in paths {
            #expect(PathString.lastComponent(p) == (p as NSString).lastPathComponent, "lastComponent(\(p.debugDescription))")
            #expect(PathString.deletingLastComponent(p) == (p as NSString).deletingLastPathComponent,
                    "deletingLastComponent(\(p.debugDescription))")
        }
    }

    @Test func currentLocalYearIsCalendarsYear() {
        let before = Calendar(identifier: .gregorian).component(.year, from: Date())
        let ours = currentLocalYear()
        let after = Calendar(identifier: .gregorian).component(.year, from: Date())
        #expect(ours == before || ours == after, "\(ours) vs \(before)/\(after)")
    }

    @Test func fileSystemExists() throws {
        let d = try TempDir()
        let file = try d.write("a.txt", "x")
        try FileManager.default.createDirectory(atPath: d.path + "/dir", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: d.path + "/link", withDestinationPath: d.path + "/dir")
        try FileManager.default.createSymbolicLink(atPath: d.path + "/dangling", withDestinationPath: d.path + "/nowhere")
        #expect(FileSystem.exists(file) == (true, false))
        #expect(FileSystem.exists(d.path + "/dir") == (true, true))
        #expect(FileSystem.exists(d.path + "/link") == (true, true))
        #expect(FileSystem.exists(d.path + "/dangling").exists == false)
        #expect(FileSystem.exists(d.path + "/missing").exists == false)
        #expect(FileSystem.isDirectory(d.path + "/link"))
        #expect(!FileSystem.isDirectory(file))
    }

    @Test func fileDescriptorWritesAndReadsEveryByte() throws {
        let d = try TempDir()
        let path = try d.write("out.bin", "old contents that stay past the new end")
        #expect(FileDescriptor(forWritingAtPath: d.path + "/missing") == nil)
        #expect(!FileManager.default.fileExists(atPath: d.path + "/missing"), "opening for writing creates nothing")
        let fd = try #require(FileDescriptor(forWritingAtPath: path))
        let big = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        fd.write(big)
        fd.write("é🙂")
        try fd.close()
        let back = try #require(FileManager.default.contents(atPath: path))
        #expect([UInt8](back) == big + Array("é🙂".utf8), "written from the start, not truncated, nothing lost")

        let r = open(path, O_RDONLY)
        #expect(r >= 0)
        let reader = FileDescriptor(rawValue: r)
        let first = reader.read(upTo: 10)
        #expect(first == Array(big[0..<10]))
        #expect(reader.readToEnd() == Array(big[10...]) + Array("é🙂".utf8))
        #expect(reader.read(upTo: 10).isEmpty, "empty at the end")
        try reader.close()
        #expect(throws: FileDescriptor.CloseError.self) { try reader.close() }
    }

    @Test func lockMakesIncrementsExclusive() {
        final class Counter: @unchecked Sendable {
            let lock = Lock()
            var value = 0
        }
        let c = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 {
                c.lock.lock()
                c.value += 1
                c.lock.unlock()
            }
        }
        #expect(c.value == 80_000)
    }
}
