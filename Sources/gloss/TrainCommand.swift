import ArgumentParser
import Foundation
import GlossApp
import GlossClassifier
import GlossCore
import GlossStore

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
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

    @Argument(help: "The project.", completion: .projects) var project: String
    @Flag(help: "Learn from the dataset's reference labels instead of the project's decisions.") var reference = false
    @Option(help: "Passes over the training examples.") var epochs = ClassifierOptions().epochs
    @Option(help: "Feature hashing into 2^N buckets.") var hashBits = ClassifierOptions().hashBits
    @Option(help: "The seed of the split and of the training order.") var seed: UInt64 = 1
    @Option(help: "The share of examples held out to score the model (0 scores nothing).") var holdout = 0.2
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard epochs >= 1, epochs <= 1000 else { throw ValidationError("--epochs must be between 1 and 1000.") }
        guard hashBits >= 8, hashBits <= 26 else { throw ValidationError("--hash-bits must be between 8 and 26.") }
        guard holdout >= 0, holdout <= 0.5 else { throw ValidationError("--holdout must be between 0 and 0.5.") }
    }

    func run() throws {
        let request = TrainingRequest(project: project, reference: reference, hashBits: hashBits, epochs: epochs,
                                      seed: seed, holdout: holdout)
        let bar = ProgressBar.forStderr()
        let outcome = try ModelTraining.train(request, database: store.openExisting(), progress: bar) {
            StandardError.print($0)
        }
        bar?.clear()
        printSummary(outcome.model, source: outcome.source, dataset: outcome.dataset)
    }

    func printSummary(_ model: ModelSummary, source: String, dataset: String) {
        let from = source == "reference" ? "the reference labels of dataset \"\(TerminalText.visible(dataset))\"" : "the project's current decisions"
        let what = model.kind == .spans ? " (a span suggester)" : ""
        print("Trained model version \(model.version) of \"\(TerminalText.visible(project))\"\(what) on \(NumberText.counted(model.examples, "example")) from \(from) in \(NumberText.seconds(model.seconds)) s.")
        if let metrics = model.metrics {
            let accuracy = model.kind == .spans ? "exact items" : "accuracy"
            print("Held-out \(NumberText.counted(model.heldOut, "example")): \(accuracy) \(ScoreText.format(metrics.accuracy)), macro-F1 \(ScoreText.format(metrics.macroF1)) (the stored model never saw them).")
        } else {
            print("No examples were held out (--holdout 0), so the model has no scores; measure it with gloss eval.")
        }
    }
}
