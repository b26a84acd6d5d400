import GlossClassifier
import GlossCore
import GlossStore
import GlossTasks

/// `gloss train`: trains the project's model on its examples, keeps a seeded stratified
/// share out to score it, and stores it as a new model version. A text classifier for
/// classify and multilabel projects; a span suggester, from span decisions only, for spans.
public enum ModelTraining {
    /// Fewer usable examples than this are refused.
    public static let minimumExamples = 10

    /// Trains and stores the model. `notice` receives the notes and warnings ("note: …",
    /// "warning: …") as they arise, before training starts; `progress` the examples done.
    public static func train(_ request: TrainingRequest, database: GlossDatabase, progress: ImportProgress? = nil,
                             notice: (String) -> Void = { _ in }) throws -> TrainingOutcome {
        let dataset = try database.project(named: request.project).dataset
        let guide = try database.currentGuide(project: request.project).guide
        let labels = guide.labels.map(\.name)
        let multilabel: Bool
        switch TaskKinds.kind(for: guide.task).modelFamily {
        case .spanSuggester:
            return try trainSpans(request, database: database, labels: labels, dataset: dataset, progress: progress,
                                  notice: notice)
        case .textClassifier(let many):
            multilabel = many
        case .none:
            throw UseCaseFailure("project \"\(TerminalText.visible(request.project))\" is a \(guide.task.rawValue) project: "
                + "Gloss has no model to train for it.")
        }
        let source = request.reference ? "reference" : "decisions"
        let labeled = request.reference
            ? try database.referenceExamples(dataset: dataset) : try database.decisionExamples(project: request.project)
        let examples = TrainingExamples(labeled, labels: labels, multilabel: multilabel)
        if let note = examples.leftOutNote { notice("note: \(note)") }
        try checkEnough(examples, labels: labels, request: request, dataset: dataset, notice: notice)
        let (train, heldOut) = examples.split(holdout: request.holdout, seed: request.seed)
        let options = ClassifierOptions(hashBits: request.hashBits, epochs: request.epochs, seed: request.seed)
        let classifier = TextClassifier(labels: labels, multilabel: multilabel, options: options)
        let started = ContinuousClock.now
        try classifier.train(train.map { TrainingExample(text: $0.text, labels: $0.labels) }) { done, total in
            report(progress, done: done, total: total)
        }
        let seconds = (ContinuousClock.now - started).seconds
        let metrics = heldOut.isEmpty ? nil : Evaluation.score(classifier, items: heldOut).metrics
        let baseline = MajorityBaseline(training: train.map(\.labels), heldOut: heldOut.map(\.labels))
        if let metrics, let warning = baseline.warning(heldOutAccuracy: metrics.accuracy) { notice("warning: \(warning)") }
        let model = try database.saveModel(
            project: request.project, kind: .text, source: source, examples: train.count, heldOut: heldOut.count,
            options: request.optionsJSON, metrics: metrics, seconds: seconds, bytes: classifier.serialized())
        return TrainingOutcome(model: model, source: source, dataset: dataset)
    }

    /// A span suggester from the project's span decisions, one online pass per epoch over
    /// the training items in a seeded order, scored by exact span matches.
    static func trainSpans(_ request: TrainingRequest, database: GlossDatabase, labels: [String], dataset: String,
                           progress: ImportProgress?, notice: (String) -> Void) throws -> TrainingOutcome {
        let project = TerminalText.visible(request.project)
        if request.reference {
            throw UseCaseFailure("reference labels carry no span offsets, so a spans project learns from its decisions "
                + "only; run gloss train \(project) without --reference.")
        }
        let examples = SpanExamples(try database.decisionExamples(project: request.project), labels: labels)
        if !examples.unknownLabels.isEmpty {
            let unknown = TrainingExamples.list(examples.unknownLabels)
            notice("note: left out spans whose labels are not in the guide: \(unknown).")
        }
        guard examples.items.count >= minimumExamples else {
            throw UseCaseFailure("too few examples to train on: \"\(project)\" has \(examples.items.count) span "
                + "decisions (at least \(minimumExamples) are needed); label more with gloss label \(project).")
        }
        let (train, heldOut) = examples.split(holdout: request.holdout, seed: request.seed)
        let suggester = SpanSuggester(labels: labels, seed: request.seed)
        let started = ContinuousClock.now
        var generator = SeededGenerator(seed: request.seed)
        let total = request.epochs * train.count
        for epoch in 0..<request.epochs {
            for (n, item) in train.shuffled(using: &generator).enumerated() {
                suggester.learn(text: item.text, spans: item.spans)
                if n % 64 == 0 { report(progress, done: epoch * train.count + n, total: total) }
            }
        }
        let seconds = (ContinuousClock.now - started).seconds
        let metrics = heldOut.isEmpty ? nil : SpanExamples.evaluate(suggester, items: heldOut).metrics
        let model = try database.saveModel(
            project: request.project, kind: .spans, source: "decisions", examples: train.count, heldOut: heldOut.count,
            options: request.optionsJSON, metrics: metrics, seconds: seconds, bytes: suggester.serialized())
        return TrainingOutcome(model: model, source: "decisions", dataset: dataset)
    }

    /// Tells `progress` how many of the examples' passes are done.
    private static func report(_ progress: ImportProgress?, done: Int, total: Int) {
        progress?.importProgress(source: "training", bytesRead: Int64(done), totalBytes: Int64(total), records: done)
    }

    /// Refuses too few examples, and warns about guide labels the model cannot learn.
    static func checkEnough(_ examples: TrainingExamples, labels: [String], request: TrainingRequest, dataset: String,
                            notice: (String) -> Void) throws {
        let counts = examples.counts(of: labels)
        let what = request.reference
            ? "reference labels of dataset \"\(TerminalText.visible(dataset))\""
            : "current decisions of \"\(TerminalText.visible(request.project))\""
        let hint = request.reference
            ? "import labels with gloss import FILE --dataset \(dataset) --label-field FIELD"
            : "label more with gloss label \(request.project), or train on the dataset's labels with --reference"
        let perLabel = zip(labels, counts).map { "\($0) \($1)" }.joined(separator: ", ")
        if examples.items.count < minimumExamples {
            throw UseCaseFailure("too few examples to train on: the \(what) give \(examples.items.count) usable "
                + "(at least \(minimumExamples) are needed; per label: \(perLabel)); \(hint).")
        }
        if request.holdout > 0, counts.filter({ $0 >= 2 }).count < 2 {
            throw UseCaseFailure("too few examples to train on: at least two labels need two examples each, and the "
                + "\(what) give \(perLabel); \(hint).")
        }
        for (label, count) in zip(labels, counts) where count < 2 {
            notice("warning: label \"\(TerminalText.visible(label))\" has \(count) example\(count == 1 ? "" : "s"); "
                + "the model will hardly ever predict it.")
        }
    }
}
