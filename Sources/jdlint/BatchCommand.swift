import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JDLintCore
import JDLintKit

/// `jdlint --jsonl`: batch mode for pipelines (Spark `rdd.pipe`, job boards). Reads JSON Lines records
/// `{"id": …, "text": …, "format": "md|html|txt|jsonld", "profile": …}` from standard input and writes one JSON line
/// per record, in input order: `{"id": …, "diagnostics": [...], "summary": {...}}` (with `--facts` also `"facts":
/// {"jobPosting", "evidence"}` as `jdlint facts` gives them; diagnostics in the schema of
/// `--format json`), or `{"id": …, "error": {"message": …, "line": N}}` for a bad record. Memory stays bounded:
/// records are processed in chunks, both cores at once, and written as soon as their chunk is done.
enum BatchCommand {
    static let chunkSize = 512

    static func run(_ options: LintOptions) -> Int32 {
        let loader = ConfigLoader(extraPacks: options.packs)
        let resolved: ResolvedConfig
        do {
            if let c = options.config { resolved = try loader.load(file: c) }
            else if options.noConfig { resolved = try loader.defaults() }
            else { resolved = try loader.nearest(for: FileManager.default.currentDirectoryPath + "/-") ?? loader.defaults() }
        } catch {
            FileDescriptor.standardError.write("jdlint: \(error)\n")
            return 2
        }
        let year = currentLocalYear()
        let baseSettings = LintSettings(profiles: options.profiles.isEmpty ? (resolved.configuration.profiles ?? ["default"]) : options.profiles,
                                        currentYear: ProcessInfo.processInfo.environment["JDLINT_CURRENT_YEAR"].flatMap(Int.init) ?? year,
                                        today: currentLocalDate(), asOf: options.asOf)
        for p in baseSettings.profiles where !Profile.isKnown(p) {
            FileDescriptor.standardError.write("jdlint: unknown profile \"\(p)\" (known: \(Profile.selectableNames.joined(separator: ", ")))\n")
            return 2
        }
        let cache = BatchLinters(resolved: resolved, base: baseSettings, select: options.select, ignore: options.ignore)
        let facts = options.facts
        let input = FileDescriptor.standardInput
        let out = FileDescriptor.standardOutput
        var reader = LineReader(handle: input)
        var lineNumber = 0
        var sawErrors = false
        var badRecords = false
        while true {
            var chunk: [(Int, [UInt8])] = []
            while chunk.count < chunkSize, let line = reader.next() {
                lineNumber += 1
                if line.allSatisfy({ Bytes.isWhitespace($0) }) { continue }
                chunk.append((lineNumber, line))
            }
            if chunk.isEmpty { break }
            let results = Slots<Output>(count: chunk.count)
            let records = chunk
            DispatchQueue.concurrentPerform(iterations: records.count) { i in
                results.set(i, process(records[i].1, line: records[i].0, cache: cache, facts: facts))
            }
            var buffer: [UInt8] = []
            for r in results.items {
                buffer.append(contentsOf: r!.bytes)
                buffer.append(0x0A)
                if r!.hasErrors { sawErrors = true }
                if r!.bad { badRecords = true }
            }
            out.write(buffer)
        }
        _ = badRecords  // bad records are reported in the stream, as error objects; they do not stop the batch
        return sawErrors && !options.exitZero ? 1 : 0
    }

    struct Output {
        var bytes: [UInt8]
        var hasErrors: Bool
        var bad: Bool
    }

    static func errorLine(_ id: JSONValue, _ message: String, _ line: Int) -> Output {
        let v: JSONValue = ["id": id, "error": ["message": .string(message), "line": .int(line)]]
        return Output(bytes: v.serializedBytes(), hasErrors: false, bad: true)
    }

