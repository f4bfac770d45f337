import Foundation
import Testing
@testable import JDLintCore

/// Pay on the real corpus (`/work/shared/corpus` or `../shared/corpus`): the share of postings per folder with a
/// parsed pay statement. Runs only with `JDLINT_PAY_CORPUS=1` (or `JDLINT_PAY_DUMP`), skips when the corpus is absent. `scripts/pay-corpus` prints the table; with
/// `JDLINT_PAY_DUMP=FILE` every parsed statement is written to FILE with its text for reading.
@Suite struct PayCorpusTests {
    static var corpus: String? {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for p in ["/work/shared/corpus", here.appendingPathComponent("../shared/corpus").path]
        where FileManager.default.fileExists(atPath: p + "/real") { return p }
        return nil
    }

    @Test func shareOfPostingsWithPay() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["JDLINT_PAY_CORPUS"] != nil || env["JDLINT_PAY_DUMP"] != nil else {
            print("PayCorpusTests: skipped (set JDLINT_PAY_CORPUS=1 or run scripts/pay-corpus; it reads 4,600 postings)")
            return
        }
        guard let root = Self.corpus else {
            print("PayCorpusTests: corpus not found (/work/shared/corpus or ../shared/corpus), skipped")
            return
        }
        let fm = FileManager.default
        var dump = ""
        var report = "folder\tpostings\twith pay\tshare\n"
        var total = 0, withPay = 0
        for folder in try fm.contentsOfDirectory(atPath: root + "/real").sorted() {
            let dir = root + "/real/" + folder
            var n = 0, k = 0
            for name in try fm.contentsOfDirectory(atPath: dir).sorted() where !name.hasPrefix("_") && !name.hasPrefix(".") {
                guard let format = DocumentFormat.infer(fromPath: name),
                      let data = fm.contents(atPath: dir + "/" + name) else { continue }
                let bytes = [UInt8](data)
                let a = Analysis(document: Document(bytes: bytes, format: format, path: name))
                n += 1
                if !a.pay.isEmpty { k += 1 }
                if env["JDLINT_PAY_DUMP"] != nil {
                    for s in a.pay {
                        let lo = max(0, s.sourceRange.lowerBound - 60), hi = min(bytes.count, s.sourceRange.upperBound + 40)
                        let ctx = String(decoding: bytes[lo..<hi], as: UTF8.self).replacingOccurrences(of: "\n", with: "⏎")
                            .replacingOccurrences(of: "\t", with: " ")
                        let text = String(decoding: bytes[s.sourceRange.offsets], as: UTF8.self).replacingOccurrences(of: "\n", with: "⏎")
                        dump += "\(folder)/\(name)\t\(s.summary)\(s.openEnded ? " (open)" : "")\t\(text)\t\(ctx)\n"
                    }
                }
            }
            total += n
            withPay += k
            report += "\(folder)\t\(n)\t\(k)\t\(n == 0 ? 0 : (k * 1000 / n) / 10).\(n == 0 ? 0 : (k * 1000 / n) % 10) %\n"
        }
        report += "all\t\(total)\t\(withPay)\t\(total == 0 ? 0 : withPay * 1000 / total / 10).\(total == 0 ? 0 : withPay * 1000 / total % 10) %\n"
        print(report)
        if let path = env["JDLINT_PAY_DUMP"] { try dump.write(toFile: path, atomically: true, encoding: .utf8) }
        #expect(withPay > 0)
    }
}
