import Foundation
import GlossCore
import GlossTerminal

/// What the annotator cannot have seen: keys while the store has not answered, keys on a
/// screen too small to show the item, and keys faster than anyone can read the item that
/// just came on screen. None of them decides anything; the status line says why.
extension LabelerUpdate {
    /// Shorter than this between an item coming on screen and a decision on it, the
    /// decision cannot be about that item (people react to a new screen in 200 ms or more).
    static let minimumLook: TimeInterval = 0.15

    /// After this long without an answer the status line says the screen is waiting.
    static let waitNotice: TimeInterval = 0.1

    /// Whether an effect must be answered before the annotator decides anything else: it
    /// writes a decision or changes the item on screen.
    static func blocksDecisions(_ effect: LabelerEffect) -> Bool {
        switch effect {
        case .save, .undo, .historyBack, .historyForward, .search, .goto, .open, .next, .show, .openConfirm,
             .saveConfirmed:
            true
        case .quit, .setOrder, .loadStats, .suggest, .learn, .unlearn, .checkGuide, .renewClaims, .editText:
            false
        }
    }

    /// Notes the store work `effects` start, so later keys wait for its answer.
    static func noteWaits(_ state: inout LabelerState, _ effects: [LabelerEffect], at time: Date) {
        guard state.waiting == nil, let first = effects.first(where: blocksDecisions) else { return }
        state.waiting = StoreWait(since: time, saving: saving(first))
    }

    /// "#r005 · positive" for a save: what the status line reports while it waits.
    private static func saving(_ effect: LabelerEffect) -> String? {
        switch effect {
        case .save(let draft, _): describe(draft.kind, draft.value)
        case .saveConfirmed(let drafts): NumberText.counted(drafts.count, "decision")
        default: nil
        }
    }

    /// Whether `message` answers the store work being waited for.
    static func answersWait(_ message: LabelerMessage) -> Bool {
        switch message {
        case .loaded, .notFound, .confirmLoaded: true
        case .failed(let failure): failure.attempt != .stats && failure.attempt != .model
        default: false
        }
    }

    /// A key while the store has not answered: only keys that decide nothing (scrolling,
    /// the guide, help, quitting) go through; the others are ignored, and said to be.
    static func keyWhileWaiting(_ state: inout LabelerState, _ wait: StoreWait, _ key: Key,
                                at time: Date) -> [LabelerEffect]? {
        switch key {
        case .up, .down, .pageUp, .pageDown, .home, .end, .mouseWheelUp, .mouseWheelDown, .shiftUp, .shiftDown, .tab:
            return nil
        case _ where isQuitKey(key) || key == .control("c"):
            return nil
        default:
            if case .help = state.mode { return nil }
            state.waiting?.ignored = key.displayName
            state.status = waitingStatus(state.waiting ?? wait, at: time)
            return []
        }
    }

    /// "waiting for the store: 1.2 s (saving positive) · p ignored" (the last key ignored,
    /// until the wait ends).
    static func waitingStatus(_ wait: StoreWait, at time: Date) -> StatusLine {
        let seconds = max(0, time.timeIntervalSince(wait.since))
        var text = "waiting for the store: " + String(format: "%.1f s", seconds)
        if let saving = wait.saving { text += " (saving \(saving))" }
        text += wait.ignored.map { " · \($0) ignored" } ?? " · another process is writing; keys wait"
        return StatusLine(text)
    }

    /// The status line of a wait that has lasted long enough to show.
    static func showWait(_ state: inout LabelerState, at time: Date) {
        guard let wait = state.waiting, time.timeIntervalSince(wait.since) >= waitNotice else { return }
        state.status = waitingStatus(wait, at: time)
    }

    /// A key on a screen too small to show the item: only quitting works.
    static func keyWhenTooSmall(_ state: inout LabelerState, _ key: Key) -> [LabelerEffect]? {
        guard Labeler.isTooSmall(width: state.width, height: state.height), !isQuitKey(key), key != .control("c") else { return nil }
        state.status = StatusLine("the terminal is too small to show the item: \(key.displayName) ignored", isError: true)
        return []
    }

    /// Whether a decision at `time` comes too soon after the item came on screen to be about
    /// it; if so the status line says so.
    static func tooQuick(_ state: inout LabelerState, at time: Date) -> Bool {
        let shown = time.timeIntervalSince(state.shownAt)
        guard shown >= 0, shown < state.minimumLook else { return false }
        let id = state.item.map { "#\($0.externalID) " } ?? ""
        state.status = StatusLine("\(id)came on screen \(Int((shown * 1000).rounded())) ms ago: nothing saved; read it, then decide",
                                  isError: true)
        return true
    }
}

/// Store work the screen waits for before anything else is decided.
public struct StoreWait: Sendable, Equatable {
    /// When it started.
    public var since: Date
    /// What a save is saving ("positive", "skipped"), for the status line; nil for a read.
    public var saving: String?
    /// The last key ignored while waiting, as the status line names it.
    public var ignored: String?
    public init(since: Date, saving: String?, ignored: String? = nil) {
        self.since = since
        self.saving = saving
        self.ignored = ignored
    }
}
