#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JDLintCore

/// A configuration resolved for use: merged `extends`, packs loaded, rule ids validated.
public struct ResolvedConfig: Sendable {
    public var configuration: Configuration
    public var registry: RuleRegistry
    /// The config files that went into it (for watching and messages).
    public var files: [String]
}

/// Finds and loads `.jdlint.json` files (the nearest one from a file's folder upward, or an explicit file),
/// following `extends` and loading `packs`, caching per directory.
public final class ConfigLoader: @unchecked Sendable {
    public static let fileName = ".jdlint.json"
    let lock = Lock()
    var byDirectory: [String: Result<ResolvedConfig?, ConfigError>] = [:]
    /// Extra packs from the command line (`--pack`), loaded into every registry.
    public let extraPacks: [String]
    let baseRegistry: RuleRegistry
    /// Configuration files read from memory instead of the disk, by standardised absolute path: the language
    /// server's buffers of the `.jdlint.json` files open in the editor.
    let overrides: [String: [UInt8]]

    public init(extraPacks: [String] = [], baseRegistry: RuleRegistry = .builtin, overrides: [String: [UInt8]] = [:]) {
        self.extraPacks = extraPacks
        self.baseRegistry = baseRegistry
        self.overrides = overrides
    }

    /// Whether a configuration file is there (in memory or on disk).
    func exists(_ path: String) -> Bool {
        overrides[URL(fileURLWithPath: path).standardizedFileURL.path] != nil || FileManager.default.fileExists(atPath: path)
    }

    /// The default configuration (no file), with the `--pack` packs.
    public func defaults() throws(ConfigError) -> ResolvedConfig {
        var reg = baseRegistry
        for p in extraPacks { reg = reg.adding(try ConfigLoader.loadPack(path: p).rules) }
        return ResolvedConfig(configuration: Configuration(), registry: reg, files: [])
    }

    /// Loads an explicit config file (`--config`).
    public func load(file path: String) throws(ConfigError) -> ResolvedConfig {
        let (resolved, problems) = check(file: path)
        if let first = problems.first { throw first }
        return resolved!
    }

    /// Every error of the configuration file at `path` (with what it extends and the packs it loads), in the order
    /// `load(file:)` meets them: it throws the first. A file that cannot be read or parsed, a broken `extends` chain
    /// or a pack that does not load stops the check there; otherwise every unknown rule id, unknown or mistyped
    /// option and unknown profile of every file of the chain is listed. The resolved configuration when there is none.
    public func check(file path: String) -> (resolved: ResolvedConfig?, problems: [ConfigError]) {
        var chain: [String] = []
        var parts: [Configuration] = []
        let c: Configuration
        do { c = try loadChain(path, &chain, &parts) } catch { return (nil, [error]) }
        var reg = baseRegistry
        var problems: [ConfigError] = []
        for p in c.packs.map({ resolve($0, c.baseDirectory) }) + extraPacks {
            do { reg = reg.adding(try ConfigLoader.loadPack(path: p).rules) } catch { problems.append(error) }
        }
        // Without a pack's rules, the ids it defines would read as unknown.
        guard problems.isEmpty else { return (nil, problems) }
        // Each file of the chain is checked on its own, so a message names the file that holds the bad key.
        for part in parts {
            problems += part.problems(against: reg)
            for (i, name) in (part.profiles ?? []).enumerated() where !Profile.isKnown(name) {
                let path = part.profilesKey == "profile" && (part.profiles ?? []).count == 1 ? "profile" : "\(part.profilesKey)[\(i)]"
                let p = part.positions["\(part.profilesKey)[\(i)]"]
                problems.append(ConfigError(file: part.file, path: path, message: "unknown profile \"\(name)\" (known: \(Profile.selectableNames.joined(separator: ", ")))",
                                            line: p?.line, column: p?.column))
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (ResolvedConfig(configuration: c, registry: reg, files: chain), [])
    }

    /// The nearest `.jdlint.json` from the folder of `filePath` upward (nil when there is none).
    public func nearest(for filePath: String) throws(ConfigError) -> ResolvedConfig? {
        let abs = URL(fileURLWithPath: filePath).standardizedFileURL
        var dir = abs.deletingLastPathComponent().path
        var visited: [String] = []
        while true {
            lock.lock()
            let cached = byDirectory[dir]
            lock.unlock()
            if let cached {
                for v in visited { store(v, cached) }
                return try cached.get()
            }
            visited.append(dir)
            let candidate = dir == "/" ? "/\(ConfigLoader.fileName)" : "\(dir)/\(ConfigLoader.fileName)"
            if exists(candidate) {
                let result: Result<ResolvedConfig?, ConfigError>
                do { result = .success(try load(file: candidate)) } catch { result = .failure(error) }
                for v in visited { store(v, result) }
                return try result.get()
            }
            let parent = URL(fileURLWithPath: dir).deletingLastPathComponent().path
            if parent == dir || dir.isEmpty { break }
            dir = parent
        }
        for v in visited { store(v, .success(nil)) }
        return nil
    }

    func store(_ dir: String, _ r: Result<ResolvedConfig?, ConfigError>) {
        lock.lock()
        byDirectory[dir] = r
        lock.unlock()
    }

    func resolve(_ p: String, _ base: String) -> String {
        p.hasPrefix("/") ? p : URL(fileURLWithPath: p, relativeTo: URL(fileURLWithPath: base, isDirectory: true)).standardizedFileURL.path
    }

    func loadChain(_ path: String, _ chain: inout [String], _ parts: inout [Configuration]) throws(ConfigError) -> Configuration {
        let abs = URL(fileURLWithPath: path).standardizedFileURL.path
        if chain.contains(abs) {
            throw ConfigError(file: path, path: "extends", message: "circular extends: \((chain + [abs]).joined(separator: " → "))")
        }
        chain.append(abs)
        if overrides[abs] == nil, FileSystem.isDirectory(abs) {
            throw ConfigError(file: path, path: "", message: "is a folder, not a configuration file")
        }
        guard let data = overrides[abs].map({ Data($0) }) ?? FileManager.default.contents(atPath: abs) else {
            let exists = FileManager.default.fileExists(atPath: abs)
            throw ConfigError(file: path, path: "", message: exists ? "cannot be read (permission denied?)" : "config file not found")
        }
        let base = URL(fileURLWithPath: abs).deletingLastPathComponent().path
        let c = try Configuration.parse([UInt8](data), file: path, baseDirectory: base)
        parts.append(c)
        var merged = Configuration()
        for (i, e) in c.extends.enumerated() {
            let target = resolve(e, base)
            guard exists(target) else {
                throw ConfigError(file: path, path: c.extends.count == 1 ? "extends" : "extends[\(i)]",
                                  message: "the configuration \"\(e)\" it extends was not found (looked for \(target))")
            }
            let parent = try loadChain(target, &chain, &parts)
            merged = parent.merged(over: merged)
            merged.packs = merged.packs.map { resolve($0, parent.baseDirectory) }
        }
        var result = c.merged(over: merged)
        result.packs = merged.packs + c.packs.map { resolve($0, base) }
        result.profiles = c.profiles ?? merged.profiles
        return result
    }

    /// Loads one rule pack file.
    public static func loadPack(path: String) throws(ConfigError) -> RulePack {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, path: "", message: FileManager.default.fileExists(atPath: path) ? "rule pack cannot be read" : "rule pack not found")
        }
        return try RulePack.load([UInt8](data), origin: path)
    }
}
