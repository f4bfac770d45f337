/// Small helpers shared by the output formats (no Foundation: escaping and encoding by hand).
enum OutputSupport {
    /// What XML attribute values and the HTML report's XHTML text write differently (`xml(_:_:)`).
    enum XMLStyle {
        /// JUnit and checkstyle attributes: tab, LF and CR as character references (a parser normalises them to
        /// spaces otherwise), `'` as `&apos;`, and the C1 controls XML 1.0 discourages replaced too.
        case attribute
        /// The HTML report: whitespace as it is, `'` as `&#39;`, C1 controls other than DEL kept.
        case page
    }

    /// Text for XML attribute values and character data: `& < > " '` escaped, and characters XML 1.0 forbids
    /// (C0 controls other than tab, LF, CR; DEL; U+FFFE/U+FFFF) replaced by U+FFFD so parsers never choke.
    static func xml(_ s: String, _ style: XMLStyle = .attribute) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        let attribute = style == .attribute
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += attribute ? "&apos;" : "&#39;"
            case "\t", "\n", "\r":
                if attribute { out += "&#\(u.value);" } else { out.unicodeScalars.append(u) }
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0xFFFE || u.value == 0xFFFF
                    || (attribute && ((0x80...0x84).contains(u.value) || (0x86...0x9F).contains(u.value))) {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// A relative or absolute path as a URI reference (RFC 3986): unreserved characters and `/` kept, the rest
    /// percent-encoded as UTF-8; absolute paths become `file://` URIs.
    static func uri(_ path: String) -> String {
        var p = path
        if p.hasPrefix("./") { p.removeFirst(2) }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in p.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(b)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            }
        }
        let s = String(decoding: out, as: UTF8.self)
        return path.hasPrefix("/") ? "file://" + s : s
    }

    /// 64-bit FNV-1a as 16 hex digits (stable fingerprints).
    static func fnv(_ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, p) in parts.enumerated() {
            if i > 0 { h = (h ^ 0x1F) &* 0x100_0000_01b3 }
            for b in p.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((h >> UInt64(shift)) & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// 1-based line and 1-based column in UTF-8 bytes (reviewdog's columns).
    static func bytePosition(_ offset: Int, _ doc: Document) -> (line: Int, column: Int) {
        let p = doc.lines.utf8Position(offset)
        return (p.line + 1, p.character + 1)
    }
}
