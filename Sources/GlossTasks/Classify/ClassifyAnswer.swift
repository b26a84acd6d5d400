import GlossCore
import GlossTerminal
import GlossTUI

/// Classify on the labeling screen: a label key saves that label at once; Enter keeps the
/// item's current label.
struct ClassifyAnswer: TaskAnswer, Equatable {
    func restarted(for item: LabelerItem?, guide: Guide) -> any TaskAnswer { self }

    mutating func choose(_ label: GuideLabel, on item: LabelerItem, guide: Guide) -> AnswerStep {
        .save(.label(label.name))
    }

    func submit(_ item: LabelerItem, guide: Guide) -> AnswerStep {
        if let chosen = chosenValue(item) { return .save(chosen) }
        let keys = guide.labels.compactMap { label in label.key.map { "\($0) \(label.name)" } }
        return .status(StatusLine(keys.isEmpty
            ? "press a label key, or :label NAME"
            : "press a label key: " + keys.joined(separator: " · ")))
    }

    mutating func key(_ key: Key, on item: LabelerItem) -> AnswerStep? { SpanKeysElsewhere.step(for: key) }

    mutating func escape(onQueue: Bool) -> AnswerStep? { nil }

    /// The item's current label, when it has one (Enter saves it again).
    func chosenValue(_ item: LabelerItem) -> AnnotationValue? {
        if item.existing?.kind == .label, case .label(let name)? = item.existing?.value { return .label(name) }
        return nil
    }

    func accepting(_ suggestion: AnnotationValue, on item: LabelerItem) -> AnnotationValue { suggestion }

    /// The suggestion's label, else the current decision's.
    func labelUnderCursor(_ item: LabelerItem) -> String? {
        item.suggestion?.value.labelNames.first ?? item.existing?.value?.labelNames.first
    }

    func describe(suggestion: AnnotationValue, guide: Guide) -> [DetailPiece] { SuggestionPieces.describe(suggestion) }
    func detail(guide: Guide) -> [DetailPiece] { [] }
    var highlights: TextHighlights? { nil }
    var confirmable: Bool { true }

    var help: [LabelerHelp.Entry] {
        [
            LabelerHelp.Entry(.labels, LabelerHelp.labelKeyPlaceholder, "label the item NAME and go on"),
            LabelerHelp.Entry(.deciding, "Enter", "keep the current label and go on"),
        ]
    }
}
