import ArgumentParser
import GlossApp
import GlossCore
import GlossStore

/// `gloss demo`: a ready project on sample data, opened in the labeler.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the labeler on sample app reviews, or with --judging on sample model answers (creates ./gloss-demo.db, or reuses it).",
        discussion: """
            The first run imports the 60 sample reviews built into gloss (samples/reviews.jsonl \
            in the repository) as the dataset "demo-reviews" and creates the project "demo" \
            with the guide guides/sentiment.md; later runs reuse them and resume where you \
            left off, as does `gloss label demo --db gloss-demo.db`. Keys: p positive, \
            n negative, u neutral, m mixed, - skip, Backspace undo, Tab the guide, ? every \
            key, q quit.

            With --judging it imports the 42 sample prompts with two or three model answers \
            (samples/preference.jsonl) as "demo-prefs" and creates the project "demo-judging" \
            with guides/preference.md: which answer is better (f left, j right, t tie, n \
            neither), then a 1-5 quality rating of the left answer and of the right one, one \
            digit each; Backspace steps back one question. The same store holds both demos.

            Examples:
              gloss demo
              gloss demo --judging
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

    @Flag(help: "Judge sample model answers: which is better, then a quality rating of each.")
    var judging = false

    func run() throws {
        let demo: DemoSetup.Demo = judging ? .judging : .reviews
        let (database, created) = try DemoSetup.open(path: db, author: LoginName.current, demo: demo)
        if created {
            print("Created \(demo.project) in \(db): dataset \(demo.dataset) from \(demo.samplesName), "
                + "project \(demo.project) with \(demo.guideName).")
        }
        try LabelingScreen.run(database: database, project: demo.project, annotator: annotator ?? LoginName.current,
                               noColor: noColor)
        let store = ShellWord.quoted(db)
        print("To go on: gloss label \(demo.project) --db \(store)")
        if judging {
            print("Your judgments as TRL preference rows: gloss export \(demo.project) --db \(store) --format dpo --out prefs-dpo --split none")
        }
    }
}
