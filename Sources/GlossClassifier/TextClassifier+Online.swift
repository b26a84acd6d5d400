import GlossCore

extension TextClassifier {
    /// Teaches the model a guide before any decision: each `(label, text)` pair, a label's
    /// example or its description, is learned like a decision (it stays in the refit memory
    /// and can be outweighed by decisions), so the first items already get suggestions better
    /// than chance. Pairs whose label is not one of `labels` are ignored. Returns how many
    /// were learned; they count in `primedCount`, not in `examplesSeen`.
    @discardableResult
    public func prime(_ pairs: [(label: String, text: String)]) -> Int {
        var learned = 0
        for pair in pairs where !pair.text.isEmpty {
            if learnExample(TrainingExample(text: pair.text, labels: [pair.label]), primed: true, refit: false) { learned += 1 }
        }
        if learned > 0, memory != nil { _ = refit() }
        primedCount += learned
        return learned
    }

    /// Takes back a decision learned with `learn` (the same text and labels), for an undo.
    /// While the refit memory holds the decisions, the model is refit without it: it is then
    /// the model that never saw it (the same predictions; only feature rows stay allocated).
    /// Past the memory, the latest step is rolled back exactly from its journal (rows it added
    /// included); an older decision's recorded changes are subtracted (see `StepHistory`:
    /// close, not equal). Returns false when the example teaches nothing, was never learned,
    /// or is too old for the history.
    @discardableResult
    public func unlearn(_ example: TrainingExample) -> Bool {
        guard setTargets(example.labels) else { return false }
        let key = exampleKey(example)
        if var kept = memory {
            memory = nil
            let found = kept.removeLatest(key: key)
            memory = kept
            guard found else { return false }
            _ = refit()
            examplesSeen = max(0, examplesSeen - 1)
            return true
        }
        if journalKey == key, !journal.indices.isEmpty {
            model.undo(journal)
            _ = history.take(key)
        } else if let change = history.take(key) {
            model.subtract(change)
        } else {
            return false
        }
        journal.removeAll()
        journalKey = nil
        examplesSeen = max(0, examplesSeen - 1)
        return true
    }

    /// Retrains the weights on every remembered example: `options.epochs` averaged passes in
    /// a seeded order. Rows stay allocated; their weights and AdaGrad sums start from zero.
    /// A refit that diverges leaves the previous weights (returns false).
    func refit() -> Bool {
        guard let memory else { return false }
        var fresh = model
        fresh.resetWeights()
        let set = TrainingSet(memory: memory, model: &fresh)
        do {
            try Self.runPasses(&fresh, set, indices: Array(0..<set.count), epochs: max(1, options.epochs),
                               settings: learningSettings, seed: options.seed, meter: nil)
        } catch {
            return false
        }
        guard fresh.isFinite else { return false }
        model = fresh
        history.removeAll()
        return true
    }

    /// How many remembered examples the refit memory holds (nil once past `options.refitLimit`).
    public var rememberedCount: Int? { memory?.count }
}
