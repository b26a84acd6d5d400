import Foundation
import GlossCore

/// The team statistics computed on their own thread (a pass over the whole project), so the
/// screen keeps answering keys meanwhile; the effect handler polls `take()`.
final class StatsJob: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<StatsReport, any Error>?

    init(load: @escaping @Sendable () throws -> StatsReport) {
        let thread = Thread { [self] in
            let outcome = Result { try load() }
            lock.withLock { result = outcome }
        }
        thread.start()
    }

    /// The report or the error once done; nil while it runs.
    func take() -> Result<StatsReport, any Error>? { lock.withLock { result } }
}
