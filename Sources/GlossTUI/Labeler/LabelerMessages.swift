import Foundation
import GlossCore
import GlossTerminal

/// What `Labeler.update` reacts to: keys, resizes and time from the terminal, and the facts
/// the effect handler brings back. Messages carry facts, never status text: `update`
/// composes what the screen says.
public enum LabelerMessage: Sendable, Equatable {
    /// A key, with the time it was read.
    case key(Key, at: Date)
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// Time passed with no key: keeps the rate current and runs the timers (guide checks).
    case tick(Date)
    /// The screen opened: load its first item (the list's first entry when browsing).
    case opened(at: Date)
    /// The answer to a save, undo, history step, search, jump or `.next`: the item to show
    /// now (nil: none), how it came, and what happened on the way (`cause`).
    case loaded(Navigation)
    /// What an effect looked for is not there (nothing to undo, no match); the item on
    /// screen stays.
    case notFound(Absence)
    /// An effect failed; the item on screen stays.
    case failed(EffectFailure)
    /// The model's suggestion for item `rowID` (nil: it has none yet).
    case suggested(rowID: Int64, Suggestion?)
    /// The model learned the project's earlier decisions and now suggests with them.
    case modelReady
    /// The answer to `.openConfirm` and `.saveConfirmed`.
    case confirmLoaded(ConfirmBatch)
    /// Another process published a newer guide version.
    case guidePublished(GuidePublication)
    /// The answer to `.loadStats`.
    case statsLoaded(StatsReport)
    /// The answer to `.editText`: what `$EDITOR` gave back.
    case textEdited(ExternalEdit)
}

/// What `Labeler.update` asks the effect handler to do. Each carries everything it needs:
/// the handler never reads the screen's state.
public enum LabelerEffect: Sendable, Equatable {
    /// Commit this decision in its own transaction, then load what follows it; answered by
    /// `.loaded` with cause `.saved` (or `.refused`), or `.failed`.
    case save(DecisionInput, then: FollowUp = .queue)
    /// Undo this annotator's last decision (marked undone, never deleted; a decision it
    /// replaced becomes current again) and show its item (`.loaded`, cause `.undone`).
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
    /// Show the queue's first open item as the screen opens (`.loaded`, cause `.opened`).
    case open
    /// Show the queue's next item (leaving history or a jump).
    case next
    /// Show this item of a browse list (`.loaded`, cause `.listed`).
    case show(rowID: Int64)
    /// The screen is closing (nothing to do: the session is closed after the run).
    case quit
    /// Serve items in this order from the next one on.
    case setOrder(ItemOrder)
    /// Load up to `rows` items the model is surest about, for confirm mode
    /// (answered by `.confirmLoaded`).
    case openConfirm(rows: Int)
    /// Save each decision of a confirmed screen in order, then load the next screenful
    /// (answered by `.confirmLoaded`, or `.failed` saying how many were saved).
    case saveConfirmed([DecisionInput])
    /// Compute the project's team statistics off the key path (answered by `.statsLoaded`
    /// or `.failed`).
    case loadStats
    /// Ask the model for its suggestion on this item (answered by `.suggested`).
    case suggest(rowID: Int64, text: String)
    /// Teach the model a saved decision.
    case learn(rowID: Int64, text: String, value: AnnotationValue)
    /// Make the model forget an undone decision.
    case unlearn(rowID: Int64, text: String, value: AnnotationValue)
    /// Ask whether a guide version newer than `version` was published (answered by
    /// `.guidePublished` when one was, else not at all).
    case checkGuide(newerThan: Int)
    /// Extend the session's claims by a full lease from this time (the annotator is active).
    case renewClaims(at: Date)
    /// Suspend the screen and open `$EDITOR` (else `vi`) on this text in a temporary file;
    /// answered by `.textEdited` once the editor exits and the screen is back.
    case editText(String)
}

/// What comes after a save.
public enum FollowUp: Sendable, Equatable {
    /// The queue's next item.
    case queue
    /// The history entry after this annotation id (the decision changed an earlier one),
    /// else the queue past the newest.
    case history(after: Int64)
    /// This item (the next entry of a browse list).
    case item(rowID: Int64)
    /// Nothing: the browse list is done.
    case nothing
}

