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
import JDLintCore
import JDLintKit

/// The sandbox (issue 11) and rule packs (issue 12).
///
/// Sandbox: the server reads only `.jdlint.json` files under the workspace folders the client named (`rootUri`,
/// `rootPath`, `workspaceFolders`) and the files those configurations point to (`extends`, `packs`). The search for
/// the nearest `.jdlint.json` stops at the outermost workspace folder that holds the document; a document outside
/// every folder (or when the client named none) is linted with the defaults and the client's settings.
///
/// Packs: every pack a configuration loads is watched (`client/registerCapability` for
/// `workspace/didChangeWatchedFiles`, and `didSave` of the pack), and reloading starts from a fresh `ConfigLoader`.
/// A pack open in the editor is not linted as a posting: its error (from the editor's text) is its diagnostic.
extension LanguageServer {
    static let packCode = "pack"

    /// Standardised absolute path (no trailing slash).
    static func standardized(_ path: String) -> String {
        // `isDirectory` given: Foundation would otherwise stat the path to find out.
        let p = URL(fileURLWithPath: path, isDirectory: false).standardizedFileURL.path
        return p.count > 1 && p.hasSuffix("/") ? String(p.dropLast()) : p
    }

    /// `path` with symbolic links resolved (cached until the configuration is reloaded), so that a link inside a
    /// workspace folder cannot lead the search for `.jdlint.json` outside it.
    func realPath(_ path: String) -> String {
        if let p = realPaths[path] { return p }
        // realpath(3) of the longest prefix that exists (an unsaved document's file may not exist yet).
        var prefix = LanguageServer.standardized(path)
        var rest: [String] = []
        var p = prefix
        while true {
            if let r = realpath(prefix, nil) {
                p = String(cString: r)
                free(r)
                for c in rest.reversed() { p = p == "/" ? "/" + c : p + "/" + c }
                break
            }
            if prefix == "/" || prefix.isEmpty || rest.count > 256 { break }
            rest.append(PathString.lastComponent(prefix))
            prefix = PathString.deletingLastComponent(prefix)
        }
        if realPaths.count > 10_000 { realPaths.removeAll() }
        realPaths[path] = p
        return p
    }

    /// The outermost workspace folder holding `path` (standardised), nil when none does.
    func workspaceBoundary(_ path: String, in folders: [String]? = nil) -> String? {
        var best: String?
        for f in folders ?? workspaceFolders where f == "/" || path == f || path.hasPrefix(f + "/") {
            if best == nil || f.count < best!.count { best = f }
        }
        return best
    }

    /// The `.jdlint.json` that applies to `path`: the nearest one from its folder up to (and including) the
    /// outermost workspace folder that holds it. Nil when there is none, or when `path` is outside every folder:
    /// nothing outside the workspace is ever looked at.
    func configFile(for path: String) -> String? {
        // A path outside every folder as written (and as resolved) is not even looked at; one inside is resolved
        // (symbolic links) and checked again.
        let lexical = LanguageServer.standardized(path)
        let inside = workspaceBoundary(lexical, in: workspaceFoldersAsGiven) != nil || workspaceBoundary(lexical) != nil
        let abs = inside ? realPath(path) : lexical
        guard inside, let boundary = workspaceBoundary(abs) else {
            if outsideWorkspaceLogged.insert(abs).inserted {
                log(.info, "\(abs) is outside every workspace folder: linted with the defaults (no .jdlint.json is read)")
            }
            return nil
        }
        var dir = PathString.deletingLastComponent(abs)
        var visited: [String] = []
        var found = ""
        while true {
            if let cached = configFileCache[dir] {
                found = cached
                break
            }
            visited.append(dir)
            let candidate = dir == "/" ? "/" + ConfigLoader.fileName : dir + "/" + ConfigLoader.fileName
            if configBuffers[candidate] != nil || FileManager.default.fileExists(atPath: candidate) {
                found = candidate
                break
            }
            if dir == boundary || dir == "/" || dir.isEmpty { break }
            dir = PathString.deletingLastComponent(dir)
        }
        for v in visited { configFileCache[v] = found }
        return found.isEmpty ? nil : found
    }

