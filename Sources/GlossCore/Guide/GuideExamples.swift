/// Every example a guide gives of its labels, for teaching a model before any decision:
/// each label's front-matter `examples`, and the quoted examples of the body's lists under
/// a line that names the label (`**Is `positive`:**`). A quoted example whose own line ends
/// by naming a label in backticks (`… (the complaint decides: `negative`)`) is an example
/// of that label, wherever it stands; examples under `**Is not `x`:**` without one are
/// left out.
public enum GuideExamples {
    public static func pairs(_ guide: Guide) -> [(label: String, text: String)] {
        let names = Set(guide.labels.map(\.name))
        var pairs = guide.labels.flatMap { label in label.examples.map { (label: label.name, text: $0) } }
        var current: String?
        for item in bulletItems(guide.body) {
            switch item {
            case .heading(let line):
                current = listLabel(line, names)
            case .bullet(let text):
                guard let quoted = firstQuote(text) else { continue }
                if let named = trailingLabel(text, names) ?? current { pairs.append((named, quoted)) }
            }
        }
        return pairs
    }

    private enum Item { case heading(String), bullet(String) }

    /// The body's non-bullet lines, and its bullets with their continuation lines joined.
    private static func bulletItems(_ body: String) -> [Item] {
        var items: [Item] = []
        var bullet: String?
        func close() {
            if let bullet { items.append(.bullet(bullet)) }
            bullet = nil
        }
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingASCIIWhitespace()
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                close()
                bullet = String(trimmed.dropFirst(2))
            } else if bullet != nil, line.hasPrefix("  "), !trimmed.isEmpty {
                bullet! += " " + trimmed
            } else {
                close()
                if !trimmed.isEmpty { items.append(.heading(trimmed)) }
            }
        }
        close()
        return items
    }

    /// `**Is `x`:**` names x; `**Is not `x`:**` and other lines name none.
    private static func listLabel(_ line: String, _ names: Set<String>) -> String? {
        let plain = line.replacingOccurrences(of: "*", with: "").lowercased()
        guard plain.hasPrefix("is "), !plain.hasPrefix("is not "), plain.hasSuffix(":") else { return nil }
        return backticked(line).first { names.contains($0) }
    }

    /// The label named last in backticks on the line, when it closes the line's parenthesis.
    private static func trailingLabel(_ text: String, _ names: Set<String>) -> String? {
        guard text.trimmingASCIIWhitespace().hasSuffix(")") else { return nil }
        return backticked(text).last.flatMap { names.contains($0) ? $0 : nil }
    }

    /// The first "…" or “…” quotation of the text.
    private static func firstQuote(_ text: String) -> String? {
        for (open, close) in [("\"", "\""), ("“", "”")] {
            guard let start = text.range(of: open),
                  let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { continue }
            let quoted = String(text[start.upperBound..<end.lowerBound])
            if !quoted.isEmpty { return quoted }
        }
        return nil
    }

    private static func backticked(_ text: String) -> [String] {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
    }
}
