import Foundation

extension AnnotationRecord {
    /// A decision made outside Gloss (another tool's export), to store as the annotations
    /// import would store its line: the item's external id, who, what and when.
    public init(decisionOn item: String, annotator: String, kind: AnnotationKind, value: AnnotationValue?,
                decidedAt: Date?, durationMilliseconds: Int?) {
        self.init(record: .decision, item: item, annotator: annotator, kind: kind, value: value, decidedAt: decidedAt,
                  durationMilliseconds: durationMilliseconds, comment: nil, suggestion: nil, suggestionAccepted: nil,
                  guideVersion: nil, undoneAt: nil)
    }
}
