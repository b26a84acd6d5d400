import Foundation
import GlossCore
import GlossTerminal

/// The labeling screen as a program: `update` (LabelerUpdate*.swift) and `view`
/// (LabelerView*.swift) over `LabelerState`; `ProgramRuntime` runs it, and an effect
/// handler (GlossApp's labeling session) answers its effects from the store and the model.
public enum Labeler: ScreenProgram {
    /// The smallest terminal the screen draws in; below it shows "terminal too small".
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    /// Whether a `width`×`height` terminal is below the smallest the screen draws in.
    static func isTooSmall(width: Int, height: Int) -> Bool {
        width < minimumWidth || height < minimumHeight
    }
    /// From this width the guide pane opens beside the item; narrower, it covers the
    /// lower part of the screen.
    public static let sideBySideWidth = 120
    /// How often the session's items are re-leased while the annotator is active.
    public static let claimRenewal: TimeInterval = 60

    public static func message(for event: ScreenEvent) -> LabelerMessage {
        switch event {
        case .key(let key, let time): .key(key, at: time)
        case .resize(let width, let height): .resize(width: width, height: height)
        case .idle(let time): .tick(time)
        }
    }

    public static func isFinished(_ state: LabelerState) -> Bool { state.quitting }

    /// Polls every 5 ms while an answer the screen shows is due from elsewhere (the
    /// model's suggestion, its warm-up, the statistics), else sleeps until the next guide
    /// check.
    public static func idleTimeout(_ state: LabelerState) -> Duration {
        var waiting = state.model != .none && (state.awaitedSuggestion != nil || state.model == .warming)
        if case .stats(nil, _) = state.mode { waiting = true }
        if waiting { return .milliseconds(5) }
        if state.waiting != nil { return .milliseconds(50) }  // the wait's clock on the status line
        return .milliseconds(Int64(max(state.guideCheckInterval ?? 2, 0.05) * 1000))
    }
}
