/// What `gloss check` found: SQLite's own verdict on the file's structure and every row whose
/// checksum no longer matches, with how many rows of each kind were verified.
public struct StoreCheckReport: Equatable, Sendable, Encodable {
    /// `PRAGMA integrity_check` lines other than "ok" (damaged pages, indexes out of step).
    public var integrityProblems: [String] = []
    /// Rows whose bytes changed since Gloss wrote them, in table order.
    public var damagedRows: [DamagedRow] = []
    public var decisionsChecked = 0
    public var adjudicationsChecked = 0
    public var goldAnswersChecked = 0
    public var itemsChecked = 0
    /// Tables of statistics totals that differ from the decisions they total (see
    /// `StatsTotalsCheck`): `gloss stats` would report wrong figures from them.
    public var statsTotalsProblems: [String] = []
    /// Whether the store keeps statistics totals to check (a store older than v12 does not).
    public var statsTotalsChecked = false
    /// Items without their content key, and keys that name no item (see migration v13):
    /// imports would take the first's texts as new and stop at a text of the second's.
    public var contentKeyProblems: [String] = []

    public init() {}

    /// Whether nothing was found damaged.
    public var isClean: Bool {
        integrityProblems.isEmpty && damagedRows.isEmpty && statsTotalsProblems.isEmpty && contentKeyProblems.isEmpty
    }
}
