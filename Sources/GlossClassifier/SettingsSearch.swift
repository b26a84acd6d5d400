import GlossCore

/// Chooses the learning rate and the number of passes for one training set, on the set
/// itself: a few candidate rates are trained on part of the examples and scored, after each
/// pass, on examples they did not see. Small sets use three stratified folds (every example
/// is scored once); larger ones one stratified validation slice of 15% (at most 2,000), the
/// candidates training on at most 8,000 of the rest. The score is the mean of accuracy and
/// macro-F1, so rare labels count; the logit adjustment and the features (see `variants`)
/// are chosen with them. Ties keep the standard rate, no adjustment, the inverse document
/// frequency weights with character n-grams, and the fewer passes.
/// Deterministic for a seed; it never looks at a test set.
struct SettingsSearch {
    /// The candidate AdaGrad rates, around the standard 1.
    static let learningRates: [Float] = [0.3, 1, 3]
    /// Fewer examples than this: no search (the standard settings).
    static let minimumExamples = 60
    /// Up to this many examples: three folds; above: one validation slice.
    static let foldLimit = 1500
    /// A candidate stops after this many passes without a better score.
    static let patience = 2
    /// Candidates train on at most this many examples of a large set.
    static let sliceLimit = 6000
    /// ... and on at most about this many feature entries (long documents have thousands each).
    static let entryLimit = 6_000_000

    let set: TrainingSet
    /// The feature sets the search tries, the first (`set`) preferred on a tie: the examples
    /// with and without their inverse document frequency weights (on most text they help,
    /// but on long documents where every word occurs everywhere they make the rare, random
    /// word pairs outweigh the words), each also without character n-grams (on some data,
    /// random or coded words, those n-grams are noise).
    let variants: [Variant]

    /// One feature set the search tries.
    struct Variant {
        var set: TrainingSet
        var dropCharacterGrams: Bool
        var inverseDocumentFrequency: Bool
    }
    let classes: Int
    let multilabel: Bool
    let maximumEpochs: Int
    let seed: UInt64
    /// (training indices, validation indices) of each fold.
    let folds: [(train: [Int], validation: [Int])]

    /// `set` has the inverse document frequency weights, `unweighted` (when given) the same
    /// examples without them.
    init?(set: TrainingSet, unweighted: TrainingSet?, classes: Int, multilabel: Bool, maximumEpochs: Int, seed: UInt64) {
        guard set.count >= Self.minimumExamples, classes > 1 else { return nil }
        // Validation needs labels seen in training: with most examples in labels of one or
        // two examples (one per label), the folds would score noise, so the standard settings stay.
        var perLabel = [Int](repeating: 0, count: classes)
        for index in 0..<set.count { if let c = set.firstTarget(index) { perLabel[c] += 1 } }
        guard 2 * perLabel.filter({ $0 >= 3 }).reduce(0, +) >= set.count else { return nil }
        self.set = set
        var variants: [Variant] = []
        for (weighted, examples) in [(true, set), (false, unweighted)] {
            guard let examples else { continue }
            variants.append(Variant(set: examples, dropCharacterGrams: false, inverseDocumentFrequency: weighted))
            if let words = examples.withoutCharacterGrams() {
                variants.append(Variant(set: words, dropCharacterGrams: true, inverseDocumentFrequency: weighted))
            }
        }
        self.variants = variants
        self.classes = classes
        self.multilabel = multilabel
        self.maximumEpochs = maximumEpochs
        self.seed = seed
        let given = (0..<set.count).map { set.firstTarget($0) }
        if set.count <= Self.foldLimit, set.entryCount <= Self.entryLimit / 2 {
            let assignment = ConfidentLearning.foldAssignment(given, folds: 3, seed: seed ^ 0x5EA2C4)
            folds = (0..<3).map { fold in
                (set.indices.filter { assignment[$0] != fold }, set.indices.filter { assignment[$0] == fold })
            }
        } else {
            let parts = max(2, set.count / min(set.count * 15 / 100, 2000))
            let assignment = ConfidentLearning.foldAssignment(given, folds: parts, seed: seed ^ 0x5EA2C4)
            let validation = set.indices.filter { assignment[$0] == 0 }
            var rest = set.indices.filter { assignment[$0] != 0 }
            var generator = SeededGenerator(seed: seed ^ 0x5A3E)
            TextClassifier.shuffle(&rest, &generator)
            var slice: [Int] = [], entries = 0
            for index in rest where slice.count < Self.sliceLimit && entries < Self.entryLimit {
                slice.append(index)
                entries += set.entryCount(index)
            }
            folds = [(slice.sorted(), validation)]
        }
    }

    /// Example-steps the search takes at most, for progress.
    var work: Int {
        (variants.count + Self.learningRates.count - 1) * folds.reduce(0) { $0 + $1.train.count } * maximumEpochs
    }

    /// Candidate strengths of the logit adjustment (Menon et al. 2021): subtracting
    /// τ·log(prior) from each label's score before the argmax trades a little accuracy on
    /// the common labels for recall on the rare ones; the search keeps τ = 0 unless the mean
    /// of accuracy and macro-F1 says otherwise. Single-label only.
    static let adjustments: [Float] = [0, 0.5, 1]

    /// log(prior) of each label over `indices` (add-one smoothed).
    func logPriors(_ indices: [Int]) -> [Float] { set.logPriors(indices) }

