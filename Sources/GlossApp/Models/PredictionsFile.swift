import Foundation
import GlossCore
import GlossStore

/// Reads the JSONL that `gloss predict` writes (`id` and `label`, or `labels`; `scores`
/// optional) and lines its predictions up with gold items by id.
struct PredictionsFile {
    struct Entry {
        var labels: [Int]
        var confidence: Double?
    }

    var entries: [String: Entry] = [:]

    /// Reads `path`; a line that is not a prediction of `labels` is an error naming its number.
    init(path: String, labels: [String], multilabel: Bool) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UseCaseFailure("cannot read \(path); pass the file gloss predict wrote with --predictions FILE.")
        }
        let name = TerminalText.visible(path)
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let object = FoundationJSON.object(Data(line)) as? [String: Any] else {
                throw UseCaseFailure("\(name):\(number): not a JSON object; each line must be "
                    + "{\"id\":…,\"label\":…} as gloss predict writes.")
            }
            let id: String
            switch object["id"] {
            case let text as String: id = text
            case let value as NSNumber: id = value.stringValue
            default: throw UseCaseFailure("\(name):\(number): the line has no \"id\" to match it with an item.")
            }
            let names: [String]
            if let label = object["label"] as? String { names = [label] }
            else if let list = object["labels"] as? [String] { names = list }
            else { throw UseCaseFailure("\(name):\(number): the line has no \"label\" (or \"labels\" list).") }
            if !multilabel, names.count != 1 {
                throw UseCaseFailure("\(name):\(number): a single-label project needs exactly one predicted label, "
                    + "not \(names.count).")
            }
            var indices: [Int] = []
            for label in names {
                guard let index = labels.firstIndex(of: label) else {
                    let known = labels.joined(separator: ", ")
                    throw UseCaseFailure("\(name):\(number): \"\(TerminalText.visible(label))\" is not one of the "
                        + "labels (\(known)).")
                }
                indices.append(index)
            }
            let scores = object["scores"] as? [String: Any]
            let confidence = names.count == 1 ? (scores?[names[0]] as? NSNumber)?.doubleValue : nil
            entries[id] = Entry(labels: indices, confidence: confidence)
        }
    }

    /// Gold beside predicted for every item that has a prediction; `missing` counts those without.
    func evaluate(_ items: [LabeledItem], labels: [String], multilabel: Bool)
        -> (evaluation: Evaluation, missing: Int) {
        var evaluation = Evaluation(labels: labels, multilabel: multilabel)
        var missing = 0
        for item in items {
            guard let entry = entries[item.externalID] else { missing += 1; continue }
            evaluation.outcomes.append(.init(id: item.externalID, gold: Evaluation.indices(of: item.labels, in: labels),
                                             predicted: entry.labels, confidence: entry.confidence))
        }
        return (evaluation, missing)
    }
}
