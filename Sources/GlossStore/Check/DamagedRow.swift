import GlossCore

/// A row whose stored bytes no longer match the checksum written with them: a decision, an
/// adjudication or a gold answer whose value changed, or an item whose text changed, since
/// Gloss wrote it (a disk, a copy or a tool went wrong). Named so a lead can find it.
public struct DamagedRow: Error, Equatable, Sendable, Encodable, CustomStringConvertible {
    public enum Kind: String, Sendable, Encodable {
        case decision, adjudication, goldAnswer = "gold answer", itemText = "item text", itemParts = "item parts"
    }

    public var kind: Kind
    /// The row id in its table (`annotations.id` for a decision, `items.id` for an item's text).
    public var rowID: Int64
    /// The item's external id, when it could be read.
    public var item: String?
    /// The project (or, for an item's text, the dataset) the row belongs to, when known.
    public var scope: String?
    /// The annotator or reviewer who wrote it, when known.
    public var author: String?

    public init(kind: Kind, rowID: Int64, item: String? = nil, scope: String? = nil, author: String? = nil) {
        self.kind = kind
        self.rowID = rowID
        self.item = item
        self.scope = scope
        self.author = author
    }

    public var description: String { TerminalText.visible(sentence) }

    private var sentence: String {
        let item = item.map { " on item \"\($0)\"" } ?? ""
        let author = author.map { " by \($0)" } ?? ""
        switch kind {
        case .itemText:
            let dataset = scope.map { " of dataset \"\($0)\"" } ?? ""
            let name: String = self.item.map { " \"\($0)\"" } ?? ""
            return "the text of item\(name) (row \(rowID))\(dataset) no longer matches the checksum written with it"
        case .itemParts:
            let dataset = scope.map { " of dataset \"\($0)\"" } ?? ""
            let name: String = self.item.map { " \"\($0)\"" } ?? ""
            return "the parts (prompt and responses) of item\(name) (row \(rowID))\(dataset) no longer match the "
                + "checksum written with them"
        case .decision, .adjudication, .goldAnswer:
            let project = scope.map { " in project \"\($0)\"" } ?? ""
            return "\(kind.rawValue) #\(rowID)\(author)\(item)\(project): its stored value no longer matches the "
                + "checksum written with it"
        }
    }
}

/// A command stopped because what it read from the store is damaged: nothing it would have
/// written from the damaged row (an export, a model) was written.
public struct StoreDamaged: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var row: DamagedRow

    public init(path: String, row: DamagedRow) {
        self.path = path
        self.row = row
    }

    public var description: String {
        "the store \(TerminalText.visible(path)) is damaged: \(row). Nothing was written from it; run gloss check "
            + "--db \(TerminalText.visible(path)) to list every damaged row, and restore the store from a backup."
    }
}

extension GlossDatabase {
    /// Runs `body`, turning a damaged row it meets into `StoreDamaged` naming this store and,
    /// when the row does not say, `scope` (the project or dataset being read).
    func namingDamage<T>(scope: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var row as DamagedRow {
            if row.scope == nil, row.kind != .itemText { row.scope = scope }
            throw StoreDamaged(path: path, row: row)
        }
    }
}
