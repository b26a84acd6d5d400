import Foundation
import GlossCore
import GlossStore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import GlossTUI
import Testing
@testable import GlossApp

/// The labeler's model from the first item on: taught by the guide before any decision,
/// kept in the store between sessions (a new guide version makes the saved one stale), and
/// made to forget an undone decision.
@Suite("The labeler's model across sessions", .serialized)
struct LabelerModelMemoryTests {
    /// The sample reviews with their reference labels (for scoring, never taught).
    static func references() throws -> [(text: String, label: String)] {
        try String(contentsOfFile: Samples.path("reviews.jsonl"), encoding: .utf8).split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return (object["text"] as? String ?? "", object["label"] as? String ?? "")
        }
    }

    @Test func aGuideWithExamplesGivesSuggestionsBetterThanChanceBeforeAnyDecision() throws {
        let guide = try sampleGuide("sentiment.md")
        let model = LabelModels.make(for: guide)
        #expect(model.examplesSeen == 0 && model.primed > 0)
        let items = try Self.references()
        let right = items.filter { model.suggest($0.text)?.suggestion.value == .label($0.label) }.count
        let chance = Double(items.count) / Double(guide.labels.count)
        #expect(Double(right) > chance * 1.5, "\(right) of \(items.count) right; chance is \(chance)")
    }

    @Test func theFirstItemOfANewProjectComesWithASuggestion() throws {
        let fixture = try LabelingRunTests()
        let terminal = FakeTerminal()
        var waited = 0
        terminal.whenEmpty = {
            waited += 1
            let shown = terminal.frames.last?.plainText.contains("suggestion: ") == true
            return shown || waited > 3000 ? [.key(.character("q"))] : [.timeout]
        }
        let options = LabelingRun.Options(annotator: "ana", host: "test")
        let run = try LabelingRun(database: fixture.store, project: "rev", options: options, terminalSize: terminal.size)
        _ = try withTerminal(terminal) { try run.run(on: $0, colors: false) }
        #expect(terminal.frames.contains { $0.plainText.contains("suggestion: ") && $0.plainText.contains("#r001") },
                "a suggestion on the first item, before any decision")
        #expect(try fixture.values().isEmpty)
    }

    @Test func theModelIsKeptBetweenSessionsAndANewGuideVersionMakesItStale() throws {
        let fixture = try LabelingRunTests()
        let guide = try sampleGuide("sentiment.md")
        _ = try LabelingRunTests.run(fixture.store, FakeTerminal(keys: [.character("p"), .character("n"), .character("q")]),
                                     model: { session in
                                         ModelWorker(model: LabelModels.make(for: session.guide), feed: session.sampler(),
                                                     order: .sequential, guideVersion: session.guideVersion)
                                     })
        let session = try LabelingSession.start(database: fixture.store, project: "rev", annotator: "bob", host: "t",
                                                terminalWidth: 80, terminalHeight: 24)
        let labels = guide.labels.map(\.name)
        let saved = try #require(try session.sampler().savedModel(guideVersion: 1, labels: labels), "saved at quit")
        let decisions = try session.sampler().examples(after: nil)
        #expect(decisions.count == 2 && saved.throughAnnotation == decisions.last?.annotationID)
        // Restored, it answers as the model that learned the same decisions did.
        let restored = LabelModels.make(for: guide), relearned = LabelModels.make(for: guide)
        #expect(restored.restore(saved.state))
        for example in decisions { relearned.learn(text: example.text, value: example.value) }
        for (text, _) in try Self.references().prefix(10) {
            #expect(restored.suggest(text)?.suggestion == relearned.suggest(text)?.suggestion)
        }
        // Another guide version or other labels: nothing saved for them.
        _ = try fixture.store.publishGuide(project: "rev", guide: GuideParser.lint(guide.text + "\nMore.\n").guide!,
                                           author: "lead", message: "v2")
        #expect(try session.sampler().savedModel(guideVersion: 2, labels: labels) == nil)
        #expect(try session.sampler().savedModel(guideVersion: 1, labels: labels + ["sarcastic"]) == nil)
    }

    @Test func undoingADecisionMakesTheModelForgetIt() throws {
        var harness = try Harness(model: .ready)
        let item = harness.state.item!
        let value = AnnotationValue.label("positive")
        let effects = harness.send(.loaded(Navigation(item: item, context: .queue, decided: 3, cause: .undone(value),
                                                      at: loadTime.addingTimeInterval(5))))
        #expect(effects.contains(.unlearn(rowID: item.rowID, text: item.text, value: value)))
    }
}

/// A labeler state with an item on screen and a model, for the undo test.
private struct Harness {
    var state: LabelerState
    init(model: ModelStatus) throws {
        let guide = try sampleGuide("sentiment.md")
        state = LabelerState(project: "p", guide: guide, guideVersion: 1, annotator: "ana", width: 100, height: 30,
                             decided: 3, total: 10, now: loadTime, answer: TaskKinds.kind(for: guide.task).answer,
                             model: model)
        _ = Labeler.update(&state, .loaded(Navigation(item: LabelerItem(rowID: 7, externalID: "r7", text: "Great."),
                                                      context: .queue, decided: 3, at: loadTime)))
    }
    mutating func send(_ message: LabelerMessage) -> [LabelerEffect] { Labeler.update(&state, message) }
}

private let loadTime = Date(timeIntervalSince1970: 1_700_000_000)

@Suite("The class-balanced cold start of uncertain order")
struct BalancedColdStartTests {
    @Test func aPrimedModelFirstOffersTheItemLikeliestToBeTheLabelWithFewestDecisions() throws {
        let guide = try sampleGuide("sentiment.md")
        let references = try LabelerModelMemoryTests.references()
        let items = references.enumerated().map { PoolCandidate(id: Int64($0.offset + 1), text: $0.element.text) }
        let worker = ModelWorker(model: LabelModels.make(for: guide), feed: ListFeed(items: items), order: .uncertain)
        worker.start()
        defer { worker.stop(keepingState: false) }
        // Three decisions, all positive: "negative" (the first label with none) is the rarest.
        let learned = references.prefix(3).map(\.text)
        for (offset, text) in learned.enumerated() { worker.learn(text: text, value: .label("positive"), rowID: Int64(offset + 1)) }
        let twin = LabelModels.make(for: guide)
        for text in learned { twin.learn(text: text, value: .label("positive")) }
        let rest = items.dropFirst(3)
        let likeliest = try #require(rest.max { a, b in
            let pa = twin.suggest(a.text)?.suggestion.probabilities["negative"] ?? 0
            let pb = twin.suggest(b.text)?.suggestion.probabilities["negative"] ?? 0
            return pa != pb ? pa < pb : a.id > b.id
        })
        var pick: Int64?
        for _ in 0..<3000 {
            pick = worker.picks(1).first
            if pick == likeliest.id { break }
            usleep(1000)
        }
        #expect(pick == likeliest.id, "the pool's first pick is the likeliest negative item")
        let label = references[Int(likeliest.id) - 1].label
        #expect(label != "positive", "it is not one more of the label already decided (it is \(label))")
    }
}
