import Foundation
import GlossCore

/// The handler's answers (facts) turned into what the screen shows, and the timers that
/// ask the store about the world outside (a newer guide, the claims' lease).
extension LabelerUpdate {
    // MARK: Opening and navigation

    /// The screen opened: the first entry of the browse list, else the queue's head.
    static func open(_ state: inout LabelerState, at time: Date) -> [LabelerEffect] {
        state.now = time
        guard state.browse != nil else { return [.open] }
        return showNextListed(&state, saved: nil, at: time)
    }

    /// The browse list's next entry, or the end of the list (`saved`: the status of a save
    /// that comes before it).
    static func showNextListed(_ state: inout LabelerState, saved: String?, at time: Date) -> [LabelerEffect] {
        guard var walk = state.browse else { return [] }
        guard let entry = walk.nextEntry else {
            let effects = show(&state, nil, context: .jumped, decided: state.decided, at: time)
            let end = "the end of the \(walk.list.name) list (\(NumberText.counted(walk.list.entries.count, "item"))) · q quits"
            state.status = StatusLine([saved, end].compactMap { $0 }.joined(separator: " · "))
            return effects
        }
        walk.position += 1
        state.browse = walk
        return [.show(rowID: entry.rowID)]
    }

    /// Shows the item a navigation brought and says what happened on the way.
    static func loaded(_ state: inout LabelerState, _ navigation: Navigation) -> [LabelerEffect] {
        // On screen from the answer's delivery on (an answer that waited in the outbox was not seen).
        var navigation = navigation
        navigation.at = max(navigation.at, state.now)
        var effects: [LabelerEffect] = []
        var status = ""
        switch navigation.cause {
        case .opened:
            if state.decided > 0, navigation.item != nil {
                status = "resumed: \(state.decided) of \(state.total) decided"
            }
        case .saved(let saved):
            effects += learn(state, saved)
            state.sessionDecisions += 1
            // A decision made under the new guide clears its banner; one made before the
            // banner came (its answer overtook the save's) leaves it for the annotator to read.
            if saved.guideVersion.map({ $0 >= state.guideVersion }) ?? true { state.banner = nil }
            state.instructions = nil
            let id = state.item?.rowID == saved.itemRowID ? state.item?.externalID ?? "?" : "?"
            status = "saved #\(id) · " + describe(saved.kind, saved.value) + (saved.replaced ? " (changed)" : "")
        case .refused(let reason):
            effects += show(&state, navigation.item, context: navigation.context, decided: navigation.decided,
                            at: navigation.at)
            state.status = StatusLine("not saved: \(reason)", isError: true)
            return effects
        case .undone(let value):
            if state.model != .none, let value, let item = navigation.item {
                effects.append(.unlearn(rowID: item.rowID, text: item.text, value: value))
            }
            let what = navigation.item?.existing.map { "restored " + describe($0.kind, $0.value) } ?? "undecided again"
            status = "undone · #\(navigation.item?.externalID ?? "?") \(what)"
        case .history:
            status = "your earlier decision · [ older · ] newer · Esc the queue"
        case .backAtQueue:
            status = "back at the queue"
        case .next:
            status = ""
        case .found(let query):
            status = "found \"\(query)\" in #\(navigation.item?.externalID ?? "?") · / again for the next"
        case .reached:
            status = "#\(navigation.item?.externalID ?? "?")"
        case .listed:
            break
        }
        if let walk = state.browse, navigation.context == .jumped, isListed(navigation.cause) {
            return effects + listed(&state, navigation, walk: walk, saved: status.isEmpty ? nil : status)
        }
        effects += show(&state, navigation.item, context: navigation.context, decided: navigation.decided,
                        at: navigation.at)
        state.status = StatusLine(status)
        return effects
    }

    /// Whether a navigation shows a browse list's entry (a save while browsing goes on
    /// with the list; history and searches leave it).
    private static func isListed(_ cause: NavigationCause) -> Bool {
        switch cause {
        case .listed, .saved: true
        default: false
        }
    }

    /// A browse list's entry on screen, with the model's prediction as its suggestion and
    /// its place in the list on the status line.
    private static func listed(_ state: inout LabelerState, _ navigation: Navigation, walk: BrowseWalk,
                               saved: String?) -> [LabelerEffect] {
        guard var item = navigation.item, walk.list.entries.indices.contains(walk.position - 1) else {
            // Past the end, or an entry whose item is gone: the next entry, if any.
            return showNextListed(&state, saved: saved, at: navigation.at)
        }
        let entry = walk.list.entries[walk.position - 1]
        item.suggestion = entry.prediction
        let effects = show(&state, item, context: .jumped, decided: navigation.decided, at: navigation.at)
        let position = "\(walk.position) of \(walk.list.entries.count) \(walk.list.name)"
        state.status = StatusLine([saved, position, entry.note].compactMap { $0 }.joined(separator: " · "))
        return effects
    }

