/// Finds label references in a guide's Markdown body: a label name in backticks that the
/// sentence marks as a label ("label it `neutral`", "`긍정`으로 레이블"). A reference to a
/// label the front matter does not define is an error: the guide and its labels disagree.
enum GuideReferences {
    static let englishCues: Set<String> = ["label", "labels", "labeled", "labelled", "labeling", "labelling", "choose", "pick"]
    /// Verbs that make "VERB as `x`" and "VERB it as `x`" a label reference.
    static let asVerbs: Set<String> = ["label", "labeled", "labelled", "mark", "marked", "tag", "tagged", "classify", "classified", "annotate", "annotated"]
    static let koreanCues = ["레이블", "라벨", "태그"]

    static func check(labels: [GuideLabel], body: String, bodyLine: Int, into sink: inout DiagnosticSink) {
        let names = Set(labels.map { $0.name.lowercased() })
        var inFence = false
        for (offset, line) in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let trimmed = String(line).trimmingASCIIWhitespace()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { continue }
            for span in codeSpans(in: String(line)) where !names.contains(span.text.lowercased()) {
                guard looksLikeLabelName(span.text), isMarkedAsLabel(span, in: String(line)) else { continue }
                sink.error(bodyLine + offset, span.column,
                           "the guide refers to a label `\(span.text)` that is not in its labels (\(labels.map(\.name).joined(separator: ", ")))")
            }
        }
    }

    struct CodeSpan {
        var text: String
        /// 1-based column of the opening backtick.
        var column: Int
        var before: Substring
        var after: Substring
    }

    static func codeSpans(in line: String) -> [CodeSpan] {
        var spans: [CodeSpan] = []
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "`" else { i += 1; continue }
            guard let close = scalars[(i + 1)...].firstIndex(of: "`") else { break }
            let text = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
            let before = String(String.UnicodeScalarView(scalars[..<i]))
            let after = String(String.UnicodeScalarView(scalars[(close + 1)...]))
            spans.append(CodeSpan(text: text, column: i + 1, before: Substring(before), after: Substring(after)))
            i = close + 1
        }
        return spans
    }

    static func looksLikeLabelName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && text.unicodeScalars.allSatisfy { s in
            s.properties.isAlphabetic || s.properties.numericType != nil || s == "-" || s == "_"
        } && text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// The words just before the span end in a cue ("label it", "labeled as"), or a Korean
    /// cue follows it after an optional particle ("`긍정`으로 레이블").
    static func isMarkedAsLabel(_ span: CodeSpan, in line: String) -> Bool {
        var words = span.before.lowercased().split(whereSeparator: { !$0.isLetter }).suffix(4).map(String.init)
        if words.last.map(["it", "them", "this", "that"].contains) == true { words.removeLast() }
        if let last = words.last, englishCues.contains(last) { return true }
        if words.last == "as" {
            words.removeLast()
            if words.last.map(["it", "them", "this", "that"].contains) == true { words.removeLast() }
            if let verb = words.last, asVerbs.contains(verb) { return true }
        }
        let following = span.after.prefix(8)
        return koreanCues.contains { following.contains($0) }
    }
}
