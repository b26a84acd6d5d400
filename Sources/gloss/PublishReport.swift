import GlossCore
import GlossStore

/// What `publish` and `edit` print after publishing.
enum PublishReport {
    static func print(_ outcome: PublishOutcome, project: String) {
        switch outcome {
        case .unchanged(let version):
            Swift.print("The guide is identical to version \(version) of \"\(project)\"; nothing was published.")
        case let .published(version, changes):
            Swift.print("Published version \(version) of the guide of \"\(project)\".")
            for line in changes.summary { Swift.print("  \(TerminalText.visible(line))") }
        }
    }
}
