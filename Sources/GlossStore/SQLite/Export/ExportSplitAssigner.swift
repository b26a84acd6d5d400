import GlossCore
internal import GRDB

/// Gives each exported record its split. Unstratified, the split is the hash of the item's id
/// and the seed. Stratified, an item keeps the split remembered in `split_assignments` for the
/// plan's scheme; a new item is balanced within its stratum (the kind's `ConsensusRule` names it)
/// and remembered (so the scan that
/// uses this runs in a write transaction), unless the store is read-only: then it is
/// balanced the same way but not remembered, so a later export may split it otherwise.
final class ExportSplitAssigner {
    private let plan: SplitPlan
    /// Names each value's stratum.
    private let rule: any ConsensusRule
    private var splitter: StratifiedSplitter
    private let remembered: RawStatement?
    private let remember: RawStatement?

    init(_ db: Database, projectID: Int64, plan: SplitPlan, rule: any ConsensusRule, remembers: Bool) throws {
        self.plan = plan
        self.rule = rule
        splitter = StratifiedSplitter(plan: plan)
        guard plan.stratify else {
            remembered = nil
            remember = nil
            return
        }
        let scheme = StratifiedSplitter.scheme(of: plan)
        remembered = try RawStatement(db, """
            SELECT split FROM split_assignments WHERE project_id = ?1 AND scheme = ?2 AND item_id = ?3
            """, [projectID, scheme])
        remember = remembers ? try RawStatement(db, """
            INSERT INTO split_assignments (project_id, scheme, item_id, split) VALUES (?1, ?2, ?3, ?4)
            """, [projectID, scheme]) : nil
    }

    func split(rowID: Int64, id: String, value: AnnotationValue) throws -> ExportSplit {
        guard let remembered else { return plan.split(of: id) }
        let stratum = rule.stratum(of: value)
        remembered.bind(rowID, at: 3)
        let known = try remembered.step() ? ExportSplit(rawValue: remembered.string(0)) : nil
        remembered.reset()
        if let known {
            splitter.count(known, stratum: stratum)
            return known
        }
        let split = splitter.assign(id: id, stratum: stratum)
        guard let remember else { return split }
        remember.bind(rowID, at: 3)
        remember.bind(split.rawValue, at: 4)
        try remember.execute()
        return split
    }
}
