import GlossCore
import GRDB

/// One export scan inside the caller's transaction: walks the cursors item by item, decides
/// each item's value (adjudication, else consensus under the policy, else a prediction),
/// applies the filters, assigns the split, and counts what it left out.
final class ExportScan {
    private let query: ExportQuery
    private let consensus: Consensus
    private let annotatorNames: [Int64: String]
    private let cursors: ExportScanCursors
    private let splits: ExportSplitAssigner?
    private let predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)?
    private var summary = ExportScanSummary()
    private var leftOut: [ExportLeftOutReason: Int] = [:]
    private var guideVersions = Set<Int>()
    /// Reused per item so the common case allocates no arrays of its own.
    private var group: [ScannedDecision] = []
    private var labelValues: [AnnotationValue] = []

    init(_ db: Database, projectID: Int64, datasetID: Int64, task: TaskType, labels: [String], query: ExportQuery,
         predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)?) throws {
        self.query = query
        self.predict = predict
        consensus = Consensus(task: task, policy: query.policy, labels: labels)
        var names: [Int64: String] = [:]
        let rows = try RawStatement(db, "SELECT id, name FROM annotators")
        while try rows.step() { names[rows.int64(0)] = rows.string(1) }
        annotatorNames = names
        cursors = try ExportScanCursors(db, projectID: projectID, datasetID: datasetID, withItemCursor: predict != nil)
        splits = try query.split.map { try ExportSplitAssigner(db, projectID: projectID, plan: $0) }
    }

    func run(_ body: (ExportRecord) throws -> Void) throws -> ExportScanSummary {
        while let (item, adjudication) = try cursors.next(into: &group) {
            if let record = try record(for: item, adjudication: adjudication) {
                try body(record)
            }
        }
        summary.leftOut = Dictionary(uniqueKeysWithValues: leftOut.map { ($0.key.rawValue, $0.value) })
        summary.guideVersions = guideVersions.sorted()
        return summary
    }

    /// The item's record, or nil when it is left out (counted in the summary).
    private func record(for item: ExportItemFields, adjudication: AnnotationValue?) throws -> ExportRecord? {
        let decided = !group.isEmpty
        if decided { summary.decidedItems += 1 }
        if group.count > 1 { sortOldestFirst() }
        var skipped = false, flagged = false
        labelValues.removeAll(keepingCapacity: true)
        for decision in group {
            switch decision.kind {
            case .label: if let value = decision.value { labelValues.append(consensus.normalized(value)) }
            case .skip: skipped = true
            case .flag: flagged = true
            }
        }
        let outcome = verdict(adjudication: adjudication, skipped: skipped, flagged: flagged)
        switch outcome {
        case .value(let value, let source, let agreement):
            var record = ExportRecord(rowID: item.rowID, id: item.id, text: item.text, metadataJSON: item.metadataJSON,
                                      value: value, source: source, annotators: annotators(), agreement: agreement,
                                      split: nil, decisions: exportDecisions())
            record.split = try splits?.split(of: record)
            for decision in group { guideVersions.insert(decision.guideVersion) }
            summary.written += 1
            return record
        case .leftOut(let reason):
            if reason.wantsPrediction, let predict,
               let (value, probability) = try predict(UnlabeledItem(rowID: item.rowID, id: item.id, text: item.text,
                                                                    metadataJSON: item.metadataJSON)) {
                var record = ExportRecord(rowID: item.rowID, id: item.id, text: item.text, metadataJSON: item.metadataJSON,
                                          value: consensus.normalized(value), source: .prediction, annotators: [],
                                          agreement: nil, confidence: probability, split: nil, decisions: [])
                record.split = try splits?.split(of: record)
                summary.written += 1
                summary.predicted += 1
                return record
            }
            if decided { leftOut[reason, default: 0] += 1 }
            return nil
        }
    }

    private enum Verdict {
        case value(AnnotationValue, ExportSource, agreement: Double?)
        case leftOut(ExportLeftOutReason)
    }

    /// An adjudication stands whatever else is on the item (a flag is often what sent the item
    /// to review); otherwise flags and skips leave the item out unless asked for, then the
    /// policy decides, then the minimum agreement.
    private func verdict(adjudication: AnnotationValue?, skipped: Bool, flagged: Bool) -> Verdict {
        if let adjudication {
            let value = consensus.normalized(adjudication)
            return .value(value, .adjudicated, agreement: consensus.agreement(of: labelValues, with: value))
        }
        if flagged, !query.filter.includeFlagged { return .leftOut(.flagged) }
        if skipped, !query.filter.includeSkipped { return .leftOut(.skipped) }
        switch consensus.combine(labelValues) {
        case .leftOut(let reason):
            return .leftOut(reason)
        case .value(let value):
            let agreement = consensus.agreement(of: labelValues, with: value)
            if let minimum = query.filter.minAgreement, let agreement, agreement < minimum {
                return .leftOut(.belowMinAgreement)
            }
            return .value(value, .consensus, agreement: agreement)
        }
    }

    /// Oldest first by decision time, then by row id (imports may store older decisions later).
    private func sortOldestFirst() {
        let ordered = zip(group, group.dropFirst()).allSatisfy {
            ($0.decidedAt, $0.annotationID) < ($1.decidedAt, $1.annotationID)
        }
        if !ordered { group.sort { ($0.decidedAt, $0.annotationID) < ($1.decidedAt, $1.annotationID) } }
    }

    private func name(_ annotatorID: Int64) -> String {
        annotatorNames[annotatorID] ?? "annotator \(annotatorID)"
    }

    private func annotators() -> [String] {
        if group.count == 1 { return group[0].kind == .label ? [name(group[0].annotatorID)] : [] }
        return Set(group.lazy.filter { $0.kind == .label }.map { self.name($0.annotatorID) }).sorted()
    }

    private func exportDecisions() -> [ExportDecision] {
        group.map { decision in
            ExportDecision(annotator: name(decision.annotatorID), kind: decision.kind, value: decision.value,
                           decidedAt: decision.decidedAt, activeMilliseconds: decision.activeMilliseconds,
                           suggestion: decision.suggestion)
        }
    }
}
