import Foundation
import GlossCore
import Testing

/// `actual` equals `expected` to 1e-9, or both are nil (undefined).
func expectClose(
    _ actual: Double?, _ expected: Double?, _ what: String, tolerance: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    switch (actual, expected) {
    case (nil, nil):
        break
    case let (actual?, expected?):
        #expect(abs(actual - expected) <= tolerance, "\(what): got \(actual), want \(expected)",
                sourceLocation: sourceLocation)
    default:
        Issue.record("\(what): got \(String(describing: actual)), want \(String(describing: expected))",
                     sourceLocation: sourceLocation)
    }
}

/// Every fixture in Tests/Fixtures/agreement, checked to 1e-9 against the values that the
/// implementation or publication named in its `source` gives.
@Suite("Agreement reference fixtures")
struct AgreementFixtureTests {
    @Test func fixturesArePresentAndDescribed() throws {
        #expect(AgreementFixture.names.count >= 14, "\(AgreementFixture.names)")
        for name in AgreementFixture.names {
            let fixture = try AgreementFixture.load(name)
            #expect(fixture.source.count > 80, "\(name) says too little about where its values come from")
        }
    }

    @Test(arguments: AgreementFixture.names)
    func fixture(_ name: String) throws {
        let fixture = try AgreementFixture.load(name)
        var checked = 0
        for (coefficient, expected) in fixture.expected.coefficients {
            expectClose(try value(coefficient, of: fixture), expected, "\(name) \(coefficient)")
            checked += 1
        }
        for (coefficient, published) in fixture.published ?? [:] {
            // Publications print three or four decimals.
            expectClose(try value(coefficient, of: fixture), published, "\(name) published \(coefficient)",
                        tolerance: 5e-4)
        }
        if let expected = fixture.expected.perLabel {
            checkPerLabel(fixture, expected, name)
            checked += expected.count
        }
        if let expected = fixture.expected.spans {
            try checkSpans(fixture, expected, name)
            checked += 1
        }
        #expect(checked > 0, "\(name) has no expected value")
    }

    private func value(_ coefficient: String, of fixture: AgreementFixture) throws -> Double? {
        switch coefficient {
        case "percentAgreement": return Agreement.percentAgreement(try #require(fixture.units))
        case "krippendorffAlpha": return Agreement.krippendorffAlpha(try #require(fixture.units))
        case "fleissKappa": return Agreement.fleissKappa(try #require(fixture.units))
        case "cohensKappa":
            let pairs = try #require(fixture.pairs).map { ($0[0], $0[1]) }
            let complete = pairs.compactMap { a, b in a.flatMap { a in b.map { (a, $0) } } }
            let withMissing = Agreement.cohensKappa(pairs)
            let both = Agreement.cohensKappa(complete)
            #expect(withMissing == both, "κ over optional pairs differs from κ over the pairs both coded")
            return both
        default:
            Issue.record("unknown coefficient \(coefficient)")
            return nil
        }
    }

    private func checkPerLabel(_ fixture: AgreementFixture, _ expected: [LabelAgreement], _ name: String) {
        let units = (fixture.labelUnits ?? []).map { $0.map(Set.init) }
        let actual = Agreement.perLabel(units, labels: fixture.labels ?? [])
        #expect(actual.map(\.label) == expected.map(\.label))
        for (a, e) in zip(actual, expected) {
            #expect(a.units == e.units, "\(name) \(e.label) units")
            expectClose(a.percent, e.percent, "\(name) \(e.label) percent")
            expectClose(a.alpha, e.alpha, "\(name) \(e.label) alpha")
        }
    }

    private func checkSpans(_ fixture: AgreementFixture, _ expected: SpanAgreement, _ name: String) throws {
        let items = try #require(fixture.spanItems)
        for item in items {
            let tokens = SpanTokenizer.tokens(item.text).map { [$0.start, $0.end] }
            #expect(tokens == item.tokens, "\(name): the fixture's tokens of \(item.text.debugDescription)")
        }
        let pairs = items.map(\.pair)
        let actual = Agreement.spans(pairs)
        #expect(actual.items == expected.items)
        expectClose(actual.exactF1, expected.exactF1, "\(name) exact F1")
        expectClose(actual.tokenF1, expected.tokenF1, "\(name) token F1")
        let swapped = Agreement.spans(pairs.map { SpanPair(text: $0.text, first: $0.second, second: $0.first) })
        #expect(swapped == actual, "\(name): F1 must not depend on which annotator is the reference")
    }
}
