import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossStore

/// `gloss drive`: a headless annotator for load and fault tests. It labels through the
/// same session API as the labeler (claims, overlap, saves, undo) and logs every event
/// as a JSON line, so a test can check the store against what was done.
struct DriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drive",
        abstract: "Label a project headlessly for a while (for load and fault tests).",
        discussion: """
            Each event is one JSON line on stdout: {"event":"saved","annotation":ID,"item":"r1","value":...}, \
            {"event":"undone","item":"r1"}, {"event":"error","message":...}, and {"event":"done",...} last.

            Example:
              gloss drive reviews --as bot1 --seconds 60 --think-ms 40
            """,
        shouldDisplay: false
    )

    @Argument(help: "The project.") var project: String
    @Option(name: .customLong("as"), help: "The annotator's name.") var annotator: String
    @Option(help: "How long to label.") var seconds: Double = 10
    @Option(help: "Milliseconds spent on each item before deciding.") var thinkMs: Int = 0
    @Option(help: "Share of decisions undone right after.") var undoRate: Double = 0
    @Option(help: "Seconds a claim lasts without activity.") var leaseSeconds: Double = LabelingSession.defaultLease
    @Option(help: "Seed of the labels chosen.") var seed: UInt64 = 1
    @OptionGroup var store: StoreOptions

    func run() throws {
        let database = try store.openExisting()
        let session = try LabelingSession.start(database: database, project: project, annotator: annotator, host: HostName.current,
                                                terminalWidth: 0, terminalHeight: 0, lease: leaseSeconds)
        var random = SeededGenerator(seed: seed)
        let labels = session.guide.labels.map(\.name)
        let end = Date().addingTimeInterval(seconds)
        var saved = 0, undone = 0, errors = 0, empty = 0
        var item = try session.nextItem()
        var decided = session.decidedAtStart
        while Date() < end {
            guard let current = item else {
                empty += 1
                Thread.sleep(forTimeInterval: 0.05)  // others' claims may lapse or be released
                item = try session.nextItem()
                continue
            }
            let shown = Date()
            if thinkMs > 0 { Thread.sleep(forTimeInterval: Double(thinkMs) / 1000) }
            let value = Self.value(for: current, task: session.guide.task, labels: labels, random: &random)
            let input = DecisionInput(itemRowID: current.rowID, kind: .label, value: value, shownAt: shown, decidedAt: Date(),
                                      activeMilliseconds: thinkMs, keystrokes: 1)
            do {
                let outcome = try session.save(input, stats: KeystrokeStats(keystrokes: saved + 1))
                saved += 1
                decided = outcome.decided
                DriveLog.write(["event": "saved", "annotation": outcome.annotationID, "item": current.externalID,
                                "value": value.json(itemText: current.text)])
                item = outcome.next
                if undoRate > 0, Double.random(in: 0..<1, using: &random) < undoRate,
                   let back = try session.undoLast(stats: KeystrokeStats(keystrokes: saved)) {
                    undone += 1
                    decided = back.decided
                    DriveLog.write(["event": "undone", "annotation": outcome.annotationID, "item": back.item.externalID])
                    item = back.item
                }
            } catch {
                errors += 1
                DriveLog.write(["event": "error", "item": current.externalID, "message": StoreFailure.sentence(for: error) ?? "\(error)"])
                item = try session.nextItem()
            }
        }
        try session.finish(reason: "quit", stats: KeystrokeStats(keystrokes: saved), peakRSSKilobytes: nil)
        DriveLog.write(["event": "done", "saved": saved, "undone": undone, "errors": errors, "idle_polls": empty,
                        "decided": decided])
    }

    static func value(for item: StoredItem, task: TaskType, labels: [String], random: inout SeededGenerator) -> AnnotationValue {
        switch task {
        case .classify: return .label(labels[Int.random(in: 0..<labels.count, using: &random)])
        case .multilabel: return .labels(labels.filter { _ in Bool.random(using: &random) })
        case .spans:
            let first = SpanTokenizer.tokens(item.text).first
            return .spans(first.map { [LabeledRange(start: $0.start, end: $0.end, label: labels[0])] } ?? [])
        }
    }
}

enum DriveLog {
    static func write(_ event: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
