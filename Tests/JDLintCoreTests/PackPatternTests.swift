import Testing
@testable import JDLintCore
import JDLintTestSupport

/// The linear-time pattern language of `pattern` rules: syntax, semantics (leftmost-longest, non-overlapping)
/// and the errors that keep backtracking constructs out.
@Suite struct PackPatternTests {
    func find(_ pattern: String, _ text: String, caseSensitive: Bool = false) throws -> [String] {
        let p = try PackPattern([pattern], caseSensitive: caseSensitive)
        let b = Array(text.utf8)
        return p.matches(in: b).map { String(decoding: b[$0.range], as: UTF8.self) }
    }

    func error(_ pattern: String) -> String? {
        do {
            _ = try PackPattern([pattern])
            return nil
        } catch {
            return error.error.message
        }
    }

    @Test func literalsFoldASCIICase() throws {
        #expect(try find("full time", "Full time, FULL  TIME, full-time, fulltime") == ["Full time", "FULL  TIME"])
        #expect(try find("Full", "full Full", caseSensitive: true) == ["Full"])
        #expect(try find("café", "Un café, un CAFÉ.") == ["café"])  // only ASCII letters fold
    }

    @Test func wordBoundaries() throws {
        #expect(try find("\\bhr\\b", "three hrs, hr team, HR.") == ["hr", "HR"])
        #expect(try find("\\bword\\b", "a “word” and a words") == ["word"])
        #expect(try find("\\bcafé\\b", "cafés and café.") == ["café"])
    }

    @Test func digitsAlternativesOptional() throws {
        #expect(try find("\\b\\d+ (years|yrs)\\b", "5 years, 10 yrs, 3 yearly, 1234 years") == ["5 years", "10 yrs", "1234 years"])
        #expect(try find("\\d\\d?%", "5% and 100%") == ["5%", "00%"])
        #expect(try find("(very )?good", "very good, good") == ["very good", "good"])
        #expect(try find("colou?r", "color colour") == ["color", "colour"])
        #expect(try find("he\\/she", "he/she") == ["he/she"])
        // \d+ is capped at 20 digits: a 21-digit run preceded by a boundary does not match.
        #expect(try find("\\b\\d+ years", String(repeating: "1", count: 21) + " years") == [])
        #expect(try find("\\b\\d+ years", String(repeating: "1", count: 20) + " years").count == 1)
    }

    @Test func leftmostLongestNonOverlapping() throws {
        #expect(try find("a|ab", "ab") == ["ab"])
        #expect(try find("ab|a", "ab") == ["ab"])
        #expect(try find("aa", "aaaaa") == ["aa", "aa"])
        #expect(try find("b|abc", "abc") == ["abc"])
        #expect(try find("\\d(\\d+x)?", "1234") == ["1", "2", "3", "4"])
        #expect(try find("\\d(\\d+x)?", "123x4") == ["123x", "4"])
    }

    @Test func tagsTellWhichAlternativeMatched() throws {
        let p = try PackPattern(["e-mail", "email"])
        let b = Array("email or E-mail".utf8)
        #expect(p.matches(in: b).map(\.tag) == [1, 0])
        let l = try PackPattern(literals: ["front end", "front-end", "frontend"])
        let t = Array("front end, front-end, frontend, frontends, front  end".utf8)
        #expect(l.matches(in: t).map(\.tag) == [0, 1, 2, 0])
    }

    @Test func rejectsBacktrackingConstructs() {
        #expect(error("a*")?.contains("not supported") == true)
        #expect(error("a+")?.contains("only supported after \\d") == true)
        #expect(error("a.b")?.contains("\\.") == true)
        #expect(error("[ab]")?.contains("character classes") == true)
        #expect(error("a{2}")?.contains("counted repetition") == true)
        #expect(error("^a")?.contains("anchors") == true)
        #expect(error("(a")?.contains("not closed") == true)
        #expect(error("a)")?.contains("unbalanced") == true)
        #expect(error("")?.contains("empty") == true)
        #expect(error("a||b")?.contains("empty alternative") == true)
        #expect(error("\\q")?.contains("unknown escape") == true)
        #expect(error("\\b")?.contains("empty text") == true)
        #expect(error("(ab)?")?.contains("empty text") == true)
        #expect(error("a??")?.contains("not supported") == true)
        #expect(error("\\d+") == nil)
        #expect(error("a\\.b\\*") == nil)
    }

