import ArgumentParser
import Foundation
import GlossCore
import GlossStore
import GlossTasks

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show a project's throughput, timing, gold accuracy and agreement, per annotator and overall.",
        discussion: """
            Per annotator:
              decisions    current decisions (not superseded, not undone), split into labels, skips, flags
              undo         undone rows / all the annotator's decision rows
              hours        active hours: the sum of active_ms over ALL the annotator's rows, changed
                           and undone ones included (that time was worked); unmeasured rows add nothing
              items/h      current decisions / active hours
              median s, p90 s  active seconds of current decisions that have a measured time,
                           percentiles by linear interpolation between closest ranks (type 7, numpy's default)
              suggestion   current decisions that took the suggestion / those that showed one
              gold         current label decisions on gold items equal to the answer / those decisions
                           (the missed items are listed)
              consensus    agreement with the consensus of the OTHERS: the item's adjudication, else
                           the strict plurality of the other annotators' current labels (a tie has none);
                           the annotator's own vote never counts
              pairs        over items both labeled: percent equal and Cohen's κ (multilabel: the label
                           set is one value, plus per-label agreement; spans: exact and token-overlap F1)
            Project: items with one or more and with OVERLAP or more current decisions; over items with
            two or more current labels, Krippendorff's α (nominal), Fleiss' κ, percent agreement, and
            present/absent agreement per label (the least agreed label is flagged: the one the guide
            leaves least clear); current decisions per UTC day.

            --since keeps decision rows decided at or after DATE (ISO 8601, e.g. 2026-01-05 or
            2026-01-05T09:00:00Z). --annotator shows one annotator; agreement is still against everyone.

            Examples:
              gloss stats reviews
              gloss stats reviews --since 2026-01-05 --annotator ana
              gloss stats reviews --json
            """
    )

    @Argument(help: "The project.", completion: .projects) var project: String
    @Flag(help: "Print JSON instead of tables.") var json = false
    @Option(help: ArgumentHelp("Only decisions made at or after this date (ISO 8601).", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Only this annotator's section.", valueName: "name")) var annotator: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let since, ISODate.parse(since) == nil {
            throw ValidationError("--since \"\(since)\" is not an ISO 8601 date; write it as 2026-01-05 or 2026-01-05T09:00:00Z.")
        }
    }

    func run() throws {
        let filter = StatsFilter(since: since.flatMap(ISODate.parse), annotator: annotator)
        let stats = try store.openForReading().teamStats(project: project, filter: filter,
                                                       agreement: AgreementMeasures.measure(for:))
        if let annotator, !stats.annotators.contains(annotator) {
            let names = stats.annotators
            throw CommandFailure("\"\(annotator)\" made no decisions in \"\(project)\"\(since.map { " since \($0)" } ?? ""); "
                + (names.isEmpty ? "nobody did yet." : "the annotators are: \(names.joined(separator: ", "))."))
        }
        let report = stats.report
        if json { return try JSONOutput.print(report) }
        let terminal = TerminalOutput.current
        for line in StatsRenderer.lines(report, width: terminal.columns ?? 100, clipping: terminal.columns != nil) { print(line) }
    }
}
