/// One question a guide asks of every item. A guide asks one question (its task's) unless
/// it lists `questions:`; then the labeler asks them in order, one key each, and saves the
/// item's decision once, when the last is answered (`QuestionAnswers`).
public struct GuideQuestion: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Which of two responses is better: the guide's `labels` are its outcomes.
        case pairwise
        /// Points on a scale for each of `criteria`.
        case rating
        /// A text typed with the line editor (`TextQuestion`): a free answer or a correction.
        case text
    }

    /// The question's name (unique in the guide).
    public var id: String
    public var kind: Kind
    /// A rating's criteria, asked in order.
    public var criteria: [RatingCriterion]
    /// A rating asked of each response (the left one first, then the right one) rather than
    /// of the item.
    public var perResponse: Bool
    /// Whether the annotator may leave it unanswered (Enter saves without it).
    public var optional: Bool
    /// A text question's subject and form.
    public var text: TextQuestion

    public init(id: String, kind: Kind, criteria: [RatingCriterion] = [], perResponse: Bool = false, optional: Bool = false,
                text: TextQuestion = TextQuestion()) {
        self.id = id
        self.kind = kind
        self.criteria = criteria
        self.perResponse = perResponse
        self.optional = optional
        self.text = text
    }
}

/// What a text question asks for: a free answer (`correct: answer`, the default: a summary,
/// an answer to the prompt, a note), or a correction (`correct: response`): the editor starts
/// from a response of the item (the response of `response: MODEL` when the guide names one,
/// else the item's only or first response; an item without responses: its text) and the
/// value keeps the edits from it. `multiline: false` keeps the text on one line.
public struct TextQuestion: Sendable, Equatable {
    public var corrects: Bool
    /// The model whose response is corrected; nil: the item's only or first response.
    public var model: String?
    public var multiline: Bool
    public init(corrects: Bool = false, model: String? = nil, multiline: Bool = true) {
        self.corrects = corrects
        self.model = model
        self.multiline = multiline
    }
}

/// A criterion rated on a scale of `scale` points (2...9, keys 1 to `scale`), some points
/// anchored with what they mean.
public struct RatingCriterion: Sendable, Equatable {
    public static let scales = 2...9

    public var name: String
    public var description: String?
    public var scale: Int
    /// Descriptions of some points, by point.
    public var anchors: [Int: String]

    public init(name: String, description: String? = nil, scale: Int, anchors: [Int: String] = [:]) {
        self.name = name
        self.description = description
        self.scale = scale
        self.anchors = anchors
    }

    /// `1 wrong · 3 partly right · 5 fully right`, the anchored points in order.
    public var anchorLine: String {
        anchors.keys.sorted().map { "\($0) \(anchors[$0]!)" }.joined(separator: " · ")
    }
}

extension Guide {
    /// The questions the labeler asks of each item, in order: the guide's `questions:`,
    /// else its task's one question (a pairwise guide's judgment; a rating guide's criteria).
    public var askedQuestions: [GuideQuestion] {
        if !questions.isEmpty { return questions }
        return task == .pairwise ? [GuideQuestion(id: "winner", kind: .pairwise)] : []
    }

    /// Whether the guide asks more than its task's one judgment (a pairwise guide with ratings).
    public var asksSeveralQuestions: Bool {
        askedQuestions.count > 1 || askedQuestions.contains { $0.kind != .pairwise }
    }

    /// The guide's text question, if it asks one (a guide asks at most one).
    public var textQuestion: GuideQuestion? { askedQuestions.first { $0.kind == .text } }

    /// Every criterion of every rating question, by name.
    public func criterion(named name: String) -> RatingCriterion? {
        for question in askedQuestions { if let found = question.criteria.first(where: { $0.name == name }) { return found } }
        return nil
    }
}
