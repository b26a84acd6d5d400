import Foundation
import GlossCore

/// Who labels what in one labeling session, as the backend's transactions need it: row ids
/// of the project, its dataset, the annotator and the session row, and the guide version
/// the session opened under (a decision records the version its `DecisionInput` names).
struct LabelingScope: Sendable {
    var projectID: Int64
    var datasetID: Int64
    var annotatorID: Int64
    var guideVersion: Int
    var sessionID: Int64?
    /// Set when the session closed while its work waited: a write that gets the store
    /// after that stores nothing.
    var cancellation = Cancellation()
}

/// A session's "stop": once set, its write transactions refuse to start their work.
final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    func cancel() { lock.withLock { cancelled = true } }

    /// Throws `StoreCancelled` once cancelled (called first in each write transaction).
    func check() throws {
        if lock.withLock({ cancelled }) { throw StoreCancelled() }
    }
}

/// A write refused because its session closed while it waited for the store.
struct StoreCancelled: Error {}

/// What a backend does for the labeling session (see `StoreBackend`): each requirement is
/// one transaction of one session.
protocol LabelingBackend {
    func startSession(project: String, annotator: String, host: String, terminalWidth: Int, terminalHeight: Int,
                      order: String, at date: Date) throws -> SessionOpening
    func nextItem(_ scope: LabelingScope, preferring preferred: [Int64], lease: TimeInterval,
                  at date: Date) throws -> StoredItem?
    func claimOpen(_ scope: LabelingScope, rowIDs: [Int64], limit: Int, lease: TimeInterval,
                   at date: Date) throws -> [StoredItem]
    func renewClaims(_ scope: LabelingScope, lease: TimeInterval, at date: Date) throws
    func item(_ scope: LabelingScope, rowID: Int64) throws -> StoredItem?
    func item(_ scope: LabelingScope, externalID: String) throws -> StoredItem?
    func search(_ scope: LabelingScope, _ query: String, after: Int64?) throws -> StoredItem?
    func history(_ scope: LabelingScope, before: Int64?) throws -> (annotationID: Int64, item: StoredItem)?
    func history(_ scope: LabelingScope, after: Int64) throws -> (annotationID: Int64, item: StoredItem)?
    func save(_ scope: LabelingScope, project: String, _ input: DecisionInput, stats: KeystrokeStats,
              historyAfter: Int64?, preferring preferred: [Int64], lease: TimeInterval) throws -> SaveOutcome
    func undoLast(_ scope: LabelingScope, stats: KeystrokeStats, lease: TimeInterval, at date: Date) throws -> UndoOutcome?
    func recordSession(_ scope: LabelingScope, stats: KeystrokeStats, firstDrawMilliseconds: Double?) throws
    func finishSession(_ scope: LabelingScope, reason: String, stats: KeystrokeStats, peakRSSKilobytes: Int?,
                       at date: Date) throws
    /// The session's decisions that are current (neither changed nor undone since), by kind.
    func standingDecisions(_ scope: LabelingScope) throws -> StandingDecisions
    /// The project's newest guide when it is newer than `version`; `watch` keeps what the
    /// backend needs to answer an unchanged store cheaply.
    func newerGuide(_ scope: LabelingScope, project: String, than version: Int, watch: GuideWatch) throws -> GuideUpdate?
    /// Up to `count` random items open to the annotator, none of `excluding`.
    func sampleItems(_ scope: LabelingScope, count: Int, excluding: Set<Int64>,
                     using generator: inout some RandomNumberGenerator) throws -> [PoolCandidate]
    /// Stops the store work in progress on other threads (it fails at once; nothing of it is stored).
    func interrupt()
    /// Starts the work the backend does beside a session's writes until it finishes (SQLite:
    /// its WAL checkpoints, off the saves); nil when there is none.
    func startSessionCompanion() -> (any SessionCompanion)?
}

/// Work a backend runs beside a labeling session until the session finishes.
protocol SessionCompanion: AnyObject, Sendable {
    func stop()
}

/// What a session opened with.
struct SessionOpening {
    var scope: LabelingScope
    var guide: Guide
    var total: Int
    var decided: Int
}

