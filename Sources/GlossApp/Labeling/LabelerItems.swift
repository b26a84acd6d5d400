import GlossCore
import GlossStore
import GlossTUI

/// The store's items as the labeler shows them.
enum LabelerItems {
    static func make(_ item: StoredItem) -> LabelerItem {
        LabelerItem(rowID: item.rowID, externalID: item.externalID, text: item.text, metadata: item.metadata,
                    existing: item.decision.map {
                        ExistingDecision(annotationID: $0.annotationID, kind: $0.kind, value: $0.value, comment: $0.comment)
                    },
                    suggestion: item.suggestion.map {
                        Suggestion(value: $0.value, confidence: $0.score ?? 0, source: $0.source, scored: $0.score != nil)
                    }, parts: item.parts)
    }
}
