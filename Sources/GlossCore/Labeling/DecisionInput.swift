import Foundation

/// One decision to store, with what was measured while making it.
public struct DecisionInput: Sendable, Equatable {
    public var itemRowID: Int64
    public var kind: AnnotationKind
    public var value: AnnotationValue?
    public var note: String?
    public var comment: String?
    /// The guide version the annotator saw when deciding (nil: the project's newest).
    public var guideVersion: Int?
    public var shownAt: Date
    public var decidedAt: Date
    public var activeMilliseconds: Int
    public var keystrokes: Int
    public var suggestion: AnnotationValue?
    public var suggestionAccepted: Bool?
    /// The decision this one replaces; when nil, any current decision of the annotator on
    /// the item is replaced all the same (an item has one current decision per annotator).
    public var replaces: Int64?

    public init(itemRowID: Int64, kind: AnnotationKind, value: AnnotationValue?, note: String? = nil,
                comment: String? = nil, guideVersion: Int? = nil, shownAt: Date, decidedAt: Date, activeMilliseconds: Int = 0,
                keystrokes: Int = 0, suggestion: AnnotationValue? = nil, suggestionAccepted: Bool? = nil,
                replaces: Int64? = nil) {
        self.itemRowID = itemRowID
        self.kind = kind
        self.value = value
        self.note = note
        self.comment = comment
        self.guideVersion = guideVersion
        self.shownAt = shownAt
        self.decidedAt = decidedAt
        self.activeMilliseconds = activeMilliseconds
        self.keystrokes = keystrokes
        self.suggestion = suggestion
        self.suggestionAccepted = suggestionAccepted
        self.replaces = replaces
    }
}
