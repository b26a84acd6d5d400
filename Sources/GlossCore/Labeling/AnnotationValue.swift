import Foundation

/// What an annotator decided for an item.
public enum AnnotationValue: Sendable, Hashable {
    case label(String)
    case labels([String])
    case spans([LabeledRange])
    /// A pairwise judgment: its label is the outcome (`left`, `right`, `tie`, `neither`).
    case pairwise(PairwiseJudgment)

    /// The labels the decision uses (each span's label included; a pairwise judgment's outcome).
    public var labelNames: [String] {
        switch self {
        case .label(let name): [name]
        case .labels(let names): names
        case .spans(let spans): spans.map(\.label)
        case .pairwise(let judgment): [judgment.outcome.rawValue]
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
        } else if let judgment = try? PairwiseJudgment.read(object) {
            self = .pairwise(judgment)
        } else {
            return nil
        }
    }

    /// A short description for status lines: `positive`, `billing + outage`, `2 spans`.
    public var summary: String {
        switch self {
        case .label(let name): name
        case .labels(let names): names.isEmpty ? "no labels" : names.joined(separator: " + ")
        case .spans(let spans): spans.count == 1 ? "1 span" : "\(spans.count) spans"
        case .pairwise(let judgment): judgment.outcome.rawValue
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
        default:
            return false
        }
    }
}
