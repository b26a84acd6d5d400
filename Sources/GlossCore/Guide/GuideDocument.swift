/// A guide as annotators read it: a header with the task and every label (key, name,
/// description, examples), the one-paragraph instructions, then the Markdown body; rendered
/// to styled lines for `gloss guide show` and the labeler's guide pane.
public enum GuideDocument {
    /// The Markdown of the header followed by the body.
    public static func markdown(_ guide: Guide, version: Int?) -> String {
        var md = "# \(guide.name)\n\n"
        md += "*Task: \(guide.task.rawValue)" + (version.map { " · guide version \($0)" } ?? "") + "*\n\n"
        if !guide.labels.isEmpty { md += guide.task == .pairwise ? "**Outcomes**\n\n" : "**Labels**\n\n" }
        for label in guide.labels {
            md += "- " + (label.key.map { "`\($0)` " } ?? "") + "**\(label.name)**"
            if let description = label.description { md += ": \(description)" }
            md += "\n"
            for example in label.examples { md += "  - *e.g.* \(example)\n" }
        }
        if guide.asksSeveralQuestions {
            md += "\n**Questions**, asked in this order, one key each\n\n"
            for (index, question) in guide.askedQuestions.enumerated() {
                let what = switch question.kind {
                case .pairwise: "which answer is better (the outcomes above)"
                case .rating: question.perResponse ? "rate each answer, the left one first" : "rate the item"
                case .text: question.text.corrects ? "correct the response in the editor, Enter saves"
                    : "type the answer in the editor, Enter saves"
                }
                md += "\(index + 1). **\(question.id)**: \(what)" + (question.optional ? " (optional: Enter skips it)" : "") + "\n"
                for criterion in question.criteria {
                    md += "   - **\(criterion.name)** (1-\(criterion.scale))"
                    if let description = criterion.description { md += ": \(description)" }
                    md += "\n"
                    for point in criterion.anchors.keys.sorted() { md += "     - `\(point)` \(criterion.anchors[point]!)\n" }
                }
            }
        }
        if let instructions = guide.instructions {
            md += "\n> \(instructions)\n"
        }
        md += "\n---\n\n"
        return md + guide.body.drop { $0 == "\n" }
    }

    /// The rendered lines at `width` columns.
    public static func lines(_ guide: Guide, version: Int?, width: Int) -> [StyledLine] {
        MarkdownRenderer.render(markdown(guide, version: version), width: width)
    }
}
