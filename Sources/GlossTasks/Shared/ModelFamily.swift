/// The kind of model a task kind learns with: a text classifier (one label, or any number
/// of them), a span suggester, or none (a task no model of Gloss's answers). Training,
/// evaluation, learning curves and suspect search switch on the family, never on the task.
public enum ModelFamily: Sendable, Equatable {
    case textClassifier(multilabel: Bool)
    case spanSuggester
    case none
}
