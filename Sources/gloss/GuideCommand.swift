import ArgumentParser
import Foundation
import GlossCore
import GlossStore

extension Gloss {
    struct GuideCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "guide",
            abstract: "Write, check and version annotation guides.",
            discussion: """
                A guide is Markdown with YAML front matter (name, task, labels with keys and \
                descriptions, instructions). Each project keeps every published version.

                Examples:
                  gloss guide lint guides/sentiment.md
                  gloss guide publish reviews guides/sentiment.md -m "Clarify sarcasm"
                  gloss guide edit reviews
                  gloss guide diff reviews 1 2
                """,
            subcommands: [Lint.self, Publish.self, Log.self, Show.self, Diff.self, Edit.self]
        )
    }
}

extension Gloss.GuideCommand {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check guide files; errors exit 1, warnings exit 0.",
            discussion: """
                Each finding is printed as FILE:LINE:COL: error|warning: text.

                Examples:
                  gloss guide lint guides/sentiment.md
                  gloss guide lint guides/*.md
                """
        )

        @Argument(help: ArgumentHelp("Guide files to check.", valueName: "file"))
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                let lint = GuideSource.lint(file: file)
                for diagnostic in lint.diagnostics { print(diagnostic.formatted(file: file)) }
                if !lint.isClean { failed = true }
            }
            if failed { throw ExitCode.failure }
        }
    }
}

/// Reading guide files for the guide and project commands.
enum GuideSource {
    /// Reads and lints a file; an unreadable file becomes an error at 1:1.
    static func lint(file: String) -> GuideLint {
        guard let data = FileManager.default.contents(atPath: file) else {
            return GuideLint(guide: nil, diagnostics: [GuideDiagnostic(.error, SourcePosition(line: 1, column: 1), "cannot read the file")])
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            let offset = Array(data).withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } ?? 0
            let line = data.prefix(offset).filter { $0 == 0x0A }.count + 1
            return GuideLint(guide: nil, diagnostics: [GuideDiagnostic(.error, SourcePosition(line: line, column: 1), "the file is not valid UTF-8")])
        }
        return GuideParser.lint(text)
    }

    /// A guide that lints clean, or an error listing the findings.
    static func cleanGuide(file: String) throws -> Guide {
        let lint = lint(file: file)
        var errors = StandardError()
        for diagnostic in lint.diagnostics { Swift.print(diagnostic.formatted(file: file), to: &errors) }
        guard let guide = lint.guide, lint.isClean else {
            throw CommandFailure("\(file) has \(lint.errors.count) error\(lint.errors.count == 1 ? "" : "s"); fix them (gloss guide lint \(file)) and try again.")
        }
        return guide
    }
}

/// A failure while running a command (exit status 1, no usage text), as a sentence.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = TerminalText.visible(message) }
}
