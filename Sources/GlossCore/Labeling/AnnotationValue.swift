import Foundation

/// What an annotator decided for an item.
public enum AnnotationValue: Sendable, Hashable {
    case label(String)
    case labels([String])
    case spans([LabeledRange])
    /// A pairwise judgment: its label is the outcome (`left`, `right`, `tie`, `neither`).
    case pairwise(PairwiseJudgment)
    /// Answers to a guide's questions, saved together: a rating guide's ratings, or a
    /// combined guide's judgment with its ratings (`QuestionAnswers`).
    case answers(QuestionAnswers)

    /// The labels the decision uses (each span's label included; a pairwise judgment's outcome).
    public var labelNames: [String] {
        switch self {
        case .label(let name): [name]
        case .labels(let names): names
        case .spans(let spans): spans.map(\.label)
        case .pairwise(let judgment): [judgment.outcome.rawValue]
        case .answers(let answers): answers.pairwise.map { [$0.outcome.rawValue] } ?? []
        }
    }

    /// The pairwise judgment of the value: itself, or the judgment among its answers.
    public var pairwiseJudgment: PairwiseJudgment? {
        switch self {
        case .pairwise(let judgment): judgment
        case .answers(let answers): answers.pairwise
        default: nil
        }
    }

    /// The JSON stored in `annotations.value`: `{"label":…}`, `{"labels":[…]}`,
    /// `{"spans":[{"start":…,"end":…,"label":…,"text":…}]}`, or a pairwise judgment
    /// `{"winner":…,"side":…,"left":…,"right":…}` / `{"outcome":…,"left":…,"right":…}`. Span offsets count Unicode
    /// scalars of the item's original text (as Python's `str` indexes); each span's `text`
    /// is included when `itemText` is given.
    public func json(itemText: String? = nil) -> String {
        let scalars = itemText.map { Array($0.unicodeScalars) }
        var out: [UInt8] = []
        func literal(_ s: String) { JSONString.appendLiteral(s, to: &out) }
        switch self {
        case .label(let name):
            out += Array("{\"label\":".utf8); literal(name)
        case .labels(let names):
            out += Array("{\"labels\":[".utf8)
            for (i, name) in names.enumerated() { if i > 0 { out.append(UInt8(ascii: ",")) }; literal(name) }
            out.append(UInt8(ascii: "]"))
        case .spans(let spans):
            out += Array("{\"spans\":[".utf8)
            for (i, span) in spans.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out += Array("{\"start\":\(span.start),\"end\":\(span.end),\"label\":".utf8)
                literal(span.label)
                if let scalars, span.start >= 0, span.end <= scalars.count, span.start <= span.end {
                    var piece = String.UnicodeScalarView()
                    piece.append(contentsOf: scalars[span.start..<span.end])
                    out += Array(",\"text\":".utf8)
                    literal(String(piece))
                }
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        case .pairwise(let judgment):
            out.append(UInt8(ascii: "{"))
            judgment.appendMembers(to: &out)
        case .answers(let answers):
            out.append(UInt8(ascii: "{"))
            answers.appendMembers(to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}

/// The kind of a decision: a label, a skip or a flag for review.
public enum AnnotationKind: String, Sendable, Hashable { case label, skip, flag }

extension AnnotationValue {
    /// Reads the JSON that `json(itemText:)` writes; nil for anything else.
    public init?(json: String) {
        guard let object = FoundationJSON.object(Data(json.utf8)) as? [String: Any] else { return nil }
        if let label = object["label"] as? String {
            self = .label(label)
        } else if let labels = object["labels"] as? [String] {
            self = .labels(labels)
        } else if let spans = object["spans"] as? [[String: Any]] {
            var ranges: [LabeledRange] = []
            for span in spans {
                guard let start = span["start"] as? Int, let end = span["end"] as? Int,
                      let label = span["label"] as? String else { return nil }
                ranges.append(LabeledRange(start: start, end: end, label: label))
            }
            self = .spans(ranges)
        } else if let answers = try? QuestionAnswers.read(object) {
            self = .answers(answers)
        } else if let judgment = try? PairwiseJudgment.read(object) {
            self = .pairwise(judgment)
        } else {
            return nil
        }
    }

    /// A short description for status lines and listings: `positive`, `billing + outage`,
    /// `2 spans`; a pairwise judgment by its outcome, whatever the sides it was shown on:
    /// `winner atlas-7b`, `tie`, `neither`.
    public var summary: String {
        switch self {
        case .label(let name): name
        case .labels(let names): names.isEmpty ? "no labels" : names.joined(separator: " + ")
        case .spans(let spans): spans.count == 1 ? "1 span" : "\(spans.count) spans"
        case .pairwise(let judgment): judgment.outcomeName
        case .answers(let answers):
            ([answers.pairwise?.outcomeName, answers.ratings?.summary, answers.ranking?.summary, answers.text?.summary]
                .compactMap { $0 })
                .joined(separator: " · ")
        }
    }

    /// The summary as the annotator saw the decision (the labeler's status line): a pairwise
    /// judgment by the side chosen (`left`, `tie`), which keeps the models hidden from a
    /// blind judge; other values as `summary`.
    public var shownSummary: String {
        switch self {
        case .pairwise(let judgment): judgment.outcome.rawValue
        case .answers(let answers):
            // Ratings of responses are by model: the judge sees how many, not whose.
            switch answers.ratings {
            case .responses(let byModel)?:
                ([answers.pairwise?.outcome.rawValue].compactMap { $0 }
                    + ["\(byModel.values.reduce(0) { $0 + $1.count }) ratings", answers.text.map { $0.correction == nil ? "a note" : "a correction" }].compactMap { $0 })
                    .joined(separator: " · ")
            case .item?, nil:
                // A ranking is by model too: the judge sees that it was saved, not whose.
                ([answers.pairwise?.outcome.rawValue, answers.ratings?.summary,
                  answers.ranking.map { "\($0.models.count) responses ranked" }, answers.text?.summary].compactMap { $0 })
                    .joined(separator: " · ")
            }
        default: summary
        }
    }

    /// What the decision says, for counting and comparing decisions (per-label rows of
    /// statistics, review's disagreements): the labels used, and for a pairwise judgment its
    /// outcome by model (the winner's name, or `tie`, `neither`), never the side.
    public var outcomeNames: [String] {
        switch self {
        case .pairwise(let judgment): [judgment.winner ?? judgment.outcome.rawValue]
        case .answers(let answers): answers.pairwise.map { [$0.winner ?? $0.outcome.rawValue] } ?? []
        default: labelNames
        }
    }

    /// Whether two decisions decide the same for review: as `saysTheSame`, except that
    /// pairwise judgments compare by outcome (the same winning model, or both a tie, or both
    /// neither), whatever the sides or the pair they were shown.
    public func decidesTheSame(as other: AnnotationValue) -> Bool {
        switch (self, other) {
        case (.pairwise(let x), .pairwise(let y)): x.outcomeName == y.outcomeName
        case (.answers(let x), .answers(let y)):
            // With a judgment, by its outcome alone (ratings vary by a point or two between
            // judges on nearly every item); ratings and rankings alone must be equal (a
            // ranking whatever order it was shown in).
            if let a = x.pairwise, let b = y.pairwise { a.outcomeName == b.outcomeName } else { x.decided == y.decided }
        default: saysTheSame(as: other)
        }
    }
}

extension AnnotationValue {
    /// Whether two values say the same as decisions: label sets whatever their order, spans
    /// whatever their order (a suggestion need not list them the way the editor does).
    public func saysTheSame(as other: AnnotationValue) -> Bool {
        switch (self, other) {
        case (.label(let x), .label(let y)):
            return x == y
        case (.labels(let x), .labels(let y)):
            return Set(x) == Set(y) && x.count == y.count
        case (.spans(let x), .spans(let y)):
            let order: (LabeledRange, LabeledRange) -> Bool = { ($0.start, $0.end, $0.label) < ($1.start, $1.end, $1.label) }
            return x.sorted(by: order) == y.sorted(by: order)
        case (.pairwise(let x), .pairwise(let y)):
            return x == y || x == y.swapped
        case (.answers(let x), .answers(let y)):
            let samePair = switch (x.pairwise, y.pairwise) {
            case (nil, nil): true
            case (let a?, let b?): a == b || a == b.swapped
            default: false
            }
            return samePair && x.ratings == y.ratings && x.ranking?.decided == y.ranking?.decided && x.text == y.text
        default:
            return false
        }
    }
}
