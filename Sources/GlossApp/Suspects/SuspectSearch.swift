import GlossClassifier
import GlossCore
import GlossStore
import GlossTasks

/// `gloss review --suspect`: the final labels of a classify project checked by confident
/// learning, the items whose final label a confident cross-validated model doubts.
public struct SuspectSearch {
    public let database: GlossDatabase
    public let project: String
    public let guide: Guide
    public let folds: Int
    public let seed: UInt64
    /// How each fold's classifier is built (the seed's defaults unless a caller needs smaller models).
    public let options: ClassifierOptions

    /// Fewer items with a final label than this cannot be cross-validated.
    public static let minimumItems = 20

    /// An item whose final label the model doubts.
    public struct Suspect: Sendable, Equatable {
        public var itemRowID: Int64
        public var givenLabel: String
        public var predictedLabel: String
        /// The model's probability for its own label.
        public var confidence: Double
    }

    public init(database: GlossDatabase, project: String, guide: Guide, folds: Int, seed: UInt64,
                options: ClassifierOptions? = nil) {
        self.database = database
        self.project = project
        self.guide = guide
        self.folds = folds
        self.seed = seed
        self.options = options ?? ClassifierOptions(seed: seed)
    }

    /// The suspects, surest first. `notice` receives warnings ("warning: …") about labels
    /// the model can hardly learn; `starting` how many items in how many folds, before the work.
    public func run(notice: (String) -> Void = { _ in },
                    starting: (_ items: Int, _ folds: Int) -> Void = { _, _ in }) throws -> [Suspect] {
        let name = TerminalText.visible(project)
        guard TaskKinds.kind(for: guide.task).modelFamily == .textClassifier(multilabel: false) else {
            throw UseCaseFailure("--suspect works on classify projects; \"\(name)\" is a \(guide.task.rawValue) "
                + "project. Review its disagreements with gloss review \(name).")
        }
        let labels = guide.labels.map(\.name)
        let finals = try database.finalLabels(project: project).filter { labels.contains($0.label) }
        let counts = labels.map { label in finals.filter { $0.label == label }.count }
        let perLabel = zip(labels, counts).map { "\($0) \($1)" }.joined(separator: ", ")
        if finals.count < Self.minimumItems || counts.filter({ $0 >= 2 }).count < 2 {
            throw UseCaseFailure("too few labeled items to cross-validate: \"\(name)\" has \(NumberText.counted(finals.count, "item")) "
                + "with a final label (at least \(Self.minimumItems) are needed, with two labels of at least 2 items "
                + "each; per label: \(perLabel)). Label more with gloss label \(name).")
        }
        for (label, count) in zip(labels, counts) where count == 1 {
            notice("warning: label \"\(TerminalText.visible(label))\" has 1 item; the model can hardly learn it.")
        }
        starting(finals.count, min(folds, finals.count))
        let examples = finals.map { ConfidentLearning.Example(text: $0.text, label: $0.label) }
        let result = ConfidentLearning.findSuspects(examples, labels: labels, folds: min(folds, finals.count),
                                                    options: options)
        return result.suspects.map {
            Suspect(itemRowID: finals[$0.index].itemRowID, givenLabel: $0.givenLabel, predictedLabel: $0.predictedLabel,
                    confidence: $0.confidence)
        }
    }
}
