import Foundation
import GlossCore
import GlossStore

/// Why `decide` stored nothing.
public struct DecideError: Error, CustomStringConvertible {
    public var project: String
    public var itemID: String
    public var description: String { "project \"\(project)\" has no item with id \"\(itemID)\"" }
}

extension GlossDatabase {
    /// Stores one decision as the labeler does, for a test's fixture: `annotator` opens a
    /// session, decides the item with external id `itemID` (replacing their current
    /// decision on it) and quits, all at `decidedAt`. The project's overlap applies, as it
    /// does for every annotator. Returns what the save did.
    @discardableResult
    public func decide(
        project: String, itemID: String, annotator: String, kind: AnnotationKind = .label,
        value: AnnotationValue?, comment: String? = nil, decidedAt: Date = Date()
    ) throws -> SaveOutcome {
        let session = try LabelingSession.start(database: self, project: project, annotator: annotator, host: "test",
                                                terminalWidth: 80, terminalHeight: 24, at: decidedAt)
        guard let item = try session.item(externalID: itemID) else {
            throw DecideError(project: project, itemID: itemID)
        }
        let outcome = try session.save(DecisionInput(itemRowID: item.rowID, kind: kind, value: value, comment: comment,
                                                     shownAt: decidedAt, decidedAt: decidedAt), stats: KeystrokeStats())
        try session.finish(reason: "quit", stats: KeystrokeStats(), peakRSSKilobytes: nil, at: decidedAt)
        return outcome
    }
}
