import GlossCore
/// Suspected label errors by confident learning (Northcutt, Jiang & Chuang, 2021): each
/// example is scored by a model that never saw it (stratified K-fold, out-of-fold
/// probabilities); class `j`'s threshold `t_j` is the mean out-of-fold probability of `j`
/// over the examples given `j`; an example is suspect when the class it most likely belongs
/// to among those over their threshold is not its given label. Suspects are ranked by
/// `p_predicted - p_given`, largest first, so a reviewer sees the surest errors first. Pure.
public enum ConfidentLearning {
    /// One example: its text and the label it was given.
    public struct Example: Sendable, Equatable {
        public var text: String
        public var label: String
        public init(text: String, label: String) {
            self.text = text
            self.label = label
        }
    }

    /// An example whose given label the model doubts.
    public struct Suspect: Sendable, Equatable {
        /// Its index in the examples given.
        public var index: Int
        public var givenLabel: String
        public var predictedLabel: String
        /// The out-of-fold probability of the predicted label, and of the given one.
        public var confidence: Double
        public var givenProbability: Double
        /// `confidence - givenProbability`: the ranking key.
        public var margin: Double { confidence - givenProbability }
    }

    /// What a run found: the suspects ranked, and every example's out-of-fold probabilities
    /// with the per-class thresholds (for reports and tests).
    public struct Result: Sendable, Equatable {
        public var labels: [String]
        public var thresholds: [Double]
        public var probabilities: [[Double]]
        public var suspects: [Suspect]
    }

    /// Runs confident learning over `examples` with `folds` stratified folds (seeded by
    /// `options.seed`). Labels not in `labels` are left out of training and never suspect.
    public static func findSuspects(_ examples: [Example], labels: [String], folds: Int = 5,
                                    options: ClassifierOptions = ClassifierOptions()) -> Result {
        let classIndex = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let given = examples.map { classIndex[$0.label] }
        let assignment = foldAssignment(given, folds: max(2, folds), seed: options.seed)
        var probabilities = [[Double]](repeating: [], count: examples.count)
        for fold in 0..<max(2, folds) {
            let training = examples.indices.filter { given[$0] != nil && assignment[$0] != fold }
                .map { TrainingExample(text: examples[$0].text, labels: [examples[$0].label]) }
            let scored = examples.indices.filter { assignment[$0] == fold }
            guard !scored.isEmpty else { continue }
            let classifier = TextClassifier(labels: labels, multilabel: false, options: options)
            // A fold whose training diverged scores nothing (its examples are never suspect).
            guard (try? classifier.train(training)) != nil else { continue }
            for index in scored { probabilities[index] = classifier.predict(examples[index].text).probabilities }
        }
        let thresholds = self.thresholds(probabilities, given: given, classes: labels.count)
        var suspects: [Suspect] = []
        for (index, p) in probabilities.enumerated() {
            guard let g = given[index], p.count == labels.count else { continue }
            let over = p.indices.filter { p[$0] >= thresholds[$0] }
            guard let predicted = over.max(by: { p[$0] < p[$1] || (p[$0] == p[$1] && $0 > $1) }), predicted != g else { continue }
            suspects.append(Suspect(index: index, givenLabel: labels[g], predictedLabel: labels[predicted],
                                    confidence: p[predicted], givenProbability: p[g]))
        }
        suspects.sort { $0.margin != $1.margin ? $0.margin > $1.margin : $0.index < $1.index }
        return Result(labels: labels, thresholds: thresholds, probabilities: probabilities, suspects: suspects)
    }

    /// The fold of each example: within each class (unknown labels as one more group) a
    /// seeded shuffle deals the members round-robin, so every fold keeps the class shares.
    static func foldAssignment(_ given: [Int?], folds: Int, seed: UInt64) -> [Int] {
        var groups: [Int: [Int]] = [:]
        for (index, label) in given.enumerated() { groups[label ?? -1, default: []].append(index) }
        var generator = SeededGenerator(seed: seed)
        var assignment = [Int](repeating: 0, count: given.count)
        var next = 0  // continue dealing across classes so small classes do not all land in fold 0
        for key in groups.keys.sorted() {
            var members = groups[key] ?? []
            members.shuffle(using: &generator)
            for index in members {
                assignment[index] = next % folds
                next += 1
            }
        }
        return assignment
    }

    /// `t_j`: the mean probability of class `j` over the examples given `j` (1 when none
    /// is, so a class nobody was given is never predicted over its threshold by default).
    static func thresholds(_ probabilities: [[Double]], given: [Int?], classes: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: classes)
        var counts = [Int](repeating: 0, count: classes)
        for (index, p) in probabilities.enumerated() {
            guard let g = given[index], p.count == classes else { continue }
            sums[g] += p[g]
            counts[g] += 1
        }
        return (0..<classes).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 1 }
    }
}
