import Foundation
import GlossCore

/// A project: a dataset labeled under a versioned guide.
public struct ProjectSummary: Codable, Sendable, Equatable {
    public var name: String
    public var dataset: String
    public var task: TaskType
    public var overlap: Int
    /// The order the labeler serves items in unless `--order` says otherwise.
    public var itemOrder: ItemOrder
    public var guideVersion: Int
    public var items: Int
    public var annotations: Int
    public var createdAt: Date
}

/// One immutable published version of a project's guide.
public struct GuideVersion: Codable, Sendable, Equatable {
    public var version: Int
    public var sha256: String
    public var author: String
    public var message: String
    public var createdAt: Date
    public var text: String
}

/// The outcome of publishing a guide.
public enum PublishOutcome: Sendable, Equatable {
    /// The text equals the current version: nothing was stored.
    case unchanged(version: Int)
    case published(version: Int, changes: GuideChanges)
}

/// What a backend stores and reads about projects and their guide versions (see `StoreBackend`).
protocol ProjectsBackend {
    func createProject(name: String, dataset: String, guide: Guide, author: String, overlap: Int,
                       itemOrder: ItemOrder) throws -> ProjectSummary
    func projects() throws -> [ProjectSummary]
    func project(named name: String) throws -> ProjectSummary
    func setItemOrder(project: String, order: ItemOrder) throws -> ProjectSummary
    func setOverlap(project: String, overlap: Int) throws -> ProjectSummary
    func publishGuide(project: String, guide: Guide, author: String, message: String,
                      allowRemoval: Bool) throws -> PublishOutcome
    func guideVersions(project: String) throws -> [GuideVersion]
    func guideVersion(project: String, version: Int?) throws -> GuideVersion
    func currentGuide(project: String) throws -> (guide: Guide, version: Int)
}

extension GlossDatabase {
    /// Creates a project on a dataset; the guide's text becomes version 1.
    @discardableResult
    public func createProject(name: String, dataset: String, guide: Guide, author: String, overlap: Int = 1,
                              itemOrder: ItemOrder = .sequential) throws -> ProjectSummary {
        try backend.createProject(name: name, dataset: dataset, guide: guide, author: author, overlap: overlap,
                                  itemOrder: itemOrder)
    }

    /// Every project with its dataset, task, current guide version and counts.
    public func projects() throws -> [ProjectSummary] {
        try backend.projects()
    }

    /// One project, or an error naming the existing ones.
    public func project(named name: String) throws -> ProjectSummary {
        try backend.project(named: name)
    }

    /// Sets the order the labeler serves the project's items in by default.
    @discardableResult
    public func setItemOrder(project: String, order: ItemOrder) throws -> ProjectSummary {
        try backend.setItemOrder(project: project, order: order)
    }

    /// Sets how many different annotators label each item (at least 1). The queue's walk
    /// over full items starts again from the beginning, since a larger overlap reopens them.
    @discardableResult
    public func setOverlap(project: String, overlap: Int) throws -> ProjectSummary {
        try backend.setOverlap(project: project, overlap: max(1, overlap))
    }

    /// Publishes `guide` as the project's next version, unless its text equals the current one.
    /// Refuses, unless `allowRemoval`, to remove or rename labels (or change the task) that
    /// current annotations use (see `GuideRules`).
    public func publishGuide(project: String, guide: Guide, author: String, message: String,
                             allowRemoval: Bool = false) throws -> PublishOutcome {
        try backend.publishGuide(project: project, guide: guide, author: author, message: message,
                                 allowRemoval: allowRemoval)
    }

    /// Every version of a project's guide, oldest first.
    public func guideVersions(project: String) throws -> [GuideVersion] {
        try backend.guideVersions(project: project)
    }

    /// One version (the latest when nil).
    public func guideVersion(project: String, version: Int? = nil) throws -> GuideVersion {
        try backend.guideVersion(project: project, version: version)
    }

    /// The project's newest guide, parsed; a guide that no longer parses is an error naming
    /// its version (so a labeler or a model never runs under a guide it cannot read).
    public func currentGuide(project: String) throws -> (guide: Guide, version: Int) {
        try backend.currentGuide(project: project)
    }
}
