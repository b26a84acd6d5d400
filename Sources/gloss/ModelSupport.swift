import Foundation
import GlossClassifier
import GlossCore
import GlossStore

/// What train, predict and eval share: the project's current guide and its stored models.
enum ModelSupport {
    /// The project's newest guide, parsed.
    static func currentGuide(_ database: GlossDatabase, project: String) throws -> Guide {
        let version = try database.guideVersion(project: project)
        let lint = GuideParser.lint(version.text)
        guard let guide = lint.guide else {
            throw ProjectError.unreadableGuide(project: project, version: version.version,
                                               problem: lint.errors.first?.description ?? "no guide")
        }
        return guide
    }

    /// A stored text model, read back into a classifier; a damaged one is a sentence.
    static func loadClassifier(_ database: GlossDatabase, project: String, version: Int?) throws -> (TextClassifier, ModelSummary) {
        let stored = try database.model(project: project, version: version)
        let summary = stored.summary
        guard summary.kind == .text else {
            throw CommandFailure("model version \(summary.version) of \"\(project)\" is a span suggester; predicting and evaluating spans is not supported yet.")
        }
        do {
            return (try TextClassifier.load(stored.bytes), summary)
        } catch let error as ModelFileError {
            throw CommandFailure("model version \(summary.version) of \"\(TerminalText.visible(project))\" cannot be read: \(error.description). Train a new one with gloss train \(TerminalText.visible(project)).")
        }
    }

    /// The indices of `names` in `labels` (unknown names dropped).
    static func indices(of names: [String], in labels: [String]) -> [Int] {
        names.compactMap { labels.firstIndex(of: $0) }
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

/// Monotonic seconds, for timing the scoring alone.
enum Clock {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
