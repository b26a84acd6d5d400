import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
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
              gloss label reviews --order uncertain
              NO_COLOR=1 gloss label reviews
            """
    )

    @Argument(help: "The project to label.", completion: .projects)
    var project: String

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is labeling (default: the login name).", valueName: "name"))
    var annotator: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colors (also when NO_COLOR is set).")
    var noColor = false

    @Option(help: ArgumentHelp("The item order for this session: \(ItemOrder.names) (default: the project's, see gloss project order).",
                               valueName: "order"))
    var order: ItemOrder?

    @Flag(name: .customLong("no-model"), help: "No model: no suggestions, sequential order only.")
    var noModel = false

    @Option(help: ArgumentHelp("Seconds an idle screen keeps its item claimed (default 600).", visibility: .hidden))
    var leaseSeconds: Double = LabelingSession.defaultLease

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard leaseSeconds > 0 else { throw ValidationError("--lease-seconds must be positive.") }
        if noModel, let order, order != .sequential {
            throw ValidationError("--order \(order.rawValue) needs the model; drop --no-model.")
        }
    }

    func run() throws {
        let database = try store.openExisting()
        try LabelingScreen.run(database: database, project: project, annotator: annotator ?? LoginName.current, noColor: noColor,
                               order: order, model: !noModel, lease: leaseSeconds)
    }
}
