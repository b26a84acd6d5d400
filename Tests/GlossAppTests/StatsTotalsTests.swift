import Foundation
import GlossCore
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing
@testable import GlossApp

/// The labeler's own work on a `RandomStore`: labels (some with a suggestion shown and
/// taken or not), skips, flags, changes of decided items, undos, all through sessions.
extension RandomStore {
    mutating func labelerWork(_ count: Int, from start: Date) throws {
        var sessions: [String: LabelingSession] = [:]
        let ids = texts.keys.sorted()
        for n in 0..<count {
            let annotator = Self.annotators.randomElement(using: &random)!
            let session = try sessions[annotator] ?? LabelingSession.start(
                database: store, project: "p", annotator: annotator, host: "test", terminalWidth: 80,
                terminalHeight: 24, at: start)
            sessions[annotator] = session
            let at = start.addingTimeInterval(Double(n) * 4_000)
            if chance(0.12) {
                _ = try session.undoLast(stats: KeystrokeStats(), at: at)
                continue
            }
            // An item of the history or search (a change when decided), or the queue's next one.
            let item = chance(0.3) ? try session.item(externalID: ids.randomElement(using: &random)!)
                : try session.nextItem(at: at)
            guard let item else { continue }
            let kind: AnnotationKind = chance(0.08) ? .skip : chance(0.06) ? .flag : .label
            let value = kind == .label ? AnnotationValue(json: "{" + valueFields(item: item.externalID) + "}") : nil
            let suggestion = kind == .label && chance(0.4)
                ? AnnotationValue(json: "{" + valueFields(item: item.externalID) + "}") : nil
            let input = DecisionInput(
                itemRowID: item.rowID, kind: kind, value: value, shownAt: at, decidedAt: at,
                activeMilliseconds: Int.random(in: 0...9_000, using: &random), keystrokes: 1, suggestion: suggestion,
                suggestionAccepted: suggestion.map { _ in chance(0.5) })
            do {
                try session.save(input, stats: KeystrokeStats())
            } catch LabelingError.itemFull {
                continue  // the overlap is reached: the labeler would not have shown it
            }
        }
    }

    /// A reviewer's adjudications and undos of them.
    mutating func reviewWork(_ count: Int, from start: Date) throws {
        let ids = texts.keys.sorted()
        for n in 0..<count {
            let at = start.addingTimeInterval(Double(n) * 60)
            if chance(0.2) {
                _ = try store.undoLastAdjudication(project: "p", reviewer: "lead", at: at)
                continue
            }
            let id = ids.randomElement(using: &random)!
            let rowID = try #require(try SQLiteShell(store.path).int("SELECT id FROM items WHERE external_id = '\(id)'"))
            let value = try #require(AnnotationValue(json: "{" + valueFields(item: id) + "}"))
            try store.adjudicate(project: "p", itemRowID: Int64(rowID), reviewer: "lead", value: value, at: at)
        }
    }

    /// Writes another program could make with SQL: rows the triggers must follow whoever writes them.
    /// The first adds a second current label row of an annotator on an item (as before v3):
    /// the newer one counts.
    func rawWrites() throws {
        try SQLiteShell(store.path).execute("""
            INSERT INTO annotations (project_id, item_id, annotator_id, kind, value, guide_version, decided_at, active_ms)
            SELECT a.project_id, a.item_id, a.annotator_id, 'label',
                   (SELECT b.value FROM annotations b WHERE b.item_id = a.item_id AND b.kind = 'label' AND b.id != a.id
                    ORDER BY b.id LIMIT 1), 1, '2026-01-20T23:30:00.000', 777
            FROM annotations a WHERE a.kind = 'label' AND a.superseded_by IS NULL AND a.undone_at IS NULL AND a.id % 5 = 0
              AND EXISTS (SELECT 1 FROM annotations b WHERE b.item_id = a.item_id AND b.kind = 'label' AND b.id != a.id);
            UPDATE annotations SET undone_at = '2026-01-21 00:00:00.000' WHERE id % 11 = 3 AND undone_at IS NULL;
            UPDATE annotations SET active_ms = NULL WHERE id % 13 = 1;
            UPDATE annotations SET superseded_by = NULL WHERE id % 17 = 2;
            UPDATE annotations SET suggestion_accepted = 1 - IFNULL(suggestion_accepted, 0) WHERE id % 7 = 4;
            DELETE FROM annotation_labels WHERE annotation_id IN (SELECT id FROM annotations WHERE id % 19 = 4
                AND id NOT IN (SELECT superseded_by FROM annotations WHERE superseded_by IS NOT NULL));
            DELETE FROM annotations WHERE id % 19 = 4
                AND id NOT IN (SELECT superseded_by FROM annotations WHERE superseded_by IS NOT NULL);
            UPDATE adjudications SET undone_at = '2026-01-21 00:00:00.000' WHERE id % 3 = 0;
            """)
    }
}

@Suite("Statistics totals: kept by every write, equal to a pass over the rows")
struct StatsTotalsTests {
    static let start = Date(timeIntervalSince1970: 1_767_700_000)