    /// Resolves the configuration of `path` inside the sandbox and notes the packs and files it uses.
    func resolveConfig(path: String?) throws(ConfigError) -> ResolvedConfig? {
        guard let lookup = path ?? root.map({ $0 + "/untitled" }), let file = configFile(for: lookup) else { return nil }
        do {
            let resolved = try loader.nearest(for: file)
            if let resolved {
                noteConfigFiles(resolved.files, packs: resolved.configuration.packs)
                lastGoodConfigs[file] = resolved
            }
            return resolved
        } catch {
            // A broken pack makes the whole configuration fail: still learn which packs it names (from the file
            // itself), so the pack is watched and, when open, shows its own error.
            if packListsRead.insert(file).inserted, let data = configBuffers[file] ?? FileManager.default.contents(atPath: file).map({ [UInt8]($0) }) {
                let base = PathString.deletingLastComponent(file)
                if let c = try? Configuration.parse(data, file: file, baseDirectory: base) {
                    noteConfigFiles([file], packs: c.packs.map { LanguageServer.resolve($0, base) })
                }
            }
            // While the file is open in the editor with an error, postings keep the last configuration that loaded
            // (the error is shown in the file itself, `configFileDiagnostics`).
            if configBuffers[file] != nil, let good = lastGoodConfigs[file] {
                log(.log, "\(file) has an error (\(error)); postings keep its last good configuration")
                return good
            }
            throw error
        }
    }

    static func resolve(_ p: String, _ base: String) -> String {
        p.hasPrefix("/") ? standardized(p) : standardized(URL(fileURLWithPath: p, relativeTo: URL(fileURLWithPath: base, isDirectory: true)).path)
    }

    /// Records configuration files and packs; watches new ones; re-lints open documents that turn out to be packs.
    func noteConfigFiles(_ files: [String], packs: [String]) {
        let newPacks = packs.map(LanguageServer.standardized).filter { !knownPacks.contains($0) }
        let newFiles = files.map(LanguageServer.standardized).filter { !knownConfigFiles.contains($0) }
        guard !newPacks.isEmpty || !newFiles.isEmpty else { return }
        knownPacks.formUnion(newPacks)
        knownConfigFiles.formUnion(newFiles)
        registerPackWatcher()
        // A pack that was already open (linted as a posting until now) gets linted again as a pack.
        let packSet = Set(newPacks)
        if documents.values.contains(where: { $0.document.path.map { packSet.contains(LanguageServer.standardized($0)) } == true }) {
            onState { server in server.configurationChanged() }
        }
    }

    /// The real path of a `.jdlint.json` document inside the sandbox (nil for any other document): such a document
    /// is checked, not linted, and its buffer is the configuration while it is open.
    func configDocumentKey(_ path: String?) -> String? {
        guard let path, PathString.lastComponent(path) == ConfigLoader.fileName else { return nil }
        let lexical = LanguageServer.standardized(path)
        guard workspaceBoundary(lexical, in: workspaceFoldersAsGiven) != nil || workspaceBoundary(lexical) != nil else { return nil }
        let real = realPath(path)
        return workspaceBoundary(real) != nil ? real : nil
    }

    /// A loader that reads the open `.jdlint.json` buffers instead of the disk.
    func makeLoader() -> ConfigLoader {
        ConfigLoader(baseRegistry: options.registry, overrides: configBuffers)
    }

    /// A `.jdlint.json` buffer was opened or edited: postings are re-linted with it when it parses to new JSON (when
    /// it has an error they keep the last good configuration, `resolveConfig`). Its own diagnostics follow from
    /// its lint, as for any document.
    func configBufferChanged(_ key: String, _ bytes: [UInt8], opening: Bool) {
        configBuffers[key] = bytes
        let fingerprint = (try? JSONParser.parseValue(bytes, allowComments: true))?.serialized()
        if opening, let disk = FileManager.default.contents(atPath: key), [UInt8](disk) == bytes {
            // The buffer is the file as the loader read it: nothing changes for postings.
            configFingerprints[key] = fingerprint
            return
        }
        guard let fingerprint, fingerprint != configFingerprints[key] else { return }
        configFingerprints[key] = fingerprint
        reloadConfiguration(because: "\(key) was edited")
    }

