/// What a task kind says about the values it stores: which field of an annotation line
/// holds one, how a value is checked against a project's guide and an item's text, the
/// form it is stored in, and the answer an item's reference labels give. Each kind
/// implements it in its folder (GlossTasks); the store applies it where values come in
/// from outside the labeler (annotation files, gold answers), the same on every backend.
public protocol ValueRules: Sendable {
    /// The field of an annotation line that holds a value ("label", "labels", "spans").
    var field: String { get }
    /// Whether checking a value needs the item's text (span offsets do).
    var checksText: Bool { get }
    /// Why `value` does not fit a project whose current guide has `labels`; nil when it fits.
    func problem(with value: AnnotationValue, labels: Set<String>, itemText: String?) -> ValueProblem?
    /// Why `value` does not fit a project whose current guide is `guide` (its questions,
    /// criteria and scales too); the default checks its labels.
    func problem(with value: AnnotationValue, guide: Guide, itemText: String?) -> ValueProblem?
    /// The value in the form the labeler stores it (spans in text order).
    func stored(_ value: AnnotationValue) -> AnnotationValue
    /// The answer an item's reference labels give, when the task takes one from them.
    func referenceAnswer(_ labels: [String]) -> AnnotationValue?
    /// Whether a value is checked against the item's responses (a ranking names each once).
    var checksResponses: Bool { get }
    /// Why `value` does not fit an item whose responses are by `responses` (its models, in
    /// order; empty for an item without parts); nil when it fits.
    func problem(with value: AnnotationValue, responses: [String]) -> ValueProblem?
}

extension ValueRules {
    public var checksResponses: Bool { false }
    public func problem(with value: AnnotationValue, responses: [String]) -> ValueProblem? { nil }

    public func problem(with value: AnnotationValue, guide: Guide, itemText: String?) -> ValueProblem? {
        problem(with: value, labels: Set(guide.labels.map(\.name)), itemText: itemText)
    }
}

/// Finds the value rules of a task (the registry of task kinds).
public typealias ValueRulesLookup = @Sendable (TaskType) -> any ValueRules

/// Why a value does not fit a project.
public enum ValueProblem: Sendable, Equatable {
    /// The value is not of the task's shape (a label set for a classify project).
    case wrongShape
    /// It uses a label the guide does not define.
    case unknownLabel(String)
    /// A span lies outside the item's text of `length` Unicode scalars (or is empty).
    case spanOutside(LabeledRange, length: Int)
    /// Two spans overlap at this offset.
    case overlap(at: Int)
    /// Answers to a guide's questions that do not fit them, said as a phrase.
    case answers(String)
}
