import Foundation
import GlossClassifier
import GlossCore
import GlossStore

/// What train, predict and eval share: the project's current guide and its stored models.
enum ModelSupport {
    /// The project's newest guide, parsed.
    static func currentGuide(_ database: GlossDatabase, project: String) throws -> Guide {
        try database.currentGuide(project: project).guide
    }

    /// A stored model read back (the newest when `version` is nil); a damaged one is a sentence.
    static func load(_ database: GlossDatabase, project: String, version: Int?) throws -> (LoadedModel, ModelSummary) {
        let stored = try database.model(project: project, version: version)
        let summary = stored.summary
        do {
            switch summary.kind {
            case .text: return (.text(try TextClassifier.load(stored.bytes)), summary)
            case .spans: return (.spans(try SpanSuggester.load(stored.bytes)), summary)
            }
        } catch let error as ModelFileError {
            throw CommandFailure("model version \(summary.version) of \"\(TerminalText.visible(project))\" cannot be read: \(error.description). Train a new one with gloss train \(TerminalText.visible(project)).")
        }
    }

    /// The indices of `names` in `labels` (unknown names dropped).
    static func indices(of names: [String], in labels: [String]) -> [Int] {
        names.compactMap { labels.firstIndex(of: $0) }
    }
}

/// A model as read from the store: a text classifier or a span suggester.
enum LoadedModel {
    case text(TextClassifier)
    case spans(SpanSuggester)

    var labels: [String] {
        switch self {
        case .text(let classifier): classifier.labels
        case .spans(let suggester): suggester.labels
        }
    }
}

/// The options a model was trained with, stored as JSON beside it.
struct TrainingOptions: Codable {
    var hashBits: Int
    var epochs: Int
    var seed: UInt64
    var holdout: Double

    var json: String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension Duration {
    /// The duration in seconds, for the timings the model commands print and store.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
