/// Visual attributes of a run of text; the terminal backend maps them to colors/attributes.
public struct TextStyle: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let bold = TextStyle(rawValue: 1 << 0)
    public static let italic = TextStyle(rawValue: 1 << 1)
    /// Inline code span.
    public static let code = TextStyle(rawValue: 1 << 2)
    public static let heading = TextStyle(rawValue: 1 << 3)
    /// The `│ ` bar in front of block-quote lines.
    public static let quote = TextStyle(rawValue: 1 << 4)
    public static let link = TextStyle(rawValue: 1 << 5)
    /// De-emphasized text: thematic breaks, image placeholders.
    public static let dim = TextStyle(rawValue: 1 << 6)
    /// List bullets and numbers.
    public static let listMarker = TextStyle(rawValue: 1 << 7)
    /// Lines of a fenced code block, indent included.
    public static let codeBlock = TextStyle(rawValue: 1 << 8)
}

/// A piece of text drawn in one style.
public struct StyledRun: Sendable, Equatable {
    public var text: String
    public var style: TextStyle

    public init(text: String, style: TextStyle = []) {
        self.text = text
        self.style = style
    }

    public init(_ text: String, _ style: TextStyle = []) {
        self.init(text: text, style: style)
    }
}

/// One terminal line: styled runs, no line feed.
public struct StyledLine: Sendable, Equatable {
    public var runs: [StyledRun]
    /// An anchor for scrolling: set on heading lines to the heading's plain text (lowercased), nil otherwise.
    public var anchor: String?

    /// Adjacent runs of the same style are merged and empty runs dropped, so equal text in
    /// equal styles always compares equal however it was assembled.
    public init(runs: [StyledRun] = [], anchor: String? = nil) {
        self.runs = StyledLine.merged(runs)
        self.anchor = anchor
    }

    /// The runs' text joined.
    public var plainText: String { runs.map(\.text).joined() }

    /// Display width in terminal columns.
    public var width: Int { DisplayWidth.of(plainText) }

    static func merged(_ runs: [StyledRun]) -> [StyledRun] {
        var out: [StyledRun] = []
        out.reserveCapacity(runs.count)
        for run in runs where !run.text.isEmpty {
            if let last = out.last, last.style == run.style {
                out[out.count - 1].text += run.text
            } else {
                out.append(run)
            }
        }
        return out
    }

    /// `runs` without trailing spaces (a run left empty is dropped).
    static func trimmingTrailingSpaces(_ runs: [StyledRun]) -> [StyledRun] {
        var runs = runs
        while let last = runs.last {
            var text = Substring(last.text)
            while text.last == " " { text = text.dropLast() }
            if text.isEmpty {
                runs.removeLast()
            } else {
                runs[runs.count - 1].text = String(text)
                break
            }
        }
        return runs
    }
}
