import Foundation
import GlossCore
import GlossStore
import GlossTUI

/// `gloss review --list / --json` output, and the sentence when there is nothing to review.
enum ReviewListing {
    /// One item as `--json` prints it.
    struct Row: Encodable {
        struct Decision: Encodable {
            var annotator: String
            var kind: String
            var value: String?
            var comment: String?
            var decidedAt: Date
        }
        var itemId: String
        var decisions: [Decision]
        var finalAnswer: String?
        var finalReviewer: String?
        var predicted: String?
        var given: String?
        var confidence: Double?

        init(_ entry: ReviewEntry, note: SuspectNote?, blind: Bool, letters names: [String: String]) {
            itemId = entry.externalID
            decisions = entry.decisions.map {
                Decision(annotator: blind ? "annotator " + (names[$0.annotator] ?? "?") : $0.annotator, kind: $0.kind.rawValue,
                         value: $0.value?.summary, comment: $0.comment, decidedAt: $0.decidedAt)
            }
            finalAnswer = entry.adjudication?.value.summary
            finalReviewer = entry.adjudication.map { blind ? "reviewer" : $0.reviewer }
            predicted = note?.predictedLabel
            given = note?.givenLabel
            confidence = note.map { ($0.confidence * 1000).rounded() / 1000 }
        }
    }

    static func table(_ entries: [ReviewEntry], notes: [Int64: SuspectNote], blind: Bool) -> String {
        let suspect = !notes.isEmpty
        let letters = ReviewState.letters(for: entries)
        var table = suspect
            ? TextTable(headers: ["RANK", "ITEM", "GIVEN", "PREDICTED", "CONFIDENCE", "FINAL", "TEXT"],
                        alignments: [.right, .left, .left, .left, .right, .left, .left])
            : TextTable(headers: ["ITEM", "DECISIONS", "FINAL", "TEXT"], alignments: [.left, .left, .left, .left])
        for (index, entry) in entries.enumerated() {
            let text = String(TerminalText.visible(entry.text).prefix(40))
            let final = entry.adjudication.map { TerminalText.visible($0.value.summary) } ?? "-"
            if let note = notes[entry.itemRowID] {
                table.append([String(index + 1), TerminalText.visible(entry.externalID), TerminalText.visible(note.givenLabel),
                              TerminalText.visible(note.predictedLabel), ScoreText.format(note.confidence), final, text])
            } else {
                let row = Row(entry, note: nil, blind: blind, letters: letters)
                let decisions = row.decisions.map { "\($0.annotator): \($0.value ?? $0.kind)" }.joined(separator: ", ")
                table.append([TerminalText.visible(entry.externalID), TerminalText.visible(decisions), final, text])
            }
        }
        return table.render()
    }

    static func nothing(project: String, kind: ReviewListKind) -> String {
        let name = TerminalText.visible(project)
        return switch kind {
        case .disagreements: "Nothing to review in \"\(name)\": no item has disagreeing decisions or a flag. See every item with two or more decisions with gloss review \(name) --all."
        case .all: "Nothing to review in \"\(name)\": no item has two or more decisions or a flag."
        case .suspect: "No suspected label errors in \"\(name)\": every final label agrees with the cross-validated model, or the model is not confident enough to doubt it."
        }
    }
}