    /// A `.jdlint.json` buffer was closed: the disk is the file's content again.
    func configBufferClosed(_ key: String) {
        guard let bytes = configBuffers.removeValue(forKey: key) else { return }
        configFingerprints.removeValue(forKey: key)
        if let disk = FileManager.default.contents(atPath: key), [UInt8](disk) == bytes { return }
        reloadConfiguration(because: "\(key) was closed")
    }

    /// The errors of an open `.jdlint.json` (its editor text, with the files it extends and the packs it loads), each
    /// where it is: the key, or the key and its value when they share a line (`"maxx": 15`); an error in another
    /// file of the chain or in a pack is shown on the `extends` or `packs` entry that leads to it.
    nonisolated func configFileDiagnostics(_ document: Document, key: String, buffers: [String: [UInt8]], _ enc: PositionEncoding) -> [LSPDiagnostic] {
        var overrides = buffers
        overrides[key] = document.bytes
        let (_, problems) = ConfigLoader(baseRegistry: options.registry, overrides: overrides).check(file: key)
        let lines = document.lines
        let root = try? JSONParser.parse(document.bytes, allowComments: true)
        let base = PathString.deletingLastComponent(key)
        return problems.map { e in
            var range: Range<Int>?
            let message: String
            if LanguageServer.standardized(e.file) == key {
                if let line = e.line {
                    let offset = lines.offset(line: line, column: max(1, e.column ?? 1))
                    range = root.flatMap { LanguageServer.entryRange(at: offset, in: $0, lines) }
                        ?? offset..<max(offset, lines.contentEnd(ofLine: lines.lineIndex(containing: offset)))
                } else if let root {
                    range = LanguageServer.entryRange(path: e.path, in: root, lines)
                }
                message = (e.path.isEmpty ? "" : "\(e.path): ") + e.message
            } else {
                let target = LanguageServer.standardized(e.file)
                if let root {
                    range = LanguageServer.referenceRange(to: target, in: root, base: base, lines)
                        ?? LanguageServer.entryRange(path: "extends", in: root, lines)
                }
                message = "\(e)"
            }
            let r = range ?? lines.contentStart(ofLine: 0)..<lines.contentEnd(ofLine: 0)
            // The configuration file is the document here: its JSON offsets are its source offsets.
            return LSPDiagnostic(range: enc.range(SourceRange(r.lowerBound, r.upperBound), lines), severity: .error, code: "config", message: message)
        }
    }

    /// The range to underline for the JSON value starting at `offset`: its key and value when on one line, else its
    /// key (an element of an array: the element, or its first line).
    static func entryRange(at offset: Int, in node: JSONNode, _ lines: LineIndex) -> Range<Int>? {
        if node.range.lowerBound == offset { return firstLine(node.range, lines) }
        switch node.kind {
        case .object(let entries):
            for e in entries {
                if e.value.range.lowerBound == offset || e.keyRange.lowerBound == offset { return span(e.keyRange, e.value, lines) }
                if e.value.range.contains(offset), let r = entryRange(at: offset, in: e.value, lines) { return r }
            }
        case .array(let items):
            for item in items where item.range.contains(offset) || item.range.lowerBound == offset {
                return entryRange(at: offset, in: item, lines)
            }
        default: break
        }
        return nil
    }

    /// The range of a top-level entry named by a `ConfigError.path` (`extends`, `extends[1]`, `packs[0]`).
    static func entryRange(path: String, in root: JSONNode, _ lines: LineIndex) -> Range<Int>? {
        guard case .object(let entries) = root.kind else { return nil }
        let head = String(path.prefix { $0 != "." && $0 != "[" })
        guard let e = entries.first(where: { $0.key == head }) else { return nil }
        if let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"),
           let i = Int(path[path.index(after: open)..<close]), case .array(let items) = e.value.kind, i < items.count {
            return firstLine(items[i].range, lines)
        }
        return span(e.keyRange, e.value, lines)
    }

    /// The `extends` or `packs` string that names `target` (resolved from `base`).
    static func referenceRange(to target: String, in root: JSONNode, base: String, _ lines: LineIndex) -> Range<Int>? {
        for key in ["extends", "packs"] {
            guard let v = root[key] else { continue }
            let items: [JSONNode]
            if case .array(let a) = v.kind { items = a } else { items = [v] }
            for item in items {
                if let s = item.stringValue, resolve(s, base) == target { return item.range }
            }
        }
        return nil
    }

