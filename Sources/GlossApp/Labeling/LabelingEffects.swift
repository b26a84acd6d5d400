import Foundation
import GlossCore
import GlossStore
import GlossTasks
import GlossTUI

/// Runs the labeling screen's effects. Each store effect is one transaction of the
/// labeling session, run in order on the store's own thread (so keys and signals are read
/// while a write waits for another process), answered with the facts it found; the model
/// works on its thread and the statistics on theirs. All answers wait in `takeMessages`.
/// It never reads the screen's state: every effect carries what it needs.
public final class LabelingEffects: EffectHandler, @unchecked Sendable {
    let session: LabelingSession
    let model: ModelWorker?
    private let clock: @Sendable () -> Date
    private let store = StoreWorker<LabelerMessage>(name: "gloss-store")
    /// The key timings so far, stored with each decision on the session row (read on the
    /// screen's thread when an effect is handed over).
    var keyStats: () -> KeystrokeStats = { KeystrokeStats() }
    /// Called on the runtime's thread when an item comes to be shown.
    var itemShown: () -> Void = {}
    /// Runs its body with the terminal given back (for `$EDITOR`), then takes the screen again.
    var suspendTerminal: (() -> Void) -> Void = { $0() }
    /// Edits a text in the annotator's editor (a test may put a fake in its place).
    var editText: (String, (() -> Void) -> Void) -> ExternalEdit = { ExternalEditor.edit($0, suspend: $1) }
    private var statsJob: StatsJob?

    init(session: LabelingSession, model: ModelWorker?, clock: @escaping @Sendable () -> Date) {
        self.session = session
        self.model = model
        self.clock = clock
    }

    /// Whether store work has not answered yet (a save waiting for a lock).
    var isBusy: Bool { store.isBusy }

    /// Ends the store's thread once its queue is done.
    func stop() { store.stop() }

    public func settle(within limit: Duration) { store.settle(within: limit) }

    public func perform(_ effect: LabelerEffect) -> [LabelerMessage] {
        switch effect {
        case .quit:
            return []
        case .setOrder(let order):
            guard let model else { return [.notFound(.noModel(for: .order))] }
            model.setOrder(order)
            return []
        case .openConfirm where model == nil:
            return [.notFound(.noModel(for: .confirm))]
        case .loadStats:
            statsJob = StatsJob(load: session.statsLoader(agreement: AgreementMeasures.measure(for:)))
            return []
        case .editText(let text):
            // On the screen's thread, with the terminal suspended: ncurses stays on one thread.
            return [.textEdited(editText(text, suspendTerminal))]
        case .suggest(let rowID, let text):
            model?.served(rowID: rowID)
            model?.score(rowID: rowID, text: text)
            return []
        case .learn(let rowID, let text, let value):
            model?.learn(text: text, value: value, rowID: rowID)
            return []
        case .unlearn(let rowID, let text, let value):
            model?.unlearn(text: text, value: value, rowID: rowID)
            return []
        case .renewClaims, .checkGuide:
            // Housekeeping on a timer: the key's frame does not wait for it (a new guide's
            // banner comes in the frame after its answer; decisions until then keep the
            // version that was on screen).
            store.submit(awaited: false) { [self] in answer(effect, stats: KeystrokeStats()) }
            return []
        default:
            let stats = keyStats()
            store.submit { [self] in answer(effect, stats: stats) }
            return []
        }
    }

    /// Runs a store effect (on the store's thread) and turns what happened into messages.
    private func answer(_ effect: LabelerEffect, stats: KeystrokeStats) -> [LabelerMessage] {
        do {
            return try run(effect, stats: stats)
        } catch let error as LabelingError {
            // The item went to others while the screen sat idle: the queue's next one shows.
            let next = try? session.nextItem(preferring: picks(), at: clock())
            return [.loaded(Navigation(item: next.flatMap { $0 }.map(LabelerItems.make), context: .queue, decided: nil,
                                       cause: .refused("\(error)"), at: clock()))]
        } catch {
            let reason = StoreFailure.sentence(for: error) ?? "\(error)"
            switch effect {
            case .save: return [.failed(EffectFailure(.save, reason))]
            case .undo: return [.failed(EffectFailure(.undo, reason))]
            default: return [.failed(EffectFailure(.other, reason))]
            }
        }
    }

    private func run(_ effect: LabelerEffect, stats: KeystrokeStats) throws -> [LabelerMessage] {
        switch effect {
        case .open:
            return [navigate(try session.nextItem(preferring: picks(), at: clock()), .queue, decided: session.decidedAtStart,
                             cause: .opened)]
        case .save(let draft, let then):
            return [try save(draft, then: then, stats: stats)]
        case .undo:
            guard let undone = try session.undoLast(stats: stats, at: clock()) else { return [.notFound(.nothingToUndo)] }
            let value = undone.undone.kind == .label ? undone.undone.value : nil
            return [navigate(undone.item, undone.item.decision == nil ? .queue : .jumped, decided: undone.decided,
                             cause: .undone(value))]
        case .historyBack(let before):
            guard let (id, item) = try session.history(before: before) else { return [.notFound(.noHistory(before: before))] }
            return [navigate(item, .history(annotationID: id), cause: .history)]
        case .historyForward(let after):
            if let (id, item) = try session.history(after: after) {
                return [navigate(item, .history(annotationID: id), cause: .history)]
            }
            return [navigate(try session.nextItem(preferring: picks(), at: clock()), .queue, cause: .backAtQueue)]
        case .search(let query, let after):
            guard let item = try session.search(query, after: after) else { return [.notFound(.noMatch(query: query))] }
            return [navigate(item, .jumped, cause: .found(query: query))]
        case .goto(let id):
            guard let item = try session.item(externalID: id) else { return [.notFound(.noItem(id: id))] }
            return [navigate(item, .jumped, cause: .reached)]
        case .next:
            return [navigate(try session.nextItem(preferring: picks(), at: clock()), .queue, cause: .next)]
        case .show(let rowID):
            return [navigate(try session.item(rowID: rowID), .jumped, cause: .listed)]
        case .openConfirm(let rows):
            return [try confirmBatch(rows: rows, saved: 0, fixed: 0, decided: nil, excluding: [])]
        case .saveConfirmed(let drafts):
            return [try saveConfirmed(drafts, stats: stats)]
        case .quit, .setOrder, .loadStats, .suggest, .learn, .unlearn, .editText:
            return []  // answered on the screen's thread (see `perform`)
        case .checkGuide(let version):
            guard let update = try? session.newerGuide(than: version) else { return [] }
            return [.guidePublished(GuidePublication(guide: update.guide, version: update.version, author: update.author,
                                                     message: update.message,
                                                     answer: TaskKinds.kind(for: update.guide.task).answer))]
        case .renewClaims(let time):
            try? session.renewClaims(at: time)
            return []
        }
    }

