import GlossCore
import GlossTerminal

/// A task kind's part of the review screen: whether a label's key makes that label the
/// final answer, and how a decision's value reads on one line. Each task kind (GlossTasks)
/// has its own; the review screen keeps it in `ReviewState.task`.
public protocol TaskReview: Sendable {
    /// Whether a label's key makes that label the final answer (else the reviewer adopts one
    /// of the decisions with Enter).
    var labelKeysDecide: Bool { get }
    /// A value as one line (`mixed`, `person “Maria Lopez”`) for the item's text.
    func line(for value: AnnotationValue, itemText: String) -> String
    func isEqual(to other: any TaskReview) -> Bool
    /// The final answer a label's key gives on `entry` (where `labelKeysDecide`), with the
    /// decision at `selected` under the cursor; nil when the key cannot judge this item. The
    /// default is the label itself.
    func judgment(for label: GuideLabel, on entry: ReviewEntry, selected: Int) -> AnnotationValue?
    /// How a label's key reads in the key bar on `entry` (the default: the label's name).
    func keyName(for label: GuideLabel, on entry: ReviewEntry?, selected: Int) -> String
    /// The text `e` opens in the line editor to write the final answer anew, from the
    /// decision at `selected` (nil, the default: the task has no text to write).
    func textToEdit(on entry: ReviewEntry, selected: Int) -> String?
    /// The final answer `text`, written anew from the decision at `selected`, makes; nil
    /// when it makes none (an empty text).
    func rewritten(_ text: String, on entry: ReviewEntry, selected: Int) -> AnnotationValue?
    /// A key offered to the task before the screen's own meaning, for a final answer composed
    /// over several keys on `entry` (a ranking anew: digits, `=`, and Enter and Backspace while
    /// one is begun); nil (the default) leaves the key to the screen.
    mutating func key(_ key: Key, on entry: ReviewEntry) -> ReviewStep?
    /// The key bar's chips on `entry`, before the screen's keys, for keys `key` takes (the
    /// default: none).
    func keyChips(on entry: ReviewEntry?) -> [(key: String, name: String)]
}

/// What a key did to a final answer the task composes on the review screen.
public enum ReviewStep: Sendable, Equatable {
    /// Store this value as the item's final answer.
    case adjudicate(AnnotationValue)
    /// The answer changed or the key was refused: say so.
    case status(StatusLine)
}

extension TaskReview {
    public mutating func key(_ key: Key, on entry: ReviewEntry) -> ReviewStep? { nil }
    public func keyChips(on entry: ReviewEntry?) -> [(key: String, name: String)] { [] }
    public func judgment(for label: GuideLabel, on entry: ReviewEntry, selected: Int) -> AnnotationValue? {
        .label(label.name)
    }
    public func keyName(for label: GuideLabel, on entry: ReviewEntry?, selected: Int) -> String { label.name }
    public func textToEdit(on entry: ReviewEntry, selected: Int) -> String? { nil }
    public func rewritten(_ text: String, on entry: ReviewEntry, selected: Int) -> AnnotationValue? { nil }
}

extension TaskReview where Self: Equatable {
    public func isEqual(to other: any TaskReview) -> Bool { (other as? Self) == self }
}

/// The task's review part, compared by value (`ReviewState` is Equatable).
public struct TaskReviewBox: Sendable, Equatable {
    public var value: any TaskReview
    public init(_ value: any TaskReview) { self.value = value }
    public static func == (a: TaskReviewBox, b: TaskReviewBox) -> Bool { a.value.isEqual(to: b.value) }
}
