/// Reads typed values out of a `JSONNode` and reports problems with the file, JSON path and position.
public struct NodeReader {
    public let file: String
    let lines: LineIndex

    public init(file: String, bytes: [UInt8]) {
        self.file = file
        lines = LineIndex(bytes)
    }

    public func error(_ path: String, _ node: JSONNode?, _ message: String) -> ConfigError {
        guard let node else { return ConfigError(file: file, path: path, message: message) }
        let p = lines.position(node.range.lowerBound)
        return ConfigError(file: file, path: path, message: message, line: p.line, column: p.column)
    }

    public func object(_ node: JSONNode, _ path: String) throws(ConfigError) -> [(key: String, keyRange: Range<Int>, value: JSONNode)] {
        guard case .object(let e) = node.kind else { throw error(path, node, "expected an object, found \(node.value.typeName)") }
        return e
    }

    public func array(_ node: JSONNode, _ path: String) throws(ConfigError) -> [JSONNode] {
        guard case .array(let a) = node.kind else { throw error(path, node, "expected an array, found \(node.value.typeName)") }
        return a
    }

    public func string(_ node: JSONNode, _ path: String) throws(ConfigError) -> String {
        guard let s = node.stringValue else { throw error(path, node, "expected a string, found \(node.value.typeName)") }
        return s
    }

    public func strings(_ node: JSONNode, _ path: String) throws(ConfigError) -> [String] {
        var out: [String] = []
        for (i, n) in try array(node, path).enumerated() { out.append(try string(n, "\(path)[\(i)]")) }
        return out
    }

    public func int(_ node: JSONNode, _ path: String) throws(ConfigError) -> Int {
        guard let v = node.value.intValue else { throw error(path, node, "expected an integer, found \(node.value.typeName)") }
        return v
    }
}

/// A rule pack: declarative rules in JSON, the same schema for the built-in packs in `Rules/packs/` and a team's
/// own house style (`Rules/schema.json` documents it).
public struct RulePack: Sendable {
    public var name: String
    public var description: String
    public var origin: String
    public var rules: [any Rule]

    /// Rule kinds a pack can declare, each mapped to a builder. Further kinds register here.
    nonisolated(unsafe) static var kinds: [String: @Sendable (PackRuleSpec, NodeReader) throws(ConfigError) -> any Rule] = [
        "existence": { spec, reader throws(ConfigError) in try PhraseRule(spec: spec, reader: reader, substitution: false) },
        "substitution": { spec, reader throws(ConfigError) in try PhraseRule(spec: spec, reader: reader, substitution: true) },
        "occurrence": { spec, reader throws(ConfigError) in try OccurrenceRule(spec: spec, reader: reader) },
        "required-section": { spec, reader throws(ConfigError) in try RequiredSectionRule(spec: spec, reader: reader) },
        "forbidden-section": { spec, reader throws(ConfigError) in try ForbiddenSectionRule(spec: spec, reader: reader) },
        "capitalization": { spec, reader throws(ConfigError) in try CapitalizationRule(spec: spec, reader: reader) },
        "pattern": { spec, reader throws(ConfigError) in try PatternRule(spec: spec, reader: reader) },
        "consistency": { spec, reader throws(ConfigError) in try ConsistencyRule(spec: spec, reader: reader) },
    ]

    /// The rule kinds a pack can declare.
    public static var kindNames: [String] { kinds.keys.sorted() }

    /// The error in a pack, or nil when it loads: for editors that show it as a diagnostic in the pack file
    /// (`ConfigError.line`/`column` are 1-based; `path` is the JSON path, e.g. `rules[2].pattern`).
    public static func diagnose(_ bytes: [UInt8], origin: String) -> ConfigError? {
        do {
            _ = try load(bytes, origin: origin)
            return nil
        } catch {
            return error
        }
    }

