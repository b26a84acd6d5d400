import Foundation
import GlossCore
import GlossTerminal

/// Everything the labeling screen shows and waits for, as a value. `Labeler.update` changes
/// it in answer to a message and returns effects for the handler; `Labeler.view` draws it.
/// Neither does I/O.
public struct LabelerState: Sendable, Equatable {
    // MARK: Fixed for the session
    /// The project being labeled.
    public var project: String
    /// The guide in force and its version number.
    public var guide: Guide
    public var guideVersion: Int
    /// Who is labeling.
    public var annotator: String
    /// Whether colors may be used (false with `NO_COLOR`, `--no-color` or a monochrome
    /// terminal): the view then shows every state with bold, reverse and underline only.
    public var colors: Bool
    /// The item order in use, shown in the header (`--order`, `:order NAME`).
    public var order: ItemOrder
    /// A fixed list being walked instead of the queue (`gloss eval --browse`), and the
    /// entry on screen.
    public var browse: BrowseWalk?

    // MARK: Terminal
    /// Columns and rows of the terminal.
    public var width: Int
    public var height: Int

    // MARK: Progress
    /// Items this annotator has decided (active decisions) and the project's item count.
    public var decided: Int
    public var total: Int
    /// When this session started and how many decisions it saved (for items/hour).
    public var sessionStart: Date
    public var sessionDecisions: Int
    /// The time of the last message that carried one (keys, loads): the view's "now".
    public var now: Date

    // MARK: The item on screen
    /// The item shown, or nil when the queue is done (every item decided).
    public var item: LabelerItem?
    /// How the item came on screen: the queue, this annotator's history, or a jump.
    public var context: ItemContext
    /// First wrapped line of the item text shown (PgUp/PgDn, wheel).
    public var itemScroll: Int
    /// The answer being composed for the item, as the guide's task composes it (the
    /// labels toggled on, the spans being edited).
    public var answer: AnswerBox
    /// When the item came on screen (its decision's shown-at time).
    public var shownAt: Date
    /// Per-item measures for the stored decision: keys pressed, active milliseconds (gaps
    /// over 60 s between keys count as idle, not added), and the time of the last key.
    public var keystrokes: Int
    public var activeMilliseconds: Int
    public var lastActivity: Date
    /// A comment typed with `;` for the item, stored with its decision.
    public var pendingComment: String?

    // MARK: Overlays and prompts
    /// What has the keyboard: the labeling keys, a prompt, or the help overlay.
    public var mode: LabelerMode
    /// Whether the guide pane is open (Tab), and its first line shown.
    public var guideVisible: Bool
    public var guideScroll: Int
    /// The status line: the last action ("saved · positive") or an error.
    public var status: StatusLine
    /// Set once `q` (or `:q`) asked to quit; the runtime stops after the `.quit` effect.
    public var quitting: Bool

    // MARK: Waits, the model and the timers
    /// Store work not answered yet (a save waiting for a lock): until it answers, keys
    /// that decide are ignored.
    public var waiting: StoreWait?
    /// The least time an item must have been on screen before a decision on it counts.
    public var minimumLook: TimeInterval
    /// Whether the session has a model, and whether it has learned the earlier decisions.
    public var model: ModelStatus
    /// The item whose suggestion was asked for and has not come yet.
    public var awaitedSuggestion: Int64?
    /// When the store was last asked for a newer guide, and how often it is asked (nil:
    /// never, a screen with no store behind it).
    public var guideCheckedAt: Date
    public var guideCheckInterval: TimeInterval?
    /// When the session's claims were last renewed, and how often key activity renews
    /// them (nil: never).
    public var claimsRenewedAt: Date
    public var claimRenewalInterval: TimeInterval?

    // MARK: Layout caches (filled by `relayout()`, never read from the data on a keystroke)
    /// The item text wrapped to the item pane's width.
    public var wrappedItem: [WrappedLine]
    /// The lines the task draws in place of the wrapped text (pairwise), laid out for the
    /// item pane's width; nil when the task draws the text.
    public var itemBody: [ItemBodyLine]? = nil
    /// Where every 1,024th scalar of the item text starts, so drawing a page deep in a long
    /// text does not walk the text from its start.
    var itemScalars = ScalarCheckpoints(text: "")
    /// The guide rendered to the guide pane's width.
    public var guideLines: [StyledLine]
    /// The widths the caches were computed for (nil before the first `relayout()`).
    public var layoutKey: LayoutKey?
    /// A notice over the item's meta line (a newly published guide), until the next save.
    public var banner: String?
    /// The guide's instructions while they are on screen (over the lower item pane): from
    /// the session's start until its first decision or Esc. Nil when the guide has none.
    public var instructions: String?