/// One annotator labeling one project: the queue, decisions, undo, history and search, each
/// one transaction of the store (a method of `LabelingBackend`). Every query is an index
/// lookup or a bounded walk. It keeps no state of its own beyond what the session opened
/// with: each call answers with the facts as the store has them. Safe to use from one
/// thread at a time, and its sampler from another.
public final class LabelingSession: Sendable {
    public let project: String
    public let annotator: String
    /// The guide in force when the session opened, and its version.
    public let guide: Guide
    public let guideVersion: Int
    /// Items in the project's dataset, and how many this annotator had decided at the start.
    public let total: Int
    public let decidedAtStart: Int
    public let sessionID: Int64
    /// How long a claim on an item lasts without activity (see `ClaimQueue`).
    public let lease: TimeInterval
    /// The default lease: ten minutes idle.
    public static let defaultLease: TimeInterval = 600

    let database: GlossDatabase
    let scope: LabelingScope
    let guideWatch = GuideWatch()
    /// The backend's work beside this session's writes (SQLite: WAL checkpoints off the saves).
    let companion: (any SessionCompanion)?

    private init(database: GlossDatabase, project: String, annotator: String, opening: SessionOpening, lease: TimeInterval) {
        self.database = database
        self.project = project
        self.annotator = annotator
        guide = opening.guide
        guideVersion = opening.scope.guideVersion
        total = opening.total
        decidedAtStart = opening.decided
        scope = opening.scope
        sessionID = opening.scope.sessionID ?? 0
        self.lease = lease
        companion = database.backend.startSessionCompanion()
    }

    deinit { companion?.stop() }

    /// Opens a session of `annotator` on `project` under its newest guide version and
    /// records its row (host, terminal size, order).
    public static func start(
        database: GlossDatabase, project: String, annotator: String, host: String, terminalWidth: Int,
        terminalHeight: Int, order: String = ItemOrder.sequential.rawValue,
        lease: TimeInterval = LabelingSession.defaultLease, at date: Date = Date()
    ) throws -> LabelingSession {
        let opening = try database.backend.startSession(
            project: project, annotator: annotator, host: host, terminalWidth: terminalWidth,
            terminalHeight: terminalHeight, order: order, at: date)
        return LabelingSession(database: database, project: project, annotator: annotator, opening: opening, lease: lease)
    }

    // MARK: Reading items

    /// Reads for the model worker, usable from another thread.
    public func sampler() -> ItemSampler {
        ItemSampler(database: database, scope: scope, project: project)
    }

    /// The item to show next, claimed for this session (its other claims released): now
    /// and then an unseen gold item (at the project's gold rate), else the first of
    /// `preferred` (the model's picks) still open to this annotator, else the queue's
    /// first open item; nil when nothing is open now.
    public func nextItem(preferring preferred: [Int64] = [], at date: Date = Date()) throws -> StoredItem? {
        try database.backend.nextItem(scope, preferring: preferred, lease: lease, at: date)
    }

    /// Those of `rowIDs` still open to this annotator, in order, all claimed for this
    /// session (confirm mode shows them together); its other claims are released.
    public func claimOpen(rowIDs: [Int64], limit: Int, at date: Date = Date()) throws -> [StoredItem] {
        try database.backend.claimOpen(scope, rowIDs: rowIDs, limit: limit, lease: lease, at: date)
    }

    /// Extends this session's claims by a full lease from `date` (the annotator is active).
    public func renewClaims(at date: Date = Date()) throws {
        try database.backend.renewClaims(scope, lease: lease, at: date)
    }

    /// The item with this row id in the project's dataset.
    public func item(rowID: Int64) throws -> StoredItem? {
        try database.backend.item(scope, rowID: rowID)
    }

    /// The item with this id in the dataset (`items.external_id`).
    public func item(externalID: String) throws -> StoredItem? {
        try database.backend.item(scope, externalID: externalID)
    }

    /// The first item after `after` (wrapping around) whose text contains `query`, ignoring
    /// ASCII case.
    public func search(_ query: String, after: Int64?) throws -> StoredItem? {
        try database.backend.search(scope, query, after: after)
    }

    /// The annotator's current decision older than `before` (the newest when nil) and its item.
    public func history(before: Int64?) throws -> (annotationID: Int64, item: StoredItem)? {
        try database.backend.history(scope, before: before)
    }