    /// Parses a pack. `origin` names it in messages (a file path, or `builtin:packs/x.json`). Never traps: every
    /// problem is a `ConfigError` with the file, JSON path, position and reason.
    public static func load(_ bytes: [UInt8], origin: String) throws(ConfigError) -> RulePack {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes, allowComments: true)
        } catch {
            throw ConfigError(file: origin, path: "", message: "invalid JSON: \(error.message)", line: error.line, column: error.column)
        }
        let r = NodeReader(file: origin, bytes: bytes)
        var pack = RulePack(name: "", description: "", origin: origin, rules: [])
        var seen = Set<String>()
        for (key, _, value) in try r.object(root, "") {
            switch key {
            case "$schema", "$comment", "source", "license", "notes": continue
            case "pack", "name": pack.name = try r.string(value, key)
            case "description": pack.description = try r.string(value, key)
            case "rules":
                for (i, node) in try r.array(value, "rules").enumerated() {
                    let spec = try PackRuleSpec(node, path: "rules[\(i)]", reader: r, origin: origin)
                    guard let build = kinds[spec.kind] else {
                        throw r.error("\(spec.path).kind", spec.node["kind"],
                                      "unknown rule kind \"\(spec.kind)\" (known: \(kinds.keys.sorted().joined(separator: ", ")))")
                    }
                    guard seen.insert(spec.id).inserted else { throw r.error("\(spec.path).id", spec.node["id"], "duplicate rule id \"\(spec.id)\"") }
                    pack.rules.append(try build(spec, r))
                }
            default:
                throw r.error(key, value, "unknown key \"\(key)\" (known keys: $schema, pack, description, source, license, notes, rules)")
            }
        }
        return pack
    }
}

/// The fields every pack rule shares, read and checked once.
public struct PackRuleSpec: Sendable {
    public var node: JSONNode
    public var path: String
    public var id: String
    public var kind: String
    public var meta: RuleMeta
    /// `{match}` and other placeholders are filled by the rule.
    public var message: String
    public var applicability: Applicability?

    static let commonKeys: Set<String> = ["id", "kind", "severity", "summary", "explanation", "message", "enabled", "examples", "fix",
                                          "applicability", "$comment"]

