import GlossCore

/// How a simulated annotator works through a dataset: the order items come in, and the
/// active-learning pool behind every order but `sequential` (as the labeler keeps it).
public struct LearningCurveSettings: Sendable, Equatable {
    public var order: ItemOrder
    /// How many undecided items the pool holds (a random sample, topped up after each pick).
    public var poolCapacity: Int
    /// How many pool entries are rescored after each decision, stalest first.
    public var rescoreBudget: Int
    /// How many first picks are random whatever the order (a cold start for `uncertain`).
    public var randomStart: Int
    /// Whether `uncertain` order's cold start is class-balanced once the model has learned
    /// something: each pick is the pool item most likely of the label with the fewest
    /// decisions (see `ActivePool.balancedPick`), random before the model knows anything.
    /// Off by default: on rt_full (seeds 1-3) it gave 0.543 / 0.593 / 0.698 at 100 / 300 /
    /// 1,000 decisions against 0.542 / 0.618 / 0.707 with random picks; it is meant for a
    /// model primed from a guide, whose first predictions already mean something.
    public var balancedStart: Bool
    /// The seed of the pool's sampling and tie-breaks: same seed, same curve.
    public var seed: UInt64
    /// The options of the online classifier (the labeler's by default).
    public var classifier: ClassifierOptions

    public init(order: ItemOrder, poolCapacity: Int = 2000, rescoreBudget: Int = 200,
                randomStart: Int = ClassifierOptions.labelerRandomStart,
                seed: UInt64 = 1, classifier: ClassifierOptions = .labeler(), balancedStart: Bool = false) {
        self.order = order
        self.poolCapacity = poolCapacity
        self.rescoreBudget = rescoreBudget
        self.randomStart = randomStart
        self.seed = seed
        self.classifier = classifier
        self.balancedStart = balancedStart
    }
}

/// The model's scores on the test examples after some number of decisions.
public struct LearningCurvePoint: Sendable, Equatable, Codable {
    public var decisions: Int
    public var accuracy: Double
    public var macroF1: Double

    public init(decisions: Int, accuracy: Double, macroF1: Double) {
        self.decisions = decisions
        self.accuracy = accuracy
        self.macroF1 = macroF1
    }
}

/// The kinds of work a simulation does per decision, for callers that time them.
public enum LearningCurveStep: Sendable, Equatable {
    /// The one online `learn` step of a decision.
    case learn
    /// Rescoring pool entries after a decision.
    case rescore
}

/// A simulated annotator: starting from an empty online classifier, it takes the items of
/// `pool` in the settings' order, learns each one's known labels with one online step (as
/// the labeler does per decision) and scores the model on `test` at each checkpoint. Pure
/// and deterministic for a seed; the sequence of items taken is kept in `taken`.
public struct LearningCurve {
    public let settings: LearningCurveSettings
    public private(set) var points: [LearningCurvePoint] = []
    /// The indices into the pool of the items taken, in the order they were taken.
    public private(set) var taken: [Int] = []

    /// Runs the simulation up to the last checkpoint (or until the pool runs out; later
    /// checkpoints are then not reported). `measure` runs each step it is given: pass one
    /// that times them; the default just runs them.
    public init(pool: [TrainingExample], test: [TrainingExample], labels: [String], multilabel: Bool = false,
                checkpoints: [Int], settings: LearningCurveSettings,
                measure: (LearningCurveStep, () -> Void) -> Void = { $1() }) {
        self.settings = settings
        let classifier = TextClassifier(labels: labels, multilabel: multilabel, options: settings.classifier)
        let stops = Set(checkpoints.filter { $0 >= 0 && $0 <= pool.count })
        let last = stops.max() ?? 0
        var picker = Picker(count: pool.count, pool: pool, settings: settings)
        if stops.contains(0) { points.append(Self.score(classifier, on: test, decisions: 0)) }
        var decided = [Int](repeating: 0, count: labels.count)
        while taken.count < last, let index = picker.next(decided: decided, modelKnows: classifier.examplesSeen >= 2) {
            taken.append(index)
            for label in pool[index].labels { if let c = labels.firstIndex(of: label) { decided[c] += 1 } }
            measure(.learn) { classifier.learn(pool[index]) }
            picker.afterLearning(classifier, measure: measure)
            if stops.contains(taken.count) {
                points.append(Self.score(classifier, on: test, decisions: taken.count))
            }
        }
    }

