import Foundation
import GlossCore
import GlossTerminal

/// The review screen (`gloss review`) as a program: `Review.update` and `Review.view` over
/// `ReviewState`, run by `ProgramRuntime` with an effect handler that stores adjudications.
/// A lead walks the items whose annotators disagree and picks the final answer.
public enum Review: ScreenProgram {
    /// Below this size only "terminal too small" is drawn (as in the labeler).
    public static var minimumWidth: Int { Labeler.minimumWidth }
    public static var minimumHeight: Int { Labeler.minimumHeight }

    public static func message(for event: ScreenEvent) -> ReviewMessage {
        switch event {
        case .key(let key, _): .key(key)
        case .resize(let width, let height): .resize(width: width, height: height)
        case .idle: .tick
        }
    }

    public static func isFinished(_ state: ReviewState) -> Bool { state.quitting }

    /// Nothing on the screen changes by itself: it waits for keys.
    public static func idleTimeout(_ state: ReviewState) -> Duration { .seconds(60) }
}

/// Which list the screen walks, shown in its header.
public enum ReviewListKind: String, Sendable, Equatable {
    case disagreements, all, suspect
}

/// The cross-validated model's view of a suspected label error (`--suspect`).
public struct SuspectNote: Sendable, Equatable {
    public var givenLabel: String
    public var predictedLabel: String
    public var confidence: Double
    public init(givenLabel: String, predictedLabel: String, confidence: Double) {
        self.givenLabel = givenLabel
        self.predictedLabel = predictedLabel
        self.confidence = confidence
    }
}

/// Everything the review screen shows, as a value; `Review.update` changes it and
/// returns effects, `Review.view` draws it. Neither does I/O.
public struct ReviewState: Sendable, Equatable {
    public var project: String
    public var guide: Guide
    public var reviewer: String
    public var kind: ReviewListKind
    /// Annotator names hidden behind letters (`--blind`).
    public var blind: Bool
    /// The task kind's part of the screen (label keys, how values read).
    public var task: TaskReviewBox
    /// Whether a label's key makes that label the final answer (the task says: classify).
    public var labelKeysDecide: Bool { task.value.labelKeysDecide }
    public var colors: Bool
    public var width: Int
    public var height: Int

    /// The items to review, and the one on screen (`entries.count`: past the end, the summary).
    public var entries: [ReviewEntry]
    public var position: Int
    /// `--suspect`: the model's prediction per item row id.
    public var suspects: [Int64: SuspectNote]
    /// The decision row selected (↑/↓) for Enter.
    public var cursor: Int
    /// First wrapped line of the item text shown (PgUp/PgDn).
    public var itemScroll: Int
    /// Stable letters for annotators, first seen first, for the whole session.
    public var letters: [String: String]
    public var status: StatusLine
    public var helpVisible: Bool
    /// The final text being written anew (`e` on a text project), while the editor is open.
    public var editor: LineEditor?
    public var quitting: Bool
    /// Adjudications stored and undone in this session.
    public var adjudicated: Int
    public var undone: Int

    /// Caches filled by `relayout()`: the item text wrapped and the guide's sections for the
    /// labels in question, and what they were computed for.
    public var wrappedItem: [WrappedLine]
    public var guideLines: [StyledLine]
    public var cacheKey: LayoutKey?

    public init(project: String, guide: Guide, reviewer: String, kind: ReviewListKind, blind: Bool,
                task: any TaskReview, entries: [ReviewEntry], suspects: [Int64: SuspectNote] = [:], width: Int, height: Int,
                colors: Bool = true) {
        self.project = project
        self.guide = guide
        self.reviewer = reviewer
        self.kind = kind
        self.blind = blind
        self.task = TaskReviewBox(task)
        self.colors = colors
        self.width = width
        self.height = height
        self.entries = entries
        self.suspects = suspects
        position = 0
        cursor = 0
        itemScroll = 0
        letters = Self.letters(for: entries)
        status = StatusLine(entries.isEmpty ? "" : "\(entries.count) item\(entries.count == 1 ? "" : "s") to review")
        helpVisible = false
        quitting = false
        adjudicated = 0
        undone = 0
        wrappedItem = []
        guideLines = []
        cacheKey = nil
        relayout()
    }

    /// The entry on screen, or nil past the end.
    public var current: ReviewEntry? { entries.indices.contains(position) ? entries[position] : nil }

    /// How an annotator is shown: the name, or "annotator B" when blind.
    public func shownName(_ annotator: String) -> String {
        blind ? "annotator " + (letters[annotator] ?? "?") : annotator
    }

    /// The labels in question on the item shown: those its decisions, its adjudication and
    /// the model's prediction use, in guide order.
    public var labelsInQuestion: [String] {
        guard let entry = current else { return [] }
        var used = Set(entry.decisions.flatMap { $0.value?.labelNames ?? [] })
        used.formUnion(entry.adjudication?.value.labelNames ?? [])
        if let note = suspects[entry.itemRowID] { used.formUnion([note.givenLabel, note.predictedLabel]) }
        return guide.labels.map(\.name).filter(used.contains)
    }

    /// A, B, ... Z, then A2, B2, ...: by first appearance over the list (the screen and
    /// `--json --blind` use the same letters).
    public static func letters(for entries: [ReviewEntry]) -> [String: String] {
        var out: [String: String] = [:]
        for decision in entries.flatMap(\.decisions) where out[decision.annotator] == nil {
            let n = out.count
            let letter = String(UnicodeScalar(UInt8(65 + n % 26)))
            out[decision.annotator] = n < 26 ? letter : letter + "\(n / 26 + 1)"
        }
        return out
    }

    /// Rewraps the item text and renders the guide's sections when the item or the width
    /// changed; a no-op otherwise, so it is cheap after every message.
    public mutating func relayout() {
        let width = max(1, self.width - 2)
        let key = LayoutKey(itemRowID: current?.itemRowID, textWidth: width, guideWidth: width)
        // The adjudication can change the labels in question, so the guide is redone when it does.
        if cacheKey == key, guideFor == labelsInQuestion { return }
        wrappedItem = current.map { ItemTextWrapper.wrap($0.text, width: width) } ?? []
        guideLines = MarkdownRenderer.render(GuideSections.markdown(guide, labels: labelsInQuestion), width: width)
        guideFor = labelsInQuestion
        cacheKey = key
    }

    /// The labels `guideLines` were rendered for.
    public var guideFor: [String] = []
}
