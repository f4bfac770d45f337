import Foundation
import Testing
@testable import JDLintCore

/// `SectionCatalog.parts(forHeading:)` answers from one index of every part's phrases; it must give what asking
/// each part (`PostingPart.matchesHeading`) gives.
@Suite struct SectionIndexTests {
    static func slow(_ t: PhraseText) -> [String] { SectionCatalog.parts.filter { $0.matchesHeading(t) }.map(\.id) }

    @Test func indexAnswersAsEachPartDoes() throws {
        var headings: [String] = []
        for p in SectionCatalog.parts {
            for ph in p.headings + p.exact + p.cues {
                let base = ph.prefix ? String(ph.text.dropLast()) : ph.text
                headings += [base, base + "s", "Our " + base, base + " and benefits", "2. " + base, base.uppercased(),
                             String(base.dropLast()), base + " & perks:", "the " + base + " here"]
            }
        }
        headings += ["", "What you'll do", "Pay & Benefits", "Salary range", "Location: Leeds", "Apply now", "About us",
                     "Equal Employment Opportunity", "Requirements and qualifications", "Responsibilities/Duties",
                     "a b c d e f g h i j k l m n", "Compensation, benefits and perks"]
        // Headings of the corpus too, when it is there.
        if let corpus = TestFiles.corpus {
            let dir = corpus + "/real"
            for name in try TestFiles.list(dir).filter({ $0.hasSuffix(".md") }).prefix(300) {
                guard let text = try? TestFiles.read(dir + "/" + name) else { continue }
                for line in text.split(separator: "\n") where line.hasPrefix("#") { headings.append(String(line.drop { $0 == "#" || $0 == " " })) }
            }
        }
        var hits = 0
        for h in headings {
            let t = PhraseText(Array(h.utf8))
            let fast = SectionCatalog.parts(forHeading: t)
            #expect(fast == Self.slow(t), "\(h.debugDescription)")
            if !fast.isEmpty { hits += 1 }
        }
        #expect(hits > headings.count / 3, "\(hits) of \(headings.count) headings name a part")
    }
}