    /// Commits the decision, then reads what follows it in the same transaction.
    private func save(_ draft: DecisionInput, then: FollowUp, stats: KeystrokeStats) throws -> LabelerMessage {
        var historyAfter: Int64?
        var preferred: [Int64] = []
        switch then {
        case .queue: preferred = picks(excluding: draft.itemRowID)
        case .history(let id): historyAfter = id
        case .item, .nothing: break
        }
        let outcome = try session.save(draft, stats: stats, historyAfter: historyAfter, preferring: preferred)
        let saved = SavedDecision(itemRowID: draft.itemRowID, kind: draft.kind, value: draft.value, replaced: outcome.replaced,
                                  guideVersion: draft.guideVersion)
        var next = outcome.next
        var context = outcome.nextHistoryID.map { ItemContext.history(annotationID: $0) } ?? .queue
        switch then {
        case .item(let rowID):
            next = try session.item(rowID: rowID)
            context = .jumped
        case .nothing:
            next = nil
            context = .jumped
        case .queue, .history:
            break
        }
        return navigate(next, context, decided: outcome.decided, cause: .saved(saved))
    }

    /// Saves each row of a confirmed screen (each in its own transaction) and answers with
    /// the next screenful.
    private func saveConfirmed(_ drafts: [DecisionInput], stats: KeystrokeStats) throws -> LabelerMessage {
        var saved = 0
        var decided: Int?
        do {
            for draft in drafts {
                decided = try session.save(draft, stats: stats).decided
                saved += 1
            }
        } catch {
            let reason = StoreFailure.sentence(for: error) ?? "\(error)"
            return .failed(EffectFailure(.confirm(saved: saved, of: drafts.count), reason))
        }
        let fixed = drafts.filter { $0.suggestionAccepted == false }.count
        return try confirmBatch(rows: drafts.count, saved: saved, fixed: fixed, decided: decided,
                                excluding: Set(drafts.map(\.itemRowID)))
    }

    /// The next screenful of the model's surest undecided items, claimed for the session.
    private func confirmBatch(rows: Int, saved: Int, fixed: Int, decided: Int?,
                              excluding: Set<Int64>) throws -> LabelerMessage {
        var suggested: [Int64: (Suggestion, String)] = [:]
        var order: [Int64] = []
        for (candidate, suggestion) in model?.confidentItems(rows * 2, excluding: excluding) ?? [] {
            guard case .label(let label) = suggestion.value, suggested[candidate.id] == nil else { continue }
            suggested[candidate.id] = (suggestion, label)
            order.append(candidate.id)
        }
        let found = try session.claimOpen(rowIDs: order, limit: rows, at: clock()).compactMap { item -> ConfirmRow? in
            guard let (suggestion, label) = suggested[item.rowID] else { return nil }
            return ConfirmRow(rowID: item.rowID, externalID: item.externalID, text: item.text, suggestion: suggestion,
                              label: label)
        }
        for row in found { model?.served(rowID: row.rowID) }
        return .confirmLoaded(ConfirmBatch(rows: found, saved: saved, fixed: fixed, decided: decided))
    }

    /// The model's picks for the order in use (empty for sequential order or no model).
    private func picks(excluding rowID: Int64? = nil) -> [Int64] {
        model?.picks(8, excluding: rowID.map { [$0] } ?? []) ?? []
    }

    private func navigate(_ item: StoredItem?, _ context: ItemContext, decided: Int? = nil,
                          cause: NavigationCause) -> LabelerMessage {
        .loaded(Navigation(item: item.map(LabelerItems.make), context: context, decided: decided, cause: cause, at: clock()))
    }

    public func takeMessages() -> [LabelerMessage] {
        var messages = store.take()
        if messages.contains(where: { if case .loaded = $0 { true } else { false } }) { itemShown() }
        for reply in model?.takeReplies() ?? [] {
            switch reply {
            case .suggestion(let rowID, let suggestion): messages.append(.suggested(rowID: rowID, suggestion))
            case .warmedUp: messages.append(.modelReady)
            case .failed(let message): messages.append(.failed(EffectFailure(.model, message)))
            }
        }
        if let job = statsJob, let result = job.take() {
            statsJob = nil
            switch result {
            case .success(let report): messages.append(.statsLoaded(report))
            case .failure(let error):
                messages.append(.failed(EffectFailure(.stats, StoreFailure.sentence(for: error) ?? "\(error)")))
            }
        }
        return messages
    }
}
