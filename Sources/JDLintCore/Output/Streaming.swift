/// A formatter whose output is a header, one fragment per file (in output order) and a footer, so the CLI can write
/// each file's part as soon as it (and every file before it) is linted, and forget the document: memory stays flat
/// however many files are linted.
public protocol StreamableFormatter: OutputFormatter, Sendable {
    func header() -> String
    /// The part of one file; `index` is its position in the output (0 for the first).
    func fragment(_ report: FileReport, index: Int) -> String
    /// `fragment` as UTF-8 bytes (a formatter that writes bytes returns them without building a String: a long
    /// posting's JSON report is several times its size).
    func fragmentBytes(_ report: FileReport, index: Int) -> [UInt8]
    /// `fragmentBytes` in pieces, handed to `emit` as they are made, so a long posting's report (several times
    /// its size) is never held whole. The pieces joined are `fragmentBytes`.
    func fragmentChunks(_ report: FileReport, index: Int, emit: ([UInt8]) -> Void)
    /// The end, from every file's report without its document (`document == nil`).
    func footer(_ reports: [FileReport]) -> String
}

extension StreamableFormatter {
    public func fragmentBytes(_ report: FileReport, index: Int) -> [UInt8] { Array(fragment(report, index: index).utf8) }
    public func fragmentChunks(_ report: FileReport, index: Int, emit: ([UInt8]) -> Void) { emit(fragmentBytes(report, index: index)) }

    /// The whole output at once, identical to the streamed one.
    public func streamedFormat(_ reports: [FileReport]) -> String {
        var out = header()
        for (i, r) in reports.enumerated() { out += fragment(r, index: i) }
        var lite = reports
        for i in lite.indices { lite[i].document = nil; lite[i].analysis = nil }
        return out + footer(lite)
    }
}

extension JSONFormatter: StreamableFormatter {
    public func header() -> String { #"{"version":1,"files":["# }

    public func fragment(_ r: FileReport, index: Int) -> String {
        String(decoding: fragmentBytes(r, index: index), as: UTF8.self)
    }

    public func fragmentBytes(_ r: FileReport, index: Int) -> [UInt8] {
        var w = JSONWriter(capacity: 256 + r.diagnostics.count * 256)
        if index > 0 { w.bytes.append(.comma) }
        JSONFormatter.write(r, into: &w)
        return w.bytes
    }

    public func fragmentChunks(_ r: FileReport, index: Int, emit: ([UInt8]) -> Void) {
        let chunk = 1 << 16
        var w = JSONWriter(capacity: min(256 + r.diagnostics.count * 256, chunk + 4096))
        if index > 0 { w.bytes.append(.comma) }
        JSONFormatter.write(r, into: &w) { w in
            if w.bytes.count >= chunk {
                emit(w.bytes)
                w.bytes.removeAll(keepingCapacity: true)
            }
        }
        emit(w.bytes)
    }

    public func footer(_ reports: [FileReport]) -> String {
        "],\"summary\":" + JSONFormatter.summary(Summary(reports)).serialized() + "}\n"
    }

    /// One file entry, streamed (same bytes as `file(_:)` serialised).
    /// `afterEach` runs after each diagnostic (a streaming caller takes the bytes written so far).
    public static func write(_ r: FileReport, into w: inout JSONWriter, afterEach: (inout JSONWriter) -> Void = { _ in }) {
        w.beginObject()
        w.key("path"); w.string(r.path)
        if let e = r.error { w.key("error"); w.string(e) }
        w.key("diagnostics")
        w.beginArray()
        if let doc = r.document {
            for d in r.diagnostics {
                write(d, doc, into: &w)
                afterEach(&w)
            }
        }
        w.endArray()
        if !r.profileChoices.isEmpty {
            w.key("profiles")
            w.value(JSONFormatter.profiles(r.profileChoices))
        }
        w.endObject()
    }

    static func write(_ p: SourcePosition, into w: inout JSONWriter) {
        w.beginObject()
        w.key("line"); w.int(p.line)
        w.key("column"); w.int(p.column)
        w.key("offset"); w.int(p.offset)
        w.endObject()
    }

    static func write(_ r: SourceRange, _ doc: Document, into w: inout JSONWriter) {
        w.beginObject()
        w.key("start"); write(doc.position(r.lowerBound), into: &w)
        w.key("end"); write(doc.position(r.upperBound), into: &w)
        w.endObject()
    }

    public static func write(_ d: Diagnostic, _ doc: Document, into w: inout JSONWriter) {
        w.beginObject()
        w.key("rule"); w.string(d.rule)
        w.key("severity"); w.string(d.severity.rawValue)
        w.key("message"); w.string(d.message)
        w.key("range"); write(d.range, doc, into: &w)
        if let f = d.fix {
            w.key("fix")
            w.beginObject()
            w.key("title"); w.string(f.title)
            w.key("applicability"); w.string(f.applicability.rawValue)
            w.key("edits")
            w.beginArray()
            for e in f.edits {
                w.beginObject()
                w.key("range"); write(e.range, doc, into: &w)
                w.key("replacement"); w.string(e.replacement)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endObject()
    }
}
