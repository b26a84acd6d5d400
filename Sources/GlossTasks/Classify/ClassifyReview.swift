import GlossCore
import GlossTUI

/// Classify on the review screen: a label's key is the final answer; a value reads as its label.
struct ClassifyReview: TaskReview, Equatable {
    var labelKeysDecide: Bool { true }
    func line(for value: AnnotationValue, itemText: String) -> String { value.summary }
}
