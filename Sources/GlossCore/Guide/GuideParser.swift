import Yams

/// A lint finding, located in the guide file.
public struct GuideDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var position: SourcePosition
    public var message: String

    public init(_ severity: Severity, _ position: SourcePosition, _ message: String) {
        self.severity = severity
        self.position = position
        self.message = message
    }

    /// `FILE:LINE:COL: error|warning: text`, with data made safe for the terminal.
    public func formatted(file: String) -> String {
        TerminalText.visible("\(file):\(position.line):\(position.column): \(severity.rawValue): \(message)")
    }

    public var description: String { formatted(file: "guide") }
}

/// The outcome of reading a guide: the guide when it could be built, and every finding.
public struct GuideLint: Sendable {
    public var guide: Guide?
    public var diagnostics: [GuideDiagnostic]

    public init(guide: Guide?, diagnostics: [GuideDiagnostic]) {
        self.guide = guide
        self.diagnostics = diagnostics
    }

    public var errors: [GuideDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [GuideDiagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// Clean means no errors (warnings are allowed).
    public var isClean: Bool { guide != nil && errors.isEmpty }
}

/// Reads a guide file: YAML front matter between `---` lines, then the Markdown body.
public enum GuideParser {
    /// Parses and lints `text`, collecting every error and warning with its position.
    public static func lint(_ text: String) -> GuideLint {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // "\r\n" is one Character in Swift: split on both forms of a line break.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        var sink = DiagnosticSink()
        guard lines.first.map(isFence) == true else {
            sink.error(1, 1, "a guide starts with YAML front matter: a line '---', the fields, then another '---'")
            return GuideLint(guide: nil, diagnostics: sink.items)
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == "..." }) else {
            sink.error(1, 1, "the front matter opened here is never closed with a '---' line")
            return GuideLint(guide: nil, diagnostics: sink.items)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (mark, problem) = describe(error)
            sink.error((mark?.line ?? 0) + 1, mark?.column ?? 1, "YAML syntax: \(problem)")
            return GuideLint(guide: nil, diagnostics: sink.items)
        } catch {
            sink.error(2, 1, "YAML syntax: \(error)")
            return GuideLint(guide: nil, diagnostics: sink.items)
        }
        let body = lines[(close + 1)...].joined(separator: "\n")
        var reader = FrontMatterReader(sink: sink, frontMatterLine: 1, closeLine: close + 1)
        let guide = reader.read(root, body: body, bodyLine: close + 2, text: text)
        sink = reader.sink
        if !reader.labels.isEmpty {
            GuideReferences.check(labels: reader.labels, body: body, bodyLine: close + 2, into: &sink)
        }
        let sorted = sink.items.sorted { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return GuideLint(guide: sink.items.contains { $0.severity == .error } ? nil : guide, diagnostics: sorted)
    }

    static func isFence(_ line: String) -> Bool {
        line.trimmingASCIIWhitespace() == "---"
    }

    static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return (mark, detail)
        default:
            return (nil, "\(error)")
        }
    }
}

/// Collects diagnostics.
struct DiagnosticSink {
    var items: [GuideDiagnostic] = []

    mutating func error(_ line: Int, _ column: Int, _ message: String) {
        items.append(GuideDiagnostic(.error, SourcePosition(line: line, column: column), message))
    }

    mutating func warning(_ line: Int, _ column: Int, _ message: String) {
        items.append(GuideDiagnostic(.warning, SourcePosition(line: line, column: column), message))
    }
}
