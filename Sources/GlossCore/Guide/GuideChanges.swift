/// What changed between two versions of a guide, label by label, for `gloss guide diff`
/// and for refusing to drop labels that annotations use.
public enum LabelChange: Sendable, Equatable, CustomStringConvertible {
    case added(String)
    case removed(String)
    /// A label that disappeared while another with the same key (or description) appeared.
    case renamed(from: String, to: String)
    case keyChanged(label: String, from: Character?, to: Character?)
    case descriptionChanged(label: String, from: String?, to: String?)
    case colorChanged(label: String, from: String?, to: String?)
    case examplesChanged(label: String, added: Int, removed: Int)

    public var description: String {
        switch self {
        case .added(let name): "added label \(name)"
        case .removed(let name): "removed label \(name)"
        case let .renamed(from, to): "renamed label \(from) to \(to)"
        case let .keyChanged(label, from, to):
            "key of \(label) changed from \(from.map { "'\($0)'" } ?? "none") to \(to.map { "'\($0)'" } ?? "none")"
        case let .descriptionChanged(label, from, to):
            from == nil ? "description of \(label) added" : to == nil ? "description of \(label) removed" : "description of \(label) changed"
        case let .colorChanged(label, from, to): "color of \(label) changed from \(from ?? "none") to \(to ?? "none")"
        case let .examplesChanged(label, added, removed): "examples of \(label): \(added) added, \(removed) removed"
        }
    }

    /// The label whose existing uses this change would orphan, if any.
    public var orphanedLabel: String? {
        switch self {
        case .removed(let name): name
        case .renamed(let from, _): from
        default: nil
        }
    }
}

/// All guide-level changes between two versions.
public struct GuideChanges: Sendable, Equatable {
    public var taskChange: (from: TaskType, to: TaskType)?
    public var nameChanged: Bool
    public var instructionsChanged: Bool
    public var labels: [LabelChange]

    public init(taskChange: (from: TaskType, to: TaskType)?, nameChanged: Bool, instructionsChanged: Bool, labels: [LabelChange]) {
        self.taskChange = taskChange
        self.nameChanged = nameChanged
        self.instructionsChanged = instructionsChanged
        self.labels = labels
    }

    public static func == (a: GuideChanges, b: GuideChanges) -> Bool {
        a.taskChange?.from == b.taskChange?.from && a.taskChange?.to == b.taskChange?.to
            && a.nameChanged == b.nameChanged && a.instructionsChanged == b.instructionsChanged && a.labels == b.labels
    }

    public static func between(_ old: Guide, _ new: Guide) -> GuideChanges {
        var changes: [LabelChange] = []
        var removed = old.labels.filter { new.label(named: $0.name) == nil }
        var added = new.labels.filter { old.label(named: $0.name) == nil }
        for gone in removed {
            let sameKey: (GuideLabel) -> Bool = { label in
                guard let a = label.key, let b = gone.key else { return false }
                return LabelerKeys.sameKey(a, b)
            }
            if let index = added.firstIndex(where: { sameKey($0) || ($0.description != nil && $0.description == gone.description) }) {
                changes.append(.renamed(from: gone.name, to: added[index].name))
                added.remove(at: index)
                removed.removeAll { $0.name == gone.name }
            }
        }
        changes += removed.map { .removed($0.name) } + added.map { .added($0.name) }
        for label in new.labels {
            guard let before = old.label(named: label.name) else { continue }
            if before.key != label.key { changes.append(.keyChanged(label: label.name, from: before.key, to: label.key)) }
            if before.description != label.description {
                changes.append(.descriptionChanged(label: label.name, from: before.description, to: label.description))
            }
            if before.color != label.color { changes.append(.colorChanged(label: label.name, from: before.color, to: label.color)) }
            let addedExamples = label.examples.filter { !before.examples.contains($0) }.count
            let removedExamples = before.examples.filter { !label.examples.contains($0) }.count
            if addedExamples + removedExamples > 0 {
                changes.append(.examplesChanged(label: label.name, added: addedExamples, removed: removedExamples))
            }
        }
        return GuideChanges(
            taskChange: old.task == new.task ? nil : (old.task, new.task),
            nameChanged: old.name != new.name,
            instructionsChanged: old.instructions != new.instructions,
            labels: changes)
    }

    /// One line per change, for people.
    public var summary: [String] {
        var lines: [String] = []
        if let taskChange { lines.append("task changed from \(taskChange.from.rawValue) to \(taskChange.to.rawValue)") }
        if nameChanged { lines.append("guide name changed") }
        if instructionsChanged { lines.append("instructions changed") }
        return lines + labels.map(\.description)
    }
}
