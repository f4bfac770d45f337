import Testing
@testable import JDLintCore

@Suite struct WordSetTests {
    @Test func setAgreesWithSwiftSet() {
        var rng = SystemRandomNumberGenerator()
        let keys = (0..<5000).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) } + [0, 1, 2]
        let ws = WordSet(keys)
        let reference = Set(keys)
        #expect(ws.count == reference.count)
        for k in keys { #expect(ws.contains(k)) }
        for _ in 0..<5000 {
            let k = UInt64.random(in: 0...UInt64.max, using: &rng)
            #expect(ws.contains(k) == reference.contains(k))
        }
        let words = WordSet(words: ["Salary", "wage"])
        #expect(words.contains(Word.hash("salary")) && words.contains(Word.hash("WAGE")) && !words.contains(Word.hash("pay")))
    }

    @Test func mapAgreesWithDictionary() {
        var m = WordMap<Int>()
        var d: [UInt64: Int] = [:]
        for i in 0..<3000 {
            let k = UInt64(i) &* 0x9E3779B97F4A7C15 ^ UInt64(i % 7)
            m[k] = i
            d[k] = i
        }
        m[0] = -1
        d[0] = -1
        #expect(m.count == d.count)
        for (k, v) in d { #expect(m[k] == v) }
        #expect(m[12345] == nil)
        m[7, default: 0] += 5
        #expect(m[7] == 5)
    }

    @Test func incrementalInsertGrows() {
        var ws = WordSet()
        var ref = Set<UInt64>()
        for i in 0..<2000 {
            let k = UInt64(i) &* 0x2545F4914F6CDD1D
            ws.insert(k)
            ref.insert(k)
        }
        ws.insert(0)
        ref.insert(0)
        #expect(ws.count == ref.count)
        for k in ref { #expect(ws.contains(k)) }
        #expect(!ws.contains(12345))
    }
}
