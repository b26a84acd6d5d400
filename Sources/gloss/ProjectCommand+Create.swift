import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossStore

extension ProjectCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a project; the guide (which must lint clean) becomes version 1.",
            discussion: """
                Examples:
                  gloss project create reviews --dataset reviews --guide guides/sentiment.md
                  gloss project create ner --dataset entities --guide guides/entities.md --overlap 2
                """
        )

        @Argument(help: "The project name.") var name: String
        @Option(help: "The dataset to label.", completion: .datasets) var dataset: String
        @Option(help: ArgumentHelp("The guide file.", valueName: "file")) var guide: String
        @Option(help: "How many different annotators label each item.") var overlap = 1
        @Option(help: ArgumentHelp("The labeler's default item order: \(ItemOrder.names).", valueName: "order"))
        var order: ItemOrder = .sequential
        @Option(help: "Who creates it (default: the login name).") var author: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            try NameRule.validate(name, what: "project", hint: "give one as gloss project create NAME")
            guard overlap >= 1 else { throw ValidationError("--overlap must be at least 1.") }
        }

        func run() throws {
            let parsed = try GuideSource.cleanGuide(file: guide)
            let project = try store.openExisting().createProject(
                name: name, dataset: dataset, guide: parsed, author: author ?? LoginName.current, overlap: overlap,
                itemOrder: order)
            print("Created project \"\(TerminalText.visible(project.name))\" on dataset \"\(TerminalText.visible(project.dataset))\" (\(NumberText.counted(project.items, "item")), task \(project.task.rawValue), \(ProjectSummaryText.asked(parsed)), guide version 1).")
        }
    }
}

/// How a project's guide reads on the summary line of `gloss project create`.
enum ProjectSummaryText {
    /// What the guide asks, for the summary line: "4 labels", "4 labels, 2 questions", "3 criteria",
    /// "a correction of borealis-13b", "a free text".
    static func asked(_ guide: Guide) -> String {
        func count(_ n: Int, _ noun: String, _ plural: String) -> String { "\(n) \(n == 1 ? noun : plural)" }
        if guide.task == .text, let text = guide.textQuestion?.text {
            let what = text.corrects ? "a correction" + (text.model.map { " of \($0)" } ?? " of a response") : "a free text"
            return guide.askedQuestions.count > 1 ? what + ", " + count(guide.askedQuestions.count, "question", "questions") : what
        }
        let criteria = guide.askedQuestions.flatMap(\.criteria).count
        if guide.task == .ranking { return "responses ranked best first" }
        if guide.labels.isEmpty { return count(criteria, "criterion", "criteria") }
        let labels = count(guide.labels.count, "label", "labels")
        return guide.asksSeveralQuestions ? labels + ", " + count(guide.askedQuestions.count, "question", "questions") : labels
    }
}
