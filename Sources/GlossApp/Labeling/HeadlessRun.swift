import Foundation
import GlossCore
import GlossStore
import GlossTasks

/// A headless annotator for load and fault tests (`gloss drive`): it labels through the
/// same session API as the labeler (claims, overlap, saves, undo), picking each answer as
/// the task kind's `sampleAnswer` does, and reports every event as it happens.
public struct HeadlessRun {
    /// What happened, one event at a time.
    public enum Event {
        case saved(annotationID: Int64, item: String, valueJSON: String)
        case undone(annotationID: Int64, item: String)
        case error(item: String, message: String)
        case done(saved: Int, undone: Int, errors: Int, idlePolls: Int, decided: Int)
    }

    public var seconds: Double
    public var thinkMilliseconds: Int
    /// Share of decisions undone right after.
    public var undoRate: Double
    public var seed: UInt64

    public init(seconds: Double, thinkMilliseconds: Int, undoRate: Double, seed: UInt64) {
        self.seconds = seconds
        self.thinkMilliseconds = thinkMilliseconds
        self.undoRate = undoRate
        self.seed = seed
    }

    /// Labels `project` as `annotator` for `seconds`, then closes the session.
    public func run(database: GlossDatabase, project: String, annotator: String, lease: TimeInterval,
                    report: (Event) -> Void) throws {
        let session = try LabelingSession.start(database: database, project: project, annotator: annotator,
                                                host: HostName.current, terminalWidth: 0, terminalHeight: 0, lease: lease)
        let kind = TaskKinds.kind(for: session.guide.task)
        var random = SeededGenerator(seed: seed)
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
            if thinkMilliseconds > 0 { Thread.sleep(forTimeInterval: Double(thinkMilliseconds) / 1000) }
            let value = kind.sampleAnswer(for: current.text, parts: current.parts, guide: session.guide, using: &random)
            let input = DecisionInput(itemRowID: current.rowID, kind: .label, value: value, shownAt: shown,
                                      decidedAt: Date(), activeMilliseconds: thinkMilliseconds, keystrokes: 1)
            do {
                let outcome = try session.save(input, stats: KeystrokeStats(keystrokes: saved + 1))
                saved += 1
                decided = outcome.decided
                report(.saved(annotationID: outcome.annotationID, item: current.externalID,
                              valueJSON: value.json(itemText: current.text)))
                item = outcome.next
                if undoRate > 0, Double.random(in: 0..<1, using: &random) < undoRate,
                   let back = try session.undoLast(stats: KeystrokeStats(keystrokes: saved)) {
                    undone += 1
                    decided = back.decided
                    report(.undone(annotationID: outcome.annotationID, item: back.item.externalID))
                    item = back.item
                }
            } catch {
                errors += 1
                report(.error(item: current.externalID, message: StoreFailure.sentence(for: error) ?? "\(error)"))
                item = try session.nextItem()
            }
        }
        try session.finish(reason: "quit", stats: KeystrokeStats(keystrokes: saved), peakRSSKilobytes: nil)
        report(.done(saved: saved, undone: undone, errors: errors, idlePolls: empty, decided: decided))
    }
}
