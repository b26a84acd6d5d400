import Foundation
import GlossCore
import GlossStore

/// The lines `gloss import` prints when it succeeds.
enum ImportSummary {
    static func print(_ report: ImportReport) {
        var errors = StandardError()
        for skipped in report.skippedSamples {
            Swift.print("skipped \(skipped)", to: &errors)
        }
        let unlisted = report.skipped - report.skippedSamples.count
        if unlisted > 0 {
            Swift.print("... and \(NumberText.grouped(unlisted)) more skipped record\(unlisted == 1 ? "" : "s")", to: &errors)
        }
        if report.sources.count > 1 {
            for source in report.sources {
                Swift.print("  \(TerminalText.visible(source.source)): \(counts(added: source.added, duplicates: source.duplicates, skipped: source.skipped))")
            }
        }
        let rate = report.seconds > 0 ? Int(Double(report.records) / report.seconds) : report.records
        Swift.print("Imported into \"\(TerminalText.visible(report.dataset))\": \(counts(added: report.added, duplicates: report.duplicates, skipped: report.skipped)) in \(NumberText.seconds(report.seconds)) s (\(NumberText.grouped(rate)) items/s).")
    }

    static func counts(added: Int, duplicates: Int, skipped: Int) -> String {
        "\(NumberText.grouped(added)) added, \(NumberText.grouped(duplicates)) duplicate\(duplicates == 1 ? "" : "s"), \(NumberText.grouped(skipped)) skipped"
    }
}