    public init(
        project: String, guide: Guide, guideVersion: Int, annotator: String,
        width: Int, height: Int, decided: Int, total: Int, now: Date,
        answer: any TaskAnswer, colors: Bool = true, order: ItemOrder = .sequential, model: ModelStatus = .none,
        browse: BrowseList? = nil
    ) {
        self.project = project
        self.guide = guide
        self.guideVersion = guideVersion
        self.annotator = annotator
        self.colors = colors
        self.order = order
        self.browse = browse.map { BrowseWalk(list: $0) }
        self.width = width
        self.height = height
        self.decided = decided
        self.total = total
        sessionStart = now
        sessionDecisions = 0
        self.now = now
        item = nil
        context = .queue
        itemScroll = 0
        self.answer = AnswerBox(answer.restarted(for: nil, guide: guide))
        shownAt = now
        keystrokes = 0
        activeMilliseconds = 0
        lastActivity = now
        pendingComment = nil
        mode = .labeling
        guideVisible = false
        guideScroll = 0
        status = StatusLine("")
        quitting = false
        waiting = nil
        minimumLook = LabelerUpdate.minimumLook
        self.model = browse == nil ? model : .none
        awaitedSuggestion = nil
        guideCheckedAt = now
        guideCheckInterval = nil
        claimsRenewedAt = now
        claimRenewalInterval = nil
        wrappedItem = []
        guideLines = []
        layoutKey = nil
        banner = nil
        instructions = nil
    }
}

/// Whether the labeler has a model to suggest labels and order items.
public enum ModelStatus: Sendable, Equatable {
    /// No model (`--no-model`, or browsing a list): no suggestions, sequential order.
    case none
    /// The model is learning the project's earlier decisions.
    case warming
    /// The model has learned them and answers with what it knows.
    case ready
}

/// A browse list being walked: the list, and the position of the entry on screen (0
/// before the first).
public struct BrowseWalk: Sendable, Equatable {
    public var list: BrowseList
    public var position: Int
    public init(list: BrowseList, position: Int = 0) {
        self.list = list
        self.position = position
    }

    /// The entry after the one on screen, if any.
    public var nextEntry: BrowseList.Entry? {
        list.entries.indices.contains(position) ? list.entries[position] : nil
    }
}

/// One dataset item as the labeler shows it.
public struct LabelerItem: Sendable, Equatable {
    /// The item's row id (`items.id`) and its id in the dataset (`items.external_id`).
    public var rowID: Int64
    public var externalID: String
    /// The text, exactly as imported (the view sanitizes it; span offsets index it).
    public var text: String
    /// The metadata as one line (compact JSON), shown dim; nil when there is none.
    public var metadata: String?
    /// This annotator's current decision on the item, when it has one (revisiting).
    public var existing: ExistingDecision?
    /// The model's pre-label, or a stored (imported) suggestion, when one exists.
    public var suggestion: Suggestion?
    /// The prompt and model responses of an item that has them (the pairwise task draws
    /// these, not `text`).
    public var parts: ItemParts?

    public init(rowID: Int64, externalID: String, text: String, metadata: String? = nil,
                existing: ExistingDecision? = nil, suggestion: Suggestion? = nil, parts: ItemParts? = nil) {
        self.rowID = rowID
        self.externalID = externalID
        self.text = text
        self.metadata = metadata
        self.existing = existing
        self.suggestion = suggestion
        self.parts = parts
    }
}

/// A decision already stored for the item shown.
public struct ExistingDecision: Sendable, Equatable {
    public var annotationID: Int64
    public var kind: AnnotationKind
    public var value: AnnotationValue?
    public var comment: String?
    public init(annotationID: Int64, kind: AnnotationKind, value: AnnotationValue?, comment: String? = nil) {
        self.annotationID = annotationID
        self.kind = kind
        self.value = value
        self.comment = comment
    }
}

/// A pre-label and its confidence (0...1), and per-label probabilities for the label bar.
public struct Suggestion: Sendable, Equatable {
    public var value: AnnotationValue
    public var confidence: Double
    public var probabilities: [String: Double]
    /// Where a suggestion kept in the store came from (e.g. "label-studio:bert-v2"); nil
    /// for the labeler's own model.
    public var source: String?
    /// Whether `confidence` was measured (an imported prediction may come without a score).
    public var scored: Bool
    public init(value: AnnotationValue, confidence: Double, probabilities: [String: Double] = [:], source: String? = nil, scored: Bool = true) {
        self.value = value
        self.confidence = confidence
        self.probabilities = probabilities
        self.source = source
        self.scored = scored
    }
}

