import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension AnnotationsCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every decision of a project, with its history, as JSONL.",
            discussion: """
                One line per decision row in the order they were made: id, item, annotator, kind, \
                the value (label, labels or spans), decided_at, duration_ms, guide_version, \
                suggestion, suggestion_accepted, comment, superseded_by, undone_at, session; then \
                the adjudications with "record": "adjudication". The file imports back with \
                gloss annotations import (the order of its lines rebuilds the history).

                Examples:
                  gloss annotations export reviews > decisions.jsonl
                  gloss annotations export reviews --current --out current.jsonl
                """
        )

        @Argument(help: "The project.", completion: .projects) var project: String
        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out: String?
        @Flag(help: "Only the decisions that stand (not superseded, not undone).") var current = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let summary = try store.openForReading().exportAnnotations(project: project, currentOnly: current, to: out)
            if let out {
                StandardError.print("Wrote \(NumberText.counted(summary.decisions, "decision")) and "
                    + "\(NumberText.counted(summary.adjudications, "adjudication")) to \(TerminalText.visible(out)).")
            }
        }
    }
}
