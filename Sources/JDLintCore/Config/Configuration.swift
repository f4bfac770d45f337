/// A configuration problem, naming the file, the JSON path of the key and the reason.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// JSON path of the offending value (`rules.grammar/indefinite-article`), empty for the whole file.
    public var path: String
    public var message: String
    /// 1-based position in the file, when known.
    public var line: Int?
    public var column: Int?

    public init(file: String, path: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.path = path
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        s += ": "
        if !path.isEmpty { s += "\(path): " }
        return s + message
    }
}

/// What the configuration says about one rule (or a category of rules).
public struct RuleSetting: Sendable, Equatable {
    /// `false` turns the rule off, `true` on, `nil` leaves the default.
    public var enabled: Bool?
    public var severity: Severity?
    public var options: JSONObject

    public init(enabled: Bool? = nil, severity: Severity? = nil, options: JSONObject = JSONObject()) {
        self.enabled = enabled
        self.severity = severity
        self.options = options
    }
}

/// A parsed `.jdlint.json` (or several merged through `extends`).
public struct Configuration: Sendable {
    /// Rule settings keyed by rule id or category (`grammar`, `grammar/`), in file order.
    public var rules: [(pattern: String, setting: RuleSetting)] = []
    /// Where values sit in the file, by JSON path (`rules.ID`, `rules.ID.OPTION`, `profiles[0]`), for messages
    /// that `validate` gives after parsing.
    public var positions: [String: (line: Int, column: Int)] = [:]
    /// The key the file used for its profiles (`profile` or `profiles`).
    public var profilesKey = "profiles"
    /// Glob patterns of paths to skip, relative to `baseDirectory`.
    public var ignore: [String] = []
    public var profiles: [String]? = nil
    /// What the posting cannot show about the employer (`"employer": {"size": 40, "states": ["NY"]}`), for the
    /// pay-transparency laws under `--profile auto`.
    public var employer: Employer? = nil
    /// Rule-pack paths, relative to `baseDirectory`.
    public var packs: [String] = []
    /// `extends` entries, relative to `baseDirectory` (resolved by the loader).
    public var extends: [String] = []
    /// Extra LSP language ids to lint.
    public var languages: [String] = []
    /// Directory the relative paths of this configuration are relative to.
    public var baseDirectory: String = "."
    /// The file it came from (for messages).
    public var file: String = "<defaults>"

    public init() {}

    public static let knownKeys: Set<String> = ["$schema", "extends", "rules", "ignore", "profile", "profiles", "packs", "languages", "employer"]

