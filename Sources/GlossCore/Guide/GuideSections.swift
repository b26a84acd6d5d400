/// The parts of a guide about some labels: each label's key, name and description from
/// the front matter, then the body's section whose heading names the label (to the next
/// heading of the same or a higher level). The review screen shows it for the labels the
/// annotators disagree on, so the reviewer reads the rule they need, not the whole guide.
public enum GuideSections {
    /// Markdown for `labels` (names, in the order given; unknown names are left out).
    public static func markdown(_ guide: Guide, labels: [String]) -> String {
        let lines = guide.body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var md = ""
        for name in labels {
            guard let label = guide.label(named: name) else { continue }
            md += "- " + (label.key.map { "`\($0)` " } ?? "") + "**\(label.name)**"
            if let description = label.description { md += ": \(description)" }
            md += "\n"
            if let section = section(naming: name, in: lines) { md += "\n" + section + "\n" }
            md += "\n"
        }
        return md
    }

    /// The body lines from the first heading that names `label` (as a whole word, ignoring
    /// case, backticks and emphasis) to the next heading of the same or a higher level.
    static func section(naming label: String, in lines: [Substring]) -> String? {
        var start: Int?
        var level = 0
        var inFence = false
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, let headingLevel = headingLevel(trimmed) else { continue }
            if let start {
                if headingLevel <= level { return lines[start..<index].joined(separator: "\n") }
            } else if names(label, heading: trimmed.dropFirst(headingLevel)) {
                start = index
                level = headingLevel
            }
        }
        return start.map { lines[$0...].joined(separator: "\n") }
    }

    /// 1...6 for an ATX heading line ("## Title"), else nil.
    static func headingLevel(_ line: Substring) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " ? hashes : nil
    }

    static func names(_ label: String, heading: Substring) -> Bool {
        let words = heading.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return words.contains { $0 == label.lowercased() }
    }
}
