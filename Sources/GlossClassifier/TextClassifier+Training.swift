import GlossCore

extension TextClassifier {
    /// Trains afresh on `examples` (what was learned before is replaced), in an order shuffled
    /// by the seed, averaging the weights over the passes. Features are weighted by their
    /// inverse document frequency in `examples` (see `InverseDocumentFrequency`), kept with
    /// the model for the texts it scores and learns later. With `options.adaptive` (and enough
    /// examples) the learning rate, the number of passes (at most `options.epochs`), and
    /// whether the weights and character n-grams help are first chosen on validation slices
    /// of the examples (see `SettingsSearch`), so the same
    /// code fits short and long texts, few and many labels, without per-corpus tuning; on a
    /// set too small for that search, single-label biases stay at the labels' log priors.
    /// `progress(done, total)` is called now and then with example-steps done and to do.
    /// Throws `ClassifierError` (and the model must not be used) when a step leaves a weight
    /// that is not a finite number.
    public func train(_ examples: [TrainingExample], progress: ((Int, Int) -> Void)? = nil) throws(ClassifierError) {
        model = Self.emptyModel(labels.count, multilabel, options)
        temperature = 1
        featureSettings = initialFeatureSettings
        hasher = FeatureHasher(bits: options.hashBits, settings: featureSettings)
        journal.removeAll()
        journalKey = nil
        history.removeAll()
        var set = TrainingSet(examples, classifier: self)
        examplesSeen = set.count
        var unweighted: TrainingSet?
        var idf: InverseDocumentFrequency?
        if featureSettings.scaling == .logCountUnitLength, set.count > 0 {
            if options.adaptive { unweighted = set }
            // Counted on every example, the validation slices of the search included (no
            // label is read), so the search scores the features the model will have.
            idf = set.weighByInverseDocumentFrequency(bucketOfRow: model.bucketOfRow, bits: options.hashBits)
        }
        let maximumEpochs = max(options.epochs, 0)
        guard set.count > 0, maximumEpochs > 0 else {
            progress?(0, 0)
            return
        }
        let untrained = model
        let search = options.adaptive ? SettingsSearch(set: set, unweighted: unweighted, classes: labels.count, multilabel: multilabel,
                                                       maximumEpochs: maximumEpochs, seed: options.seed) : nil
        let meter = ProgressMeter(total: (search?.work ?? 0) + set.count * maximumEpochs, report: progress)
        var plan = SettingsSearch.Plan(learning: learningSettings, epochs: maximumEpochs, adjustment: 0)
        if let search {
            plan = try search.choose(untrained, standard: learningSettings, meter: meter)
        } else if options.adaptive, !multilabel {
            // Too few examples per label to validate anything (one per label): learned, the
            // biases are mostly the noise of the first steps' order (AdaGrad turns the small
            // gradient every example gives every other label into a sizeable step), and they
            // outweigh the scores of texts whose words are mostly new. The labels' log priors
            // are what so few examples tell; the biases stay there.
            plan.learning.learnsBias = false
        }
        learningSettings = plan.learning
        learningSettings.learnsBias = true  // online steps after `train` move them as usual
        chosenEpochs = plan.epochs
        let trainingSet = search?.trainingSet(for: plan) ?? set
        if plan.dropCharacterGrams { featureSettings.charWeight = 0 }
        hasher = FeatureHasher(bits: options.hashBits, settings: featureSettings)
        hasher.idf = plan.inverseDocumentFrequency ? idf : nil
        meter.total = meter.done + set.count * plan.epochs
        model = untrained
        if !plan.learning.learnsBias { model.bias = set.logPriors() }
        try Self.runPasses(&model, trainingSet, indices: Array(0..<set.count), epochs: plan.epochs,
                           settings: plan.learning, seed: options.seed, meter: meter)
        if plan.adjustment > 0, let search {
            // Baked into the biases, so scoring and the model file stay as they are.
            let priors = search.logPriors(Array(0..<set.count))
            for c in 0..<labels.count { model.bias[c] -= plan.adjustment * priors[c] }
        }
        logitAdjustment = plan.adjustment
        guard model.isFinite else { throw .notFinite }
        meter.finish()
    }

    /// `epochs` shuffled passes of AdaGrad over `indices` of `set`, averaging the iterates.
    static func runPasses(
        _ model: inout LinearModel, _ set: TrainingSet, indices: [Int], epochs: Int, settings: LearningSettings,
        seed: UInt64, meter: ProgressMeter?
    ) throws(ClassifierError) {
        var generator = SeededGenerator(seed: seed)
        if settings.averaging { model.beginAveraging() }
        for epoch in 0..<epochs {
            try pass(&model, set, indices: indices, settings: settings, generator: &generator, epoch: epoch + 1, meter: meter)
        }
        if settings.averaging { model.endAveraging() }
    }

    /// One pass over `indices` in an order shuffled by `generator`.
    static func pass(
        _ model: inout LinearModel, _ set: TrainingSet, indices: [Int], settings: LearningSettings,
        generator: inout SeededGenerator, epoch: Int, meter: ProgressMeter?
    ) throws(ClassifierError) {
        var order = indices
        shuffle(&order, &generator)
        var scratch = [Float](repeating: 0, count: model.classes)
        for index in order {
            let learned = set.withExample(index) { rows, values, targets in
                scratch.withUnsafeMutableBufferPointer { s in
                    model.learn(rows: rows, values, targets: targets, scratch: s, settings: settings, journal: nil)
                }
            }
            guard learned else { throw .diverged(epoch: epoch, example: index + 1) }
            meter?.step()
        }
    }
}

/// Counts example-steps and calls the progress callback every 1,024 of them.
final class ProgressMeter {
    var total: Int
    private(set) var done = 0
    private let report: ((Int, Int) -> Void)?

    init(total: Int, report: ((Int, Int) -> Void)?) {
        self.total = total
        self.report = report
        report?(0, total)
    }

    func step() {
        done += 1
        if done % 1024 == 0 { report?(min(done, total), total) }
    }

    func finish() { report?(total, total) }
}
