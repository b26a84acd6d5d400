import GlossCore
internal import GRDB

/// One export scan inside the caller's transaction: walks the cursors item by item, decides
/// each item's value (adjudication, else consensus under the policy, else a prediction),
/// applies the filters, assigns the split, and counts what it left out.
struct ExportScan {
    private let query: ExportQuery
    private let consensus: Consensus
    private var cursors: ExportScanCursors
    private let splits: ExportSplitAssigner?
    private let predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)?
    private var summary = ExportScanSummary()
    private var leftOut: [ExportLeftOutReason: Int] = [:]
    private var guideVersions = Set<Int>()
    private var lastGuideVersion = -1
    /// Each annotator's name alone in an array, shared by the records of single-decision items.
    private var soleAnnotator: [Int64: [String]] = [:]
    /// Reused per item so the common case allocates no arrays of its own.
    private var group = DecisionGroup()
    private var labelValues: [AnnotationValue] = []

    init(_ db: Database, projectID: Int64, datasetID: Int64, rule: any ConsensusRule, query: ExportQuery,
         remembersSplits: Bool, predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)?) throws {
        self.query = query
        self.predict = predict
        consensus = Consensus(rule: rule, policy: query.policy)
        cursors = try ExportScanCursors(db, projectID: projectID, datasetID: datasetID, withItemCursor: predict != nil)
        splits = try query.split.map {
            try ExportSplitAssigner(db, projectID: projectID, plan: $0, rule: rule, remembers: remembersSplits)
        }
    }

    mutating func run(_ body: (ExportRecord) throws -> Void) throws -> ExportScanSummary {
        while let (item, adjudication) = try cursors.next(into: &group) {
            try emit(item, adjudication: adjudication, body)
        }
        summary.leftOut = Dictionary(uniqueKeysWithValues: leftOut.map { ($0.key.rawValue, $0.value) })
        summary.guideVersions = guideVersions.sorted()
        return summary
    }

    /// Passes the item's record to `body`, or counts why it is left out.
    private mutating func emit(_ item: ExportItemFields, adjudication: AnnotationValue?, _ body: (ExportRecord) throws -> Void) throws {
        let decided = !group.isEmpty
        if decided { summary.decidedItems += 1 }
        if group.count > 1 { group.sortOldestFirst() }
        var skipped = false, flagged = false
        labelValues.removeAll(keepingCapacity: true)
        for decision in group.decisions {
            switch decision.kind {
            case .label: if let value = decision.value { labelValues.append(consensus.normalized(value)) }
            case .skip: skipped = true
            case .flag: flagged = true
            }
        }
        if consensus.keepsEachAnnotator, adjudication == nil, labelValues.count > 1 {
            return try emitEachAnnotator(item, skipped: skipped, flagged: flagged, body)
        }
        switch verdict(adjudication: adjudication, skipped: skipped, flagged: flagged) {
        case .value(let value, let source, let agreement):
            let split = try splits?.split(rowID: item.rowID, id: item.id, value: value)
            for version in group.guideVersions where version != lastGuideVersion {
                lastGuideVersion = version
                guideVersions.insert(version)
            }
            summary.written += 1
            try body(ExportRecord(rowID: item.rowID, id: item.id, text: item.text, metadataJSON: item.metadataJSON,
                                  value: value, source: source, annotators: annotators(), agreement: agreement,
                                  split: split, decisions: group.decisions, partsJSON: item.partsJSON))
        case .leftOut(let reason):
            if reason.wantsPrediction, let predict,
               let (predicted, probability) = try predict(UnlabeledItem(rowID: item.rowID, id: item.id, text: item.text,
                                                                        metadataJSON: item.metadataJSON)) {
                let value = consensus.normalized(predicted)
                let split = try splits?.split(rowID: item.rowID, id: item.id, value: value)
                summary.written += 1
                summary.predicted += 1
                try body(ExportRecord(rowID: item.rowID, id: item.id, text: item.text, metadataJSON: item.metadataJSON,
                                      value: value, source: .prediction, annotators: [], agreement: nil,
                                      confidence: probability, split: split, decisions: [], partsJSON: item.partsJSON))
            } else if decided {
                leftOut[reason, default: 0] += 1
            }
        }
    }

    /// `.all` on a judging kind: one record per label decision, each with its annotator's
    /// value and only that decision, in the split of the item (skips and flags filter the
    /// item as they do otherwise; the minimum agreement filters each row). The item counts
    /// once as written.
    private mutating func emitEachAnnotator(_ item: ExportItemFields, skipped: Bool, flagged: Bool,
                                            _ body: (ExportRecord) throws -> Void) throws {
        if flagged, !query.filter.includeFlagged { leftOut[.flagged, default: 0] += 1; return }
        if skipped, !query.filter.includeSkipped { leftOut[.skipped, default: 0] += 1; return }
        var rows: [(ExportDecision, AnnotationValue, Double?)] = []
        for decision in group.decisions where decision.kind == .label {
            guard let stored = decision.value else { continue }
            let value = consensus.normalized(stored)
            let agreement = consensus.agreement(of: labelValues, with: value)
            if let minimum = query.filter.minAgreement, let agreement, agreement < minimum { continue }
            rows.append((decision, value, agreement))
        }
        guard let first = rows.first else { leftOut[.belowMinAgreement, default: 0] += 1; return }
        let split = try splits?.split(rowID: item.rowID, id: item.id, value: first.1)
        for version in group.guideVersions where version != lastGuideVersion {
            lastGuideVersion = version
            guideVersions.insert(version)
        }
        summary.written += 1
        for (decision, value, agreement) in rows {
            try body(ExportRecord(rowID: item.rowID, id: item.id, text: item.text, metadataJSON: item.metadataJSON,
                                  value: value, source: .consensus, annotators: [decision.annotator],
                                  agreement: agreement, split: split, decisions: [decision], partsJSON: item.partsJSON))
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

    private mutating func annotators() -> [String] {
        if group.count == 1 {
            guard group.decisions[0].kind == .label else { return [] }
            let id = group.annotatorIDs[0]
            if let names = soleAnnotator[id] { return names }
            let names = [group.decisions[0].annotator]
            soleAnnotator[id] = names
            return names
        }
        return Set(group.decisions.filter { $0.kind == .label }.map(\.annotator)).sorted()
    }
}