    static func process(_ line: [UInt8], line number: Int, cache: BatchLinters, facts: Bool = false) -> Output {
        let record: JSONValue
        do {
            record = try JSONParser.parseValue(line)
        } catch {
            return errorLine(.null, "invalid JSON: \(error.message)", number)
        }
        guard case .object(let o) = record else { return errorLine(.null, "a record must be a JSON object", number) }
        let id = o["id"] ?? .null
        guard let text = o["text"]?.stringValue else {
            return errorLine(id, o["text"] == nil ? "missing \"text\"" : "\"text\" must be a string", number)
        }
        var format = DocumentFormat.text
        if let f = o["format"] {
            guard let s = f.stringValue, let ff = DocumentFormat.infer(fromPath: "x." + s) ?? DocumentFormat(rawValue: s) else {
                return errorLine(id, "unknown \"format\" (use md, html, txt or jsonld)", number)
            }
            format = ff
        }
        var profiles: [String]? = nil
        if let p = o["profile"] ?? o["profiles"] {
            switch p {
            case .string(let s): profiles = s.split(separator: ",").map(String.init)
            case .array(let a): profiles = a.compactMap(\.stringValue)
            case .null: break
            default: return errorLine(id, "\"profile\" must be a string or an array of strings", number)
            }
            if let unknown = profiles?.first(where: { !Profile.isKnown($0) }) {
                return errorLine(id, "unknown profile \"\(unknown)\"", number)
            }
        }
        guard text.utf8.count <= Document.maximumSize else {
            return errorLine(id, "\"text\" is larger than 2 GiB, more than jdlint lints", number)
        }
        let doc = Document(text: text, format: format, path: id.stringValue)
        let result = cache.linter(profiles).lint(doc)
        let report = FileReport(path: id.stringValue ?? "", document: doc, diagnostics: result.diagnostics)
        var v: JSONValue = [
            "id": id,
            "diagnostics": .array(result.diagnostics.map { JSONFormatter.diagnostic($0, doc) }),
            "summary": JSONFormatter.summary(Summary([report])),
        ]
        if !result.profileChoices.isEmpty, case .object(var o) = v {
            o["profiles"] = JSONFormatter.profiles(result.profileChoices)
            v = .object(o)
        }
        if facts, case .object(var o) = v {
            let f = JobPostingFacts.extract(result.analysis)
            o["facts"] = ["jobPosting": f.jobPosting, "evidence": f.evidence(in: doc)]
            v = .object(o)
        }
        return Output(bytes: v.serializedBytes(), hasErrors: result.diagnostics.contains { $0.severity == .error }, bad: false)
    }
}

/// Linters per profile selection, built once (`LinterCache`).
final class BatchLinters: Sendable {
    let resolved: ResolvedConfig
    let base: LintSettings
    let select: [String]
    let ignore: [String]
    let cache = LinterCache<String, Linter>()

    init(resolved: ResolvedConfig, base: LintSettings, select: [String], ignore: [String]) {
        self.resolved = resolved
        self.base = base
        self.select = select
        self.ignore = ignore
    }

    func linter(_ profiles: [String]?) -> Linter {
        var settings = base
        if let p = profiles { settings.profiles = p }
        return cache.entry(settings.profiles.joined(separator: ",")) {
            Linter(registry: resolved.registry, configuration: resolved.configuration, settings: settings, select: select, ignore: ignore)
        }
    }
}


/// Reads lines from a file handle in 64 KiB blocks (no whole-input buffering).
struct LineReader {
    let handle: FileDescriptor
    var buffer: [UInt8] = []
    var start = 0
    var eof = false

    init(handle: FileDescriptor) { self.handle = handle }

    mutating func next() -> [UInt8]? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<nl])
                if line.last == 0x0D { line.removeLast() }
                start = nl + 1
                if start > 1 << 20 {
                    buffer.removeFirst(start)
                    start = 0
                }
                return line
            }
            if eof {
                if start < buffer.count {
                    let line = Array(buffer[start...])
                    start = buffer.count
                    return line
                }
                return nil
            }
            let data = handle.read(upTo: 1 << 16)
            if data.isEmpty { eof = true } else { buffer.append(contentsOf: data) }
        }
    }
}
