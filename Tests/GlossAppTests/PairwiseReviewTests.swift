import Foundation
import GlossCore
import GlossStore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import GlossTUI
import Testing
@testable import GlossApp

@Suite("Reviewing pairwise judgments: by outcome, never by side")
struct PairwiseReviewTests {
    @Test func judgesWhoPreferTheSameModelOnDifferentSidesAgree() throws {
        let judges = try JudgedProjectFixture.twoJudges()
        let entries = try judges.store.reviewList(project: "prefs", scope: .disagreements)
        #expect(entries.map(\.externalID) == ["p002", "p003"])
        let all = try judges.store.reviewList(project: "prefs", scope: .all)
        let p001 = try #require(all.first { $0.externalID == "p001" })
        #expect(!p001.disagrees)
        // Listings name the outcome by model.
        #expect(p001.decisions.map { $0.value?.summary } == ["winner atlas-7b", "winner atlas-7b"])
        #expect(entries[1].decisions.map { $0.value?.summary } == ["tie", "winner atlas-7b"])
    }

    @Test func statisticsCountOutcomesByModel() throws {
        let judges = try JudgedProjectFixture.twoJudges()
        let report = try judges.store.teamStats(project: "prefs", agreement: AgreementMeasures.measure(for:)).report
        let rows = report.agreement.perLabel.map(\.label)
        #expect(rows.contains("atlas-7b") && rows.contains("borealis-13b") && rows.contains("tie"))
        #expect(!rows.contains("left") && !rows.contains("right"))
        let ana = try #require(report.annotators.first { $0.name == "ana" })
        #expect(Set(ana.labelDistribution.map(\.label)) == ["atlas-7b", "tie"])
        #expect(ana.labelDistribution.first { $0.label == "atlas-7b" }?.count == 2)
        // p001's two judgments are one outcome: the project's percent agreement counts it.
        #expect(report.agreement.items == 3)
        #expect(abs((report.agreement.percent ?? 0) - 1.0 / 3.0) < 1e-9)
    }

    @Test func aReviewerAdoptsOneJudgmentAndJudgesAnotherAnew() throws {
        let judges = try JudgedProjectFixture.twoJudges()
        // p002: Enter adopts ana's judgment (the cursor's). p003: j prefers the second model of
        // the selected judgment's pair in name order (atlas-7b, borealis-13b): borealis-13b.
        let (exit, terminal) = try judges.reviewDisagreements([.enter, .character("j"), .character("q")])
        #expect(exit == .quit)
        let adjudications = try judges.store.adjudications(project: "prefs")
        #expect(adjudications.map(\.externalID) == ["p002", "p003"])
        #expect(adjudications[0].value == .pairwise(PairwiseJudgment(outcome: .left, left: "atlas-7b", right: "borealis-13b")))
        #expect(adjudications[1].value == .pairwise(PairwiseJudgment(outcome: .right, left: "atlas-7b", right: "borealis-13b")))
        // The key bar named the models the keys prefer on p003.
        #expect(terminal.frames.contains { $0.plainText.contains("f atlas-7b") && $0.plainText.contains("j borealis-13b") })
        #expect(terminal.frames.contains { $0.plainText.contains("adjudicated #p003 · winner borealis-13b") })
    }
}
