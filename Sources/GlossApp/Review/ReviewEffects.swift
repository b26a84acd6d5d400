import Foundation
import GlossCore
import GlossStore
import GlossTUI

/// Runs the review screen's effects for one reviewer of one project: each adjudication is
/// one transaction, answered at once with what the store recorded.
public final class ReviewEffects: EffectHandler {
    private let database: GlossDatabase
    private let project: String
    private let reviewer: String
    private let clock: () -> Date

    public init(database: GlossDatabase, project: String, reviewer: String, clock: @escaping () -> Date = Date.init) {
        self.database = database
        self.project = project
        self.reviewer = reviewer
        self.clock = clock
    }

    public func perform(_ effect: ReviewEffect) -> [ReviewMessage] {
        do {
            switch effect {
            case .adjudicate(let itemRowID, let value):
                return [.adjudicated(try database.adjudicate(project: project, itemRowID: itemRowID, reviewer: reviewer,
                                                             value: value, at: clock()))]
            case .undo:
                return [.undone(try database.undoLastAdjudication(project: project, reviewer: reviewer, at: clock()))]
            case .quit:
                return []
            }
        } catch {
            let reason = StoreFailure.sentence(for: error) ?? "\(error)"
            return [.failed(effect == .undo ? "not undone: \(reason)" : "not saved: \(reason)")]
        }
    }

    /// Nothing runs elsewhere on this screen.
    public func takeMessages() -> [ReviewMessage] { [] }
}
