import Foundation
import GlossClassifier
import GlossCore
import GlossTasks
import GlossTUI

/// Runs the labeler's model on its own thread, so learning and scoring never delay a key.
/// The runtime posts requests (learn this decision, score this item, change the order) and
/// collects replies when it next wakes; the worker also keeps the active-learning pool
/// filled and rescored, and publishes its best picks, which the runtime reads at once.
public final class ModelWorker: @unchecked Sendable {
    /// What the worker tells the runtime.
    public enum Reply: Sendable, Equatable {
        /// The suggestion for an item the runtime asked about (nil: none yet).
        case suggestion(rowID: Int64, Suggestion?)
        /// The model learned the project's earlier decisions at launch.
        case warmedUp(examples: Int)
        /// Reading the store failed; the labeler goes on without the pool.
        case failed(String)
    }

    private enum Request {
        case learn(text: String, value: AnnotationValue, rowID: Int64)
        case unlearn(text: String, value: AnnotationValue)
        case score(rowID: Int64, text: String)
        case served(rowID: Int64)
    }

    /// Settings; the defaults are the labeler's.
    public struct Settings: Sendable {
        /// Decisions learned before suggestions are shown.
        public var minimumExamples = 10
        /// Decisions learned before `uncertain` order follows the model (random before).
        public var randomStart = ClassifierOptions.labelerRandomStart
        public var poolCapacity = 2000
        /// Pool entries rescored after each decision learned.
        public var rescoreBudget = 200
        public var seed: UInt64 = 1
        public init() {}
    }

    let model: any LabelModel
    let feed: PoolFeed
    /// The guide version the model learns under; its state is kept in the store under it
    /// (nil: the state is not kept).
    let guideVersion: Int?
    private let settings: Settings
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var inbox: [Request] = []
    private var outbox: [Reply] = []
    private var order: ItemOrder
    private var published: [ActivePool.Entry] = []
    private var confident: [(candidate: PoolCandidate, suggestion: Suggestion)] = []
    private var stopping = false
    private var savingState = true
    private var running = false
    private let finished = DispatchSemaphore(value: 0)
    // The worker thread's own:
    private var pool: ActivePool
    private var generator: SeededGenerator
    private var rescoreOwed = 0
    /// Set when a sample found nothing new; sampling resumes after some decisions.
    private var exhausted = false
    private var learnedSinceSample = 0
    private var served: Set<Int64> = []
    /// The suggestion of each scored pool entry, from its last rescoring (for confirm mode).
    private var suggestions: [Int64: Suggestion] = [:]
    /// The newest decision (annotation id) the model has learned from the store.
    var learnedThrough: Int64?
    /// Decisions learned per label (this session's and the warm-up's), for the class-balanced
    /// cold start of `uncertain` order.
    var decidedPerLabel: [String: Int] = [:]

    public init(model: any LabelModel, feed: PoolFeed, order: ItemOrder, guideVersion: Int? = nil,
                settings: Settings = Settings()) {
        self.guideVersion = guideVersion
        self.model = model
        self.feed = feed
        self.order = order
        self.settings = settings
        pool = ActivePool(capacity: settings.poolCapacity, seed: settings.seed)
        generator = SeededGenerator(seed: settings.seed &+ 1)
    }

    // MARK: From the runtime's thread

    /// Starts the thread; its first job is learning the project's earlier decisions.
    public func start() {
        condition.lock()
        guard !running else { condition.unlock(); return }
        running = true
        condition.unlock()
        let thread = Thread { [self] in run() }
        thread.name = "gloss-model"
        thread.start()
    }

    /// Stops the thread after the request in hand and waits for it; with `keepingState`,
    /// the model's state is saved in the store first (see `keepState()`).
    public func stop(keepingState: Bool = true) {
        condition.lock()
        let wasRunning = running
        stopping = true
        savingState = keepingState
        condition.broadcast()
        condition.unlock()
        if wasRunning { finished.wait() }
    }

    /// Learn a saved decision (the item leaves the pool).
    public func learn(text: String, value: AnnotationValue, rowID: Int64) {
        post(.learn(text: text, value: value, rowID: rowID))
    }