/// How the item on screen got there, which decides what comes after it is decided.
public enum ItemContext: Sendable, Equatable {
    /// The next undecided item in project order.
    case queue
    /// An earlier decision of this annotator, reached with `[` / `]` (its annotation id).
    case history(annotationID: Int64)
    /// Reached with `/` search or `:goto`.
    case jumped
}

/// Who has the keyboard.
public enum LabelerMode: Sendable, Equatable {
    /// Label keys, navigation keys.
    case labeling
    /// A one-line prompt at the bottom (`:` command, `/` search, `!` note, `;` comment).
    case prompt(Prompt)
    /// The help overlay (`?`), scrolled to a line.
    case help(scroll: Int)
    /// Confirm mode (`:confirm`): a screenful of the model's surest items to confirm at once.
    case confirm(ConfirmList)
    /// The team dashboard (`:stats`): the project's statistics (nil while they load), scrolled.
    case stats(StatsReport?, scroll: Int)
}

/// Confirm mode's list: each row an item with the model's label, which the annotator may
/// change with a label key before confirming the screen.
public struct ConfirmList: Sendable, Equatable {
    public var rows: [ConfirmRow]
    /// The row the cursor is on.
    public var cursor: Int
    /// When the list came on screen (each row's shown-at time).
    public var openedAt: Date
    public init(rows: [ConfirmRow], cursor: Int = 0, openedAt: Date) {
        self.rows = rows
        self.cursor = cursor
        self.openedAt = openedAt
    }
}

public struct ConfirmRow: Sendable, Equatable {
    public var rowID: Int64
    public var externalID: String
    public var text: String
    public var suggestion: Suggestion
    /// The label the row will be saved with: the suggestion's until a label key changes it.
    public var label: String
    public init(rowID: Int64, externalID: String, text: String, suggestion: Suggestion, label: String) {
        self.rowID = rowID
        self.externalID = externalID
        self.text = text
        self.suggestion = suggestion
        self.label = label
    }
    /// Whether the annotator changed the model's label.
    public var isFixed: Bool { suggestion.value != .label(label) }
}

/// A one-line text prompt being typed.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case command, search, flagNote, comment }
    public var kind: Kind
    /// The text being typed, its cursor and undo: the line editor, on one line.
    public var editor: LineEditor
    public var text: String { editor.text }
    public init(_ kind: Kind, text: String = "") {
        self.kind = kind
        editor = LineEditor(text, multiline: false)
    }
}

/// The status line's text, and whether it reports an error (drawn in red / reverse).
public struct StatusLine: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    /// `text` for the status line: in quotes, control characters as spaces, cut to
    /// `limit` characters with an ellipsis.
    public static func quoted(_ text: String, limit: Int = 30) -> String {
        var clean = ""
        for character in text {
            let isControl = character.unicodeScalars.contains {
                $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}"
            }
            clean.append(isControl ? " " : character)
        }
        if clean.count > limit { clean = String(clean.prefix(limit - 1)) + "…" }
        return "\"\(clean)\""
    }
}

/// One wrapped line of the item text: its display text and the scalar offsets of the
/// original text it covers (so span highlights can be drawn on it).
public struct WrappedLine: Sendable, Equatable {
    public var text: String
    public var scalarRange: Range<Int>
    public init(text: String, scalarRange: Range<Int>) {
        self.text = text
        self.scalarRange = scalarRange
    }
}

/// What the layout caches were computed for: the item and width of `wrappedItem`, and the
/// width of `guideLines` (nil until the guide pane first opens).
public struct LayoutKey: Sendable, Equatable {
    public var itemRowID: Int64?
    public var textWidth: Int
    public var guideWidth: Int?
    /// The answer the task's item body was laid out for (nil: none yet).
    public var bodyAnswer: AnswerBox?
    /// The question's lines atop the guide pane the guide was rendered with.
    public var guideFocus: String?
    public init(itemRowID: Int64?, textWidth: Int, guideWidth: Int?, bodyAnswer: AnswerBox? = nil, guideFocus: String? = nil) {
        self.guideFocus = guideFocus
        self.itemRowID = itemRowID
        self.textWidth = textWidth
        self.guideWidth = guideWidth
        self.bodyAnswer = bodyAnswer
    }
}
