import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// The `gloss` command: a terminal annotation tool whose store is one SQLite file.
@main
struct Gloss: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "Label text data in the terminal; everything lives in one SQLite file.",
        discussion: """
            The store is --db PATH, else $GLOSS_DB, else ./gloss.db.

            Examples:
              gloss demo
              gloss import samples/reviews.jsonl --dataset reviews --label-field label
              gloss datasets
              gloss dataset log reviews
              gloss project create reviews --dataset reviews --guide guides/sentiment.md
              gloss guide edit reviews
              gloss label reviews --order uncertain
              gloss train reviews --reference
              gloss eval reviews --against reference --dataset reviews-test
              echo '{"id":"1","text":"Great value"}' | gloss predict reviews -
            """,
        version: GlossVersion.current,
        subcommands: [
            DemoCommand.self, LabelCommand.self, ImportCommand.self, DatasetsCommand.self, DatasetCommand.self,
            ProjectCommand.self, ProjectsCommand.self, GuideCommand.self, TrainCommand.self, ModelsCommand.self,
            PredictCommand.self, EvalCommand.self, LearningCurveCommand.self, AnnotationsCommand.self, StatsCommand.self,
            GoldCommand.self, ReviewCommand.self, ExportCommand.self, ExportsCommand.self, DriveCommand.self, CheckCommand.self,
            MigrateCommand.self,
        ]
    )

    /// Runs the command; SQLite errors that surface while it works become sentences, and
    /// every error of a run is printed with control characters made visible, since errors
    /// quote what they refused (ids, labels, lines of a file) and text from data never
    /// reaches the terminal raw.
    static func main() {
        Launch.mark()
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            exit(withError: StoreFailure.sentence(for: error).map(CommandFailure.init) ?? visible(error))
        }
    }

    /// `error` as a `CommandFailure` of the text ArgumentParser would print, made visible;
    /// ArgumentParser's own errors (help requests, exit codes, usage errors, some of them of
    /// its internal types) as they are, since they carry their output and status.
    static func visible(_ error: Error) -> Error {
        if error is CommandFailure || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return error }
        if let text = (error as? LocalizedError)?.errorDescription { return CommandFailure(text) }
        if type(of: error) is NSError.Type { return CommandFailure(error.localizedDescription) }
        return CommandFailure(String(describing: error))
    }
}