    /// Forget a decision that was undone.
    public func unlearn(text: String, value: AnnotationValue, rowID: Int64) {
        post(.unlearn(text: text, value: value))
    }

    /// Asks for the suggestion of the item on screen; answered by `.suggestion`.
    public func score(rowID: Int64, text: String) {
        post(.score(rowID: rowID, text: text))
    }

    /// The item went on screen: the pool no longer offers it.
    public func served(rowID: Int64) {
        condition.lock()
        published.removeAll { $0.candidate.id == rowID }
        confident.removeAll { $0.candidate.id == rowID }
        condition.unlock()
        post(.served(rowID: rowID))
    }

    /// The order picks follow from now on.
    public func setOrder(_ order: ItemOrder) {
        condition.lock()
        self.order = order
        condition.broadcast()
        condition.unlock()
    }

    /// Replies since the last call.
    public func takeReplies() -> [Reply] {
        condition.lock()
        defer { condition.unlock() }
        let replies = outbox
        outbox = []
        return replies
    }

    /// The pool's best items in the order in use, best first (none before the pool fills,
    /// and none in sequential order, which the queue serves).
    public func picks(_ count: Int, excluding: Set<Int64> = []) -> [Int64] {
        condition.lock()
        defer { condition.unlock() }
        guard order.usesPool else { return [] }
        return published.lazy.map(\.candidate.id).filter { !excluding.contains($0) }.prefix(count).map { $0 }
    }

    /// The items the model is surest about, with their suggestions, surest first (for
    /// confirm mode); empty until the model is ready.
    public func confidentItems(_ count: Int, excluding: Set<Int64> = []) -> [(candidate: PoolCandidate, suggestion: Suggestion)] {
        condition.lock()
        defer { condition.unlock() }
        return confident.lazy.filter { !excluding.contains($0.candidate.id) }.prefix(count).map { $0 }
    }

    private func post(_ request: Request) {
        condition.lock()
        inbox.append(request)
        condition.broadcast()
        condition.unlock()
    }

    // MARK: On the worker's thread

    private func run() {
        BackgroundPriority.lowerThisThread()
        warmUp()
        while true {
            condition.lock()
            while inbox.isEmpty && !stopping && !hasPoolWork {
                condition.wait()
            }
            if stopping {
                let keeping = savingState, pending = inbox
                inbox = []
                condition.unlock()
                if keeping {
                    // Decisions posted before the stop belong in the state that is kept.
                    learnOnly(pending)
                    keepState()
                }
                break
            }
            let requests = inbox
            inbox = []
            let order = self.order
            condition.unlock()
            if requests.isEmpty {
                poolStep(order)
            } else {
                handle(requests, order)
            }
        }
        finished.signal()
    }


    /// The undos and decisions among `requests`, without touching the pool.
    private func learnOnly(_ requests: [Request]) {
        for case let .unlearn(text, value) in requests { forget(text, value) }
        for case let .learn(text, value, _) in requests { learn(text, value) }
    }

    /// Learns first, so a suggestion asked for with a decision already reflects it.
    private func handle(_ requests: [Request], _ order: ItemOrder) {
        for case let .unlearn(text, value) in requests { forget(text, value) }
        for case let .learn(text, value, rowID) in requests {
            let wasReady = isReady
            learn(text, value)
            drop(rowID)
            learnedSinceSample += 1
            // A model just ready scores the whole pool; after that, a budget per decision.
            rescoreOwed = wasReady || !isReady ? min(rescoreOwed + settings.rescoreBudget, pool.capacity) : pool.count
        }
        for case let .served(rowID) in requests { drop(rowID) }
        for case let .score(rowID, text) in requests {
            reply(.suggestion(rowID: rowID, suggestion(text)))
        }
        publish(order)
    }

    private func suggestion(_ text: String) -> Suggestion? {
        isReady ? model.suggest(text)?.suggestion : nil
    }