    static func span(_ key: Range<Int>, _ value: JSONNode, _ lines: LineIndex) -> Range<Int> {
        switch value.kind {
        case .object, .array: return key
        default:
            let sameLine = lines.lineIndex(containing: key.lowerBound) == lines.lineIndex(containing: max(key.lowerBound, value.range.upperBound - 1))
            return sameLine ? key.lowerBound..<value.range.upperBound : key
        }
    }

    static func firstLine(_ r: Range<Int>, _ lines: LineIndex) -> Range<Int> {
        let end = lines.contentEnd(ofLine: lines.lineIndex(containing: r.lowerBound))
        return r.lowerBound..<max(r.lowerBound, min(r.upperBound, end))
    }

    /// Whether the file at `path` is a rule pack of a configuration in use.
    func isPack(_ path: String?) -> Bool {
        guard let path else { return false }
        return knownPacks.contains(LanguageServer.standardized(path))
    }

    /// Whether saving `uri` changes the configuration (a `.jdlint.json`, a file it extends, or a pack).
    func isConfigurationFile(_ uri: String) -> Bool {
        if uri.hasSuffix("/" + ConfigLoader.fileName) { return true }
        guard let p = URI.path(uri).map(LanguageServer.standardized) else { return false }
        return knownPacks.contains(p) || knownConfigFiles.contains(p)
    }

    /// Watches the packs and extended files (the `.jdlint.json` watcher is registered at `initialized`).
    func registerPackWatcher() {
        guard supportsWatchedFilesRegistration, lifecycle == .running else { return }
        let paths = knownPacks.union(knownConfigFiles.filter { !$0.hasSuffix("/" + ConfigLoader.fileName) }).sorted()
        guard !paths.isEmpty, paths != watchedPackPaths else { return }
        if let old = packWatcherID {
            request(UnregisterCapabilityRequest(id: old, method: DidChangeWatchedFilesNotification.method)) { _ in }
        }
        packWatcherCount += 1
        let id = "jdlint-pack-watcher-\(packWatcherCount)"
        packWatcherID = id
        watchedPackPaths = paths
        let watchers: [JSONValue] = paths.map { p in
            let dir = PathString.deletingLastComponent(p), name = PathString.lastComponent(p)
            if supportsRelativePatterns {
                return ["globPattern": ["baseUri": .string(URI.from(path: dir)), "pattern": .string(name)]]
            }
            return ["globPattern": .string("**/" + name)]
        }
        let reg: JSONValue = ["id": .string(id), "method": .string(DidChangeWatchedFilesNotification.method),
                              "registerOptions": ["watchers": .array(watchers)]]
        request(RegisterCapabilityRequest(registrations: [reg])) { _ in }
    }

    /// The diagnostics of an open pack file: its error (from the editor's text), or none.
    nonisolated func packDiagnostics(_ document: Document, _ enc: PositionEncoding) -> [LSPDiagnostic] {
        guard let path = document.path, let e = RulePack.diagnose(document.bytes, origin: path) else { return [] }
        let lines = document.lines
        var start = 0, end = lines.contentEnd(ofLine: 0)
        if let line = e.line, line >= 1 {
            let l = min(line, lines.lineCount) - 1
            start = lines.offset(line: line, column: max(1, e.column ?? 1))
            end = max(start, lines.contentEnd(ofLine: l))
            if start > end { start = end }
        }
        let where_ = e.path.isEmpty ? "" : " at \(e.path)"
        return [LSPDiagnostic(range: enc.range(SourceRange(start, end), lines), severity: .error, code: LanguageServer.packCode,
                              message: "Rule pack error\(where_): \(e.message)")]
    }
}

public struct UnregisterCapabilityRequest: OutgoingRequestType {
    public static let method = "client/unregisterCapability"
    public var id: String
    public var method: String
    /// The spec spells the key `unregisterations`.
    public var params: JSONValue { ["unregisterations": [["id": .string(id), "method": .string(method)]]] }
    public static func decode(_ result: JSONValue) -> NullResult? { NullResult() }
}
