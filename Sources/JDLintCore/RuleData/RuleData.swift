/// Access to the rule data of `Rules/`, embedded in the binary (see `scripts/generate`).
public enum RuleData {
    /// Paths (relative to `Rules/`) of every embedded file, sorted.
    public static var paths: [String] { EmbeddedRules.files.keys.sorted() }

    /// The embedded text of a file of `Rules/` (e.g. `sections.json`).
    public static func text(_ path: String) -> String? { EmbeddedRules.files[path] }

    /// Parses an embedded JSON file (comments allowed). Built-in data is tested, so a failure is a build bug.
    public static func json(_ path: String) -> JSONValue {
        guard let text = EmbeddedRules.files[path] else { preconditionFailure("Rules/\(path) is not embedded") }
        do {
            return try JSONParser.parseValue(Array(text.utf8), allowComments: true)
        } catch {
            preconditionFailure("Rules/\(path): \(error)")
        }
    }

    /// Lower-cased strings of an array under `key` of an embedded JSON file.
    public static func strings(_ path: String, _ key: String) -> [String] {
        json(path)[key]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
