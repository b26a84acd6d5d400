import ArgumentParser
import GlossCore
import GlossStore

/// `gloss check`: verifies the whole store, read-only, and says what is damaged and where.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the store: SQLite's integrity check and every stored value against its checksum.",
        discussion: """
            Reads the whole store without writing to it (it works on a read-only file): SQLite's
            integrity check of pages and indexes, then each decision, adjudication and gold answer
            and item text against the checksum written with it, then the totals gloss stats reads
            against the same totals recomputed from the decisions.
            Exits 1 when something is damaged, listing each damaged row; gloss export and gloss
            train refuse to use a damaged row the same way.

            Examples:
              gloss check
              gloss check --db /data/team.db --json
            """
    )

    @Flag(help: "Print JSON instead of text.") var json = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let report = try store.openForReading().check()
        if json {
            try JSONOutput.print(report)
        } else {
            print(StoreCheckText.lines(report, path: store.path).joined(separator: "\n"))
        }
        if !report.isClean {
            throw CommandFailure("\(store.path) is damaged; restore it from a backup (see above for what and where).")
        }
    }
}

/// The text `gloss check` prints.
enum StoreCheckText {
    static func lines(_ report: StoreCheckReport, path: String) -> [String] {
        let counts = NumberText.counted(report.decisionsChecked, "decision") + ", "
            + NumberText.counted(report.adjudicationsChecked, "adjudication") + ", "
            + NumberText.counted(report.goldAnswersChecked, "gold answer") + ", "
            + NumberText.counted(report.itemsChecked, "item text")
        if report.isClean {
            let totals = report.statsTotalsChecked ? "; statistics totals match the decisions" : ""
            return ["\(TerminalText.visible(path)): no damage found (SQLite integrity check ok; \(counts) match their "
                + "checksums\(totals))."]
        }
        var lines = ["\(TerminalText.visible(path)): damage found (checked \(counts))."]
        if !report.integrityProblems.isEmpty {
            lines.append("SQLite integrity check:")
            lines += report.integrityProblems.map { "  " + TerminalText.visible($0) }
        }
        if !report.damagedRows.isEmpty {
            lines.append("Rows whose bytes changed since Gloss wrote them:")
            lines += report.damagedRows.map { "  \($0)" }
        }
        if !report.statsTotalsProblems.isEmpty {
            lines.append("Statistics totals that no longer match the decisions (gloss stats would report them wrong):")
            lines += report.statsTotalsProblems.map { "  " + $0 }
        }
        if !report.contentKeyProblems.isEmpty {
            lines.append("Content keys that no longer match the items (imports find duplicate texts by them):")
            lines += report.contentKeyProblems.map { "  " + $0 }
        }
        return lines
    }
}
