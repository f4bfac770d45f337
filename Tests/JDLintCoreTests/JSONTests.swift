import Testing
@testable import JDLintCore

@Suite struct JSONTests {
    @Test func parsesAndSerialisesWithOrderedKeys() throws {
        let v = try JSONParser.parseValue(Array(#"{"b":1,"a":[true,null,"x\u00e9\n"],"c":{"d":-2.5e1}}"#.utf8))
        #expect(v["b"] == .int(1))
        #expect(v["a"] == .array([.bool(true), .null, .string("xé\n")]))
        #expect(v["c"]?["d"] == .double(-25))
        #expect(v.serialized() == #"{"b":1,"a":[true,null,"xé\n"],"c":{"d":-25}}"#)
    }

    @Test func surrogatePairsAndLoneSurrogates() throws {
        #expect(try JSONParser.parseValue(Array(#""\ud83d\ude00""#.utf8)) == .string("😀"))
        #expect(try JSONParser.parseValue(Array(#""\ud83d""#.utf8)) == .string("\u{FFFD}"))
    }

    @Test func commentsOnlyWhenAllowed() throws {
        let text = "{\n // note\n \"a\": 1, /* x */ \"b\": [1,2,],\n}"
        #expect(throws: JSONError.self) { try JSONParser.parseValue(Array(text.utf8)) }
        let v = try JSONParser.parseValue(Array(text.utf8), allowComments: true)
        #expect(v["b"] == .array([1, 2]))
    }

    @Test func errorsCarryPositions() {
        do {
            _ = try JSONParser.parseValue(Array("{\n  \"a\": tru\n}".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 8)
        }
    }

    /// Both trees (positions: `parse`; plain values: `parseValue`) walk arrays and objects with one loop; their errors
    /// are the same, except that `parseValue` has always put an unterminated object's error at its first member.
    @Test func bothTreesReportTheSameErrors() {
        let cases: [(text: String, message: String, node: Int, value: Int)] = [
            ("[1,2", "unterminated array", 0, 0),
            ("{\"a\":1", "unterminated object", 0, 1),
            ("{ \"a\":1", "unterminated object", 0, 2),
            ("[1 2]", "expected ',' or ']' in array", 3, 3),
            ("{\"a\" 1}", "expected ':' after object key", 5, 5),
            ("{1:2}", "expected a string key in object", 1, 1),
            ("{\"a\":1 \"b\":2}", "expected ',' or '}' in object", 7, 7),
            ("[1,]", "unexpected character ']'", 3, 3),
            ("[", "unexpected end of input", 1, 1),
        ]
        for c in cases {
            do {
                _ = try JSONParser.parse(c.text)
                Issue.record("parse accepted \(c.text)")
            } catch {
                #expect(error.message == c.message && error.offset == c.node, "parse \(c.text): \(error)")
            }
            do {
                _ = try JSONParser.parseValue(Array(c.text.utf8))
                Issue.record("parseValue accepted \(c.text)")
            } catch {
                #expect(error.message == c.message && error.offset == c.value, "parseValue \(c.text): \(error)")
            }
        }
        let jsonc = "[1, {\"a\": [], \"b\": {},},]"
        #expect((try? JSONParser.parse(jsonc, allowComments: true))?.value == (try? JSONParser.parseValue(Array(jsonc.utf8), allowComments: true)))
        #expect((try? JSONParser.parseValue(Array(jsonc.utf8), allowComments: true)) == .array([1, .object(JSONObject([("a", .array([])), ("b", .object(JSONObject()))]))]))
    }

    @Test func deepNestingIsRefusedNotCrashing() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONError.self) { try JSONParser.parseValue(Array(deep.utf8)) }
    }

    @Test func stringMapsPointBackIntoTheInput() throws {
        let text = #"{"d": "a\"b\u00e9c"}"#
        let node = try JSONParser.parse(text)
        guard case .string(let s, let map)? = node["d"]?.kind else { Issue.record("no string"); return }
        #expect(s == "a\"béc")
        let bytes = Array(text.utf8)
        // "c" is the last decoded byte; it maps to the 'c' in the source.
        let cRange = map.sourceRange((map.count - 1)..<map.count)
        #expect(bytes[cRange.offsets] == Array("c".utf8)[...])
        // The escaped quote maps to the two-byte escape.
        let q = map.sourceRange(1..<2)
        #expect(String(decoding: bytes[q.offsets], as: UTF8.self) == "\\\"")
    }

    @Test func escapesControlCharacters() {
        #expect(JSONValue.string("a\u{1}\"\\").serialized() == #""a\u0001\"\\""#)
    }

    @Test func streamingWriterMatchesTreeSerialisation() {
        var w = JSONWriter()
        w.beginObject()
        w.key("a"); w.int(1)
        w.key("list"); w.beginArray(); w.string("x\"y\n"); w.bool(false); w.null(); w.beginObject(); w.endObject(); w.endArray()
        w.key("nested"); w.beginObject(); w.key("n"); w.int(-12345); w.key("v"); w.value(["k": [1, 2]]); w.endObject()
        w.endObject()
        let tree: JSONValue = ["a": 1, "list": ["x\"y\n", false, nil, [:]], "nested": ["n": -12345, "v": ["k": [1, 2]]]]
        #expect(String(decoding: w.bytes, as: UTF8.self) == tree.serialized())
    }
}
