import Foundation
import GlossCore

/// The labeler's saved online model of a project: its bytes and the last decision it
/// learned. It is found only under the guide version and labels it was saved under.
public struct SavedLabelerModel: Sendable, Equatable {
    public var state: [UInt8]
    public var throughAnnotation: Int64
    public init(state: [UInt8], throughAnnotation: Int64) {
        self.state = state
        self.throughAnnotation = throughAnnotation
    }
}

/// A decision for the labeler's model: its annotation id, the item's text, the value, and
/// whether the session asking made it.
public struct LabelerExample: Sendable, Equatable {
    public var annotationID: Int64
    public var text: String
    public var value: AnnotationValue
    public var own: Bool
    public init(annotationID: Int64, text: String, value: AnnotationValue, own: Bool) {
        self.annotationID = annotationID
        self.text = text
        self.value = value
        self.own = own
    }
}

/// What a backend keeps of the labeler's model between sessions (see `StoreBackend`).
protocol LabelerModelBackend {
    /// The project's saved model when it was saved under `guideVersion` and `labels`.
    func savedLabelerModel(_ scope: LabelingScope, guideVersion: Int, labels: [String]) throws -> SavedLabelerModel?
    /// Replaces the project's saved model (one row per project: the latest save wins).
    func saveLabelerModel(_ scope: LabelingScope, _ model: SavedLabelerModel, guideVersion: Int, labels: [String],
                          at date: Date) throws
    /// The project's current label decisions with an id above `after` (all with nil), oldest
    /// first, each marked when the session of `scope` made it.
    func labelerExamples(_ scope: LabelingScope, after: Int64?) throws -> [LabelerExample]
}

extension ItemSampler {
    /// The project's saved model for this guide version and these labels, if any.
    public func savedModel(guideVersion: Int, labels: [String]) throws -> SavedLabelerModel? {
        try database.backend.savedLabelerModel(scope, guideVersion: guideVersion, labels: labels)
    }

    /// Keeps the model for the next session.
    public func save(model: SavedLabelerModel, guideVersion: Int, labels: [String], at date: Date = Date()) throws {
        try database.backend.saveLabelerModel(scope, model, guideVersion: guideVersion, labels: labels, at: date)
    }

    /// The project's current label decisions after `after` (all with nil), oldest first,
    /// each marked when this session made it.
    public func examples(after: Int64?) throws -> [LabelerExample] {
        try database.backend.labelerExamples(scope, after: after)
    }
}