    /// The totals equal the pass over the rows and the reference, and `check` finds them whole.
    static func expectTotalsMatch(_ fixture: RandomStore, _ step: String) throws {
        try TeamStatsStoreTests.expectSameReports(fixture.store, task: fixture.task)
        let check = try fixture.store.check()
        #expect(check.statsTotalsChecked && check.statsTotalsProblems == [], "\(fixture.task) after \(step)")
        #expect(try fixture.store.project(named: "p").annotations == currentDecisions(fixture.store.path),
                "the project's count of current decisions, from the totals, after \(step)")
    }

    static func currentDecisions(_ path: String) throws -> Int {
        try SQLiteShell(path).int("SELECT COUNT(*) FROM annotations WHERE superseded_by IS NULL AND undone_at IS NULL")
    }

    @Test(arguments: [TaskType.classify, .multilabel, .spans], [3, 5])
    func randomHistoriesOfEveryWriter(task: TaskType, seed: Int) throws {
        var fixture = try RandomStore(task: task, seed: UInt64(seed))
        try fixture.labelerWork(120, from: Self.start)
        try Self.expectTotalsMatch(fixture, "the labeler")
        try fixture.importDecisions(150)
        try fixture.reviewWork(25, from: Self.start.addingTimeInterval(900_000))
        let gold = fixture.texts.keys.sorted().filter { _ in fixture.chance(0.2) }
        try fixture.store.addGold(project: "p", answers: gold.map { id in
            (id, try #require(AnnotationValue(json: "{" + fixture.valueFields(item: id) + "}")), "test")
        }, rules: TaskKinds.valueRules)
        try Self.expectTotalsMatch(fixture, "imports, reviews and gold")
        try fixture.labelerWork(80, from: Self.start.addingTimeInterval(2_000_000))
        try fixture.rawWrites()
        try Self.expectTotalsMatch(fixture, "SQL writes")
        let report = try fixture.store.teamStats(project: "p", agreement: AgreementMeasures.measure(for:)).report
        #expect(report.agreement.items > 5 && report.annotators.contains { $0.gold.decided > 0 })
        #expect(report.annotators.contains { $0.flags > 0 } && report.annotators.contains { $0.undone > 0 })
    }

    @Test func checkCallsTotalsThatDifferFromTheDecisionsDamage() throws {
        var fixture = try RandomStore(task: .classify, seed: 7)
        try fixture.importDecisions(80)
        #expect(try fixture.store.check().isClean)
        try SQLiteShell(fixture.store.path).execute("""
            UPDATE stats_durations SET decisions = decisions + 1
            WHERE active_ms = (SELECT MIN(active_ms) FROM stats_durations WHERE decisions > 0);
            DELETE FROM stats_units WHERE labels = (SELECT MAX(labels) FROM stats_units);
            """)
        let check = try fixture.store.check()
        #expect(!check.isClean)
        #expect(check.statsTotalsProblems.count == 2)
        #expect(check.statsTotalsProblems.first?.hasPrefix("stats_durations: ") == true)
        #expect(check.statsTotalsProblems.last?.hasPrefix("stats_units: 1 row differ") == true)
    }

    /// A store from before v12 (the totals' tables and triggers gone, and v13's content keys, as v10 left it).
    static func downgradeToV10(_ store: GlossDatabase) throws {
        let tables = ["annotators", "durations", "versions", "days", "items", "progress", "units"]
        let triggers = ["annotation_added", "annotation_removed", "annotation_changed", "adjudication_added",
                        "adjudication_removed", "adjudication_changed"]
        try SQLiteShell(store.path).execute(triggers.map { "DROP TRIGGER stats_\($0);" }.joined()
            + tables.map { "DROP TABLE stats_\($0);" }.joined() + """
            DELETE FROM grdb_migrations WHERE identifier = 'v12-stats-aggregates';
            DROP TABLE item_content_keys;
            CREATE UNIQUE INDEX items_by_content ON item_rows(content_hash, dataset_id);
            DELETE FROM grdb_migrations WHERE identifier = 'v13-item-content-keys';
            PRAGMA user_version = 10;
            """)
        #expect(try SQLiteShell(store.path).int("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'stats_%'") == 0)
    }

    @Test func anOlderStoreGivesStatsReadOnlyAndGetsItsTotalsFromTheMigration() throws {
        var fixture = try RandomStore(task: .classify, seed: 11)
        try fixture.importDecisions(150)
        try fixture.reviewWork(10, from: Self.start)
        let expected = try fixture.store.teamStats(project: "p", method: .passOverRows,
                                                   agreement: AgreementMeasures.measure(for:)).report
        try Self.downgradeToV10(fixture.store)
        let readOnly = try GlossDatabase.openReadOnly(path: fixture.store.path)
        #expect(try readOnly.teamStats(project: "p", agreement: AgreementMeasures.measure(for:)).report == expected,
                "a pass over the rows, to the bit")
        #expect(try !readOnly.check().statsTotalsChecked)
        #expect(try readOnly.projects().map(\.annotations) == [Self.currentDecisions(fixture.store.path)],
                "counted from the rows without the totals")
        let migrated = try GlossDatabase.open(path: fixture.store.path)
        let fromTotals = try migrated.teamStats(project: "p", agreement: AgreementMeasures.measure(for:)).report
        #expect(fromTotals == expected)
        #expect(try SQLiteShell(migrated.path).int("SELECT COUNT(*) FROM stats_units") > 0)
        let check = try migrated.check()
        #expect(check.isClean && check.statsTotalsChecked)
    }
}
