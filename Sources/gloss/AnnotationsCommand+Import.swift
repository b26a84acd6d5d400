import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension AnnotationsCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add decisions from a JSONL file to a project (all lines or none).",
            discussion: """
                One JSON object per line:
                  {"item": "r-1", "annotator": "ana", "label": "positive", "decided_at": "2026-01-05T10:00:00Z", "duration_ms": 4200}
                item (or id): the item's id in the project's dataset. annotator: created when new.
                The value: "label" (classify), "labels" (multilabel) or "spans": [{"start": 0, "end": 5, \
                "label": "ORG"}] (offsets count Unicode scalars), or "kind": "skip" / "flag" without a value.
                Optional: decided_at (ISO 8601; default now), duration_ms (active time; default \
                unmeasured), comment, suggestion and suggestion_accepted, guide_version (default \
                the current one), undone_at. Lines with "record": "adjudication" and a "reviewer" \
                are a reviewer's final answers. The lines apply in order: a later decision of an \
                annotator on an item replaces the earlier one.

                Every line is checked first (JSON, item, labels of the current guide, offsets); one \
                bad line, named as FILE:LINE, and nothing is imported. FILE - reads standard input.
                """
        )

        @Argument(help: "The project.", completion: .projects) var project: String
        @Argument(help: ArgumentHelp("The JSONL file, or - for standard input.", valueName: "file")) var file: String
        @Flag(help: "Print the counts as JSON.") var json = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let report = try store.openExisting().importAnnotations(project: project, from: file)
            if json { return try JSONOutput.print(report) }
            var text = "Imported \(NumberText.counted(report.decisions, "decision")) by \(NumberText.counted(report.annotators, "annotator")) on \(NumberText.counted(report.items, "item")) "
                + "from \(NumberText.counted(report.lines, "line")) of \(TerminalText.visible(file)) into \"\(TerminalText.visible(project))\""
            if report.undone > 0 { text += " (\(NumberText.grouped(report.undone)) undone)" }
            if report.adjudications > 0 { text += ", and \(NumberText.counted(report.adjudications, "adjudication"))" }
            print(text + ".")
        }
    }
}
