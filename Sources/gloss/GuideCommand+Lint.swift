import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension GuideCommand {
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
                let lint = GuideFile.lint(file: file)
                for diagnostic in lint.diagnostics { print(diagnostic.formatted(file: file)) }
                if !lint.isClean { failed = true }
            }
            if failed { throw ExitCode.failure }
        }
    }
}
