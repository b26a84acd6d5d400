/// A task kind's reading of another tool's answers (Label Studio, Prodigy, doccano): what a
/// `ForeignValue` means as a decision of the kind. Each kind implements it in its folder in
/// GlossTasks; the store's item import asks for the rule of the project's task.
public protocol ForeignAnswerRule: Sendable {
    /// Whether the kind's values hold offsets into the item's text (spans): the import then
    /// places them only on an item whose stored text is exactly the record's.
    var placesOffsets: Bool { get }
    /// The value an answer stands for, given the annotator's current label decision on the
    /// item (nil: none; a prediction has none), or why the answer does not fit the kind.
    func value(of answer: ForeignValue, current: AnnotationValue?) throws(AnnotationLineError) -> AnnotationValue
}

extension AnnotationLineError {
    /// An answer of a shape the project's kind does not take: `found` says what the answer
    /// has ("spans"), `task` is the project's.
    public static func foreignShape(_ found: String, task: TaskType) -> AnnotationLineError {
        AnnotationLineError("the answer has \(found) but the project is a \(task.rawValue) task")
    }
}
