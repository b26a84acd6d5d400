import GlossCore
internal import GRDB

/// The item fields an export record carries.
struct ExportItemFields {
    var rowID: Int64
    var id: String
    var text: String
    var metadataJSON: String?
    var partsJSON: String?
}

/// The current decisions of one item, as its record carries them, with what the scan needs
/// besides. The arrays are reused from item to item: a record that is dropped after its
/// writer saw it hands its decisions' storage back, so most items allocate no array.
struct DecisionGroup {
    var decisions: [ExportDecision] = []
    var annotatorIDs: [Int64] = []
    var annotationIDs: [Int64] = []
    var guideVersions: [Int] = []

    var isEmpty: Bool { decisions.isEmpty }
    var count: Int { decisions.count }

    mutating func removeAll() {
        decisions.removeAll(keepingCapacity: true)
        annotatorIDs.removeAll(keepingCapacity: true)
        annotationIDs.removeAll(keepingCapacity: true)
        guideVersions.removeAll(keepingCapacity: true)
    }

    /// Oldest first by decision time, then by row id (imports may store older decisions later).
    mutating func sortOldestFirst() {
        func key(_ index: Int) -> (String, Int64) { (decisions[index].decidedAt, annotationIDs[index]) }
        guard (1..<max(count, 1)).contains(where: { key($0) < key($0 - 1) }) else { return }
        let order = decisions.indices.sorted { key($0) < key($1) }
        decisions = order.map { decisions[$0] }
        annotatorIDs = order.map { annotatorIDs[$0] }
        annotationIDs = order.map { annotationIDs[$0] }
        guideVersions = order.map { guideVersions[$0] }
    }
}

/// The three cursors of an export scan, each in item order: current decisions (grouped per
/// item), current adjudications and, for predictions, every item of the dataset. Without
/// the item cursor the decision and adjudication rows carry their item's fields (a join), so
/// the common export reads each row once.
///
/// Every value and item text read is verified against the checksum written with it before
/// it is used: a row altered on disk stops the scan
/// with a `DamagedRow` instead of reaching the export.
struct ExportScanCursors {
    let withItemCursor: Bool
    private let decisions: RawStatement
    private let adjudications: RawStatement
    private let items: RawStatement?
    /// The item of the row each cursor stands on; nil at its end.
    private(set) var decisionItem: Int64?
    private(set) var adjudicationItem: Int64?
    private var values = CanonicalValueCache()
    private let annotatorNames: [Int64: String]
    private var lastAnnotator: (id: Int64, name: String) = (-1, "")

    init(_ db: Database, projectID: Int64, datasetID: Int64, withItemCursor: Bool) throws {
        self.withItemCursor = withItemCursor
        var names: [Int64: String] = [:]
        let rows = try RawStatement(db, "SELECT id, name FROM annotators")
        while try rows.step() { names[rows.int64(0)] = rows.string(1) }
        annotatorNames = names
        let itemColumns = withItemCursor ? "" : ", i.external_id, i.text, i.metadata, i.text_check, i.parts, i.parts_check"
        let itemJoin = withItemCursor ? "" : "JOIN items i ON i.id = a.item_id"
        decisions = try RawStatement(db, """
            SELECT a.item_id, a.id, a.annotator_id, a.kind, a.value, a.decided_at, a.active_ms, a.suggestion,
                   a.guide_version, a.value_check\(itemColumns)
            FROM annotations a INDEXED BY annotations_by_item \(itemJoin)
            WHERE a.project_id = ?1 AND a.superseded_by IS NULL AND a.undone_at IS NULL
            ORDER BY a.item_id, a.id
            """, [projectID])
        adjudications = try RawStatement(db, """
            SELECT a.item_id, a.value, a.value_check, a.id\(itemColumns)
            FROM adjudications a INDEXED BY adjudications_by_item \(itemJoin)
            WHERE a.project_id = ?1 AND a.superseded_by IS NULL AND a.undone_at IS NULL
            ORDER BY a.item_id, a.id
            """, [projectID])
        items = withItemCursor
            ? try RawStatement(db, """
                SELECT id, external_id, text, metadata, text_check, parts, parts_check FROM items WHERE dataset_id = ?1
                ORDER BY id
                """, [datasetID])
            : nil
        decisionItem = try decisions.step() ? decisions.int64(0) : nil
        adjudicationItem = try adjudications.step() ? adjudications.int64(0) : nil
    }

