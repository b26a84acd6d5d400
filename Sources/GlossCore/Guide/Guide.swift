/// What an annotator decides per item.
public enum TaskType: String, Sendable, Codable, CaseIterable {
    /// One label per item.
    case classify
    /// Any number of labels per item.
    case multilabel
    /// Labeled character ranges of the text.
    case spans
    /// Which of two model responses is better (or a tie, or neither), judged blind.
    case pairwise
    /// Points on a scale for each of a guide's criteria, one digit each.
    case rating
    /// A text typed with the line editor: a free answer, or a correction of a response.
    case text
    /// Two to nine model responses ordered best first, ties allowed, one digit each.
    case ranking
}

/// A place in a guide file: 1-based line and column (columns count Unicode scalars).
public struct SourcePosition: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One label of a guide: its name, the key that picks it and what it means.
public struct GuideLabel: Sendable, Equatable, Codable {
    public var name: String
    /// The key that picks the label; nil for labels past the single keys available, which
    /// the labeler's command line picks by name.
    public var key: Character?
    public var description: String?
    public var color: String?
    public var examples: [String]

    public init(name: String, key: Character?, description: String? = nil, color: String? = nil, examples: [String] = []) {
        self.name = name
        self.key = key
        self.description = description
        self.color = color
        self.examples = examples
    }

    enum CodingKeys: String, CodingKey { case name, key, description, color, examples }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        if let keyText = try c.decodeIfPresent(String.self, forKey: .key) {
            guard let first = keyText.first, keyText.count == 1 else {
                throw DecodingError.dataCorruptedError(forKey: .key, in: c, debugDescription: "a key is one character")
            }
            key = first
        } else {
            key = nil
        }
        description = try c.decodeIfPresent(String.self, forKey: .description)
        color = try c.decodeIfPresent(String.self, forKey: .color)
        examples = try c.decodeIfPresent([String].self, forKey: .examples) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(key.map(String.init), forKey: .key)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeIfPresent(color, forKey: .color)
        try c.encode(examples, forKey: .examples)
    }
}

/// An annotation guide: front matter (name, task, labels, instructions) and the Markdown
/// body that annotators read. `text` is the whole file as written.
public struct Guide: Sendable, Equatable {
    public var name: String
    public var task: TaskType
    public var labels: [GuideLabel]
    /// The questions listed under `questions:` (or a rating guide's `criteria`), in the
    /// order they are asked; empty: the task's one question (`askedQuestions`).
    public var questions: [GuideQuestion]
    public var instructions: String?
    public var body: String
    /// The line of the file where the body starts.
    public var bodyLine: Int
    public var text: String

    public init(name: String, task: TaskType, labels: [GuideLabel], questions: [GuideQuestion] = [], instructions: String?,
                body: String, bodyLine: Int, text: String) {
        self.name = name
        self.task = task
        self.labels = labels
        self.questions = questions
        self.instructions = instructions
        self.body = body
        self.bodyLine = bodyLine
        self.text = text
    }

    /// The label a key picks (letters case-insensitively), if any.
    public func label(forKey key: Character) -> GuideLabel? {
        labels.first { $0.key.map { LabelerKeys.sameKey($0, key) } ?? false }
    }

    /// The names statistics count decisions by, in guide order (`AnnotationValue.outcomeNames`
    /// adds the others as they are met): the labels, but for a pairwise guide only its
    /// `tie` and `neither` (a judgment counts by the model it prefers, never by side).
    public var countedLabels: [String] {
        switch task {
        case .pairwise: labels.map(\.name).filter { $0 == "tie" || $0 == "neither" }
        case .rating, .text, .ranking: []
        default: labels.map(\.name)
        }
    }

    /// The label with this name, if any.
    public func label(named name: String) -> GuideLabel? {
        labels.first { $0.name == name }
    }
}
