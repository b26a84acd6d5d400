import GlossCore
import GlossTUI

/// Multilabel on the review screen: the reviewer adopts a decision with Enter; a value
/// reads as its labels joined.
struct MultilabelReview: TaskReview, Equatable {
    var labelKeysDecide: Bool { false }
    func line(for value: AnnotationValue, itemText: String) -> String { value.summary }
}
