/// Unified diffs (Myers' O(ND) algorithm over lines), for `--diff`.
public enum UnifiedDiff {
    /// Splits into lines that keep their terminators, so CRLF and a missing final newline survive.
    static func lines(_ b: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var s = 0
        var i = 0
        while i < b.count {
            if b[i] == .lineFeed || (b[i] == .carriageReturn && (i + 1 >= b.count || b[i + 1] != .lineFeed)) {
                out.append(b[s...i])
                s = i + 1
            }
            i += 1
        }
        if s < b.count { out.append(b[s..<b.count]) }
        return out
    }

    enum Op { case equal, delete, insert }

    static func diff(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [(Op, Int, Int)] {
        // Trim common prefix and suffix first: fixes touch few lines.
        var pre = 0
        while pre < a.count && pre < b.count && a[pre] == b[pre] { pre += 1 }
        var suf = 0
        while suf < a.count - pre && suf < b.count - pre && a[a.count - 1 - suf] == b[b.count - 1 - suf] { suf += 1 }
        let A = Array(a[pre..<(a.count - suf)]), B = Array(b[pre..<(b.count - suf)])
        let n = A.count, m = B.count
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        var found = false
        if max > 0 {
            outer: for d in 0...max {
                trace.append(v)
                var k = -d
                while k <= d {
                    var x: Int
                    if k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) { x = v[k + 1 + max] } else { x = v[k - 1 + max] + 1 }
                    var y = x - k
                    while x < n && y < m && A[x] == B[y] { x += 1; y += 1 }
                    v[k + max] = x
                    if x >= n && y >= m { found = true; break outer }
                    k += 2
                }
            }
        }
        var ops: [(Op, Int, Int)] = []
        if found {
            var x = n, y = m
            for d in stride(from: trace.count - 1, through: 0, by: -1) {
                let vv = trace[d]
                let k = x - y
                let prevK = (k == -d || (k != d && vv[k - 1 + max] < vv[k + 1 + max])) ? k + 1 : k - 1
                let prevX = vv[prevK + max]
                let prevY = prevX - prevK
                while x > prevX && y > prevY { ops.append((.equal, x - 1, y - 1)); x -= 1; y -= 1 }
                if d > 0 {
                    if x == prevX { ops.append((.insert, x, y - 1)) } else { ops.append((.delete, x - 1, y)) }
                }
                x = prevX
                y = prevY
            }
            ops.reverse()
        }
        var full: [(Op, Int, Int)] = (0..<pre).map { (.equal, $0, $0) }
        full += ops.map { ($0.0, $0.1 + pre, $0.2 + pre) }
        full += (0..<suf).map { (.equal, a.count - suf + $0, b.count - suf + $0) }
        return full
    }

    /// A unified diff with 3 lines of context; empty when the texts are equal.
    public static func make(_ old: [UInt8], _ new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        let ops = diff(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var i = 0
        while i < ops.count {
            guard ops[i].0 != .equal else { i += 1; continue }
            var start = max(0, i - context)
            var end = i
            // Extend the hunk while changes are within 2*context of each other.
            var j = i
            while j < ops.count {
                if ops[j].0 != .equal { end = j; j += 1; continue }
                var k = j
                while k < ops.count && ops[k].0 == .equal { k += 1 }
                if k < ops.count && k - j <= 2 * context { j = k; continue }
                break
            }
            let hunkEnd = min(ops.count, end + context + 1)
            start = max(0, start)
            let slice = ops[start..<hunkEnd]
            let oldStart = slice.first { $0.0 != .insert }.map { $0.1 } ?? (slice.first!.1)
            let newStart = slice.first { $0.0 != .delete }.map { $0.2 } ?? (slice.first!.2)
            let oldCount = slice.filter { $0.0 != .insert }.count
            let newCount = slice.filter { $0.0 != .delete }.count
            out += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for (op, x, y) in slice {
                let (prefix, line) = op == .equal ? (" ", a[x]) : op == .delete ? ("-", a[x]) : ("+", b[y])
                // Lines keep their bytes, a CR before the LF included (as `diff` prints them), so the diff applies
                // with `patch`/`git apply` and reproduces CRLF files exactly.
                var bytes = Array(line)
                var noNewline = false
                if bytes.last == .lineFeed || bytes.last == .carriageReturn { bytes.removeLast() } else { noNewline = true }
                out += prefix + String(decoding: bytes, as: UTF8.self) + "\n"
                if noNewline { out += "\\ No newline at end of file\n" }
            }
            i = hunkEnd
        }
        return out
    }
}
