import GlossClassifier
import GlossCore
import GlossFormats
import GlossStore
import GlossTasks

/// `--include-predictions`: the project's newest model answers for items nobody labeled.
/// Classify: the most probable label and its probability. Multilabel: the labels at p ≥ 0.5
/// (none: the item stays out) and the model's confidence. Spans: the suggested spans (none:
/// out) and the smallest of their confidences.
final class ExportPredictor {
    let model: ExportManifest.Model
    private let loaded: LoadedModel

    init(_ database: GlossDatabase, project: String) throws {
        let (loaded, summary) = try LoadedModel.load(database, project: project, version: nil)
        self.loaded = loaded
        model = ExportManifest.Model(version: summary.version, sha256: summary.sha256)
    }

    /// The model's value for the item and how sure it is; nil (the item stays out) when the
    /// value names no label.
    func predict(_ item: UnlabeledItem) -> (AnnotationValue, Double)? {
        let predicted = loaded.predictValue(item.text)
        return predicted.isEmpty ? nil : (predicted.value, predicted.confidence)
    }
}
