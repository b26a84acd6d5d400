import ArgumentParser
import Foundation
import GlossClassifier
import GlossCore
import GlossStore

extension Gloss {
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the project's text classifier and store it as a new model version.",
            discussion: """
                It learns from the project's current decisions, or with --reference from the labels \
                that came with the dataset, restricted to the guide's labels (the others are counted \
                and reported). A seeded, stratified --holdout share of the examples is kept out of \
                training and scores the model; the stored model is the one trained without them, so \
                its metrics are honest. Same examples and seed, same model. A spans project trains \
                a span suggester from its span decisions (reference labels carry no offsets).

                Examples:
                  gloss train reviews
                  gloss train reviews --reference --epochs 20 --holdout 0.25
                  gloss models reviews
                """
        )

        @Argument(help: "The project.") var project: String
        @Flag(help: "Learn from the dataset's reference labels instead of the project's decisions.") var reference = false
        @Option(help: "Passes over the training examples.") var epochs = ClassifierOptions().epochs
        @Option(help: "Feature hashing into 2^N buckets.") var hashBits = ClassifierOptions().hashBits
        @Option(help: "The seed of the split and of the training order.") var seed: UInt64 = 1
        @Option(help: "The share of examples held out to score the model (0 scores nothing).") var holdout = 0.2
        @OptionGroup var store: StoreOptions

        static let minimumExamples = 10

        func validate() throws {
            guard epochs >= 1, epochs <= 1000 else { throw ValidationError("--epochs must be between 1 and 1000.") }
            guard hashBits >= 8, hashBits <= 26 else { throw ValidationError("--hash-bits must be between 8 and 26.") }
            guard holdout >= 0, holdout <= 0.5 else { throw ValidationError("--holdout must be between 0 and 0.5.") }
        }

        func run() throws {
            let database = try store.openExisting()
            let summary = try database.project(named: project)
            let guide = try ModelSupport.currentGuide(database, project: project)
            if guide.task == .spans { return try trainSpans(database, labels: guide.labels.map(\.name), dataset: summary.dataset) }
            let labels = guide.labels.map(\.name)
            let multilabel = guide.task == .multilabel
            let source = reference ? "reference" : "decisions"
            let labeled = reference ? try database.referenceExamples(dataset: summary.dataset) : try database.decisionExamples(project: project)
            let set = TrainingSet(labeled, labels: labels, multilabel: multilabel)
            var errors = StandardError()
            if let note = set.leftOutNote { print("note: \(note)", to: &errors) }
            try checkEnough(set, labels: labels, source: source, dataset: summary.dataset, errors: &errors)

            let (train, heldOut) = set.split(holdout: holdout, seed: seed)
            let options = ClassifierOptions(hashBits: hashBits, epochs: epochs, seed: seed)
            let classifier = TextClassifier(labels: labels, multilabel: multilabel, options: options)
            let bar = ProgressBar.forStderr()
            let started = ContinuousClock.now
            try classifier.train(train.map { TrainingExample(text: $0.text, labels: $0.labels) }) { done, total in
                bar?.importProgress(source: "training", bytesRead: Int64(done), totalBytes: Int64(total), records: done)
            }
            let seconds = (ContinuousClock.now - started).seconds
            bar?.clear()
            let metrics = heldOut.isEmpty ? nil : Evaluation.score(classifier, items: heldOut).metrics
            let baseline = MajorityBaseline(training: train.map(\.labels), heldOut: heldOut.map(\.labels))
            if let metrics, let warning = baseline.warning(heldOutAccuracy: metrics.accuracy) { print("WARNING: \(warning)", to: &errors) }
            let model = try database.saveModel(
                project: project, kind: .text, source: source, examples: train.count, heldOut: heldOut.count,
                options: TrainingOptions(hashBits: hashBits, epochs: epochs, seed: seed, holdout: holdout).json,
                metrics: metrics, seconds: seconds, bytes: classifier.serialized())
            printSummary(model, source: source, dataset: summary.dataset)
        }

        /// A span suggester from the project's span decisions, scored by exact span matches.
        func trainSpans(_ database: GlossDatabase, labels: [String], dataset: String) throws {
            if reference {
                throw CommandFailure("reference labels carry no span offsets, so a spans project learns from its decisions only; run gloss train \(TerminalText.visible(project)) without --reference.")
            }
            let examples = SpanExamples(try database.decisionExamples(project: project), labels: labels)
            var errors = StandardError()
            if !examples.unknownLabels.isEmpty {
                print("note: left out spans whose labels are not in the guide: \(TrainingSet.list(examples.unknownLabels)).", to: &errors)
            }
            guard examples.items.count >= Self.minimumExamples else {
                throw CommandFailure("too few examples to train on: \"\(TerminalText.visible(project))\" has \(examples.items.count) span decisions (at least \(Self.minimumExamples) are needed); label more with gloss label \(TerminalText.visible(project)).")
            }
            let (train, heldOut) = examples.split(holdout: holdout, seed: seed)
            let suggester = SpanSuggester(labels: labels, seed: seed)
            let bar = ProgressBar.forStderr()
            let started = ContinuousClock.now
            var generator = SeededGenerator(seed: seed)
            for epoch in 0..<epochs {
                for (n, item) in train.shuffled(using: &generator).enumerated() {
                    suggester.learn(text: item.text, spans: item.spans)
                    if n % 64 == 0 {
                        let done = epoch * train.count + n
                        bar?.importProgress(source: "training", bytesRead: Int64(done), totalBytes: Int64(epochs * train.count), records: done)
                    }
                }
            }
            let seconds = (ContinuousClock.now - started).seconds
            bar?.clear()
            let metrics = heldOut.isEmpty ? nil : SpanExamples.evaluate(suggester, items: heldOut).metrics
            let model = try database.saveModel(
                project: project, kind: .spans, source: "decisions", examples: train.count, heldOut: heldOut.count,
                options: TrainingOptions(hashBits: hashBits, epochs: epochs, seed: seed, holdout: holdout).json,
                metrics: metrics, seconds: seconds, bytes: suggester.serialized())
            printSummary(model, source: "decisions", dataset: dataset)
        }

        /// Refuses too few examples, and warns about guide labels the model cannot learn.
        func checkEnough(_ set: TrainingSet, labels: [String], source: String, dataset: String, errors: inout StandardError) throws {
            let counts = set.counts(of: labels)
            let what = reference ? "reference labels of dataset \"\(TerminalText.visible(dataset))\"" : "current decisions of \"\(TerminalText.visible(project))\""
            let hint = reference ? "import labels with gloss import FILE --dataset \(dataset) --label-field FIELD"
                : "label more with gloss label \(project), or train on the dataset's labels with --reference"
            let perLabel = zip(labels, counts).map { "\($0) \($1)" }.joined(separator: ", ")
            if set.items.count < Self.minimumExamples {
                throw CommandFailure("too few examples to train on: the \(what) give \(set.items.count) usable (at least \(Self.minimumExamples) are needed; per label: \(perLabel)); \(hint).")
            }
            if holdout > 0, counts.filter({ $0 >= 2 }).count < 2 {
                throw CommandFailure("too few examples to train on: at least two labels need two examples each, and the \(what) give \(perLabel); \(hint).")
            }
            for (label, count) in zip(labels, counts) where count < 2 {
                print("warning: label \"\(TerminalText.visible(label))\" has \(count) example\(count == 1 ? "" : "s"); the model will hardly ever predict it.", to: &errors)
            }
        }

        func printSummary(_ model: ModelSummary, source: String, dataset: String) {
            let from = source == "reference" ? "the reference labels of dataset \"\(TerminalText.visible(dataset))\"" : "the project's current decisions"
            let what = model.kind == .spans ? " (a span suggester)" : ""
            print("Trained model version \(model.version) of \"\(TerminalText.visible(project))\"\(what) on \(NumberText.grouped(model.examples)) examples from \(from) in \(NumberText.seconds(model.seconds)) s.")
            if let metrics = model.metrics {
                let accuracy = model.kind == .spans ? "exact items" : "accuracy"
                print("Held-out \(NumberText.grouped(model.heldOut)) examples: \(accuracy) \(ScoreText.format(metrics.accuracy)), macro-F1 \(ScoreText.format(metrics.macroF1)) (the stored model never saw them).")
            } else {
                print("No examples were held out (--holdout 0), so the model has no scores; measure it with gloss eval.")
            }
        }
    }
}

/// Scores for human output: three decimals ("0.833").
enum ScoreText {
    static func format(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let frac = thousandths % 1000
        return "\(thousandths / 1000).\(frac < 10 ? "00" : frac < 100 ? "0" : "")\(frac)"
    }
}
