/// Finds pay statements in a document's prose.
public enum PayParser {
    static let symbols: [(bytes: [UInt8], code: String)] = [
        (Array("$".utf8), "USD"), (Array("£".utf8), "GBP"), (Array("€".utf8), "EUR"),
    ]

    /// Every pay statement of the prose (first version: currency symbol followed by an amount).
    public static func parse(_ prose: Prose) -> [PayStatement] {
        let t = prose.text.bytes
        var out: [PayStatement] = []
        var i = 0
        let n = t.count
        while i < n {
            var matched: String?
            var symLen = 0
            for s in symbols where i + s.bytes.count <= n && t[i] == s.bytes[0] {
                if s.bytes.count == 1 || Array(t[i..<(i + s.bytes.count)]) == s.bytes { matched = s.code; symLen = s.bytes.count; break }
            }
            guard let code = matched, i + symLen < n, Bytes.isDigit(t[i + symLen]) else { i += 1; continue }
            var j = i + symLen
            var value = 0.0
            var fraction = -1.0
            while j < n {
                let c = t[j]
                if Bytes.isDigit(c) {
                    if fraction > 0 { value += Double(c - 0x30) * fraction; fraction /= 10 } else { value = value * 10 + Double(c - 0x30) }
                } else if c == 0x2C && j + 1 < n && Bytes.isDigit(t[j + 1]) && fraction < 0 {
                } else if c == 0x2E && j + 1 < n && Bytes.isDigit(t[j + 1]) && fraction < 0 {
                    fraction = 0.1
                } else { break }
                j += 1
            }
            let r = i..<j
            out.append(PayStatement(min: value, max: value, currency: code, period: nil, isRange: false, openEnded: false,
                                    proseRange: r, sourceRange: prose.text.sourceRange(r), amountRanges: [(i + symLen)..<j]))
            i = j
        }
        return out
    }
}
