// Benchmark of the pack pattern language (benchmarks/patterns/run builds and runs it): adversarial patterns —
// the ones that make backtracking engines exponential or quadratic — over adversarial inputs of growing size.
// Time per MB must stay flat as the input grows: matching is linear in the input.
import Foundation
setvbuf(stdout, nil, _IOLBF, 0)

struct Case {
    var name: String
    var pattern: [String]
    var input: (Int) -> [UInt8]
}

func repeated(_ unit: String, _ bytes: Int) -> [UInt8] {
    let u = Array(unit.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes)
    while out.count < bytes { out.append(contentsOf: u) }
    return Array(out.prefix(bytes))
}

var rng = SystemRandomNumberGenerator()
let words = (0..<500).map { i in "w\(String(i, radix: 36))ord" }
let cases: [Case] = [
    Case(name: "nested alternatives (a|aa)^12 then b, on a…a", pattern: [String(repeating: "(a|aa)?", count: 12) + "(a|aa)b"],
         input: { repeated("a", $0) }),
    Case(name: "optional^20 then literal^20 (x?^20 x^20), on x…x", pattern: [String(repeating: "x?", count: 20) + String(repeating: "x", count: 20)],
         input: { repeated("x", $0) }),
    Case(name: "digit then optional long tail \\d(\\d+x)?, on 1…1", pattern: ["\\d(\\d+x)?"], input: { repeated("1", $0) }),
    Case(name: "digits, spaces, units \\b\\d+ ?(hr|hrs|hours)\\b, on \"1 1 1…\"", pattern: ["\\b\\d+ ?(hr|hrs|hours)\\b"],
         input: { repeated("1 1 12 123 ", $0) }),
    Case(name: "optional words ((very|really) )?(good|great) ×8 on \"very really very …\"",
         pattern: [String(repeating: "((very|really) )?", count: 8) + "(good|great)\\b"], input: { repeated("very really ", $0) }),
    Case(name: "500-word alternation \\b(w0ord|w1ord|…)\\b, on prose", pattern: ["\\b(" + words.joined(separator: "|") + ")\\b"],
         input: { n in
             var out: [UInt8] = []
             out.reserveCapacity(n)
             var i = 0
             while out.count < n { out.append(contentsOf: Array((i % 7 == 0 ? words[i % 500] : "text").utf8)); out.append(0x20); i += 1 }
             return Array(out.prefix(n))
         }),
    Case(name: "200 separate patterns (alternative tags), on mixed text",
         pattern: (0..<200).map { "\\b\(words[$0]) (of|in)? ?\\d+\\b" }, input: { repeated("w1ord of 12 w2ord in 7 plain text ", $0) }),
]

let sizes = [1, 4, 16]
print("pattern matching time per MB (release build; input sizes \(sizes.map { "\($0) MB" }.joined(separator: ", ")))")
var worstRatio = 0.0
for c in cases {
    let p = try! PackPattern(c.pattern)
    var perMB: [Double] = []
    var counts: [Int] = []
    for mb in sizes {
        let input = c.input(mb << 20)
        var best = Double.infinity
        var n = 0
        for _ in 0..<2 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            n = p.matches(in: input).count
            let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            best = min(best, dt)
        }
        perMB.append(best / Double(mb))
        counts.append(n)
    }
    let ratio = perMB.max()! / perMB.min()!
    worstRatio = max(worstRatio, perMB.last! / perMB.first!)
    let cols = zip(sizes, perMB).map { String(format: "%2d MB: %7.2f ms/MB", $0, $1) }.joined(separator: "  ")
    print(String(format: "%-72@ %@  (states %d, max match %d B, matches@16MB %d, spread %.2fx)",
                 c.name as NSString, cols as NSString, p.stateCount, p.maxLength, counts.last!, ratio))
}
print(String(format: "linearity: time per MB at 16 MB / at 1 MB, worst case: %.2fx (1.00 = perfectly linear)", worstRatio))
if worstRatio > 2.0 {
    print("FAIL: time per MB grows with input size")
    exit(1)
}