    init(_ node: JSONNode, path: String, reader r: NodeReader, origin: String) throws(ConfigError) {
        self.node = node
        self.path = path
        _ = try r.object(node, path)
        guard let idNode = node["id"] else { throw r.error(path, node, "missing \"id\"") }
        id = try r.string(idNode, "\(path).id")
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ p in !p.isEmpty && p.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } }) else {
            throw r.error("\(path).id", idNode, "rule ids look like \"category/kebab-name\" (lowercase letters, digits, hyphens), not \"\(id)\"")
        }
        guard let kindNode = node["kind"] else { throw r.error(path, node, "missing \"kind\"") }
        kind = try r.string(kindNode, "\(path).kind")
        var severity = Severity.warning
        if let s = node["severity"] {
            guard let sv = Severity(rawValue: try r.string(s, "\(path).severity")) else {
                throw r.error("\(path).severity", s, "expected info, warning or error")
            }
            severity = sv
        }
        message = try node["message"].map { n throws(ConfigError) in try r.string(n, "\(path).message") } ?? "“{match}”"
        let summary = try node["summary"].map { n throws(ConfigError) in try r.string(n, "\(path).summary") } ?? message
        let explanation = try node["explanation"].map { n throws(ConfigError) in try r.string(n, "\(path).explanation") } ?? summary
        var enabled = true
        if let e = node["enabled"] {
            guard case .bool(let b) = e.kind else { throw r.error("\(path).enabled", e, "expected true or false") }
            enabled = b
        }
        if let a = node["applicability"] ?? node["fix"] {
            let s = try r.string(a, "\(path).applicability")
            guard let ap = Applicability(rawValue: s) else { throw r.error("\(path).applicability", a, "expected safe, unsafe or display-only") }
            applicability = ap
        }
        var triggering: [RuleExample] = [], nonTriggering: [RuleExample] = [], corrections: [RuleCorrection] = []
        if let ex = node["examples"] {
            for (k, _, v) in try r.object(ex, "\(path).examples") {
                let p = "\(path).examples.\(k)"
                switch k {
                case "triggering", "nonTriggering", "non-triggering":
                    for (i, item) in try r.array(v, p).enumerated() {
                        let e = try PackRuleSpec.example(item, "\(p)[\(i)]", r)
                        if k == "triggering" { triggering.append(e) } else { nonTriggering.append(e) }
                    }
                case "corrections":
                    for (i, item) in try r.array(v, p).enumerated() {
                        let ip = "\(p)[\(i)]"
                        guard let input = item["input"], let output = item["output"] else { throw r.error(ip, item, "a correction needs \"input\" and \"output\"") }
                        var format = DocumentFormat.text
                        if let f = item["format"] {
                            guard let ff = DocumentFormat(rawValue: try r.string(f, "\(ip).format")) else { throw r.error("\(ip).format", f, "unknown format") }
                            format = ff
                        }
                        try PackRuleSpec.checkExampleKeys(item, ip, r, ["input", "output", "format", "options", "profiles"])
                        // The rule's fixes may default to unsafe; unsafe also applies safe fixes.
                        corrections.append(RuleCorrection(try r.string(input, "\(ip).input"), try r.string(output, "\(ip).output"), format: format,
                                                          applicability: .unsafe, options: try PackRuleSpec.options(item, ip, r),
                                                          profiles: try PackRuleSpec.profiles(item, ip, r)))
                    }
                default: throw r.error(p, v, "unknown key \"\(k)\" (known: triggering, nonTriggering, corrections)")
                }
            }
        }
        meta = RuleMeta(id: id, summary: summary, explanation: explanation, defaultSeverity: severity, enabledByDefault: enabled,
                        fix: applicability, triggering: triggering, nonTriggering: nonTriggering, corrections: corrections, origin: origin)
    }

    static func example(_ n: JSONNode, _ p: String, _ r: NodeReader) throws(ConfigError) -> RuleExample {
        if let s = n.stringValue { return RuleExample(s) }
        guard let t = n["text"] else { throw r.error(p, n, "an example is a string or {\"text\": …, \"format\": …}") }
        var format = DocumentFormat.text
        if let f = n["format"] {
            guard let ff = DocumentFormat(rawValue: try r.string(f, "\(p).format")) else { throw r.error("\(p).format", f, "unknown format") }
            format = ff
        }
        try checkExampleKeys(n, p, r, ["text", "format", "options", "profiles"])
        return RuleExample(try r.string(t, "\(p).text"), format: format, options: try options(n, p, r), profiles: try profiles(n, p, r))
    }

    static func checkExampleKeys(_ n: JSONNode, _ p: String, _ r: NodeReader, _ known: [String]) throws(ConfigError) {
        for (k, _, v) in try r.object(n, p) where !known.contains(k) {
            throw r.error("\(p).\(k)", v, "unknown key \"\(k)\" (known: \(known.joined(separator: ", ")))")
        }
    }

    static func options(_ n: JSONNode, _ p: String, _ r: NodeReader) throws(ConfigError) -> JSONObject {
        guard let o = n["options"] else { return JSONObject() }
        _ = try r.object(o, "\(p).options")
        return o.value.objectValue ?? JSONObject()
    }

    static func profiles(_ n: JSONNode, _ p: String, _ r: NodeReader) throws(ConfigError) -> [String] {
        guard let o = n["profiles"] else { return [] }
        return try r.strings(o, "\(p).profiles")
    }

    /// Rejects keys a kind does not know.
    public func checkKeys(_ allowed: Set<String>, _ r: NodeReader) throws(ConfigError) {
        guard case .object(let e) = node.kind else { return }
        for (k, _, v) in e where !PackRuleSpec.commonKeys.contains(k) && !allowed.contains(k) {
            throw r.error("\(path).\(k)", v, "unknown key \"\(k)\" for a rule of kind \(kind)")
        }
    }

    /// Fills `{name}` placeholders.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var s = template
        for (k, v) in values { s = s.replacing("{\(k)}", with: v) }
        return s
    }
}

