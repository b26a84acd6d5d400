import GlossCore
import GlossTerminal

/// A task kind's part of the labeling screen: the answer being composed for the item on
/// screen, the keys that compose it and what it adds to the screen. It is a value kept in
/// `LabelerState.answer`, one per item; each task kind (GlossTasks) has its own. The
/// screen's own keys (skip, flag, undo, history, prompts, scrolling) stay with `update`.
public protocol TaskAnswer: Sendable {
    /// The answer for `item` as it comes on screen under `guide` (its current decision
    /// restored); nil when the queue is done.
    func restarted(for item: LabelerItem?, guide: Guide) -> any TaskAnswer
    /// A label's key (or `:label NAME`) on `item`.
    mutating func choose(_ label: GuideLabel, on item: LabelerItem, guide: Guide) -> AnswerStep
    /// Enter with something chosen, or nothing chosen and no suggestion to accept.
    func submit(_ item: LabelerItem, guide: Guide) -> AnswerStep
    /// A key the labeling screen leaves to the task (arrows, `<` `,` `>` `.`, Delete); nil
    /// when the task has no use for it.
    mutating func key(_ key: Key, on item: LabelerItem) -> AnswerStep?
    /// Esc: backs out one level inside the answer (`onQueue`: the item came from the
    /// queue, so Esc has nowhere else to go); nil when there is nothing to back out of.
    mutating func escape(onQueue: Bool) -> AnswerStep?
    /// What is chosen on `item` so far; nil when nothing is (Enter then accepts a suggestion).
    func chosenValue(_ item: LabelerItem) -> AnnotationValue?
    /// A suggestion accepted as it is, made valid for the item (spans clamped to the text).
    func accepting(_ suggestion: AnnotationValue, on item: LabelerItem) -> AnnotationValue
    /// The label the annotator is looking at, where the guide pane opens.
    func labelUnderCursor(_ item: LabelerItem) -> String?
    /// How the suggestion's value reads on the detail line.
    func describe(suggestion: AnnotationValue, guide: Guide) -> [DetailPiece]
    /// What the answer adds to the detail line (a selection, the span at the cursor).
    func detail(guide: Guide) -> [DetailPiece]
    /// Ranges of the item text to mark (labeled spans, the selection); nil: plain text.
    var highlights: TextHighlights? { get }
    /// Whether confirm mode (a screenful of the model's surest items) works for the task.
    var confirmable: Bool { get }
    /// The task's own lines of the help (label keys, Enter, its other keys).
    var help: [LabelerHelp.Entry] { get }
    func isEqual(to other: any TaskAnswer) -> Bool
    /// The answer for `item` as it comes on screen before `annotator` (a task whose answer
    /// depends on who judges, as pairwise sides do, implements it; others keep the default).
    func restarted(for item: LabelerItem?, guide: Guide, annotator: String) -> any TaskAnswer
    /// The item pane's lines, laid out `width` columns wide, when the task draws the item
    /// itself; nil (the default) draws the item text wrapped.
    func itemBody(_ item: LabelerItem, guide: Guide, width: Int) -> [ItemBodyLine]?
    /// Backspace inside the answer: steps back one question of several (nil, the default:
    /// nothing to step back over, so Backspace undoes the last decision).
    mutating func stepBack() -> AnswerStep?
    /// The label bar's chips for the question being asked (a rating's points); nil, the
    /// default: the guide's labels.
    func barLabels(guide: Guide) -> [GuideLabel]?
    /// Markdown shown at the top of the guide pane for the question being asked (a
    /// criterion's anchors); nil, the default: the guide alone.
    func guideFocus(guide: Guide) -> String?
    /// Whether the answer is composed over several keys before it is saved (questions): its
    /// keys then wait for the item's minimum look too, not only the save.
    var composesInSteps: Bool { get }
    /// The line editor, while the question asked is a text (nil, the default: none). While
    /// it is typing, the labeler hands the answer every key (`key(_:on:)`) but its own few.
    var textEditor: TextEditorBox? { get }
    /// The text `$EDITOR` gave back for `.editExternally` (nil, the default: not asked).
    mutating func edited(_ result: ExternalEdit) -> AnswerStep?
}

extension TaskAnswer {
    public mutating func stepBack() -> AnswerStep? { nil }
    public func barLabels(guide: Guide) -> [GuideLabel]? { nil }
    public func guideFocus(guide: Guide) -> String? { nil }
    public var composesInSteps: Bool { false }
    public var textEditor: TextEditorBox? { nil }
    public mutating func edited(_ result: ExternalEdit) -> AnswerStep? { nil }
    public func restarted(for item: LabelerItem?, guide: Guide, annotator: String) -> any TaskAnswer {
        restarted(for: item, guide: guide)
    }
    public func itemBody(_ item: LabelerItem, guide: Guide, width: Int) -> [ItemBodyLine]? { nil }
}

extension TaskAnswer where Self: Equatable {
    public func isEqual(to other: any TaskAnswer) -> Bool { (other as? Self) == self }
}

/// What a key did to the answer.
public enum AnswerStep: Sendable, Equatable {
    /// Save this value as the item's decision (`accepted`: the suggestion taken as it is).
    case save(AnnotationValue, accepted: Bool? = nil)
    /// The answer changed or the key was refused: say so.
    case status(StatusLine)
    /// Open `$EDITOR` on this text (the screen suspends; the result comes back to `edited`).
    case editExternally(String)
    /// Nothing to say.
    case nothing
}

/// A piece of the detail line and its meaning (the screen picks the style).
public struct DetailPiece: Sendable, Equatable {
    public enum Look: Sendable, Equatable {
        case plain, dim
        /// In the style of this label (its color); nil: a label the guide does not have.
        case label(String?)
        /// The selected text.
        case selection
        /// A span's label where the cursor is.
        case spanAtCursor(String?)
    }
    public var text: String
    public var look: Look
    public init(_ text: String, _ look: Look = .plain) {
        self.text = text
        self.look = look
    }
}

/// Marks on the item text: labeled ranges (sorted, not overlapping; scalar offsets) in
/// their label's style, the one under the cursor set apart, and the selection reversed.
public struct TextHighlights: Sendable, Equatable {
    public var ranges: [LabeledRange]
    public var cursor: Int?
    public var selection: Range<Int>
    public init(ranges: [LabeledRange], cursor: Int?, selection: Range<Int>) {
        self.ranges = ranges
        self.cursor = cursor
        self.selection = selection
    }
}

/// The answer on screen, compared by value (`LabelerState` is Equatable).
public struct AnswerBox: Sendable, Equatable {
    public var value: any TaskAnswer
    public init(_ value: any TaskAnswer) { self.value = value }
    public static func == (a: AnswerBox, b: AnswerBox) -> Bool { a.value.isEqual(to: b.value) }
}
