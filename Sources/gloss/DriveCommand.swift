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

    @Argument(help: "The project.", completion: .projects) var project: String
    @Option(name: .customLong("as"), help: "The annotator's name.") var annotator: String
    @Option(help: "How long to label.") var seconds: Double = 10
    @Option(help: "Milliseconds spent on each item before deciding.") var thinkMs: Int = 0
    @Option(help: "Share of decisions undone right after.") var undoRate: Double = 0
    @Option(help: "Seconds a claim lasts without activity.") var leaseSeconds: Double = LabelingSession.defaultLease
    @Option(help: "Seed of the labels chosen.") var seed: UInt64 = 1
    @OptionGroup var store: StoreOptions

    func run() throws {
        let run = HeadlessRun(seconds: seconds, thinkMilliseconds: thinkMs, undoRate: undoRate, seed: seed)
        try run.run(database: try store.openExisting(), project: project, annotator: annotator, lease: leaseSeconds) {
            switch $0 {
            case let .saved(annotation, item, value):
                DriveLog.write(["event": "saved", "annotation": annotation, "item": item, "value": value])
            case let .undone(annotation, item):
                DriveLog.write(["event": "undone", "annotation": annotation, "item": item])
            case let .error(item, message):
                DriveLog.write(["event": "error", "item": item, "message": message])
            case let .done(saved, undone, errors, idle, decided):
                DriveLog.write(["event": "done", "saved": saved, "undone": undone, "errors": errors, "idle_polls": idle,
                                "decided": decided])
            }
        }
    }
}

enum DriveLog {
    static func write(_ event: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
