import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `gloss label PROJECT`: the full-screen labeler.
struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Label a project's items in a full-screen terminal screen.",
        discussion: """
            One key per decision: the guide's label keys decide (multilabel: toggle, then \
            Enter; spans: ←/→ move, Shift-←/→ extend, < , > . nudge the edges, a label key \
            labels, Enter submits). - skips, ! flags for review, ; comments, Backspace \
            undoes, [ and ] walk your earlier decisions, / searches, Tab shows the guide, \
            ? lists every key, : opens the command line, q quits. Each decision is saved \
            before the next item shows. It resumes where you left off.

            Examples:
              gloss label reviews
              gloss label reviews --as kim
              NO_COLOR=1 gloss label reviews
            """
    )

    @Argument(help: "The project to label.")
    var project: String

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is labeling (default: the login name).", valueName: "name"))
    var annotator: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colors (also when NO_COLOR is set).")
    var noColor = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let database = try store.openExisting()
        try LabelingScreen.run(database: database, project: project, annotator: annotator ?? LoginName.current, noColor: noColor)
    }
}
