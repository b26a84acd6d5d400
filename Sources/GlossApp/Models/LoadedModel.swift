import GlossClassifier
import GlossCore
import GlossStore
import GlossTasks

/// A model as read from the store: a text classifier or a span suggester.
public enum LoadedModel {
    case text(TextClassifier)
    case spans(SpanSuggester)

    public var labels: [String] {
        switch self {
        case .text(let classifier): classifier.labels
        case .spans(let suggester): suggester.labels
        }
    }

    /// What the model says about `text`, as a label value.
    public func predictValue(_ text: String) -> PredictedValue {
        switch self {
        case .text(let classifier):
            PredictedValue(classifier.predict(text), labels: classifier.labels, multilabel: classifier.multilabel)
        case .spans(let suggester):
            PredictedValue(spans: suggester.suggest(text))
        }
    }

    /// A stored model read back (the newest when `version` is nil) with its summary; a
    /// damaged one is a sentence that says to train a new one.
    public static func load(_ database: GlossDatabase, project: String, version: Int?)
        throws -> (LoadedModel, ModelSummary) {
        let stored = try database.model(project: project, version: version)
        let summary = stored.summary
        do {
            switch summary.kind {
            case .text: return (.text(try TextClassifier.load(stored.bytes)), summary)
            case .spans: return (.spans(try SpanSuggester.load(stored.bytes)), summary)
            }
        } catch let error as ModelFileError {
            let name = TerminalText.visible(project)
            throw UseCaseFailure("model version \(summary.version) of \"\(name)\" cannot be read: "
                + "\(error.description). Train a new one with gloss train \(name).")
        }
    }
}
