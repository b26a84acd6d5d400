import GlossCore

/// Why a project or guide operation was refused, as a sentence that says what to do.
public enum ProjectError: Error, Equatable, CustomStringConvertible {
    case unknownProject(String, known: [String])
    case projectExists(String)
    case unknownVersion(project: String, version: Int, latest: Int)
    case labelsInUse(project: String, uses: [LabelUse])
    case taskChange(project: String, from: String, to: String, annotations: Int)
    case unknownItem(project: String, id: String)
    case unreadableGuide(project: String, version: Int, problem: String)
    /// A pairwise guide for a dataset whose items do not all have two responses.
    case itemsWithoutPair(dataset: String, item: String, count: Int)
    /// A ranking guide for a dataset with items of more responses than a ranking orders.
    case tooManyResponses(dataset: String, item: String, count: Int, most: Int)

    /// A label and how many current annotations use it.
    public struct LabelUse: Equatable, Sendable {
        public var label: String
        public var annotations: Int

        public init(label: String, annotations: Int) {
            self.label = label
            self.annotations = annotations
        }
    }

    public var description: String { TerminalText.visible(sentence) }

    private var sentence: String {
        switch self {
        case let .unknownProject(name, known):
            known.isEmpty
                ? "there is no project \"\(name)\"; create one with gloss project create \(name) --dataset D --guide FILE."
                : "there is no project \"\(name)\"; the projects are: \(known.joined(separator: ", "))."
        case let .projectExists(name):
            "a project \"\(name)\" already exists; choose another name, or publish a new guide version with gloss guide publish \(name) FILE."
        case let .unknownVersion(project, version, latest):
            "project \"\(project)\" has no guide version \(version); its versions are 1 to \(latest)."
        case let .labelsInUse(project, uses):
            "this version removes or renames labels that annotations of \"\(project)\" use: "
                + uses.map { "\($0.label) (\($0.annotations) annotation\($0.annotations == 1 ? "" : "s"))" }.joined(separator: ", ")
                + ". Nothing was published; keep the labels, or pass --allow-removal to publish anyway (those annotations keep their old label)."
        case let .unreadableGuide(project, version, problem):
            "guide version \(version) of \"\(project)\" does not parse any more (\(problem)); publish a fixed version with gloss guide publish \(project) FILE."
        case let .taskChange(project, from, to, annotations):
            "this version changes the task of \"\(project)\" from \(from) to \(to), but \(annotations) annotation\(annotations == 1 ? " was" : "s were") made as \(from). Nothing was published; pass --allow-removal to publish anyway."
        case let .unknownItem(project, id):
            "project \"\(project)\" has no item with id \"\(id)\"."
        case let .itemsWithoutPair(dataset, item, count):
            "a pairwise or ranking project needs two responses on every item, but item \"\(item)\" of dataset \"\(dataset)\""
                + (count > 1 ? " (and \(count - 1) other\(count == 2 ? "" : "s"))" : "")
                + " has fewer. Import items with \"prompt\" or \"messages\" and at least two \"responses\" "
                + "(or \"response_a\" and \"response_b\") into a dataset of their own."
        case let .tooManyResponses(dataset, item, count, most):
            "a ranking project orders at most \(most) responses per item (one digit key each), but item \"\(item)\" of "
                + "dataset \"\(dataset)\"" + (count > 1 ? " (and \(count - 1) other\(count == 2 ? "" : "s"))" : "")
                + " has more. Split its responses over items of \(most) or fewer, in a dataset of their own."
        }
    }
}
