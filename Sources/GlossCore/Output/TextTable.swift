import Foundation

/// An aligned plain-text table for human output: columns padded by display width,
/// numbers right-aligned.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        let given = alignments ?? []
        self.alignments = headers.indices.map { $0 < given.count ? given[$0] : .left }
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines joined by newlines, two spaces between columns, no trailing blanks;
    /// without the header line when `includeHeaders` is false (a key-value listing). A line
    /// break in a cell shows as ⏎ and a tab as a space, so every row stays one line.
    public func render(includeHeaders: Bool = true) -> String {
        let all = ((includeHeaders ? [headers] : []) + rows).map { $0.map(Self.cell) }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        return all.map { row in
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
                let isLast = i == widths.count - 1
                switch alignments[i] {
                case .right: line += pad + cell
                case .left: line += isLast ? cell : cell + pad
                }
                if !isLast { line += "  " }
            }
            while line.last == " " { line.removeLast() }  // empty or missing cells at the end
            return line
        }.joined(separator: "\n")
    }

    static func cell(_ text: String) -> String {
        TerminalText.visible(text).replacingOccurrences(of: "\r\n", with: "⏎")
            .replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\r", with: "⏎")
            .replacingOccurrences(of: "\t", with: " ")
    }
}

/// Number formatting for human output: thousands separated by commas.
public enum NumberText {
    public static func grouped(_ n: some BinaryInteger) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A count and its noun, the noun singular for one: "1 item", "0 items", "1,200 items".
    /// `plural` is for nouns that do not take an s ("1 entry", "2 entries").
    public static func counted(_ n: some BinaryInteger, _ noun: String, plural: String? = nil) -> String {
        grouped(n) + " " + (n == 1 ? noun : plural ?? noun + "s")
    }

    /// Seconds with two decimals ("3.21").
    public static func seconds(_ s: Double) -> String {
        let hundredths = Int((abs(s) * 100).rounded())
        let frac = hundredths % 100
        return "\(s < 0 && hundredths > 0 ? "-" : "")\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
