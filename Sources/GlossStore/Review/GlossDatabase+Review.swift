import Foundation
import GlossCore

/// What a backend does for review and adjudication (see `StoreBackend`).
protocol ReviewBackend {
    func reviewList(project: String, scope: ReviewScope) throws -> [ReviewEntry]
    func reviewEntries(project: String, itemRowIDs: [Int64]) throws -> [ReviewEntry]
    func finalLabels(project: String) throws -> [FinalLabel]
    func adjudicate(project: String, itemRowID: Int64, reviewer: String, value: AnnotationValue, comment: String?,
                    at date: Date) throws -> Adjudication
    func undoLastAdjudication(project: String, reviewer: String, at date: Date) throws -> AdjudicationUndo?
    func currentAdjudication(project: String, itemRowID: Int64) throws -> Adjudication?
    func adjudications(project: String) throws -> [Adjudication]
}

extension GlossDatabase {
    /// The items to review in a project, in item order: one pass over the project's current
    /// decisions (an index walk), then the text and adjudication of the chosen items only.
    /// See `ReviewScope` for which items are chosen.
    public func reviewList(project: String, scope: ReviewScope) throws -> [ReviewEntry] {
        try backend.reviewList(project: project, scope: scope)
    }

    /// The review entries of these items (for `--suspect`), in the order given; items not in
    /// the project's dataset are left out.
    public func reviewEntries(project: String, itemRowIDs: [Int64]) throws -> [ReviewEntry] {
        try backend.reviewEntries(project: project, itemRowIDs: itemRowIDs)
    }

    /// The final label of every item of a classify project that has one: its current
    /// adjudication, else the label most of its current label decisions give (a tie gives
    /// none). In item order.
    public func finalLabels(project: String) throws -> [FinalLabel] {
        try backend.finalLabels(project: project)
    }

    /// Stores `value` as the final answer on an item, by `reviewer` (an annotator row, made
    /// when new), in one transaction. The item's current adjudication, whoever made it, is
    /// superseded (kept as history, never deleted).
    @discardableResult
    public func adjudicate(project: String, itemRowID: Int64, reviewer: String, value: AnnotationValue,
                           comment: String? = nil, at date: Date = Date()) throws -> Adjudication {
        try backend.adjudicate(project: project, itemRowID: itemRowID, reviewer: reviewer, value: value, comment: comment,
                               at: date)
    }

    /// Marks `reviewer`'s newest current adjudication in the project undone (the row stays);
    /// the adjudication it superseded becomes current again. Nil when there is none to undo.
    @discardableResult
    public func undoLastAdjudication(project: String, reviewer: String, at date: Date = Date()) throws -> AdjudicationUndo? {
        try backend.undoLastAdjudication(project: project, reviewer: reviewer, at: date)
    }

    /// The item's current (not superseded, not undone) adjudication, if any.
    public func currentAdjudication(project: String, itemRowID: Int64) throws -> Adjudication? {
        try backend.currentAdjudication(project: project, itemRowID: itemRowID)
    }

    /// Every current adjudication of the project, oldest first.
    public func adjudications(project: String) throws -> [Adjudication] {
        try backend.adjudications(project: project)
    }
}

/// Why a review operation was refused, as a sentence.
public enum ReviewError: Error, Equatable, CustomStringConvertible {
    case unknownItemRow(project: String, rowID: Int64)

    public var description: String {
        switch self {
        case let .unknownItemRow(project, rowID):
            TerminalText.visible("item row \(rowID) is not in the dataset of project \"\(project)\"; nothing was stored.")
        }
    }
}