    /// Parses configuration JSON (comments allowed). Rule ids are checked later against a registry.
    public static func parse(_ bytes: [UInt8], file: String, baseDirectory: String) throws(ConfigError) -> Configuration {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes, allowComments: true)
        } catch {
            throw ConfigError(file: file, path: "", message: "invalid JSON: \(error.message)", line: error.line, column: error.column)
        }
        let reader = Reader(file: file, lines: LineIndex(bytes))
        guard case .object(let entries) = root.kind else {
            throw reader.error("", root, "the configuration must be a JSON object, not \(root.value.typeName)")
        }
        var c = Configuration()
        c.file = file
        c.baseDirectory = baseDirectory
        for (key, _, node) in entries {
            switch key {
            case "$schema": continue
            case "extends": c.extends = try reader.strings(key, node)
            case "ignore": c.ignore = try reader.strings(key, node)
            case "packs": c.packs = try reader.strings(key, node)
            case "languages": c.languages = try reader.strings(key, node)
            case "profile", "profiles":
                c.profiles = try reader.strings(key, node)
                c.profilesKey = key
                if case .array(let items) = node.kind {
                    for (i, item) in items.enumerated() { c.positions["\(key)[\(i)]"] = reader.position(item) }
                } else {
                    c.positions["\(key)[0]"] = reader.position(node)
                }
            case "employer": c.employer = try parseEmployer(node, reader)
            case "rules":
                guard case .object(let ruleEntries) = node.kind else {
                    throw reader.error(key, node, "expected an object of rule id → setting, found \(node.value.typeName)")
                }
                for (id, _, value) in ruleEntries {
                    c.rules.append((id, try parseRuleSetting(id, value, reader, &c.positions)))
                }
            default:
                let p = reader.lines.position(node.range.lowerBound)
                throw ConfigError(file: file, path: key, message: "unknown key \"\(key)\" (known keys: \(knownKeys.sorted().joined(separator: ", ")))",
                                  line: p.line, column: p.column)
            }
        }
        return c
    }

    /// The file being parsed and its lines: where a value is, and the error that points at it.
    struct Reader {
        let file: String
        let lines: LineIndex

        func error(_ path: String, _ node: JSONNode, _ msg: String) -> ConfigError {
            let p = lines.position(node.range.lowerBound)
            return ConfigError(file: file, path: path, message: msg, line: p.line, column: p.column)
        }

        func position(_ node: JSONNode) -> (line: Int, column: Int) {
            let p = lines.position(node.range.lowerBound)
            return (p.line, p.column)
        }

        /// A string or an array of strings.
        func strings(_ key: String, _ node: JSONNode) throws(ConfigError) -> [String] {
            switch node.kind {
            case .string(let s, _): return [s]
            case .array(let items):
                var out: [String] = []
                for (i, item) in items.enumerated() {
                    guard let s = item.stringValue else { throw error("\(key)[\(i)]", item, "expected a string, found \(item.value.typeName)") }
                    out.append(s)
                }
                return out
            default: throw error(key, node, "expected a string or an array of strings, found \(node.value.typeName)")
            }
        }
    }

    /// `"employer": {"size": 40, "states": ["NY"]}`.
    static func parseEmployer(_ node: JSONNode, _ reader: Reader) throws(ConfigError) -> Employer {
        guard case .object(let fields) = node.kind else {
            throw reader.error("employer", node, "expected an object such as {\"size\": 40, \"states\": [\"NY\"]}, found \(node.value.typeName)")
        }
        var e = Employer()
        for (k, _, v) in fields {
            switch k {
            case "size":
                guard let n = v.value.intValue, n >= 1, v.value.doubleValue == Double(n) else {
                    throw reader.error("employer.size", v, "expected the number of employees (a whole number, 1 or more), found \(v.value.serialized())")
                }
                e.size = n
            case "states":
                let list = try reader.strings("employer.states", v)
                for (i, st) in list.enumerated() where st.count < 2 || !st.utf8.allSatisfy(Bytes.isASCIILetter) {
                    throw reader.error("employer.states[\(i)]", v, "expected a region or country code such as \"NY\", \"CO\", \"ON\" or \"DE\", found \"\(st)\"")
                }
                e.states = list.map { $0.uppercased() }
            default:
                let hint = closest(to: k, among: ["size", "states"]) { max(2, $0.count / 3) }.map { " (did you mean \"\($0)\"?)" } ?? ""
                throw reader.error("employer.\(k)", v, "unknown key \"\(k)\"\(hint); employer has size and states")
            }
        }
        return e
    }

    /// One entry of `"rules"`: a level (`"warning"`), `true`/`false`, or an object of severity, enabled and options.
    /// Records where each value is in `positions`.
    static func parseRuleSetting(_ id: String, _ value: JSONNode, _ reader: Reader,
                                 _ positions: inout [String: (line: Int, column: Int)]) throws(ConfigError) -> RuleSetting {
        let path = "rules.\(id)"
        positions[path] = reader.position(value)
        var setting = RuleSetting()
        switch value.kind {
        case .string(let s, _):
            guard let lv = parseLevel(s) else {
                throw reader.error(path, value, "expected one of off, on, info, warning, error; found \"\(s)\"\(levelHint(s))")
            }
            setting = lv
        case .bool(let b):
            setting.enabled = b
        case .object(let props):
            for (pk, _, pv) in props {
                positions["\(path).\(pk)"] = reader.position(pv)
                switch pk {
                case "severity", "level":
                    guard let s = pv.stringValue, let lv = parseLevel(s) else {
                        let found = pv.stringValue.map { "\"\($0)\"\(levelHint($0))" } ?? "\(pv.value.serialized()) (\(pv.value.typeName))"
                        throw reader.error("\(path).\(pk)", pv, "expected one of off, on, info, warning, error; found \(found)")
                    }
                    setting.enabled = lv.enabled
                    setting.severity = lv.severity
                case "enabled":
                    guard case .bool(let b) = pv.kind else { throw reader.error("\(path).enabled", pv, "expected true or false") }
                    setting.enabled = b
                case "options":
                    guard case .object = pv.kind, let o = pv.value.objectValue else {
                        throw reader.error("\(path).options", pv, "expected an object")
                    }
                    for e in o { setting.options[e.key] = e.value }
                    if case .object(let inner) = pv.kind {
                        for (ok, _, ov) in inner { positions["\(path).\(ok)"] = reader.position(ov) }
                    }
                default:
                    setting.options[pk] = pv.value  // options may sit beside severity
                }
            }
        default:
            throw reader.error(path, value, "expected \"off\", \"on\", a severity or an object, found \(value.value.typeName)")
        }
        return setting
    }

    /// ` (did you mean "warning"?)` for a misspelt severity (`warnign`), empty otherwise.
    static func levelHint(_ s: String) -> String {
        closest(to: s.lowercased(), among: ["off", "on", "info", "warning", "error"]) { max(1, $0.count / 3) }.map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    static func parseLevel(_ s: String) -> RuleSetting? {
        switch s.lowercased() {
        case "off", "false", "disabled": return RuleSetting(enabled: false)
        case "on", "true", "enabled": return RuleSetting(enabled: true)
        case "info", "hint", "information": return RuleSetting(enabled: true, severity: .info)
        case "warning", "warn": return RuleSetting(enabled: true, severity: .warning)
        case "error": return RuleSetting(enabled: true, severity: .error)
        default: return nil
        }
    }

    /// This configuration laid over `base` (this one wins).
    public func merged(over base: Configuration) -> Configuration {
        var c = base
        c.rules.append(contentsOf: rules)
        c.ignore.append(contentsOf: ignore)
        if let p = profiles { c.profiles = p }
        if let e = employer { c.employer = e }
        c.packs.append(contentsOf: packs)
        c.languages.append(contentsOf: languages)
        c.file = file
        c.baseDirectory = baseDirectory
        c.extends = []
        return c
    }

    /// Checks every rule id or category against the registry, and every option against the options its rules
    /// declare (with a "did you mean" for a misspelt name, `sevrity` included).
    public func validate(against registry: RuleRegistry) throws(ConfigError) {
        if let first = problems(against: registry).first { throw first }
    }

    /// Every problem `validate` checks for, in file order (the first is the one `validate` throws): unknown rule
    /// ids and categories, unknown options, options of the wrong type. The language server shows them all.
    public func problems(against registry: RuleRegistry) -> [ConfigError] {
        func error(_ path: String, _ message: String) -> ConfigError {
            let p = positions[path]
            return ConfigError(file: file, path: path, message: message, line: p?.line, column: p?.column)
        }
        var found: [ConfigError] = []
        for (pattern, setting) in rules {
            guard registry.matchesAny(pattern) else {
                let suggestion = registry.closestID(to: pattern).map { " (did you mean \"\($0)\"?)" } ?? ""
                found.append(error("rules.\(pattern)", "unknown rule or category \"\(pattern)\"\(suggestion)"))
                continue
            }
            let metas = registry.rules.map(\.meta).filter { RuleRegistry.matches($0.id, pattern) }
            var known: [String] = []
            for m in metas { for o in m.options where !known.contains(o.name) { known.append(o.name) } }
            for o in setting.options where !known.contains(o.key) {
                let hint = closest(to: o.key, among: known + ["severity", "enabled", "options"]) { max(2, $0.count / 3) }
                    .map { " (did you mean \"\($0)\"?)" } ?? ""
                let list = known.isEmpty ? "it has no options" : "its options: \(known.joined(separator: ", "))"
                found.append(error("rules.\(pattern).\(o.key)", "unknown option \"\(o.key)\" for \(pattern)\(hint); \(list)"))
            }
            // Values are checked against the declared type (of every rule the pattern covers that declares it).
            for o in setting.options {
                for m in metas {
                    guard let declared = m.options.first(where: { $0.name == o.key }), !declared.type.accepts(o.value) else { continue }
                    let given = o.value.stringValue.map { "the string \"\($0)\"" } ?? "\(o.value.serialized()) (\(o.value.typeName))"
                    found.append(error("rules.\(pattern).\(o.key)", "option \"\(o.key)\" of \(m.id) expects \(declared.type.description); found \(given)"))
                    break
                }
            }
        }
        return found
    }

    /// The effective setting of a rule: its defaults, then matching categories, then its exact id.
    public func effective(_ meta: RuleMeta) -> (enabled: Bool, severity: Severity, options: JSONObject) {
        var enabled = meta.enabledByDefault
        var severity = meta.defaultSeverity
        var options = JSONObject()
        for exact in [false, true] {
            for (pattern, s) in rules where RuleRegistry.matches(meta.id, pattern) && (pattern == meta.id) == exact {
                if let e = s.enabled { enabled = e }
                if let sv = s.severity { severity = sv }
                for o in s.options { options[o.key] = o.value }
            }
        }
        return (enabled, severity, options)
    }
}
