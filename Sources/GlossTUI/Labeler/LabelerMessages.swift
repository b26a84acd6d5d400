import Foundation
import GlossClassifier
import GlossCore
import GlossTerminal

/// What `Labeler.update` reacts to: keys and resizes from the terminal, and the replies of
/// the runtime to effects.
public enum LabelerMessage: Sendable, Equatable {
    /// A key, with the time it was read.
    case key(Key, at: Date)
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// Time passed with no key (the runtime's idle wake-up): keeps the rate current.
    case tick(Date)
    /// The runtime's answer to `.save`, `.undo`, `.history…`, `.search`, `.goto`, `.next`:
    /// the item to show now, and what happened.
    case loaded(Navigation)
    /// An effect failed; the item on screen stays, the status line shows `message`.
    case failed(String)
    /// The model worker's suggestion for item `rowID` (nil: it has none yet).
    case suggested(rowID: Int64, Suggestion?)
    /// The runtime's answer to `.openConfirm` and `.saveConfirmed`.
    case confirmLoaded(ConfirmBatch)
    /// Another process published a newer guide version: the screen switches to it and
    /// shows a banner with what changed until the next decision is saved.
    case guideChanged(GuideBanner)
    /// The runtime's answer to `.loadStats`.
    case statsLoaded(StatsReport)
}

/// A newer guide version and the banner announcing it.
public struct GuideBanner: Sendable, Equatable {
    public var guide: Guide
    public var version: Int
    /// "guide v3 by lead: clarify sarcasm · added label sarcasm"
    public var text: String
    public init(guide: Guide, version: Int, text: String) {
        self.guide = guide
        self.version = version
        self.text = text
    }
}

/// Rows for confirm mode, and what the screen before them saved.
public struct ConfirmBatch: Sendable, Equatable {
    /// The next screenful (empty: nothing to confirm now; confirm mode closes).
    public var rows: [ConfirmRow]
    /// Decisions the confirmed screen saved, and the annotator's decided count after them.
    public var saved: Int
    public var decided: Int
    public var status: StatusLine
    public init(rows: [ConfirmRow], saved: Int = 0, decided: Int, status: StatusLine = StatusLine("")) {
        self.rows = rows
        self.saved = saved
        self.decided = decided
        self.status = status
    }
}

/// The runtime's answer to a navigation or save: what to show and the new progress.
public struct Navigation: Sendable, Equatable {
    /// The item to show, or nil when the queue is done.
    public var item: LabelerItem?
    public var context: ItemContext
    /// This annotator's decided count now.
    public var decided: Int
    /// True when a decision was just saved (the session's count grows by one).
    public var savedDecision: Bool
    /// The status line to show ("saved · positive", "undone · item 12", "no match for …").
    public var status: StatusLine
    /// When the item came on screen (its shown-at time).
    public var at: Date

    public init(item: LabelerItem?, context: ItemContext, decided: Int, savedDecision: Bool = false,
                status: StatusLine = StatusLine(""), at: Date) {
        self.item = item
        self.context = context
        self.decided = decided
        self.savedDecision = savedDecision
        self.status = status
        self.at = at
    }
}

/// What `Labeler.update` asks the runtime to do. Each is answered by one `.loaded` or
/// `.failed` message, except `.quit`.
public enum LabelerEffect: Sendable, Equatable {
    /// Commit this decision in its own transaction, then load what comes next: after an
    /// item from the queue or a jump, the queue's next item; after a history item, the
    /// next newer entry of the history (or the queue past its end).
    case save(DecisionInput)
    /// Undo this annotator's last decision (marked undone, never deleted; a decision it
    /// replaced becomes current again) and show its item.
    case undo
    /// Show the history entry older than `before` (an annotation id; nil = the newest).
    case historyBack(before: Int64?)
    /// Show the history entry newer than `after`, or the queue past the newest.
    case historyForward(after: Int64)
    /// Show the first item after the item `after` (row id; nil = from the start), wrapping
    /// around, whose text contains `query` (case-insensitive).
    case search(String, after: Int64?)
    /// Show the item whose dataset id is this.
    case goto(String)
    /// Show the queue's next item (leaving history or a jump).
    case next
    /// Stop: the runtime closes the session and restores the terminal.
    case quit
    /// Serve items in this order from the next one on.
    case setOrder(ItemOrder)
    /// Load up to `rows` items the model is surest about, for confirm mode
    /// (answered by `.confirmLoaded`).
    case openConfirm(rows: Int)
    /// Save each decision of a confirmed screen, then load the next screenful
    /// (answered by `.confirmLoaded`, or `.failed`).
    case saveConfirmed([DecisionInput])
    /// Compute the project's team statistics off the key path (answered by `.statsLoaded`
    /// or `.failed`).
    case loadStats
}
