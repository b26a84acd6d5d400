import ArgumentParser
import Foundation
import GlossCore
import GlossStore

extension Gloss {
    struct Models: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a project's trained model versions with their held-out scores.",
            discussion: """
                Examples:
                  gloss models reviews
                  gloss models reviews --json
                """
        )

        @Argument(help: "The project.") var project: String
        @Flag(help: "Print JSON instead of a table.") var json = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let models = try store.openExisting().models(project: project)
            if json { return try JSONOutput.print(models) }
            guard !models.isEmpty else {
                return print("\"\(TerminalText.visible(project))\" has no models yet. Train one with: gloss train \(TerminalText.visible(project))")
            }
            var table = TextTable(headers: ["VERSION", "KIND", "SOURCE", "EXAMPLES", "HELD OUT", "ACCURACY", "MACRO-F1", "SECONDS", "CREATED", "SIZE"],
                                  alignments: [.right, .left, .left, .right, .right, .right, .right, .right, .left, .right])
            for m in models {
                table.append([
                    "v\(m.version)", m.kind.rawValue, m.source, NumberText.grouped(m.examples), NumberText.grouped(m.heldOut),
                    m.metrics.map { ScoreText.format($0.accuracy) } ?? "-", m.metrics.map { ScoreText.format($0.macroF1) } ?? "-",
                    NumberText.seconds(m.seconds), HumanDate.format(m.createdAt), ByteSize.text(m.size),
                ])
            }
            print(table.render())
        }
    }
}

/// Sizes for tables: bytes, KiB or MiB with one decimal.
enum ByteSize {
    static func text(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let (value, unit) = bytes < 1 << 20 ? (Double(bytes) / 1024, "KiB") : (Double(bytes) / Double(1 << 20), "MiB")
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(unit)"
    }
}
