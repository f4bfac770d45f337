/// Small string helpers, so the core needs no Foundation.
extension String {
    /// Replaces every occurrence of `target` with `replacement`.
    public func replacing(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        let s = Array(utf8), t = Array(target.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == t[0] && i + t.count <= s.count && Array(s[i..<(i + t.count)]) == t {
                out.append(contentsOf: replacement.utf8)
                i += t.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `self` contains `other` (byte comparison, no allocation for native strings).
    public func containsBytes(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { s in b.withUTF8 { t in Bytes.contains(s, t) } }
    }
}

extension StringProtocol {
    /// Without leading and trailing white space (and any of `extra`).
    var trimmed: String { trimmed(extra: "") }

    func trimmed(extra: String) -> String {
        let b = Array(utf8)
        let x = Array(extra.utf8)
        var lo = 0, hi = b.count
        while lo < hi && (Bytes.isWhitespace(b[lo]) || x.contains(b[lo])) { lo += 1 }
        while hi > lo && (Bytes.isWhitespace(b[hi - 1]) || x.contains(b[hi - 1])) { hi -= 1 }
        return String(decoding: b[lo..<hi], as: UTF8.self)
    }
}
