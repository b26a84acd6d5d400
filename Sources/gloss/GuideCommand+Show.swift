import ArgumentParser
import Foundation
import GlossCore
import GlossStore

extension GuideCommand {
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

        @Argument(help: "The project.", completion: .projects) var project: String
        @Option(help: "The version (default: the latest).", completion: .guideVersions(after: "show")) var version: Int?
        @Flag(help: "Print the guide file exactly as published.") var raw = false
        @Option(help: "Wrap at this many columns (default: the terminal's width, else 80).") var width: Int?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let stored = try store.openForReading().guideVersion(project: project, version: version)
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
}
