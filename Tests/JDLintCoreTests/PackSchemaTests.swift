import Foundation
import Testing
@testable import JDLintCore

/// Every built-in pack (`Rules/packs/*.json`) and every example pack is checked against `Rules/schema.json` by a
/// small validator of the JSON Schema keywords the schema uses (the e2e suite `Tests/e2e/packs` runs the
/// reference `jsonschema` validator too), and structurally by the loader.
@Suite struct PackSchemaTests {
    static let schema: JSONValue = try! JSONParser.parseValue(PackFiles.bytes("Rules/schema.json"))
    static let packs = PackFiles.files("Rules/packs") + PackFiles.files("Examples/packs")

    /// A JSON Schema (2020-12) validator for the keywords `Rules/schema.json` uses; an unknown keyword fails, so
    /// the schema cannot silently outgrow it.
    struct Validator {
        let root: JSONValue
        var errors: [String] = []

        static let annotations: Set<String> = ["$schema", "$id", "$defs", "$comment", "title", "description", "then"]

        func resolve(_ ref: String) -> JSONValue? {
            guard ref.hasPrefix("#/") else { return nil }
            var v: JSONValue? = root
            for part in ref.dropFirst(2).split(separator: "/") { v = v?[String(part)] }
            return v
        }

        static func type(_ v: JSONValue) -> String {
            switch v {
            case .int: return "integer"
            case .double: return "number"
            default: return v.typeName
            }
        }

        /// Errors of `value` at `path` against `schema` (empty: valid).
        func check(_ value: JSONValue, _ schema: JSONValue, _ path: String) -> [String] {
            guard let s = schema.objectValue else { return schema == .bool(false) ? ["\(path): not allowed"] : [] }
            var out: [String] = []
            for (k, kw) in s {
                switch k {
                case _ where Validator.annotations.contains(k): continue
                case "$ref":
                    guard let target = resolve(kw.stringValue ?? "") else { out.append("bad $ref \(kw)"); continue }
                    out += check(value, target, path)
                case "type":
                    let t = Validator.type(value)
                    let ok = kw.stringValue == t || (kw.stringValue == "number" && t == "integer")
                    if !ok { out.append("\(path): expected \(kw.stringValue ?? "?"), found \(t)") }
                case "enum":
                    if !(kw.arrayValue ?? []).contains(value) { out.append("\(path): \(value.serialized()) is not one of \(kw.serialized())") }
                case "const":
                    if value != kw { out.append("\(path): expected \(kw.serialized())") }
                case "required":
                    guard let o = value.objectValue else { continue }
                    for r in kw.arrayValue ?? [] where o[r.stringValue ?? ""] == nil { out.append("\(path): missing \(r.stringValue ?? "")") }
                case "properties", "additionalProperties":
                    guard let o = value.objectValue else { continue }
                    let props = s["properties"]?.objectValue ?? JSONObject()
                    for (name, v) in o {
                        if let ps = props[name] {
                            if k == "properties" { out += check(v, ps, "\(path).\(name)") }
                        } else if k == "additionalProperties" {
                            out += check(v, kw, "\(path).\(name)")
                        }
                    }
                case "items":
                    for (i, v) in (value.arrayValue ?? []).enumerated() { out += check(v, kw, "\(path)[\(i)]") }
                case "minItems":
                    if let a = value.arrayValue, a.count < (kw.intValue ?? 0) { out.append("\(path): fewer than \(kw.intValue ?? 0) items") }
                case "minProperties":
                    if let o = value.objectValue, o.count < (kw.intValue ?? 0) { out.append("\(path): fewer than \(kw.intValue ?? 0) properties") }
                case "minLength":
                    if let str = value.stringValue, str.count < (kw.intValue ?? 0) { out.append("\(path): shorter than \(kw.intValue ?? 0)") }
                case "minimum":
                    if let d = value.doubleValue, d < (kw.doubleValue ?? 0) { out.append("\(path): below \(kw.serialized())") }
                case "maximum":
                    if let d = value.doubleValue, d > (kw.doubleValue ?? 0) { out.append("\(path): above \(kw.serialized())") }
                case "pattern":
                    if let str = value.stringValue, str.range(of: kw.stringValue ?? "", options: .regularExpression) == nil {
                        out.append("\(path): “\(str)” does not match \(kw.stringValue ?? "")")
                    }
                case "allOf":
                    for sub in kw.arrayValue ?? [] { out += check(value, sub, path) }
                case "anyOf":
                    if !(kw.arrayValue ?? []).contains(where: { check(value, $0, path).isEmpty }) { out.append("\(path): matches none of anyOf") }
                case "oneOf":
                    let n = (kw.arrayValue ?? []).filter { check(value, $0, path).isEmpty }.count
                    if n != 1 { out.append("\(path): matches \(n) of oneOf, expected exactly 1") }
                case "not":
                    if check(value, kw, path).isEmpty { out.append("\(path): must not match \(kw.serialized())") }
                case "if":
                    if check(value, kw, path).isEmpty, let then = s["then"] { out += check(value, then, path) }
                default:
                    out.append("validator: unsupported keyword \(k)")
                }
            }
            return out
        }
    }

