import GlossClassifier
import GlossCore
import GlossFormats
import GlossStore

/// `--include-predictions`: the project's newest model answers for items nobody labeled.
/// Classify: the most probable label and its probability. Multilabel: the labels at p ≥ 0.5
/// (none: the item stays out) and the model's confidence. Spans: the suggested spans (none:
/// out) and the smallest of their confidences.
final class ExportPredictor {
    let model: ExportManifest.Model
    private let loaded: LoadedModel

    init(_ database: GlossDatabase, project: String) throws {
        let (loaded, summary) = try ModelSupport.load(database, project: project, version: nil)
        self.loaded = loaded
        model = ExportManifest.Model(version: summary.version, sha256: summary.sha256)
    }

    func predict(_ item: UnlabeledItem) -> (AnnotationValue, Double)? {
        switch loaded {
        case .text(let classifier):
            let prediction = classifier.predict(item.text)
            if classifier.multilabel {
                let chosen = prediction.chosen.map { classifier.labels[$0] }
                return chosen.isEmpty ? nil : (.labels(chosen), prediction.confidence)
            }
            return (.label(classifier.labels[prediction.best]), prediction.probabilities[prediction.best])
        case .spans(let suggester):
            let suggestions = suggester.suggest(item.text)
            guard let lowest = suggestions.map(\.confidence).min() else { return nil }
            return (.spans(suggestions.map(\.span)), lowest)
        }
    }
}