/// The handler's answer to a navigation or a save: what to show and the new progress.
public struct Navigation: Sendable, Equatable {
    /// The item to show, or nil when there is none (the queue is done, the list is over).
    public var item: LabelerItem?
    public var context: ItemContext
    /// This annotator's decided count now (nil: unchanged by the effect).
    public var decided: Int?
    /// What happened on the way (a save, an undo, a search), for the status line.
    public var cause: NavigationCause
    /// When the item came on screen (its shown-at time).
    public var at: Date

    public init(item: LabelerItem?, context: ItemContext, decided: Int?, cause: NavigationCause = .next, at: Date) {
        self.item = item
        self.context = context
        self.decided = decided
        self.cause = cause
        self.at = at
    }
}

/// Why an item came on screen.
public enum NavigationCause: Sendable, Equatable {
    /// The screen opened on it.
    case opened
    /// A decision was saved on the item shown before.
    case saved(SavedDecision)
    /// The decision was not saved: the item went to other annotators meanwhile (the
    /// store's sentence), so the queue's next item shows.
    case refused(String)
    /// The annotator's newest decision was undone (its value when it was a label); the item
    /// shows with the decision that is current again, if any.
    case undone(AnnotationValue?)
    /// An earlier decision of the annotator (`[`, `]`).
    case history
    /// `]` past the newest decision.
    case backAtQueue
    /// `.next`: the queue's next item.
    case next
    /// A `/` search found it.
    case found(query: String)
    /// `:goto` reached it.
    case reached
    /// The next entry of a browse list.
    case listed
}

/// A decision just saved, as the status line reports it.
public struct SavedDecision: Sendable, Equatable {
    public var itemRowID: Int64
    public var kind: AnnotationKind
    public var value: AnnotationValue?
    /// Whether it replaced the annotator's earlier decision on the item.
    public var replaced: Bool
    /// The guide version the decision was made under (nil: not told).
    public var guideVersion: Int?
    public init(itemRowID: Int64, kind: AnnotationKind, value: AnnotationValue?, replaced: Bool, guideVersion: Int? = nil) {
        self.itemRowID = itemRowID
        self.kind = kind
        self.value = value
        self.replaced = replaced
        self.guideVersion = guideVersion
    }
}

/// An effect that failed: what was tried and the store's sentence for why.
public struct EffectFailure: Sendable, Equatable {
    public enum Attempt: Sendable, Equatable {
        /// A decision was not saved.
        case save
        /// A confirmed screen was saved in part: `saved` of `of` rows.
        case confirm(saved: Int, of: Int)
        case undo
        /// The team statistics (`:stats`).
        case stats
        /// The model's reading of the store; the labeler goes on without its suggestions.
        case model
        /// A read or a request that decides nothing (search, history, a jump).
        case other
    }
    public var attempt: Attempt
    public var reason: String
    public init(_ attempt: Attempt, _ reason: String) {
        self.attempt = attempt
        self.reason = reason
    }
}

/// What a navigation effect did not find.
public enum Absence: Sendable, Equatable {
    /// The annotator has no decision to undo.
    case nothingToUndo
    /// No history entry older than `before` (nil: the annotator has no decision yet).
    case noHistory(before: Int64?)
    /// No item text contains the query.
    case noMatch(query: String)
    /// No item of the dataset has this id.
    case noItem(id: String)
    /// The session has no model for this (`:order`, `:confirm`).
    case noModel(for: ModelUse)
}

/// What a session's model is asked for.
public enum ModelUse: Sendable, Equatable {
    case order, confirm
}

/// A guide version published while the screen is open.
public struct GuidePublication: Sendable, Equatable {
    public var guide: Guide
    public var version: Int
    public var author: String
    public var message: String
    /// The answer of the new guide's task (it differs when the task changed).
    public var answer: AnswerBox
    public init(guide: Guide, version: Int, author: String, message: String, answer: any TaskAnswer) {
        self.guide = guide
        self.version = version
        self.author = author
        self.message = message
        self.answer = AnswerBox(answer)
    }
}

/// Rows for confirm mode, and what the screen before them saved.
public struct ConfirmBatch: Sendable, Equatable {
    /// The next screenful (empty: nothing to confirm now; confirm mode closes).
    public var rows: [ConfirmRow]
    /// Decisions the confirmed screen saved, how many of them changed the model's label,
    /// and the annotator's decided count after them (nil: unchanged).
    public var saved: Int
    public var fixed: Int
    public var decided: Int?
    public init(rows: [ConfirmRow], saved: Int = 0, fixed: Int = 0, decided: Int?) {
        self.rows = rows
        self.saved = saved
        self.fixed = fixed
        self.decided = decided
    }
}
