import Foundation
import GlossCore
import GlossTasks
import Testing

/// A kind of its own, as a rating or ranking kind would be: it adds a figure per pair (the
/// share of shared items where the first annotator's label sorts before the second's) and
/// one over the units (the mean number of labels per unit), through the seam alone.
struct OrderingMeasure: AgreementMeasure {
    func pairTally() -> any PairAgreementTally { Pair() }
    func unitTally() -> (any UnitAgreementTally)? { Units() }

    final class Pair: PairAgreementTally {
        var items = 0, before = 0
        func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String) {
            items += 1
            if first.value.labelNames.joined() < second.value.labelNames.joined() { before += 1 }
        }
        func fill(_ pair: inout PairAgreement) {
            pair.figures = [AgreementFigure(name: "first_before", value: Double(before) / Double(items))]
        }
    }

    final class Units: UnitAgreementTally {
        var units = 0, values = 0
        func add(_ unit: [AgreementValue], itemText: String) {
            units += 1
            values += unit.count
        }
        func fill(_ agreement: inout ProjectAgreement) {
            agreement.figures = [AgreementFigure(name: "labels_per_unit", value: Double(values) / Double(units)),
                                 AgreementFigure(name: "undefined", value: nil)]
        }
    }
}

@Suite("The agreement seam: a kind's own figures")
struct AgreementMeasureTests {
    typealias F = StatsFixture

    /// ana: pos pos neg; bob: neg pos neg; cy: pos on item a.
    static let rows = [
        F.row(1, "a", "ana", "pos"), F.row(2, "b", "ana", "pos"), F.row(3, "c", "ana", "neg"),
        F.row(4, "a", "bob", "neg"), F.row(5, "b", "bob", "pos"), F.row(6, "c", "bob", "neg"),
        F.row(7, "a", "cy", "pos"),
    ]

    @Test func aKindsFiguresReachTheReportItsJSONAndItsTables() throws {
        let report = TeamStats.report(F.input(Self.rows), agreement: OrderingMeasure())
        #expect(oneScan(F.input(Self.rows), filter: StatsFilter(), agreement: OrderingMeasure()).report == report)
        // Units a (3 labels), b and c (2 each): 7/3 labels per unit.
        #expect(report.agreement.figures == [AgreementFigure(name: "labels_per_unit", value: 7.0 / 3),
                                             AgreementFigure(name: "undefined", value: nil)])
        // ana and bob share a, b, c; ana is first by name: "neg" < "pos" on c only, "pos" < "neg" never.
        let ana = try #require(report.annotators.first { $0.name == "ana" })
        #expect(ana.pairs.first { $0.other == "bob" }?.figures == [AgreementFigure(name: "first_before", value: 0)])
        let bob = try #require(report.annotators.first { $0.name == "bob" })
        #expect(bob.pairs.first { $0.other == "cy" }?.figures == [AgreementFigure(name: "first_before", value: 1)])
        #expect(ana.pairs.allSatisfy { $0.cohensKappa == nil }, "κ is the classify kind's, not every kind's")

        let lines = StatsRenderer.lines(report, width: 200)
        #expect(lines.contains("Task figures: labels_per_unit 2.333, undefined -"))
        #expect(lines.contains { $0.hasPrefix("ANNOTATOR") && $0.hasSuffix("FIRST_BEFORE") })
        #expect(lines.contains { $0.hasPrefix("bob") && $0.contains("cy") && $0.hasSuffix("1.000") })
    }

    @Test func kindsWithoutFiguresLeaveThemOutOfTheJSON() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = .sortedKeys
        func json(_ measure: any AgreementMeasure) throws -> String {
            let report = TeamStats.report(F.input(Self.rows), agreement: measure)
            return String(decoding: try encoder.encode(report), as: UTF8.self)
        }
        let classify = try json(ClassifyAgreement())
        #expect(!classify.contains("figures") && classify.contains("cohens_kappa"))
        let own = try json(OrderingMeasure())
        #expect(own.contains(#""figures":[{"name":"labels_per_unit""#))
    }

    @Test func eachKindHasItsMeasure() {
        #expect(AgreementMeasures.measure(for: .classify) is ClassifyAgreement)
        #expect(AgreementMeasures.measure(for: .multilabel) is MultilabelAgreement)
        #expect(AgreementMeasures.measure(for: .spans) is SpansAgreement)
        #expect(AgreementMeasures.measure(for: .spans).readsItemText && !ClassifyAgreement().readsItemText)
    }
}
