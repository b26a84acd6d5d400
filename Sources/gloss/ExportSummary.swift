import Foundation
import GlossApp
import GlossCore
import GlossTasks

/// What `gloss export` prints when it succeeds.
enum ExportSummary {
    /// The summary: on standard error when the data went to standard output.
    static func print(_ outcome: ExportRun.Outcome, request: ExportRun.Request) {
        let m = outcome.manifest
        var lines: [String] = []
        let place = request.destination.map { TerminalText.visible($0) } ?? "standard output"
        let splitText = m.split.map { "\($0.shares) seed \($0.seed)\($0.stratify ? " stratified" : "")" } ?? "no split"
        // `all` on a judging kind writes a row per annotator: the count is of rows then.
        let eachAnnotator = m.policy == .all && TaskKinds.kind(for: m.task).consensusRule(labels: []).allKeepsEachAnnotator
        let written = eachAnnotator ? NumberText.counted(m.counts.items, "row") + " (one per annotator)"
                                    : NumberText.counted(m.counts.items, "item")
        lines.append("Exported \(written) of \(TerminalText.visible(m.project)) to \(place) (\(m.format.rawValue), \(m.policy.rawValue), \(splitText)).")
        if !m.counts.splits.isEmpty {
            lines.append("  " + ExportSplit.allCases.compactMap { s in m.counts.splits[s.rawValue].map { "\(s.rawValue) \(NumberText.grouped($0))" } }.joined(separator: " · "))
        }
        if let predicted = m.counts.sources[ExportSource.prediction.rawValue], predicted > 0 {
            lines.append("  \(NumberText.grouped(predicted)) of them are the model's predictions (v\(m.model?.version ?? 0)).")
        }
        let leftOut = m.counts.leftOut.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        if !leftOut.isEmpty {
            lines.append("  Left out: " + leftOut.map { "\(NumberText.grouped($0.value)) \($0.key)" }.joined(separator: ", ") + ".")
        }
        let check = request.destination.map { " Check it with: gloss export --verify \(TerminalText.visible($0))" } ?? ""
        if let id = outcome.exportID {
            lines.append("Recorded as export #\(id) (gloss exports \(TerminalText.visible(m.project))).\(check)")
        } else {
            lines.append("Not recorded in the store: it is read-only for you, so it was left as it was"
                + "\(m.split?.stratify == true ? " (new items' stratified splits were not remembered)" : "").\(check)")
        }
        let text = lines.joined(separator: "\n") + "\n"
        if request.destination == nil {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            Swift.print(text, terminator: "")
        }
    }
}
