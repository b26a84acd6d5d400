import ArgumentParser
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

    /// Runs the command; SQLite errors that surface while it works become sentences.
    static func main() {
        Launch.mark()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: StoreFailure.sentence(for: error).map(CommandFailure.init) ?? error)
        }
    }
}
