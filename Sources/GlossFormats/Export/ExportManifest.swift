import Foundation
import GlossCore

/// One file of an export: its name in the export directory, its size and its SHA-256 (hex).
public struct ExportFileDigest: Sendable, Equatable, Codable {
    public var name: String
    public var bytes: Int
    public var sha256: String

    public init(name: String, bytes: Int, sha256: String) {
        self.name = name
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// `manifest.json`: what produced an export (store data, guide, policy, split, Gloss version)
/// and what it holds (counts, and each file's hash for `gloss export --verify`).
public struct ExportManifest: Sendable, Equatable, Codable {
    public struct Split: Sendable, Equatable, Codable {
        /// `80/10/10`.
        public var shares: String
        public var seed: UInt32
        public var stratify: Bool

        public init(shares: String, seed: UInt32, stratify: Bool) {
            self.shares = shares
            self.seed = seed
            self.stratify = stratify
        }
    }

    public struct GuideVersions: Sendable, Equatable, Codable {
        /// The project's guide version when the export ran (the label names come from it).
        public var current: Int
        /// The versions the exported decisions were made under.
        public var decisionsUnder: [Int]

        public init(current: Int, decisionsUnder: [Int]) {
            self.current = current
            self.decisionsUnder = decisionsUnder
        }

        enum CodingKeys: String, CodingKey {
            case current
            case decisionsUnder = "decisions_under"
        }
    }

    /// An import batch of the dataset (its version history up to the export).
    public struct ImportBatch: Sendable, Equatable, Codable {
        public var id: Int64
        public var source: String
        public var format: String
        public var sha256: String
        public var records: Int
        public var added: Int
        public var importedAt: String

        public init(id: Int64, source: String, format: String, sha256: String, records: Int, added: Int, importedAt: String) {
            self.id = id
            self.source = source
            self.format = format
            self.sha256 = sha256
            self.records = records
            self.added = added
            self.importedAt = importedAt
        }

        enum CodingKeys: String, CodingKey {
            case id, source, format, sha256, records, added
            case importedAt = "imported_at"
        }
    }

    public struct Model: Sendable, Equatable, Codable {
        public var version: Int
        public var sha256: String

        public init(version: Int, sha256: String) {
            self.version = version
            self.sha256 = sha256
        }
    }

    public struct Counts: Sendable, Equatable, Codable {
        /// Items written, and per split (rows: one per annotator under `all` on a judging kind).
        public var items: Int
        public var splits: [String: Int]
        /// Per label: items (classify, multilabel) or spans (spans) carrying it, overall and per
        /// split (the kind says what a value counts under).
        public var labels: [String: Int]
        public var labelsBySplit: [String: [String: Int]]
        /// Items written per source: adjudicated, consensus, prediction.
        public var sources: [String: Int]
        /// Items with a current decision, and why those not written were left out.
        public var decidedItems: Int
        public var leftOut: [String: Int]

        enum CodingKeys: String, CodingKey {
            case items, splits, labels, sources
            case labelsBySplit = "labels_by_split"
            case decidedItems = "decided_items"
            case leftOut = "left_out"
        }
    }

    public var glossVersion: String
    public var createdAt: String
    public var project: String
    public var dataset: String
    public var task: TaskType
    public var format: ExportFormat
    public var policy: ConsensusPolicy
    public var filter: ExportFilter
    public var split: Split?
    public var guide: GuideVersions
    public var imports: [ImportBatch]
    public var model: Model?
    public var counts: Counts
    public var files: [ExportFileDigest]

    enum CodingKeys: String, CodingKey {
        case glossVersion = "gloss_version"
        case createdAt = "created_at"
        case project, dataset, task, format, policy, filter, split, guide, imports, model, counts, files
    }

    public init(glossVersion: String, createdAt: String, project: String, dataset: String, task: TaskType,
                format: ExportFormat, policy: ConsensusPolicy, filter: ExportFilter, split: Split?,
                guide: GuideVersions, imports: [ImportBatch], model: Model?, counts: Counts, files: [ExportFileDigest]) {
        self.glossVersion = glossVersion
        self.createdAt = createdAt
        self.project = project
        self.dataset = dataset
        self.task = task
        self.format = format
        self.policy = policy
        self.filter = filter
        self.split = split
        self.guide = guide
        self.imports = imports
        self.model = model
        self.counts = counts
        self.files = files
    }

    /// Pretty JSON with sorted keys, ending in a newline. (No key strategy: it would rename
    /// label names in the count dictionaries too.)
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    /// Reads a manifest written by `encoded()`.
    public static func decode(_ bytes: [UInt8]) throws -> ExportManifest {
        let decoder = JSONDecoder()
        return try decoder.decode(ExportManifest.self, from: Data(bytes))
    }
}

extension ExportManifest.Split {
    public init(_ plan: SplitPlan) {
        self.init(shares: plan.description, seed: plan.seed, stratify: plan.stratify)
    }
}

extension ExportManifest.Counts {
    public static let empty = ExportManifest.Counts(items: 0, splits: [:], labels: [:], labelsBySplit: [:], sources: [:], decidedItems: 0, leftOut: [:])
}

/// Counts an export's records as they are written, without hashing a string per record:
/// labels are few, so a linear search that tries the last hit first is cheaper than a
/// dictionary. `counts` gives the manifest's dictionaries at the end. The labels a value
/// counts under are its kind's (`ExportMapping.forEachCountedLabel`).
public struct ExportCounter: Sendable {
    private let mapping: any ExportMapping
    private var names: [String] = []
    /// Per label: records carrying it, per split index (`ExportSplit.allCases`, then no split).
    private var perLabel: [[Int]] = []
    private var perSplit = [0, 0, 0, 0]
    private var perSource = [Int](repeating: 0, count: ExportSource.allCases.count)
    private var last = 0
    public private(set) var items = 0

    public init(mapping: any ExportMapping) {
        self.mapping = mapping
    }

    public mutating func add(_ record: ExportRecord) {
        items += 1
        let split = record.split.map { ExportSplit.allCases.firstIndex(of: $0)! } ?? 3
        perSplit[split] += 1
        perSource[ExportSource.allCases.firstIndex(of: record.source)!] += 1
        mapping.forEachCountedLabel(in: record.value) { count($0, split) }
    }

    private mutating func count(_ name: String, _ split: Int) {
        if last < names.count, names[last] == name {
            perLabel[last][split] += 1
            return
        }
        if let index = names.firstIndex(of: name) {
            last = index
        } else {
            names.append(name)
            perLabel.append([0, 0, 0, 0])
            last = names.count - 1
        }
        perLabel[last][split] += 1
    }

    /// The manifest's counts (decided items and left-out reasons are the scan's to fill).
    public var counts: ExportManifest.Counts {
        var result = ExportManifest.Counts.empty
        result.items = items
        for (index, split) in ExportSplit.allCases.enumerated() where perSplit[index] > 0 {
            result.splits[split.rawValue] = perSplit[index]
        }
        for (index, source) in ExportSource.allCases.enumerated() where perSource[index] > 0 {
            result.sources[source.rawValue] = perSource[index]
        }
        for (name, counts) in zip(names, perLabel) {
            result.labels[name] = counts.reduce(0, +)
            for (index, split) in ExportSplit.allCases.enumerated() where counts[index] > 0 {
                result.labelsBySplit[split.rawValue, default: [:]][name] = counts[index]
            }
        }
        return result
    }
}
