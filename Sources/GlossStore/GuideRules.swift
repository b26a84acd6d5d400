import GlossCore

/// What publishing and reading guide versions means, the same on every backend: each
/// backend reads the facts in its transaction and calls these plain functions.
enum GuideRules {
    /// What `guide` changes against the current version's text (all of it, when that text
    /// no longer parses).
    static func changes(from currentText: String, to guide: Guide) -> GuideChanges {
        GuideParser.lint(currentText).guide.map { GuideChanges.between($0, guide) }
            ?? GuideChanges(taskChange: nil, nameChanged: true, instructionsChanged: true, labels: [])
    }

    /// Refuses a version that removes or renames labels that current annotations use
    /// (`uses` counts them for a label), or that changes the task of a project with current
    /// annotations (`annotations` counts them). Counts are asked for only when needed.
    static func checkPublishable(_ changes: GuideChanges, project: String, uses: (String) throws -> Int,
                                 annotations: () throws -> Int) throws {
        let used = try changes.labels.compactMap(\.orphanedLabel)
            .map { ProjectError.LabelUse(label: $0, annotations: try uses($0)) }
            .filter { $0.annotations > 0 }
        if !used.isEmpty { throw ProjectError.labelsInUse(project: project, uses: used) }
        if let taskChange = changes.taskChange {
            let count = try annotations()
            if count > 0 {
                throw ProjectError.taskChange(project: project, from: taskChange.from.rawValue,
                                              to: taskChange.to.rawValue, annotations: count)
            }
        }
    }

    /// The guide of a stored version, or an error naming the version when it no longer
    /// parses (so a labeler or a model never runs under a guide it cannot read).
    static func parse(_ version: GuideVersion, project: String) throws -> Guide {
        let lint = GuideParser.lint(version.text)
        guard let guide = lint.guide, lint.errors.isEmpty else {
            throw ProjectError.unreadableGuide(project: project, version: version.version,
                                               problem: lint.errors.first?.description ?? "no guide")
        }
        return guide
    }
}
