import Foundation
import GlossClassifier
import GlossCore
import GlossStore
import GlossTerminal
import GlossTestSupport
import Testing
import GlossTasks
import GlossTUI
@testable import GlossApp

/// A model that records the thread of every call, suggests the label it learned last, and
/// can be made to block in `learn` until released.
final class RecordingModel: LabelModel, @unchecked Sendable {
    private let lock = NSLock()
    private var learnedTexts: [String] = []
    private var lastLabel: String?
    private(set) var learnThreads: [pthread_t] = []
    let gate: DispatchSemaphore?

    init(blocking: Bool = false) { gate = blocking ? DispatchSemaphore(value: 0) : nil }

    var examplesSeen: Int { lock.withLock { learnedTexts.count } }
    var labels: [String] { ["positive", "negative", "neutral", "mixed"] }
    var learned: [String] { lock.withLock { learnedTexts } }
    var threads: [pthread_t] { lock.withLock { learnThreads } }

    func learn(text: String, value: AnnotationValue) {
        lock.withLock { learnThreads.append(pthread_self()) }
        gate?.wait()
        lock.withLock {
            learnedTexts.append(text)
            lastLabel = value.labelNames.first
        }
    }

    func suggest(_ text: String) -> RankedSuggestion? {
        guard let label = lock.withLock({ lastLabel }) else { return nil }
        let confidence = text.count.isMultiple(of: 2) ? 0.9 : 0.6
        return RankedSuggestion(suggestion: Suggestion(value: .label(label), confidence: confidence, probabilities: [label: confidence]),
                                margin: confidence)
    }
}

/// Items from a list, none decided.
struct ListFeed: PoolFeed {
    var items: [PoolCandidate]
    var earlier: [(text: String, value: AnnotationValue)] = []
    func sample(count: Int, excluding: Set<Int64>, using generator: inout SeededGenerator) throws -> [PoolCandidate] {
        Array(items.filter { !excluding.contains($0.id) }.shuffled(using: &generator).prefix(count))
    }
    func examples(after: Int64?) throws -> [LabelerExample] {
        earlier.enumerated().map { LabelerExample(annotationID: Int64($0.offset + 1), text: $0.element.text,
                                                  value: $0.element.value, own: false) }
    }
    func savedModel(guideVersion: Int, labels: [String]) throws -> SavedLabelerModel? { nil }
    func save(model: SavedLabelerModel, guideVersion: Int, labels: [String]) throws {}
}

@Suite("The model worker: learning and scoring off the labeler's thread")
struct ModelWorkerTests {
    func settle(_ worker: ModelWorker, until done: () -> Bool) {
        for _ in 0..<2000 where !done() { usleep(1000) }
    }

    @Test func learningRunsOnTheWorkersThreadAndSuggestionsComeBackAsReplies() throws {
        let model = RecordingModel()
        var settings = ModelWorker.Settings()
        settings.minimumExamples = 1
        let worker = ModelWorker(model: model, feed: ListFeed(items: [], earlier: [("earlier", .label("neutral"))]),
                                 order: .sequential, settings: settings)
        worker.start()
        defer { worker.stop() }
        worker.learn(text: "good", value: .label("positive"), rowID: 1)
        worker.score(rowID: 2, text: "fine")
        var replies: [ModelWorker.Reply] = []
        settle(worker) {
            replies += worker.takeReplies()
            return replies.contains { if case .suggestion = $0 { true } else { false } }
        }
        #expect(replies.contains(.warmedUp(examples: 1)))
        let suggestion = replies.compactMap { reply -> Suggestion?? in
            if case .suggestion(2, let s) = reply { return s } else { return nil }
        }.first
        #expect(suggestion == .some(Suggestion(value: .label("positive"), confidence: 0.9, probabilities: ["positive": 0.9])),
                "the suggestion is asked after the learn, so it reflects it")
        #expect(model.learned == ["earlier", "good"])
        let caller = pthread_self()
        #expect(!model.threads.isEmpty && model.threads.allSatisfy { pthread_equal($0, caller) == 0 })
    }

    @Test func noSuggestionBeforeTheMinimumNumberOfDecisions() throws {
        let model = RecordingModel()
        let worker = ModelWorker(model: model, feed: ListFeed(items: []), order: .sequential)  // minimum 10
        worker.start()
        defer { worker.stop() }
        worker.learn(text: "a", value: .label("positive"), rowID: 1)
        worker.score(rowID: 2, text: "b")
        var replies: [ModelWorker.Reply] = []
        settle(worker) {
            replies += worker.takeReplies()
            return replies.contains { if case .suggestion = $0 { true } else { false } }
        }
        #expect(replies.contains(.suggestion(rowID: 2, nil)))
    }

    @Test func thePoolServesPicksInTheOrderAndConfirmListsTheSurest() throws {
        let model = RecordingModel()
        var settings = ModelWorker.Settings()
        settings.minimumExamples = 1
        settings.randomStart = 0
        settings.poolCapacity = 50
        let items = (1...30).map { PoolCandidate(id: Int64($0), text: String(repeating: "x", count: $0)) }
        let worker = ModelWorker(model: model, feed: ListFeed(items: items), order: .confident, settings: settings)
        worker.start()
        defer { worker.stop() }
        worker.learn(text: "seed", value: .label("positive"), rowID: 99)
        settle(worker) { _ = worker.takeReplies(); return worker.confidentItems(40).count == 30 }
        let surest = worker.confidentItems(40)
        #expect(surest.map(\.suggestion.confidence) == Array(repeating: 0.9, count: 15) + Array(repeating: 0.6, count: 15),
                "the even-length texts score 0.9, the odd 0.6: surest first")
        let picks = worker.picks(5)
        #expect(picks.count == 5 && picks.allSatisfy { $0.isMultiple(of: 2) }, "confident order serves the 0.9 items first")
        worker.served(rowID: picks[0])
        #expect(!worker.picks(50).contains(picks[0]))
        worker.setOrder(.uncertain)
        worker.score(rowID: 1, text: "x")  // any request republishes the picks in the new order
        settle(worker) { worker.picks(1).first.map { !$0.isMultiple(of: 2) } ?? false }
        #expect(worker.picks(5).allSatisfy { !$0.isMultiple(of: 2) }, "uncertain order serves the 0.6 items first")
    }
}

