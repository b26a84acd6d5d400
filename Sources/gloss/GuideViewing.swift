import ArgumentParser
import Foundation
import GlossCore
import GlossStore

extension Gloss.GuideCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a version of a project's guide, rendered for the terminal.",
            discussion: """
                On a terminal the Markdown is rendered with styles at the terminal's width; \
                otherwise as plain wrapped text. --raw prints the file exactly as published.

                Examples:
                  gloss guide show reviews
                  gloss guide show reviews --version 1 --raw > v1.md
                """
        )

        @Argument(help: "The project.") var project: String
        @Option(help: "The version (default: the latest).") var version: Int?
        @Flag(help: "Print the guide file exactly as published.") var raw = false
        @Option(help: "Wrap at this many columns (default: the terminal's width, else 80).") var width: Int?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let stored = try store.openExisting().guideVersion(project: project, version: version)
            if raw { return print(stored.text, terminator: stored.text.hasSuffix("\n") ? "" : "\n") }
            guard let guide = GuideParser.lint(stored.text).guide else {
                return print(TerminalText.visible(stored.text))
            }
            let terminal = TerminalOutput.current
            let columns = max(20, width ?? terminal.columns ?? 80)
            for line in GuideDocument.lines(guide, version: stored.version, width: columns) {
                print(terminal.styled ? ANSI.render(line) : line.plainText)
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two versions of a project's guide.",
            discussion: """
                With no versions, compares the latest with the one before; with one, that version \
                with the latest. Prints a summary of label changes, then a unified diff.

                Examples:
                  gloss guide diff reviews
                  gloss guide diff reviews 1 3
                """
        )

        @Argument(help: "The project.") var project: String
        @Argument(help: "The older version.") var from: Int?
        @Argument(help: "The newer version.") var to: Int?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.openExisting()
            let latest = try database.guideVersion(project: project)
            let new = try to.map { try database.guideVersion(project: project, version: $0) } ?? latest
            let oldNumber = from ?? (new.version - 1)
            guard oldNumber >= 1 else {
                return print("\"\(project)\" has only version \(new.version) of its guide; there is nothing to compare.")
            }
            let old = try database.guideVersion(project: project, version: oldNumber)
            print("Label changes from version \(old.version) to \(new.version):")
            if let a = GuideParser.lint(old.text).guide, let b = GuideParser.lint(new.text).guide {
                let summary = GuideChanges.between(a, b).summary
                for line in summary.isEmpty ? ["none"] : summary { print("  \(TerminalText.visible(line))") }
            }
            print("")
            print(TerminalText.visible(TextDiff.unified(old.text, new.text, oldName: "\(project) v\(old.version)", newName: "\(project) v\(new.version)")), terminator: "")
        }
    }
}

/// Whether standard output is a terminal that takes styles, and its width.
struct TerminalOutput {
    var styled: Bool
    var columns: Int?

    static var current: TerminalOutput {
        let isTTY = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        let columns = isTTY && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalOutput(styled: isTTY && !noColor, columns: columns)
    }
}

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