    /// The annotator's current decision newer than `after`, and its item; nil past the newest.
    public func history(after: Int64) throws -> (annotationID: Int64, item: StoredItem)? {
        try database.backend.history(scope, after: after)
    }

    // MARK: Writing

    /// Commits one decision in its own transaction, with the session row's counters and key
    /// timings, and returns what it did with the item to show next, read in the same
    /// transaction: the history entry after `historyAfter` when the decision changed an
    /// entry of the history (never the decision just written), else the first open one of
    /// `preferred` (the model's picks for the order in use), else the queue's head. The
    /// decision records the guide version its input names (the newest when it names none).
    /// When this returns the decision is committed: it survives the process being killed.
    @discardableResult
    public func save(_ input: DecisionInput, stats: KeystrokeStats, historyAfter: Int64? = nil,
                     preferring preferred: [Int64] = []) throws -> SaveOutcome {
        try database.backend.save(scope, project: project, input, stats: stats, historyAfter: historyAfter,
                                  preferring: preferred, lease: lease)
    }

    /// Undoes the annotator's newest current decision and returns its item as it is now
    /// (with the decision it replaced, if any), the annotator's decided count after it and
    /// the decision undone; nil when there is nothing to undo.
    public func undoLast(stats: KeystrokeStats, at date: Date = Date()) throws -> UndoOutcome? {
        try database.backend.undoLast(scope, stats: stats, lease: lease, at: date)
    }

    /// Stores the key timings (and optionally the first-draw time) on the session row.
    public func record(stats: KeystrokeStats, firstDrawMilliseconds: Double? = nil) throws {
        try database.backend.recordSession(scope, stats: stats, firstDrawMilliseconds: firstDrawMilliseconds)
    }

    /// Closes the session row (end time, why it ended, final timings and peak memory) and
    /// releases its claims, so its items go back to the queue at once.
    public func finish(reason: String, stats: KeystrokeStats, peakRSSKilobytes: Int?, at date: Date = Date()) throws {
        companion?.stop()
        try database.backend.finishSession(scope, reason: reason, stats: stats, peakRSSKilobytes: peakRSSKilobytes, at: date)
    }

    /// This session's decisions that still stand, by kind: what `gloss stats` counts as the
    /// annotator's labels, skips and flags (a change or an undo takes one away), so the
    /// line printed at the end and `:stats` count alike. The session row's counters say what
    /// the session did instead (every save, change and undo).
    public func standingDecisions() throws -> StandingDecisions {
        try database.backend.standingDecisions(scope)
    }

    // MARK: Watching the project

    /// The project's newest guide when it is newer than `version`, else nil; a poll of an
    /// unchanged store is cheap (on SQLite one pragma), and the first call only takes that
    /// baseline.
    public func newerGuide(than version: Int) throws -> GuideUpdate? {
        try database.backend.newerGuide(scope, project: project, than: version, watch: guideWatch)
    }

    /// Computes the project's team statistics (`GlossDatabase.teamStats`, the same pass as
    /// `gloss stats`), safe to call from another thread: for the labeler's `:stats` dashboard.
    public func statsLoader(
        agreement: @escaping @Sendable (TaskType) -> any AgreementMeasure
    ) -> @Sendable () throws -> StatsReport {
        let database = database, project = project
        return { try database.teamStats(project: project, agreement: agreement).report }
    }

    /// Stops the store work in progress on any thread (a write waiting for another
    /// process's lock fails at once with an interruption; nothing of it is stored).
    public func interrupt() {
        scope.cancellation.cancel()
        database.backend.interrupt()
    }
}

/// A guide version published while a labeling session runs.
public struct GuideUpdate: Sendable, Equatable {
    public var version: Int
    public var author: String
    public var message: String
    public var guide: Guide
}

/// What a backend remembers between a session's guide polls (SQLite: the last
/// `PRAGMA data_version` seen), so an unchanged store is answered without reading tables.
final class GuideWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var last: Int?

    /// Whether `marker` differs from the one seen before (false the first time: the baseline).
    func changed(to marker: Int?) -> Bool {
        lock.withLock {
            defer { last = marker }
            guard let last else { return false }
            return last != marker
        }
    }
}