    /// Whether the pool needs filling or rescoring (read under the lock; the counters are
    /// the worker's, and only it changes them). The pool is kept for every order, as
    /// confirm mode and `:order` need it ready.
    private var hasPoolWork: Bool { needsSample || (rescoreOwed > 0 && isReady) }

    /// Enough decisions learned, or the guide's examples taught.
    private var isReady: Bool { model.examplesSeen >= settings.minimumExamples || model.primed > 0 }

    /// Whether the pool is under half full and sampling may find new items (after a
    /// sample that found none, only once 50 more decisions were made).
    private var needsSample: Bool {
        pool.count < pool.capacity / 2 && (!exhausted || learnedSinceSample >= 50)
    }

    /// One bounded step: a batch of samples from the store, or a few rescored entries.
    private func poolStep(_ order: ItemOrder) {
        if needsSample {
            learnedSinceSample = 0
            do {
                let before = pool.count
                let batch = try feed.sample(count: min(200, pool.room), excluding: served, using: &generator)
                pool.add(batch)
                exhausted = pool.count == before
                if isReady { rescoreOwed = min(rescoreOwed + pool.count - before, pool.capacity) }
            } catch {
                exhausted = true
                reply(.failed("the model could not read items for \(order.rawValue) order: \(error)"))
            }
        } else {
            let budget = min(rescoreOwed, 64)
            rescoreOwed -= budget
            pool.rescore(budget: budget) { candidate in self.prediction(candidate) }
        }
        publish(order)
    }

    /// An item left the pool for good (decided or shown).
    private func drop(_ rowID: Int64) {
        pool.remove(rowID)
        served.insert(rowID)
        suggestions[rowID] = nil
    }

    /// Scores a pool entry and keeps its suggestion; the pool ranks by confidence and margin.
    private func prediction(_ candidate: PoolCandidate) -> Prediction {
        guard let ranked = model.suggest(candidate.text) else {
            suggestions[candidate.id] = nil
            return Prediction(probabilities: [], best: 0, confidence: 0, margin: 1, chosen: [])
        }
        suggestions[candidate.id] = ranked.suggestion
        // Probabilities in the model's label order, for the balanced cold start.
        let probabilities = model.labels.map { ranked.suggestion.probabilities[$0] ?? 0 }
        return Prediction(probabilities: probabilities, best: 0, confidence: ranked.suggestion.confidence,
                          margin: ranked.margin, chosen: [])
    }

    /// Learns a decision and counts it under its labels.
    func learn(_ text: String, _ value: AnnotationValue) {
        model.learn(text: text, value: value)
        for label in Set(value.labelNames) { decidedPerLabel[label, default: 0] += 1 }
    }

    private func forget(_ text: String, _ value: AnnotationValue) {
        model.unlearn(text: text, value: value)
        for label in Set(value.labelNames) { decidedPerLabel[label] = max(0, (decidedPerLabel[label] ?? 0) - 1) }
    }

    /// Publishes the best picks for the order in use and, for confirm mode, the surest
    /// items with the suggestions their last rescoring made (no model call here).
    private func publish(_ order: ItemOrder) {
        let ready = isReady
        let warm = model.examplesSeen >= max(settings.minimumExamples, order == .uncertain ? settings.randomStart : 0)
        var top = pool.top(64, order: warm ? order : .random)
        // Before `uncertain` follows the model, a primed model still steers the cold start
        // to the label with the fewest decisions, so early decisions cover every label.
        if order == .uncertain, !warm, ready,
           let balanced = pool.balancedPick(decided: model.labels.map { decidedPerLabel[$0] ?? 0 }) {
            top.removeAll { $0.candidate.id == balanced.candidate.id }
            top.insert(balanced, at: 0)
        }
        let surest = ready ? pool.top(80, order: .confident).compactMap { entry in
            suggestions[entry.candidate.id].map { (candidate: entry.candidate, suggestion: $0) }
        } : []
        condition.lock()
        published = top
        confident = surest
        condition.unlock()
    }

    func reply(_ reply: Reply) {
        condition.lock()
        outbox.append(reply)
        condition.unlock()
    }
}
