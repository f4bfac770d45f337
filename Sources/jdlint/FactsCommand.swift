import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JDLintCore
import JDLintKit

/// `jdlint facts [--format jsonld|jsonl|json] PATHS…`: what each posting states, as schema.org JobPosting
/// (docs/facts.md).
enum FactsCommand {
    static let formats = ["jsonld", "jsonl", "json"]
    static let usage = "usage: jdlint facts [--format jsonld|jsonl|json] PATHS… (`-` reads standard input)"

    struct Item {
        var path: String
        var record: JSONValue?
        var jobPosting: JSONValue?
        var error: String?
    }

    static func run(_ args: [String], _ out: OutputStream, _ err: OutputStream) -> Int32 {
        var format: String?
        var paths: [String] = []
        var i = 0
        var onlyPaths = false
        while i < args.count {
            let a = args[i]
            if onlyPaths || a == "-" || !a.hasPrefix("-") {
                paths.append(a)
            } else if a == "--" {
                onlyPaths = true
            } else if a == "--format" {
                guard i + 1 < args.count else {
                    err.write("jdlint facts: --format needs a value (\(formats.joined(separator: ", ")))\n")
                    return 2
                }
                format = args[i + 1]
                i += 1
            } else if a.hasPrefix("--format=") {
                format = String(a.dropFirst("--format=".count))
            } else if a == "--help" || a == "-h" {
                out.write(usage + "\n")
                return 0
            } else {
                err.write("jdlint facts: unknown option \(a)\n\(usage)\n")
                return 2
            }
            i += 1
        }
        if let f = format, !formats.contains(f) {
            err.write("jdlint facts: unknown value \"\(f)\" for --format (allowed: \(formats.joined(separator: ", ")))\n")
            return 2
        }
        guard !paths.isEmpty else {
            err.write("jdlint facts: no paths given\n\(usage)\n")
            return 2
        }
        let search = FileWalker.search(paths.filter { $0 != "-" }) { _ in false }
        if !search.emptyFolders.isEmpty {
            for f in search.emptyFolders {
                err.write("jdlint facts: no postings found in \(f) (looked for \(FileWalker.searchedExtensions) files)\n")
            }
            return 2
        }
        // One file named (or standard input): the JobPosting alone; several, or a folder: one line per file.
        var isSingle = false
        if paths.count == 1 {
            let e = FileSystem.exists(paths[0])
            isSingle = paths[0] == "-" || (e.exists && !e.isDirectory)
        }
        let chosen = format ?? (isSingle ? "jsonld" : "jsonl")

        var items: [Item] = []
        if paths.contains("-") {
            let bytes = FileDescriptor.standardInput.readToEnd()
            items.append(facts(InputReader.document(bytes: bytes, path: "<stdin>", format: nil), path: "<stdin>"))
        }
        for p in search.problems { items.append(Item(path: p.path, error: p.message)) }
        let files = search.files
        let results = Results(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { k in
            results.set(k, facts(InputReader.read(path: files[k]), path: files[k]))
        }
        items += results.items.compactMap { $0 }
        items.sort { $0.path < $1.path }

        var failed = false
        for item in items where item.error != nil {
            err.write("jdlint: \(item.path): \(item.error!)\n")
            failed = true
        }
        switch chosen {
        case "jsonld":
            let postings = items.compactMap(\.jobPosting)
            if postings.count == 1 && items.count == 1 {
                out.write(postings[0].serialized(pretty: true) + "\n")
            } else if !postings.isEmpty || items.count > 1 {
                out.write(JSONValue.array(postings).serialized(pretty: true) + "\n")
            }
        case "json":
            let files: [JSONValue] = items.map { $0.record ?? ["path": .string($0.path), "error": .string($0.error ?? "")] }
            out.write(JSONValue.object(JSONObject([("version", .int(1)), ("files", .array(files))])).serialized() + "\n")
        default:
            var text = ""
            for item in items {
                let v = item.record ?? ["path": .string(item.path), "error": .string(item.error ?? "")]
                text += v.serialized() + "\n"
                if text.utf8.count > 1 << 16 {
                    out.write(text)
                    text = ""
                }
            }
            out.write(text)
        }
        return failed ? 2 : 0
    }

    /// Each file's item, filled by the worker threads.
    final class Results: @unchecked Sendable {
        private(set) var items: [Item?]
        private let lock = Lock()
        init(count: Int) { items = [Item?](repeating: nil, count: count) }
        func set(_ k: Int, _ item: Item) {
            lock.lock()
            items[k] = item
            lock.unlock()
        }
    }

    static func facts(_ read: Result<Document, FileProblem>, path: String) -> Item {
        switch read {
        case .failure(let p):
            return Item(path: path, error: p.message)
        case .success(let doc):
            let facts = JobPostingFacts.extract(Analysis(document: doc))
            return Item(path: path, record: facts.record(path: path, document: doc), jobPosting: facts.jobPosting)
        }
    }
}