    /// Accuracy (exact label sets) and macro-F1 (over the labels that occur in the gold
    /// labels or the predictions) of `classifier` on the examples with a known label.
    public static func score(_ classifier: TextClassifier, on test: [TrainingExample], decisions: Int) -> LearningCurvePoint {
        let n = classifier.labels.count
        let index = Dictionary(classifier.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var tp = [Int](repeating: 0, count: n), fp = tp, fn = tp
        var exact = 0, total = 0
        for example in test {
            let gold = Set(example.labels.compactMap { index[$0] })
            guard !gold.isEmpty else { continue }
            let predicted = Set(classifier.predict(example.text).chosen)
            total += 1
            if gold == predicted { exact += 1 }
            for label in gold.union(predicted) {
                switch (gold.contains(label), predicted.contains(label)) {
                case (true, true): tp[label] += 1
                case (false, true): fp[label] += 1
                default: fn[label] += 1
                }
            }
        }
        let present = (0..<n).filter { tp[$0] + fp[$0] + fn[$0] > 0 }
        let f1 = present.map { tp[$0] == 0 ? 0 : 2 * Double(tp[$0]) / Double(2 * tp[$0] + fp[$0] + fn[$0]) }
        return LearningCurvePoint(decisions: decisions, accuracy: total == 0 ? 0 : Double(exact) / Double(total),
                                  macroF1: f1.isEmpty ? 0 : f1.reduce(0, +) / Double(f1.count))
    }
}

/// Serves the next item: file order for `sequential`, else the top of an `ActivePool`
/// filled from a seeded random permutation of the items (each item enters it once).
private struct Picker {
    let settings: LearningCurveSettings
    let pool: [TrainingExample]
    var active: ActivePool
    var permutation: [Int]
    var nextToSample = 0
    var nextInFileOrder = 0
    var picks = 0

    init(count: Int, pool: [TrainingExample], settings: LearningCurveSettings) {
        self.settings = settings
        self.pool = pool
        active = ActivePool(capacity: max(1, settings.poolCapacity), seed: settings.seed)
        var generator = SeededGenerator(seed: settings.seed ^ 0x5EED_F00D)
        permutation = settings.order.usesPool ? Array(0..<count).shuffled(using: &generator) : []
        topUp()
    }

    mutating func next(decided: [Int], modelKnows: Bool) -> Int? {
        defer { picks += 1 }
        guard settings.order.usesPool else {
            guard nextInFileOrder < pool.count else { return nil }
            defer { nextInFileOrder += 1 }
            return nextInFileOrder
        }
        let coldStart = picks < settings.randomStart
        let balanced = coldStart && settings.balancedStart && settings.order == .uncertain && modelKnows
            ? active.balancedPick(decided: decided) : nil
        guard let entry = balanced ?? active.top(1, order: coldStart ? .random : settings.order).first else { return nil }
        active.remove(entry.candidate.id)
        topUp()
        return Int(entry.candidate.id)
    }

    mutating func afterLearning(_ classifier: TextClassifier, measure: (LearningCurveStep, () -> Void) -> Void) {
        guard settings.order == .uncertain || settings.order == .confident else { return }
        let budget = settings.rescoreBudget
        measure(.rescore) { active.rescore(budget: budget) { classifier.predict($0.text) } }
    }

    private mutating func topUp() {
        guard settings.order.usesPool else { return }
        var batch: [PoolCandidate] = []
        while batch.count < active.room, nextToSample < permutation.count {
            let index = permutation[nextToSample]
            batch.append(PoolCandidate(id: Int64(index), text: pool[index].text))
            nextToSample += 1
        }
        active.add(batch)
    }
}
