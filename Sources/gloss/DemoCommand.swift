import ArgumentParser
import GlossApp
import GlossCore
import GlossStore

/// `gloss demo`: a ready project on sample data, opened in the labeler.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the labeler on sample app reviews (creates ./gloss-demo.db, or reuses it).",
        discussion: """
            The first run imports the 60 sample reviews built into gloss (samples/reviews.jsonl \
            in the repository) as the dataset "demo-reviews" and creates the project "demo" \
            with the guide guides/sentiment.md; later runs reuse them and resume where you \
            left off, as does `gloss label demo --db gloss-demo.db`. Keys: p positive, \
            n negative, u neutral, m mixed, - skip, Backspace undo, Tab the guide, ? every \
            key, q quit.

            Examples:
              gloss demo
              gloss demo --as kim
              gloss demo --db /tmp/try.db
            """
    )

    @Option(name: .customLong("db"), help: ArgumentHelp("The demo store.", valueName: "path"), completion: .file())
    var db = "gloss-demo.db"

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is labeling (default: the login name).", valueName: "name"))
    var annotator: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colors (also when NO_COLOR is set).")
    var noColor = false

    func run() throws {
        let (database, created) = try DemoSetup.open(path: db, author: LoginName.current)
        if created {
            print("Created \(db): dataset \(DemoSetup.dataset) from \(DemoSetup.samplesName), "
                + "project \(DemoSetup.project) with \(DemoSetup.guideName).")
        }
        try LabelingScreen.run(database: database, project: DemoSetup.project, annotator: annotator ?? LoginName.current,
                               noColor: noColor)
        print("To go on: gloss label \(DemoSetup.project) --db \(ShellWord.quoted(db))")
    }
}
