import GlossCore
import GlossTerminal
import GlossTUI

/// Multilabel on the labeling screen: the labels toggled on so far, in guide order (an
/// item's current decision starts them); Enter saves them.
struct MultilabelAnswer: TaskAnswer, Equatable {
    var selected: [String] = []

    func restarted(for item: LabelerItem?, guide: Guide) -> any TaskAnswer {
        guard case .labels(let names)? = item?.existing?.value else { return MultilabelAnswer() }
        return MultilabelAnswer(selected: Self.inGuideOrder(names, guide))
    }

    mutating func choose(_ label: GuideLabel, on item: LabelerItem, guide: Guide) -> AnswerStep {
        var chosen = Set(selected)
        let on = !chosen.contains(label.name)
        if on { chosen.insert(label.name) } else { chosen.remove(label.name) }
        selected = Self.inGuideOrder(Array(chosen), guide)
        let rest = selected.isEmpty ? "nothing selected" : "Enter saves \(selected.joined(separator: ", "))"
        return .status(StatusLine("\(label.name) \(on ? "on" : "off") · \(rest)"))
    }

    func submit(_ item: LabelerItem, guide: Guide) -> AnswerStep {
        guard let chosen = chosenValue(item) else {
            return .status(StatusLine("choose at least one label, or - to skip", isError: true))
        }
        return .save(chosen)
    }

    mutating func key(_ key: Key, on item: LabelerItem) -> AnswerStep? { SpanKeysElsewhere.step(for: key) }

    /// On the queue, Esc clears the selection.
    mutating func escape(onQueue: Bool) -> AnswerStep? {
        guard onQueue, !selected.isEmpty else { return nil }
        selected = []
        return .status(StatusLine("selection cleared"))
    }

    func chosenValue(_ item: LabelerItem) -> AnnotationValue? { selected.isEmpty ? nil : .labels(selected) }

    func accepting(_ suggestion: AnnotationValue, on item: LabelerItem) -> AnnotationValue { suggestion }

    /// The last label turned on, else the suggestion's first, else the decision's first.
    func labelUnderCursor(_ item: LabelerItem) -> String? {
        selected.last ?? item.suggestion?.value.labelNames.first ?? item.existing?.value?.labelNames.first
    }

    func describe(suggestion: AnnotationValue, guide: Guide) -> [DetailPiece] { SuggestionPieces.describe(suggestion) }

    func detail(guide: Guide) -> [DetailPiece] {
        selected.isEmpty ? [] : [DetailPiece("selected: " + selected.joined(separator: ", ") + " · Enter saves", .dim)]
    }

    var highlights: TextHighlights? { nil }
    var confirmable: Bool { false }

    var help: [LabelerHelp.Entry] {
        [
            LabelerHelp.Entry(.labels, LabelerHelp.labelKeyPlaceholder, "turn NAME on or off"),
            LabelerHelp.Entry(.deciding, "Enter", "save the labels turned on and go on"),
        ]
    }

    /// The names in the guide's label order; names the guide does not have are dropped
    /// (they cannot be toggled, and the guide in force decides what a selection may hold).
    static func inGuideOrder(_ names: [String], _ guide: Guide) -> [String] {
        let chosen = Set(names)
        return guide.labels.map(\.name).filter { chosen.contains($0) }
    }
}

extension LabelerState {
    /// Multilabel: the labels toggled on so far, in guide order (empty for other tasks).
    public var selectedLabels: [String] {
        get { (answer.value as? MultilabelAnswer)?.selected ?? [] }
        set { if answer.value is MultilabelAnswer { answer = AnswerBox(MultilabelAnswer(selected: newValue)) } }
    }
}
