import Foundation

/// One decision row as `TeamStatsBuilder` reads it: the fields of `StatsDecision` that the
/// statistics use, with the annotator as the builder's number for them and the day already
/// taken from the decision time, so that a pass over a million rows makes no string and
/// reads no calendar per row. Every row counts, superseded and undone ones too.
public struct StatsRow: Sendable {
    /// The row id: of two current label rows of one annotator on an item (stores written
    /// before changes superseded), the later one is their value.
    public var id: Int64
    /// The number `TeamStatsBuilder.annotator(named:)` gave the annotator.
    public var annotator: Int
    public var kind: AnnotationKind
    /// The decided value; nil for skips and flags (and a value that did not parse).
    public var value: AnnotationValue?
    /// The UTC day of the decision.
    public var day: StatsDay
    /// Active time on the item; nil when not measured.
    public var activeMilliseconds: Int?
    public var suggestionShown: Bool
    /// Whether the suggestion was taken as it was; nil when none was shown.
    public var suggestionAccepted: Bool?
    public var guideVersion: Int
    /// Neither superseded nor undone.
    public var isCurrent: Bool
    public var undone: Bool

    public init(id: Int64, annotator: Int, kind: AnnotationKind, value: AnnotationValue?, day: StatsDay,
                activeMilliseconds: Int?, suggestionShown: Bool, suggestionAccepted: Bool?, guideVersion: Int,
                isCurrent: Bool, undone: Bool) {
        self.id = id
        self.annotator = annotator
        self.kind = kind
        self.value = value
        self.day = day
        self.activeMilliseconds = activeMilliseconds
        self.suggestionShown = suggestionShown
        self.suggestionAccepted = suggestionAccepted
        self.guideVersion = guideVersion
        self.isCurrent = isCurrent
        self.undone = undone
    }
}

/// A calendar day in UTC, as the number yyyymmdd: cheap to count by, and written as
/// `UTCDay` writes it.
public struct StatsDay: Sendable, Hashable, Comparable {
    public let number: Int

    public init(year: Int, month: Int, day: Int) {
        number = year * 10_000 + month * 100 + day
    }

    /// The UTC day of `date`.
    public init(_ date: Date) {
        let c = UTCDay.calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)
    }

    /// `YYYY-MM-DD`, as `UTCDay.string` writes the same day.
    public var string: String {
        UTCDay.string(year: number / 10_000, month: number / 100 % 100, day: number % 100)
    }

    public static func < (a: StatsDay, b: StatsDay) -> Bool { a.number < b.number }
}