    @Test func automatonIsBoundedAndAcyclic() throws {
        let p = try PackPattern(["\\d+ (hour|hours)"])
        #expect(p.maxLength == PackPattern.maxDigits + PackPattern.maxSpaces + 5)
        // A pattern blown up by nesting stays within the state limit or is rejected with a message.
        let nested = String(repeating: "(a|b|", count: 30) + "c" + String(repeating: ")", count: 30)
        #expect(throws: Never.self) { _ = try PackPattern([nested]) }
        let huge = String(repeating: "\\d+", count: 2000)
        #expect(error(huge)?.contains("too large") == true)
    }

    /// Adversarial inputs complete and agree with a brute-force reference on small inputs.
    @Test func agreesWithBruteForce() throws {
        let patterns = ["a(ab)?", "(a|aa)(a|aa)?b", "\\d(\\d+x)?", "\\bab\\b", "x? ?y", "(ab|a)(bc|c)?", "a a", "(a|b)?1\\b", "\\d+ ?y"]
        let alphabet: [UInt8] = Array("aabx1 y".utf8)
        var rng = SplitMix64(seed: 42)
        for pattern in patterns {
            let p = try PackPattern([pattern])
            for _ in 0..<200 {
                var t: [UInt8] = []
                for _ in 0..<Int.random(in: 0...12, using: &rng) { t.append(alphabet.randomElement(using: &rng)!) }
                #expect(p.matches(in: t).map(\.range) == brute(p, t), "\(pattern) on \(String(decoding: t, as: UTF8.self).debugDescription)")
            }
        }
    }

    /// Leftmost-longest non-overlapping matches by trying every start and end with an anchored run.
    func brute(_ p: PackPattern, _ t: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < t.count {
            var best: Int?
            for e in stride(from: t.count, to: i, by: -1) {
                if anchored(p, t, i, e) { best = e; break }
            }
            if let e = best { out.append(i..<e); i = e } else { i += 1 }
        }
        return out
    }

    /// Whether the pattern matches exactly t[s..<e] (boundaries see the whole text).
    func anchored(_ p: PackPattern, _ t: [UInt8], _ s: Int, _ e: Int) -> Bool {
        var states: Set<Int> = []
        func close(_ n: Int, _ pos: Int, _ into: inout Set<Int>) -> Bool {
            var accept = false
            var stack = [n]
            while let x = stack.popLast() {
                guard into.insert(x).inserted else { continue }
                switch p.nodes[x] {
                case .split(let a, let b): stack.append(a); stack.append(b)
                case .boundary(let y): if PackPattern.isBoundary(t, 0, t.count, pos) { stack.append(y) }
                case .accept: accept = true
                default: break
                }
            }
            return accept
        }
        var accept = close(p.start, s, &states)
        var pos = s
        while pos < e {
            var next: Set<Int> = []
            accept = false
            for n in states {
                switch p.nodes[n] {
                case .byte(let b, let fold, let y): if (fold ? Bytes.lower(t[pos]) : t[pos]) == b { accept = close(y, pos + 1, &next) || accept }
                case .digit(let y): if Bytes.isDigit(t[pos]) { accept = close(y, pos + 1, &next) || accept }
                case .space(let y): if PackPattern.isSpaceByte(t[pos]) { accept = close(y, pos + 1, &next) || accept }
                default: break
                }
            }
            states = next
            pos += 1
        }
        return accept && e > s
    }
}
