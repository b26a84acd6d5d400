import GlossCore
import GlossStore
import GlossTasks

/// `gloss gold add`: gold answers from a file or from the dataset's reference labels,
/// checked by the project's task kind and stored all or none.
public enum GoldAdding {
    /// Where the answers come from.
    public enum Answers: Sendable {
        /// A gold answers file (see `GoldFile`).
        case file(String)
        /// The dataset's reference labels, `count` items of them at random (seeded), else all.
        case reference(count: Int?, seed: UInt64)
    }

    public static func add(_ answers: Answers, to project: String, rate: Double?,
                           in database: GlossDatabase) throws -> GoldOutcome {
        let list = switch answers {
        case .file(let path): try GoldFile.read(path)
        case .reference(let count, let seed):
            try database.referenceGold(project: project, count: count, seed: seed, rules: TaskKinds.valueRules)
        }
        return try database.addGold(project: project, answers: list, rate: rate, rules: TaskKinds.valueRules)
    }
}
