import Foundation
import GlossCore
import GlossTasks

/// The team statistics computed on their own thread (they read the whole project), so the
/// screen keeps answering keys meanwhile; the effect handler polls `take()`.
final class StatsJob: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<StatsReport, any Error>?

    init(load: @escaping @Sendable () throws -> StatsInput) {
        let thread = Thread { [self] in
            let outcome = Result {
                let input = try load()
                return TeamStats.report(input, agreement: AgreementMeasures.measure(for: input.project.task))
            }
            lock.withLock { result = outcome }
        }
        thread.start()
    }

    /// The report or the error once done; nil while it runs.
    func take() -> Result<StatsReport, any Error>? { lock.withLock { result } }
}