    func errors(_ json: String) throws -> [String] {
        let v = try JSONParser.parseValue(Array(json.utf8), allowComments: true)
        return Validator(root: Self.schema).check(v, Self.schema, "$")
    }

    @Test(arguments: packs)
    func packMatchesTheSchema(_ file: String) throws {
        let v = try JSONParser.parseValue(PackFiles.bytes(file), allowComments: true)
        for e in Validator(root: Self.schema).check(v, Self.schema, "$") { Issue.record("\(file): \(e)") }
    }

    @Test(arguments: packs)
    func packLoadsStructurally(_ file: String) throws {
        let pack = try RulePack.load(PackFiles.bytes(file), origin: file)
        #expect(!pack.rules.isEmpty)
        for r in pack.rules {
            let m = r.meta
            #expect(!m.summary.isEmpty && m.explanation.count >= m.summary.count, "\(m.id): summary and explanation")
            #expect(!m.triggering.isEmpty && !m.nonTriggering.isEmpty, "\(m.id): triggering and non-triggering examples")
            if let f = m.fix, f != .displayOnly { #expect(!m.corrections.isEmpty, "\(m.id): a correction for the fix") }
            #expect(m.origin == file)
        }
    }

    @Test func builtinPacksAreEmbedded() {
        let files = PackFiles.files("Rules/packs").map { String($0.dropFirst("Rules/".count)) }
        #expect(files == RuleData.paths.filter { $0.hasPrefix("packs/") && $0.hasSuffix(".json") })
        #expect(BuiltinPacks.packs.count == files.count)
    }

    /// The schema rejects what the loader rejects (and the validator can fail).
    @Test func schemaRejectsBadPacks() throws {
        #expect(try errors("{\"rules\": []}").isEmpty)
        #expect(!(try errors("{\"rules\": [{\"id\": \"a/b\", \"kind\": \"existence\"}]}")).isEmpty)  // no phrases
        #expect(!(try errors("{\"rules\": [{\"id\": \"a/b\", \"kind\": \"magic\"}]}")).isEmpty)
        #expect(!(try errors("{\"rules\": [{\"id\": \"A B\", \"kind\": \"existence\", \"phrases\": [\"x\"]}]}")).isEmpty)
        #expect(!(try errors("{\"rules\": [{\"id\": \"a/b\", \"kind\": \"existence\", \"phrases\": [\"x\"], \"swap\": {}}]}")).isEmpty)
        #expect(!(try errors("{\"rules\": [{\"id\": \"a/b\", \"kind\": \"occurrence\", \"phrases\": [\"x\"]}]}")).isEmpty)  // no max/min
        #expect(!(try errors("{\"rules\": [{\"id\": \"a/b\", \"kind\": \"capitalization\", \"style\": \"upper\"}]}")).isEmpty)
        #expect(!(try errors("{\"rules\": [], \"extra\": true}")).isEmpty)
        #expect(try errors("{\"rules\": [{\"id\": \"a/b\", \"kind\": \"consistency\", \"either\": [\"a\", \"b\"]}]}").isEmpty)
        #expect(try errors("{\"rules\": [{\"id\": \"a/b\", \"kind\": \"consistency\", \"either\": [[\"a\", \"b\"], [\"c\", \"d\"]]}]}").isEmpty)
    }

    /// Every kind the loader knows is documented in the schema, and no other.
    @Test func schemaDocumentsEveryKind() {
        let kinds = Self.schema["$defs"]?["rule"]?["properties"]?["kind"]?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(kinds.sorted() == RulePack.kindNames)
    }
}
