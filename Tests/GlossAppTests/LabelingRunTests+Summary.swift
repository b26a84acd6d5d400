import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import Testing

/// Issue 17: the line printed when the labeler ends said "12 labels" where `:stats` said 11,
/// because it counted every label saved in the session, the changed and the undone ones too,
/// and statistics count the decisions that stand. Both count what stands now. (The store and
/// project are the runtime tests'.)
extension LabelingRunTests {
    func stats(_ annotator: String) throws -> AnnotatorStats {
        let report = try store.teamStats(project: "rev", agreement: AgreementMeasures.measure(for:)).report
        return try #require(report.annotators.first { $0.name == annotator })
    }

    @Test func theExitLineCountsAChangeAndAnUndoAsStatsDo() throws {
        // p n u label three items; Backspace undoes u; [ goes back to n's item and p changes it; ! flags; - skips.
        let keys: [Key] = [.character("p"), .character("n"), .character("u"), .backspace, .character("["),
                           .character("p"), .character("!"), .enter, .character("-"), .character("q")]
        let (_, summary) = try run(FakeTerminal(keys: keys))
        let record = try #require(try store.sessions(project: "rev").first)
        #expect(record.labels == 4 && record.changes == 1 && record.undos == 1, "the session row keeps what was done")
        let ana = try stats("ana")
        #expect(ana.labels == 2 && ana.flags == 1 && ana.skips == 1)
        #expect(summary.labels == ana.labels && summary.flags == ana.flags && summary.skips == ana.skips)
        #expect(summary.line(annotator: "ana", project: "rev").hasPrefix(
            "Session \(summary.sessionID) of ana on rev: 2 labels, 1 skip, 1 flag, 1 change, 1 undo;"))
    }

    @Test func theExitLineOfASecondSessionCountsOnlyItsOwnDecisions() throws {
        _ = try run(FakeTerminal(keys: [.character("p"), .character("p"), .character("q")]))
        // The second session changes a decision of the first: the first one's label is gone, the change stands.
        let keys: [Key] = [.character("n"), .character("["), .character("["), .character("u"), .character("q")]
        let (_, second) = try run(FakeTerminal(keys: keys))
        #expect(second.labels == 2 && second.changes == 1)
        #expect(try stats("ana").labels == 3)
    }
}