    /// What the search chose.
    struct Plan {
        var learning: LearningSettings
        var epochs: Int
        var adjustment: Float
        var dropCharacterGrams = false
        var inverseDocumentFrequency = true
    }

    /// The examples with the features `plan` chose.
    func trainingSet(for plan: Plan) -> TrainingSet {
        variants.first {
            $0.dropCharacterGrams == plan.dropCharacterGrams && $0.inverseDocumentFrequency == plan.inverseDocumentFrequency
        }?.set ?? set
    }

    /// The best plan; `untrained` is the model with every row of the set. In two stages, so
    /// the features cost one candidate each: every feature set (`variants`) at the standard
    /// rate, then the other rates on the feature set that scored best.
    func choose(_ untrained: LinearModel, standard: LearningSettings, meter: ProgressMeter?) throws(ClassifierError) -> Plan {
        let taus = multilabel ? [Float(0)] : Self.adjustments
        let priors = folds.map { logPriors($0.train) }
        var best = (score: -1.0, plan: Plan(learning: standard, epochs: maximumEpochs, adjustment: 0))
        func candidate(_ variant: Variant, rate: Float) throws(ClassifierError) {
            let set = variant.set
            var settings = standard
            settings.learningRate = rate
            // Folds run pass by pass together, so a rate whose mean score fell for
            // `patience` passes in a row stops early.
            var models = folds.map { _ in untrained }
            var scores: [[Double]] = [[]]
            var generators = folds.map { _ in SeededGenerator(seed: seed) }
            for model in models.indices where settings.averaging { models[model].beginAveraging() }
            for epoch in 1...maximumEpochs {
                var mean = [Double](repeating: 0, count: taus.count)
                for (f, fold) in folds.enumerated() {
                    try TextClassifier.pass(&models[f], set, indices: fold.train, settings: settings,
                                            generator: &generators[f], epoch: epoch, meter: meter)
                    var averaged = models[f]
                    averaged.endAveraging()
                    for (t, tau) in taus.enumerated() {
                        mean[t] += score(averaged, set, fold.validation, adjustment: priors[f].map { -tau * $0 }) / Double(folds.count)
                    }
                }
                scores.append(mean)
                let peak = scores.indices.dropFirst().max { scores[$0].max()! < scores[$1].max()! } ?? epoch
                if epoch - peak >= Self.patience { break }
            }
            for epoch in scores.indices.dropFirst() {
                for (t, tau) in taus.enumerated() {
                    let better = scores[epoch][t] > best.score + 1e-9
                    let tieWithStandard = abs(scores[epoch][t] - best.score) <= 1e-9 && rate == standard.learningRate
                        && tau == 0 && !variant.dropCharacterGrams && variant.inverseDocumentFrequency
                    if better || tieWithStandard {
                        best = (scores[epoch][t], Plan(learning: settings, epochs: epoch, adjustment: tau,
                                                       dropCharacterGrams: variant.dropCharacterGrams,
                                                       inverseDocumentFrequency: variant.inverseDocumentFrequency))
                    }
                }
            }
        }
        for variant in variants { try candidate(variant, rate: standard.learningRate) }
        let chosen = variants.first {
            $0.dropCharacterGrams == best.plan.dropCharacterGrams && $0.inverseDocumentFrequency == best.plan.inverseDocumentFrequency
        } ?? variants[0]
        for rate in Self.learningRates where rate != standard.learningRate { try candidate(chosen, rate: rate) }
        return best.plan
    }

    /// The mean of accuracy (exact label sets) and macro-F1 of `model` on `indices`.
    func score(_ model: LinearModel, _ set: TrainingSet, _ indices: [Int], adjustment: [Float]) -> Double {
        var tp = [Int](repeating: 0, count: classes), fp = tp, fn = tp
        var exact = 0
        var scores = [Float](repeating: 0, count: classes)
        for index in indices {
            var gold: [Bool] = [], predicted = [Bool](repeating: false, count: classes)
            set.withExample(index) { rows, values, targets in
                gold = targets.map { $0 > 0 }
                scores.withUnsafeMutableBufferPointer { s in
                    model.score(rows: rows, values, into: s)
                    if multilabel { model.probabilities(s, temperature: 1) }
                }
            }
            if multilabel {
                for c in 0..<classes { predicted[c] = scores[c] >= 0.5 }
            } else {
                var top = 0
                for c in 1..<classes where scores[c] + adjustment[c] > scores[top] + adjustment[top] { top = c }
                predicted[top] = true
            }
            if gold == predicted { exact += 1 }
            for c in 0..<classes {
                switch (gold[c], predicted[c]) {
                case (true, true): tp[c] += 1
                case (false, true): fp[c] += 1
                case (true, false): fn[c] += 1
                default: break
                }
            }
        }
        let present = (0..<classes).filter { tp[$0] + fp[$0] + fn[$0] > 0 }
        let f1 = present.map { tp[$0] == 0 ? 0 : 2 * Double(tp[$0]) / Double(2 * tp[$0] + fp[$0] + fn[$0]) }
        let macroF1 = f1.isEmpty ? 0 : f1.reduce(0, +) / Double(f1.count)
        return (Double(exact) / Double(max(indices.count, 1)) + macroF1) / 2
    }
}
