/// The kind of list a heading introduces (`requirements/too-many` counts the items of `required` lists).
enum ListKind: Sendable { case required, optional, duties, other }

/// What kind of list a heading introduces: the catalogue's `listKinds` (`Rules/sections.json`, where each list's
/// meaning is said), marks matched as substrings of the lower-cased heading, and its parts.
extension SectionCatalog {
    /// The marks of `listKinds`, as bytes.
    struct ListMarks: Sendable {
        var optional: [[UInt8]]
        var required: [[UInt8]]
        var duties: [[UInt8]]
        var notDuties: [[UInt8]]
        var conditions: [[UInt8]]
        /// Ids of the parts whose headings' lists are never requirements, whatever heading encloses them.
        var otherParts: Set<String>
    }

    static let listMarks: ListMarks = {
        let kinds = source["listKinds"]
        func words(_ key: String) -> [String] {
            guard let items = kinds?[key]?.arrayValue else { preconditionFailure("Rules/sections.json: listKinds has no list \"\(key)\"") }
            return items.compactMap(\.stringValue)
        }
        func marks(_ key: String) -> [[UInt8]] { words(key).map { Array($0.utf8) } }
        let otherParts = Set(words("otherParts"))
        for id in otherParts where byID[id] == nil { preconditionFailure("Rules/sections.json: listKinds.otherParts names no part \"\(id)\"") }
        return ListMarks(optional: marks("optional"), required: marks("required"), duties: marks("duties"),
                         notDuties: marks("notDuties"), conditions: marks("conditions"), otherParts: otherParts)
    }()

    /// The kind of list a label introduces, from its marks alone (a heading, a lead-in paragraph, a list item that
    /// ends in a colon).
    static func listKind(of label: String) -> ListKind {
        // Bytes, not String searches (about 60 marks a heading): an ASCII heading lower-cased byte by byte, any other
        // through Unicode lower case, with ’ as '.
        let h: [UInt8] = label.utf8.allSatisfy { $0 < 0x80 } ? label.utf8.map(Bytes.lower)
            : Array(label.lowercased().replacing("’", with: "'").utf8)
        let m = listMarks
        func any(_ marks: [[UInt8]]) -> Bool { marks.contains { Bytes.contains(h, $0) } }
        let optional = any(m.optional)
        // A long heading that is a sentence ("… is a trust that truly cares about you.") is not a section label.
        var n = 0
        for c in h where c == .space { n += 1 }
        if n >= 9 && h.last != .colon && !optional { return .other }
        if optional { return .optional }
        if any(m.duties) && !any(m.notDuties) { return .duties }
        if any(m.required) { return .required }
        return .other
    }

    /// The kind of list a heading introduces and, for a heading of no kind of its own, whether its lists take the
    /// kind of the heading that encloses it: not when it names another part of the posting (benefits, pay, how to
    /// apply…) or has a condition mark (conditions of employment, application instructions).
    static func listHeading(_ text: String) -> (kind: ListKind, inherits: Bool) {
        let kind = listKind(of: text)
        guard kind == .other else { return (kind, false) }
        let m = listMarks
        let ids = parts(forHeading: PhraseText(Array(text.utf8)[...]))
        if ids.contains(where: { m.otherParts.contains($0) }) { return (.other, false) }
        let h = text.utf8.map(Bytes.lower)
        if m.conditions.contains(where: { Bytes.contains(h, $0) }) { return (.other, false) }
        return (.other, true)
    }
}