    /// The next item with decisions or an adjudication (or, with the item cursor, the next
    /// item of the dataset), its fields, its current decisions appended to `group` (which is
    /// emptied first) and its adjudication's value. Nil after the last item.
    mutating func next(into group: inout DecisionGroup) throws -> (item: ExportItemFields, adjudication: AnnotationValue?)? {
        group.removeAll()
        let item: ExportItemFields
        if let items {
            guard try items.step() else { return nil }
            item = try fields(items, from: 0)
            // Rows of items outside the dataset cannot exist; step over them all the same.
            while let at = decisionItem, at < item.rowID { try advanceDecisions() }
            while let at = adjudicationItem, at < item.rowID { try advanceAdjudications() }
        } else {
            guard let rowID = Self.smaller(decisionItem, adjudicationItem) else { return nil }
            item = decisionItem == rowID ? try fields(decisions, from: 10, rowID: rowID)
                                         : try fields(adjudications, from: 4, rowID: rowID)
        }
        while decisionItem == item.rowID {
            try readDecision(into: &group, item: item.id)
            try advanceDecisions()
        }
        var adjudication: AnnotationValue?
        while adjudicationItem == item.rowID {
            // Only one adjudication per item is current; should there be more, the newest wins.
            guard adjudications.valueMatchesCheck(1, check: 2) else {
                throw DamagedRow(kind: .adjudication, rowID: adjudications.int64(3), item: item.id)
            }
            if let value = CanonicalValueParser.parse(adjudications.bytes(1)) { adjudication = value }
            try advanceAdjudications()
        }
        return (item, adjudication)
    }

    private static func smaller(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }

    private mutating func advanceDecisions() throws {
        decisionItem = try decisions.step() ? decisions.int64(0) : nil
    }

    private mutating func advanceAdjudications() throws {
        adjudicationItem = try adjudications.step() ? adjudications.int64(0) : nil
    }

    private mutating func readDecision(into group: inout DecisionGroup, item: String) throws {
        guard decisions.valueMatchesCheck(4, check: 9) else {
            throw DamagedRow(kind: .decision, rowID: decisions.int64(1), item: item, author: name(decisions.int64(2)))
        }
        let kind: AnnotationKind = switch decisions.firstByte(3) {
        case UInt8(ascii: "s"): .skip
        case UInt8(ascii: "f"): .flag
        default: .label
        }
        let value = kind == .label && !decisions.isNull(4) ? values.parse(decisions.bytes(4)) : nil
        let annotatorID = decisions.int64(2)
        group.decisions.append(ExportDecision(
            annotator: name(annotatorID), kind: kind, value: value, decidedAt: decisions.string(5),
            activeMilliseconds: decisions.isNull(6) ? nil : decisions.int(6),
            suggestion: decisions.isNull(7) ? nil : values.parse(decisions.bytes(7))))
        group.annotatorIDs.append(annotatorID)
        group.annotationIDs.append(decisions.int64(1))
        group.guideVersions.append(decisions.int(8))
    }

    /// An annotator's name; one whose row is gone (it cannot be) is named by its id.
    mutating func name(_ annotatorID: Int64) -> String {
        if lastAnnotator.id == annotatorID { return lastAnnotator.name }
        let name = annotatorNames[annotatorID] ?? "annotator \(annotatorID)"
        lastAnnotator = (annotatorID, name)
        return name
    }

    /// Reads `id, external_id, text, metadata, text_check, parts, parts_check` starting at
    /// column `first` (or, with `rowID` given, from `external_id`), the text and the parts
    /// verified against their checks.
    private mutating func fields(_ statement: RawStatement, from first: Int32, rowID: Int64? = nil) throws -> ExportItemFields {
        let column = rowID == nil ? first + 1 : first
        let fields = ExportItemFields(rowID: rowID ?? statement.int64(first), id: statement.string(column),
                                      text: statement.string(column + 1), metadataJSON: statement.optionalString(column + 2),
                                      partsJSON: statement.optionalString(column + 4))
        guard statement.valueMatchesCheck(column + 1, check: column + 3) else {
            throw DamagedRow(kind: .itemText, rowID: fields.rowID, item: fields.id)
        }
        guard statement.valueMatchesCheck(column + 4, check: column + 5) else {
            throw DamagedRow(kind: .itemParts, rowID: fields.rowID, item: fields.id)
        }
        return fields
    }
}