@Suite("The labeler's runtime with a model")
struct LabelerRuntimeModelTests {
    /// The runtime tests' store: the sample reviews under the sentiment guide, project "rev".
    let fixture: LabelingRunTests
    var store: GlossDatabase { fixture.store }

    init() throws {
        fixture = try LabelingRunTests()
    }

    func stored() throws -> [SQLiteRow] {
        try SQLiteShell(store.path).rows("SELECT value, suggestion, suggestion_accepted FROM annotations ORDER BY id")
    }

    /// Keys are handled and decisions saved while the model is stuck in `learn`: the
    /// update path never waits for the model.
    @Test func decisionsAreSavedWhileTheModelIsStillLearning() throws {
        let model = RecordingModel(blocking: true)
        let worker = { (session: LabelingSession) in ModelWorker(model: model, feed: session.sampler(), order: .sequential) }
        let terminal = FakeTerminal(keys: [.character("p"), .character("n"), .character("u"), .character("p"), .character("q")])
        // Release the model only once the run is over, from another thread.
        let released = DispatchSemaphore(value: 0)
        Thread {
            released.wait()
            for _ in 0..<10 { model.gate?.signal() }
        }.start()
        let savedWhileBlocked = LockedCount()
        terminal.beforeDelivering = { event in
            if event == .key(.character("n")) {
                // The first decision reached the model: wait until it is stuck inside learn.
                for _ in 0..<5000 where model.threads.isEmpty { usleep(1000) }
            }
            guard event == .key(.character("q")) else { return }
            savedWhileBlocked.value = (try? self.stored().count) ?? -1
            savedWhileBlocked.learned = model.learned.count
            released.signal()
        }
        _ = try LabelingRunTests.run(store, terminal, model: worker)
        #expect(savedWhileBlocked.value == 4, "all four decisions were stored")
        #expect(savedWhileBlocked.learned == 0, "while the model had learned none of them")
        #expect(!model.threads.isEmpty, "the model was inside learn, blocked")
    }

    @Test func theSuggestionIsShownAndAcceptingItIsStoredAsAccepted() throws {
        let model = RecordingModel()
        var settings = ModelWorker.Settings()
        settings.minimumExamples = 1
        let worker = { (session: LabelingSession) in
            ModelWorker(model: model, feed: session.sampler(), order: .sequential, settings: settings)
        }
        // A key, then idle wake-ups until the suggestion arrives, then Enter accepts it.
        var events: [TerminalEvent] = [.key(.character("n"))]
        events += Array(repeating: .timeout, count: 3)
        let terminal = FakeTerminal(events: events)
        let waits = LockedCount()
        terminal.whenEmpty = { [unowned terminal] in
            waits.value += 1
            let shown = terminal.frames.last?.plainText.contains("suggestion: negative") == true
            return shown || waits.value > 5000 ? [.key(.enter), .key(.character("q"))] : [.timeout]
        }
        _ = try LabelingRunTests.run(store, terminal, model: worker)
        #expect(waits.value <= 5000, "the suggestion line appeared")
        let rows = try stored()
        #expect(rows.count == 2)
        #expect(rows[1]["value"].string == #"{"label":"negative"}"#)
        #expect(rows[1]["suggestion"].string == #"{"label":"negative"}"#)
        #expect(rows[1]["suggestion_accepted"].bool == true)
    }
}

final class LockedCount: @unchecked Sendable {
    var value = 0
    var learned = 0
}
