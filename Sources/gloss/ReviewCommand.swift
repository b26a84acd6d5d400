import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossStore
import GlossTerminal
import GlossTUI

/// `gloss review PROJECT`: the adjudication screen.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Adjudicate: walk the items whose annotators disagree and pick the final answers.",
        discussion: """
            The screen shows each item with every current decision (who, what, comment), the \
            model's suggestion, the current final answer and the guide's sections for the labels \
            in question. A label key makes that label the final answer (classify); ↑/↓ and Enter \
            adopt a decision's value (every task); → and ← move without deciding; Backspace \
            undoes your last adjudication; q quits. On classify guides the label keys win, so \
            n, p and u move and undo only where they are not label keys. Every adjudication is \
            stored with the reviewer and the time before the next item shows.

            --suspect (classify projects) walks suspected label errors instead: items whose \
            final label (the adjudication, else the majority of the decisions) disagrees with a \
            confident cross-validated model prediction (confident learning), surest first.
            --list prints the items as a table instead of opening the screen; --json as JSON.

            Examples:
              gloss review reviews
              gloss review reviews --all --blind
              gloss review reviews --suspect --folds 5 --seed 1
              gloss review reviews --suspect --json
            """
    )

    @Argument(help: "The project to review.", completion: .projects) var project: String
    @Flag(help: "Every item with two or more decisions, not only disagreements and flags.") var all = false
    @Flag(help: "Hide annotator names: show them as annotator A, B, C...") var blind = false
    @Flag(help: "Suspected label errors found by cross-validation (classify projects).") var suspect = false
    @Option(help: ArgumentHelp("Who is reviewing (default: the login name).", valueName: "name")) var reviewer: String?
    @Option(help: "Cross-validation folds for --suspect.") var folds = 5
    @Option(help: "The seed of the folds and of training for --suspect.") var seed: UInt64 = 1
    @Flag(help: "Print the list as a table instead of opening the screen.") var list = false
    @Flag(help: "Print the list as JSON instead of opening the screen.") var json = false
    @Flag(name: .customLong("no-color"), help: "Draw without colors (also when NO_COLOR is set).") var noColor = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if all && suspect { throw ValidationError("--all and --suspect choose different lists; pass one of them.") }
        guard (2...20).contains(folds) else { throw ValidationError("--folds must be between 2 and 20.") }
    }

    func run() throws {
        // A listing only reads; the screen writes adjudications.
        let database = try list || json ? store.openForReading() : store.openExisting()
        let reviewer = self.reviewer ?? LoginName.current
        try NameRule.validate(reviewer, what: "reviewer", hint: "pass --reviewer NAME")
        let guide = try database.currentGuide(project: project).guide
        let kind: ReviewListKind = suspect ? .suspect : all ? .all : .disagreements
        var notes: [Int64: SuspectNote] = [:]
        let entries: [ReviewEntry]
        if suspect {
            let search = SuspectSearch(database: database, project: project, guide: guide, folds: folds, seed: seed)
            let suspects = try search.run(notice: { StandardError.print($0) }) { items, folds in
                guard isatty(STDERR_FILENO) == 1 else { return }
                StandardError.print("Cross-validating \(NumberText.counted(items, "item")) in \(NumberText.counted(folds, "fold"))…")
            }
            for suspect in suspects {
                notes[suspect.itemRowID] = SuspectNote(givenLabel: suspect.givenLabel,
                                                       predictedLabel: suspect.predictedLabel,
                                                       confidence: suspect.confidence)
            }
            entries = try database.reviewEntries(project: project, itemRowIDs: suspects.map(\.itemRowID))
        } else {
            entries = try database.reviewList(project: project, scope: all ? .all : .disagreements)
        }
        if json {
            let letters = ReviewState.letters(for: entries)
            return try JSONOutput.print(entries.map { ReviewListing.Row($0, note: notes[$0.itemRowID], blind: blind, letters: letters) })
        }
        guard !entries.isEmpty else { return print(ReviewListing.nothing(project: project, kind: kind)) }
        if list { return print(ReviewListing.table(entries, notes: notes, blind: blind)) }
        try openScreen(database, guide: guide, reviewer: reviewer, kind: kind, entries: entries, notes: notes)
    }

    func openScreen(_ database: GlossDatabase, guide: Guide, reviewer: String, kind: ReviewListKind,
                    entries: [ReviewEntry], notes: [Int64: SuspectNote]) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        // NcursesTerminal honours NO_COLOR itself; --no-color turns colors off outright.
        let terminal = NcursesTerminal(colors: noColor ? false : nil)
        let summary = try withTerminal(terminal) { terminal in
            ReviewRun.run(database: database, project: project, guide: guide, reviewer: reviewer, list: kind, blind: blind,
                          entries: entries, suspects: notes, on: terminal, colors: terminal.drawsColors)
        }
        print("Review of \"\(TerminalText.visible(project))\" by \(TerminalText.visible(reviewer)): \(summary.adjudicated) adjudicated, "
              + "\(summary.undone) undone; \(summary.final) of \(NumberText.counted(summary.listed, "listed item")) "
              + "\(summary.final == 1 ? "has" : "have") a final answer.")
        if case .interrupted(let signal) = summary.exit {
            FileHandle.standardError.write(Data("gloss: stopped by signal \(signal); every adjudication shown as saved is stored.\n".utf8))
            Foundation.exit(128 + signal)
        }
    }
}
