import GlossCore
import GlossTUI

/// Spans on the review screen: the reviewer adopts a decision with Enter; a value reads as
/// each span's label and the text it covers (`person “Maria Lopez”`), cut at 40 characters.
struct SpansReview: TaskReview, Equatable {
    var labelKeysDecide: Bool { false }

    func line(for value: AnnotationValue, itemText: String) -> String {
        guard case .spans(let spans) = value else { return value.summary }
        if spans.isEmpty { return "no spans" }
        let scalars = Array(itemText.unicodeScalars)
        return spans.map { span in
            guard span.start >= 0, span.end <= scalars.count, span.start < span.end else { return span.label }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[span.start..<min(span.end, span.start + 40)])
            return "\(span.label) “\(String(piece))”"
        }.joined(separator: ", ")
    }
}
