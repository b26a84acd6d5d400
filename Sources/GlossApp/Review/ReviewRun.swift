import Foundation
import GlossCore
import GlossStore
import GlossTasks
import GlossTerminal
import GlossTUI

/// A reviewer's session on the review screen: the `Review` program over a list of items,
/// with `ReviewEffects` storing each adjudication, until the reviewer quits or a signal
/// arrives.
public enum ReviewRun {
    /// What a finished review did, for the line printed after it.
    public struct Summary: Sendable, Equatable {
        public var exit: ProgramExit
        public var adjudicated: Int
        public var undone: Int
        /// Listed items with a final answer at the end, and how many were listed.
        public var final: Int
        public var listed: Int
    }

    /// Runs the screen on `terminal` (started; `colors`: whether it draws in color).
    public static func run<Backend: TerminalBackend>(
        database: GlossDatabase, project: String, guide: Guide, reviewer: String, list: ReviewListKind, blind: Bool,
        entries: [ReviewEntry], suspects: [Int64: SuspectNote], on terminal: Backend, colors: Bool,
        clock: @escaping () -> Date = Date.init
    ) -> Summary {
        let size = terminal.size
        let state = ReviewState(project: project, guide: guide, reviewer: reviewer, kind: list, blind: blind,
                                task: TaskKinds.kind(for: guide.task).review, entries: entries,
                                suspects: suspects, width: size.width, height: size.height, colors: colors)
        let handler = ReviewEffects(database: database, project: project, reviewer: reviewer, clock: clock)
        let runtime = ProgramRuntime<Review, ReviewEffects, Backend>(state: state, handler: handler, terminal: terminal,
                                                                      clock: clock)
        let exit = runtime.run()
        let final = runtime.state.entries.filter { $0.adjudication != nil }.count
        return Summary(exit: exit, adjudicated: runtime.state.adjudicated, undone: runtime.state.undone, final: final,
                       listed: runtime.state.entries.count)
    }
}
