import Foundation
import GlossClassifier
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

/// `--suspect`: the final labels of a classify project checked by confident learning.
struct SuspectSearch {
    let database: GlossDatabase
    let project: String
    let guide: Guide
    let folds: Int
    let seed: UInt64

    static let minimumItems = 20

    func run() throws -> (ranked: [Int64], notes: [Int64: SuspectNote]) {
        let name = TerminalText.visible(project)
        guard guide.task == .classify else {
            throw CommandFailure("--suspect works on classify projects; \"\(name)\" is a \(guide.task.rawValue) project. Review its disagreements with gloss review \(name).")
        }
        let labels = guide.labels.map(\.name)
        let finals = try database.finalLabels(project: project).filter { labels.contains($0.label) }
        let counts = labels.map { label in finals.filter { $0.label == label }.count }
        let perLabel = zip(labels, counts).map { "\($0) \($1)" }.joined(separator: ", ")
        if finals.count < Self.minimumItems || counts.filter({ $0 >= 2 }).count < 2 {
            throw CommandFailure("too few labeled items to cross-validate: \"\(name)\" has \(finals.count) items with a final label (at least \(Self.minimumItems) are needed, with two labels of at least 2 items each; per label: \(perLabel)). Label more with gloss label \(name).")
        }
        var errors = StandardError()
        for (label, count) in zip(labels, counts) where count == 1 {
            print("warning: label \"\(TerminalText.visible(label))\" has 1 item; the model can hardly learn it.", to: &errors)
        }
        if isatty(STDERR_FILENO) == 1 {
            print("Cross-validating \(finals.count) items in \(min(folds, finals.count)) folds…", to: &errors)
        }
        let examples = finals.map { ConfidentLearning.Example(text: $0.text, label: $0.label) }
        let result = ConfidentLearning.findSuspects(examples, labels: labels, folds: min(folds, finals.count), options: ClassifierOptions(seed: seed))
        var notes: [Int64: SuspectNote] = [:]
        let ranked = result.suspects.map { suspect -> Int64 in
            let item = finals[suspect.index].itemRowID
            notes[item] = SuspectNote(givenLabel: suspect.givenLabel, predictedLabel: suspect.predictedLabel, confidence: suspect.confidence)
            return item
        }
        return (ranked, notes)
    }
}
