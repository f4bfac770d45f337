import Testing
@testable import JDLintCore

/// `Rules/` is the one source of truth; the binary embeds a copy (scripts/generate). This fails on drift.
@Suite struct EmbeddedRulesTests {
    static let rulesDir: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/JDLintCoreTests/EmbeddedRulesTests.swift
        return parts.joined(separator: "/") + "/Rules"
    }()

    @Test func embeddedCopyMatchesRulesFolder() throws {
        let onDisk = try TestFiles.list(Self.rulesDir).filter { $0.hasSuffix(".json") || $0.hasSuffix(".jsonc") || $0.hasSuffix(".txt") || $0.hasSuffix(".tsv") }
        #expect(Set(onDisk) == Set(RuleData.paths), "files in Rules/ and embedded files differ: run scripts/generate")
        for path in onDisk {
            let disk = try TestFiles.read(Self.rulesDir + "/" + path)
            #expect(RuleData.text(path) == disk, "Rules/\(path) differs from its embedded copy: run scripts/generate")
        }
    }

    @Test func everyBuiltInDataFileParses() {
        for path in RuleData.paths where path.hasSuffix(".json") {
            #expect(throws: Never.self) { _ = try JSONParser.parseValue(Array(RuleData.text(path)!.utf8), allowComments: true) }
        }
    }
}