    /// After a save: the model learns the decision on the item that was on screen.
    private static func learn(_ state: LabelerState, _ saved: SavedDecision) -> [LabelerEffect] {
        guard state.model != .none, saved.kind == .label, let value = saved.value,
              let item = state.item, item.rowID == saved.itemRowID else { return [] }
        return [.learn(rowID: item.rowID, text: item.text, value: value)]
    }

    /// What a navigation effect did not find, on the status line; the item stays.
    static func notFound(_ state: inout LabelerState, _ absence: Absence) {
        let text = switch absence {
        case .nothingToUndo: "nothing to undo"
        case .noHistory(let before): before == nil ? "no decisions yet" : "this is your oldest decision"
        case .noMatch(let query): "no item contains \"\(query)\""
        case .noItem(let id): "no item has the id \"\(id)\" in this dataset"
        case .noModel(.order): "no model in this session: items come in sequential order"
        case .noModel(.confirm): "no model in this session: confirm mode needs one"
        }
        state.status = StatusLine(text, isError: true)
    }

    /// A failed effect, on the status line; the item stays.
    static func failed(_ state: inout LabelerState, _ failure: EffectFailure) {
        let text: String
        switch failure.attempt {
        case .save: text = "not saved: \(failure.reason)"
        case .confirm(let saved, let of): text = "not saved: \(failure.reason) (\(saved) of \(NumberText.counted(of, "row")) \(saved == 1 ? "was" : "were") saved)"
        case .undo: text = "not undone: \(failure.reason)"
        case .stats:
            text = "no statistics: \(failure.reason)"
            if case .stats(nil, _) = state.mode { state.mode = .labeling }
        case .model:
            text = failure.reason
            if state.model == .warming { state.model = .ready }  // it answers with what it has
            state.awaitedSuggestion = nil
        case .other: text = failure.reason
        }
        state.status = StatusLine(text, isError: true)
    }

    /// "positive", "skipped", "flagged for review".
    static func describe(_ kind: AnnotationKind, _ value: AnnotationValue?) -> String {
        switch kind {
        case .label: value?.shownSummary ?? "label"
        case .skip: "skipped"
        case .flag: "flagged for review"
        }
    }

    // MARK: The model

    /// The model learned the earlier decisions: it is asked again about the item on screen.
    static func modelReady(_ state: inout LabelerState) -> [LabelerEffect] {
        guard state.model != .none else { return [] }
        state.model = .ready
        return askModel(&state)
    }

    // MARK: The guide and the claims

    /// A newer guide version: the screen switches to it (later decisions record it) and a
    /// banner says who published it and what changed, until the next save.
    static func guidePublished(_ state: inout LabelerState, _ publication: GuidePublication) {
        guard publication.version > state.guideVersion else { return }
        let delta = GuideChanges.between(state.guide, publication.guide)
        var changes = delta.labels.map(\.description)
        if delta.instructionsChanged { changes.insert("instructions changed", at: 0) }
        if let task = delta.taskChange {
            changes.insert("task changed from \(task.from.rawValue) to \(task.to.rawValue)", at: 0)
        }
        if changes.isEmpty { changes = ["text edited"] }
        var text = "guide v\(publication.version) by \(publication.author)"
        if !publication.message.isEmpty { text += ": " + publication.message }
        text += " · " + changes.joined(separator: " · ")
        if delta.taskChange != nil {
            state.answer = AnswerBox(publication.answer.value.restarted(for: state.item, guide: publication.guide,
                                                                              annotator: state.annotator))
        }
        state.guide = publication.guide
        state.guideVersion = publication.version
        state.banner = text
        state.layoutKey = nil  // the guide pane re-renders the new version
        state.status = StatusLine("the guide changed to v\(publication.version) · Tab shows it")
    }

    /// Asks the store for a newer guide when the check interval has passed (never while
    /// browsing a fixed list, and never without an interval: a screen with no store).
    static func timers(_ state: inout LabelerState, at time: Date) -> [LabelerEffect] {
        guard state.browse == nil, let interval = state.guideCheckInterval,
              time.timeIntervalSince(state.guideCheckedAt) >= interval else { return [] }
        state.guideCheckedAt = time
        return [.checkGuide(newerThan: state.guideVersion)]
    }

    /// Key activity renews the session's claims, at most once per renewal interval; a
    /// screen left idle lets them expire after the lease.
    static func renewClaims(_ state: inout LabelerState, at time: Date) -> [LabelerEffect] {
        guard let interval = state.claimRenewalInterval,
              time.timeIntervalSince(state.claimsRenewedAt) >= interval else { return [] }
        state.claimsRenewedAt = time
        return [.renewClaims(at: time)]
    }
}
