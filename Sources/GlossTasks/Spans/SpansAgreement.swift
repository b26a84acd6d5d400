import GlossCore

/// Agreement on spans: two annotators' exact-match F1 and token-overlap F1 (the tokens of
/// each item's text), instead of κ.
public struct SpansAgreement: AgreementMeasure {
    public init() {}

    public var readsItemText: Bool { true }

    public func pairTally() -> any PairAgreementTally { Pair() }

    final class Pair: PairAgreementTally {
        private var spans = SpanAgreementTally()

        func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String) {
            spans.add(Self.ranges(first.value), Self.ranges(second.value), text: itemText)
        }

        func fill(_ pair: inout PairAgreement) {
            pair.spans = spans.agreement
        }

        static func ranges(_ value: AnnotationValue) -> [LabeledRange] {
            if case .spans(let ranges) = value { return ranges }
            return []
        }
    }
}
