import GlossCore

/// ANSI escape sequences for styled lines on a terminal.
enum ANSI {
    static func render(_ line: StyledLine) -> String {
        line.runs.map { run in
            var codes: [String] = []
            if run.style.contains(.bold) || run.style.contains(.heading) { codes.append("1") }
            if run.style.contains(.italic) { codes.append("3") }
            if run.style.contains(.dim) || run.style.contains(.quote) { codes.append("2") }
            if run.style.contains(.code) || run.style.contains(.codeBlock) { codes.append("36") }
            if run.style.contains(.link) { codes.append("4") }
            if run.style.contains(.heading) { codes.append("33") }
            return codes.isEmpty ? run.text : "\u{1B}[\(codes.joined(separator: ";"))m\(run.text)\u{1B}[0m"
        }.joined()
    }
}
