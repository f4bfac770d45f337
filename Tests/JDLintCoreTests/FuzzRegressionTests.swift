import Foundation
import Testing
@testable import JDLintCore

/// Replays every input the fuzzers ever crashed on (fuzz/regressions/TARGET/*) and the seed corpus.
@Suite struct FuzzRegressionTests {
    static let fuzzDir: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/fuzz"
    }()

    static var lintInputs: [String] {
        ["regressions/lint", "seeds/lint"].flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: fuzzDir + "/" + dir)) ?? []).sorted().map { dir + "/" + $0 }
        }
    }

    @Test(arguments: lintInputs)
    func lintInvariantsHold(_ name: String) throws {
        let all = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fuzzDir + "/" + name)))
        guard let first = all.first else { return }
        let body = Array(all.dropFirst())
        guard Bytes.firstInvalidUTF8(body) == nil else { return }
        let format = DocumentFormat.allCases[Int(first) % DocumentFormat.allCases.count]
        #expect(Invariants.check(body, format: format) == [], "\(name)")
    }

    @Test func regressionsExist() {
        #expect(Self.lintInputs.contains { $0.hasPrefix("regressions/") })
    }
}
