import JDLintCore

/// Linters made once and shared, by what decides them: the CLI's by resolved configuration (`jdlint` lints files on
/// every core, which ask at once), `jdlint batch`'s by profile selection, the language server's by configuration (a
/// linter with the configuration the client's settings are laid over). The entry can hold more than the linter.
/// Emptied when the configuration changes (`removeAll`). Here, beside `ResolvedConfig` and `Locked`, because the
/// CLI and the server share it and the core has neither.
public final class LinterCache<Key: Hashable & Sendable, Entry: Sendable>: Sendable {
    private let entries = Locked<[Key: Entry]>([:])

    public init() {}

    /// The entry for `key`, made by `make` the first time. `make` runs under the lock: each entry is made once.
    public func entry(_ key: Key, make: () throws -> Entry) rethrows -> Entry {
        try entries.withLock { entries in
            if let e = entries[key] { return e }
            let e = try make()
            entries[key] = e
            return e
        }
    }

    public func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}

extension LinterCache where Key == [String], Entry == Linter {
    /// The linter of a resolved configuration (by the files it was read from), with the run's settings and rule
    /// selection.
    public func linter(for config: ResolvedConfig, settings: LintSettings, select: [String] = [], ignore: [String] = []) -> Linter {
        entry(config.files) {
            Linter(registry: config.registry, configuration: config.configuration, settings: settings, select: select, ignore: ignore)
        }
    }
}
