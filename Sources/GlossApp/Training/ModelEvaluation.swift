import GlossClassifier
import GlossCore
import GlossStore
import GlossTasks

/// `gloss eval`: a model (or a predictions file) scored against gold labels, the project's
/// current decisions or the reference labels of a dataset.
public enum ModelEvaluation {
    /// Where the gold labels come from.
    public enum Gold: String, Sendable, CaseIterable {
        case decisions, reference
    }

    public struct Request: Sendable {
        public var project: String
        /// The model version (nil: the newest); ignored with `predictions`.
        public var model: Int?
        /// A JSONL file that gloss predict wrote, scored instead of a model.
        public var predictions: String?
        public var gold: Gold
        /// The dataset whose reference labels are gold (nil: the project's).
        public var dataset: String?
        /// Refuse a span suggester (its mistakes cannot be browsed in the labeler).
        public var textModelOnly: Bool

        public init(project: String, model: Int? = nil, predictions: String? = nil, gold: Gold = .decisions,
                    dataset: String? = nil, textModelOnly: Bool = false) {
            self.project = project
            self.model = model
            self.predictions = predictions
            self.gold = gold
            self.dataset = dataset
            self.textModelOnly = textModelOnly
        }
    }

    /// The scores, and what they were computed from.
    public struct Result {
        public var report: EvalReport
        /// "Model v3" or "Predictions FILE".
        public var scored: String
        /// "the current decisions of \"reviews\"", or the reference labels of a dataset.
        public var goldName: String
        /// The dataset the gold items belong to.
        public var goldDataset: String
        /// A text model's evaluation with its classifier and gold items (to browse its mistakes).
        public var text: (evaluation: Evaluation, classifier: TextClassifier, items: [LabeledItem])?
    }

    /// Scores as asked; `notice` receives notes about left-out gold items ("note: …").
    public static func run(_ request: Request, database: GlossDatabase,
                           notice: (String) -> Void = { _ in }) throws -> Result {
        let project = request.project
        let goldDataset = try request.dataset ?? database.project(named: project).dataset
        let goldName = request.gold == .reference
            ? "the reference labels of dataset \"\(TerminalText.visible(goldDataset))\""
            : "the current decisions of \"\(TerminalText.visible(project))\""
        let labeled = request.gold == .reference
            ? try database.referenceExamples(dataset: goldDataset) : try database.decisionExamples(project: project)
        let reportDataset = request.gold == .reference ? goldDataset : nil
        let against = request.gold.rawValue
        func result(_ report: EvalReport, scored: String,
                    text: (Evaluation, TextClassifier, [LabeledItem])? = nil) -> Result {
            Result(report: report, scored: scored, goldName: goldName, goldDataset: goldDataset, text: text)
        }
        if let predictions = request.predictions {
            let guide = try database.currentGuide(project: project).guide
            guard case .textClassifier(let multilabel) = TaskKinds.kind(for: guide.task).modelFamily else {
                throw UseCaseFailure("scoring a predictions file of spans is not supported yet; score the model with "
                    + "gloss eval \(TerminalText.visible(project)).")
            }
            let labels = guide.labels.map(\.name)
            let examples = try goldItems(labeled, labels: labels, multilabel: multilabel, request: request,
                                         goldName: goldName, notice: notice)
            let (evaluation, missing) = try scoreFile(predictions, examples, labels: labels, multilabel: multilabel,
                                                      goldName: goldName, notice: notice)
            let report = EvalReport(project: project, model: nil, predictions: predictions, against: against,
                                    dataset: reportDataset, missing: missing, evaluation: evaluation)
            return result(report, scored: "Predictions \(TerminalText.visible(predictions))")
        }
        let (loaded, summary) = try LoadedModel.load(database, project: project, version: request.model)
        let scored = "Model v\(summary.version)"
        switch loaded {
        case .text(let classifier):
            let examples = try goldItems(labeled, labels: classifier.labels, multilabel: classifier.multilabel,
                                         request: request, goldName: goldName, notice: notice)
            let evaluation = Evaluation.score(classifier, items: examples.items)
            let report = EvalReport(project: project, model: summary.version, predictions: nil, against: against,
                                    dataset: reportDataset, missing: 0, evaluation: evaluation)
            return result(report, scored: scored, text: (evaluation, classifier, examples.items))
        case .spans(let suggester):
            if request.textModelOnly {
                throw UseCaseFailure("--browse works for classify and multilabel models; this project's model "
                    + "suggests spans.")
            }
            guard request.gold == .decisions else {
                throw UseCaseFailure("reference labels carry no span offsets; score a span suggester against the "
                    + "project's decisions (drop --against reference and --dataset).")
            }
            let examples = SpanExamples(labeled, labels: suggester.labels)
            guard !examples.items.isEmpty else {
                throw UseCaseFailure("there is nothing to score: \(goldName) have no span decisions.")
            }
            let spans = SpanExamples.evaluate(suggester, items: examples.items)
            let report = EvalReport(project: project, model: summary.version, predictions: nil, against: against,
                                    dataset: nil, missing: 0, labels: suggester.labels, metrics: spans.metrics,
                                    misclassified: spans.misclassified, scoringSeconds: spans.seconds)
            return result(report, scored: scored)
        }
    }

    /// The gold items with labels of the model; what was left out goes to `notice`.
    static func goldItems(_ labeled: [LabeledItem], labels: [String], multilabel: Bool, request: Request,
                          goldName: String, notice: (String) -> Void) throws -> TrainingExamples {
        let examples = TrainingExamples(labeled, labels: labels, multilabel: multilabel)
        if let note = examples.leftOutNote { notice("note: \(note)") }
        guard !examples.items.isEmpty else {
            let hint = request.gold == .decisions
                ? "; score against the dataset's own labels with --against reference" : ""
            throw UseCaseFailure("there is nothing to score: \(goldName) give no items with labels of the "
                + "model\(hint).")
        }
        return examples
    }

    /// Gold beside the predictions of a file written by gloss predict, matched by id.
    static func scoreFile(_ file: String, _ examples: TrainingExamples, labels: [String], multilabel: Bool,
                          goldName: String, notice: (String) -> Void) throws -> (Evaluation, Int) {
        let predictions = try PredictionsFile(path: file, labels: labels, multilabel: multilabel)
        let (evaluation, missing) = predictions.evaluate(examples.items, labels: labels, multilabel: multilabel)
        if missing > 0 {
            notice("note: \(NumberText.grouped(missing)) gold item\(missing == 1 ? " has" : "s have") no prediction in "
                + "\(TerminalText.visible(file)) and \(missing == 1 ? "is" : "are") left out.")
        }
        guard !evaluation.outcomes.isEmpty else {
            throw UseCaseFailure("no line of \(TerminalText.visible(file)) has the id of an item of \(goldName); "
                + "were they predicted on another dataset?")
        }
        return (evaluation, missing)
    }
}
