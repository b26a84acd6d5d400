import Foundation
import GlossCore

/// A gold item: an item with a known answer, served to every annotator unannounced.
public struct GoldItem: Sendable, Equatable, Encodable {
    public var id: String
    public var answer: String
    public var source: String
}

/// What `addGold` stored.
public struct GoldOutcome: Sendable, Equatable, Encodable {
    /// Items that became gold, and gold items whose answer changed.
    public var added: Int
    public var updated: Int
    /// Gold items of the project now, and its gold rate.
    public var total: Int
    public var rate: Double
}

/// Why gold answers were refused.
public enum GoldError: Error, Equatable, CustomStringConvertible {
    case badRate(Double)
    case unknownItem(id: String, source: String)
    case unknownLabel(id: String, label: String, source: String, known: [String])
    case wrongShape(id: String, task: String, source: String)
    case badSpan(id: String, source: String, reason: String)
    case noReference(project: String)

    public var description: String {
        switch self {
        case .badRate(let rate): "the gold rate must be between 0 and 1 (a share of the items served); got \(rate)"
        case let .unknownItem(id, source): "\(source): no item has the id \"\(id)\" in the project's dataset"
        case let .unknownLabel(id, label, source, known):
            "\(source): item \(id) has the label \"\(label)\", which the guide does not define (labels: \(known.joined(separator: ", ")))"
        case let .wrongShape(id, task, source): "\(source): the answer of item \(id) does not fit a \(task) project"
        case let .badSpan(id, source, reason): "\(source): the answer of item \(id) has \(reason)"
        case .noReference(let project): "the dataset of project \(project) has no reference labels to take gold answers from"
        }
    }
}

/// What a backend stores and reads about gold items (see `StoreBackend`).
protocol GoldBackend {
    /// Stores the answers (each checked with `GoldRules.check` against the current guide)
    /// and the rate when given, all or nothing.
    func addGold(project: String, answers: [GoldAnswer], rate: Double?, rules: ValueRulesLookup,
                 at date: Date) throws -> GoldOutcome
    /// The task of the project's current guide, and the reference labels of every item of its
    /// dataset that has some, in item order.
    func referenceLabels(project: String) throws -> (task: TaskType, items: [(externalID: String, labels: [String])])
    func setGoldRate(project: String, rate: Double) throws -> GoldOutcome
    func goldRate(project: String) throws -> Double
    func goldItems(project: String) throws -> [GoldItem]
}

/// A gold answer to store: the item's external id, its value, and where it came from.
typealias GoldAnswer = (externalID: String, value: AnnotationValue, source: String)

extension GlossDatabase {
    /// Makes items gold with these answers (all or none: any unknown item or label, or an
    /// answer that does not fit the task by `rules`, refuses the whole call), and sets the
    /// gold rate when `rate` is given.
    @discardableResult
    public func addGold(project: String, answers: [(externalID: String, value: AnnotationValue, source: String)],
                        rate: Double? = nil, rules: @escaping ValueRulesLookup, at date: Date = Date()) throws -> GoldOutcome {
        if let rate, !(0...1).contains(rate) { throw GoldError.badRate(rate) }
        return try backend.addGold(project: project, answers: answers, rate: rate, rules: rules, at: date)
    }

    /// The answers the dataset's reference labels give, for `addGold`, as the task's `rules`
    /// take them (classify: the item's one label; multilabel: its labels). `count` picks that
    /// many items at random (seeded).
    public func referenceGold(project: String, count: Int?, seed: UInt64,
                              rules: ValueRulesLookup) throws -> [(externalID: String, value: AnnotationValue, source: String)] {
        let (task, items) = try backend.referenceLabels(project: project)
        let taskRules = rules(task)
        var answers: [GoldAnswer] = []
        for (externalID, labels) in items {
            guard let value = taskRules.referenceAnswer(labels.sorted()) else { continue }
            answers.append((externalID, value, "reference"))
        }
        if answers.isEmpty { throw GoldError.noReference(project: project) }
        guard let count, count < answers.count else { return answers }
        var generator = SeededGenerator(seed: seed)
        return Array(answers.shuffled(using: &generator).prefix(max(0, count))).sorted { $0.externalID < $1.externalID }
    }

    /// Sets the share of served items that are gold (0 stops serving them).
    @discardableResult
    public func setGoldRate(project: String, rate: Double) throws -> GoldOutcome {
        guard (0...1).contains(rate) else { throw GoldError.badRate(rate) }
        return try backend.setGoldRate(project: project, rate: rate)
    }

    /// The share of served items that are gold.
    public func goldRate(project: String) throws -> Double {
        try backend.goldRate(project: project)
    }

    /// The project's gold items, in item order.
    public func goldItems(project: String) throws -> [GoldItem] {
        try backend.goldItems(project: project)
    }
}

/// How a gold answer is checked, the same on every backend: the task's `ValueRules`.
enum GoldRules {
    /// Refuses an answer whose shape does not fit the guide's task, that uses a label the
    /// guide does not define, or whose spans do not fit the item's text.
    static func check(_ value: AnnotationValue, id: String, guide: Guide, rules: any ValueRules, itemText: String?,
                      source: String) throws {
        let labels = Set(guide.labels.map(\.name))
        _ = labels
        switch rules.problem(with: value, guide: guide, itemText: itemText) {
        case nil: return
        case .answers: throw GoldError.wrongShape(id: id, task: guide.task.rawValue, source: source)
        case .wrongShape: throw GoldError.wrongShape(id: id, task: guide.task.rawValue, source: source)
        case .unknownLabel(let label):
            throw GoldError.unknownLabel(id: id, label: label, source: source, known: guide.labels.map(\.name))
        case .spanOutside(let span, let length):
            throw GoldError.badSpan(id: id, source: source,
                                    reason: "a span \(span.start)-\(span.end) outside its text of \(NumberText.counted(length, "character"))")
        case .overlap(let offset):
            throw GoldError.badSpan(id: id, source: source, reason: "spans that overlap at offset \(offset)")
        }
    }
}