/// `existence` (flag listed phrases) and `substitution` (phrase → preferred term, keeping case) rules.
struct PhraseRule: Rule {
    let meta: RuleMeta
    let matcher: PhraseMatcher
    /// For substitutions: replacement of each phrase (by tag); for existence: optional advice per phrase.
    let replacements: [String?]
    let phrases: [String]
    let message: String
    let substitution: Bool

    init(spec: PackRuleSpec, reader r: NodeReader, substitution: Bool) throws(ConfigError) {
        try spec.checkKeys(substitution ? ["swap", "ignoreCase"] : ["phrases", "ignoreCase", "advice"], r)
        var m = PhraseMatcher()
        var repl: [String?] = []
        var phrases: [String] = []
        if substitution {
            guard let swap = spec.node["swap"] else { throw r.error(spec.path, spec.node, "a substitution rule needs \"swap\": {\"phrase\": \"replacement\"}") }
            for (k, _, v) in try r.object(swap, "\(spec.path).swap") {
                let to = try r.string(v, "\(spec.path).swap.\(k)")
                guard m.add(k, tag: phrases.count) else { throw r.error("\(spec.path).swap.\(k)", v, "the phrase has no words") }
                phrases.append(k)
                repl.append(to)
            }
        } else {
            guard let list = spec.node["phrases"] else { throw r.error(spec.path, spec.node, "an existence rule needs \"phrases\": [...]") }
            for (i, p) in try r.strings(list, "\(spec.path).phrases").enumerated() {
                guard m.add(p, tag: phrases.count) else { throw r.error("\(spec.path).phrases[\(i)]", list, "the phrase has no words") }
                phrases.append(p)
                repl.append(nil)
            }
            if let advice = spec.node["advice"] {
                for (k, _, v) in try r.object(advice, "\(spec.path).advice") {
                    let s = try r.string(v, "\(spec.path).advice.\(k)")
                    for (i, p) in phrases.enumerated() where p.lowercased() == k.lowercased() { repl[i] = s }
                }
            }
        }
        var meta = spec.meta
        if substitution && meta.fix == nil { meta.fix = .safe }
        self.meta = meta
        matcher = m
        replacements = repl
        self.phrases = phrases
        message = spec.message
        self.substitution = substitution
    }

    func check(_ context: RuleContext, _ reporter: inout Reporter) {
        let a = context.analysis
        for match in matcher.matches(in: a) {
            let text = a.string(match.range)
            let r = replacements[match.tag]
            if substitution, let r {
                let rep = PhraseMatcher.matchCase(r, like: text)
                let msg = PackRuleSpec.fill(message, ["match": text, "replacement": rep])
                reporter.report(msg, prose: match.range,
                                fix: meta.fix.map { .replace(match.range, with: rep, title: "Replace with “\(rep)”", $0) })
            } else {
                let msg = PackRuleSpec.fill(message, ["match": text, "advice": r ?? ""])
                reporter.report(msg, prose: match.range)
            }
        }
    }
}

/// The packs embedded from `Rules/packs/`.
public enum BuiltinPacks {
    public static let packs: [RulePack] = RuleData.paths.filter { $0.hasPrefix("packs/") && $0.hasSuffix(".json") }.map { path in
        do {
            return try RulePack.load(Array(RuleData.text(path)!.utf8), origin: "Rules/\(path)")
        } catch {
            preconditionFailure("built-in pack \(error)")
        }
    }

    public static var rules: [any Rule] { packs.flatMap(\.rules) }
}
