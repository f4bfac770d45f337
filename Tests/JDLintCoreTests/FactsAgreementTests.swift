import Foundation
import Testing
@testable import JDLintCore

/// One truth: `structure/missing-section` never reports a part missing that `jdlint facts` extracts, on every
/// posting of the real corpus (skipped, and says so, when the corpus is absent: a user's clone has none).
@Suite struct FactsAgreementTests {
    @Test func missingSectionNeverContradictsTheFacts() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard let root = ["/work/shared/corpus/real", here.appendingPathComponent("../shared/corpus/real").standardized.path]
            .first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            print("FactsAgreementTests: skipped, the shared corpus (/work/shared/corpus or ../shared/corpus) is absent")
            return
        }
        let linter = Linter(select: ["structure/missing-section"])
        let names = Dictionary(uniqueKeysWithValues: SectionCatalog.parts.map { ($0.name, $0.id) })
        var postings = 0, checked = 0
        var contradictions: [String] = []
        for folder in try FileManager.default.contentsOfDirectory(atPath: root).sorted() {
            let dir = root + "/" + folder
            for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where !name.hasPrefix("_") && !name.hasPrefix(".") {
                guard let format = DocumentFormat.infer(fromPath: name), let data = FileManager.default.contents(atPath: dir + "/" + name) else { continue }
                let result = linter.lint(Document(bytes: [UInt8](data), format: format, path: name))
                postings += 1
                let missing = result.diagnostics.compactMap { d -> String? in
                    guard d.message.hasPrefix("The posting lacks "), let colon = d.message.firstIndex(of: ":") else { return nil }
                    return names[String(d.message[d.message.index(d.message.startIndex, offsetBy: 18)..<colon])]
                }
                guard !missing.isEmpty else { continue }
                let facts = JobPostingFacts.extract(result.analysis)
                for part in missing {
                    checked += 1
                    for p in JobPostingFacts.propertiesByPart[part] ?? [] where facts[p] != nil {
                        contradictions.append("\(folder)/\(name): lacks \(part), but the facts have \(p)")
                    }
                }
            }
        }
        print("FactsAgreementTests: \(postings) postings, \(checked) missing parts checked against the facts, \(contradictions.count) contradictions")
        #expect(postings > 4000)
        #expect(contradictions.isEmpty, "\(contradictions.prefix(20).joined(separator: "\n"))")
    }
}
