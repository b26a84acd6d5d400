import Foundation
import GlossClassifier
import GlossCore
import GlossStore
import GlossApp
import GlossTerminal

/// How a labeling run ended.
public enum LabelerExit: Sendable, Equatable {
    /// The annotator quit.
    case quit
    /// SIGINT, SIGTERM or SIGHUP arrived; the session was closed and the terminal restored.
    case interrupted(signal: Int32)
}

/// The runtime loop of the labeling screen: reads terminal events, runs `Labeler.update`,
/// performs its effects against the store (each decision committed in its own transaction
/// before the next frame), draws `Labeler.view` and times every key from read to flush.
public final class LabelerRuntime<Backend: TerminalBackend> {
    private let session: LabelingSession
    private let terminal: Backend
    private let launchedAt: Date
    private let clock: () -> Date
    private var state: LabelerState
    private var timings = KeyTimings()
    private var exit: LabelerExit?
    /// The model worker (nil: no model; suggestions and pool orders are off).
    private let assistant: ModelWorker?
    /// The item whose suggestion was asked for and has not come yet.
    private var awaitedSuggestion: Int64?
    private var warmedUp = false
    /// A fixed list walked instead of the queue (nil: the queue).
    private let browse: BrowseList?
    private var browsed = 0
    /// When the session's claims were last renewed, and the guide last checked.
    private var claimsRenewedAt: Date
    private var guideCheckedAt = Date.distantPast
    /// The `:stats` dashboard being computed.
    private var statsJob: StatsJob?
    /// How often activity renews the claims.
    static var renewEvery: TimeInterval { 60 }
    /// How often the store is asked whether a newer guide was published.
    public var guideCheckInterval: TimeInterval = 2

    /// `launchedAt` is when the process started (for the first-draw time stored on the
    /// session); `clock` gives the times stored with decisions.
    public init(session: LabelingSession, terminal: Backend, colors: Bool, launchedAt: Date = Date(),
                clock: @escaping () -> Date = Date.init, assistant: ModelWorker? = nil, order: ItemOrder = .sequential,
                browse: BrowseList? = nil) {
        self.session = session
        self.terminal = terminal
        self.assistant = browse == nil ? assistant : nil
        self.browse = browse
        self.launchedAt = launchedAt
        self.clock = clock
        claimsRenewedAt = clock()
        let size = terminal.size
        state = LabelerState(project: session.project, guide: session.guide, guideVersion: session.guideVersion,
                             annotator: session.annotator, width: size.width, height: size.height,
                             decided: session.decided, total: session.total, now: clock(), colors: colors,
                             order: assistant == nil ? .sequential : order)
        state.listName = browse?.name
    }

    /// The key timings so far, as stored on the session row.
    public var stats: KeystrokeStats {
        KeystrokeStats(keystrokes: timings.count, p50Milliseconds: timings.percentile(0.5),
                       p99Milliseconds: timings.percentile(0.99), maxMilliseconds: timings.count > 0 ? timings.maxMilliseconds : nil)
    }

    /// Runs until the annotator quits or a signal arrives. The terminal must be started
    /// (see `withTerminal`). Store errors on saves are shown on the status line; other
    /// errors end the run and are thrown after the session row is closed.
    public func run() throws -> LabelerExit {
        assistant?.start()
        defer { assistant?.stop() }
        do {
            let exit = try loop()
            let reason: String
            switch exit {
            case .quit: reason = "quit"
            case .interrupted(let signal): reason = "signal \(signal)"
            }
            try session.finish(reason: reason, stats: stats, peakRSSKilobytes: PeakMemory.kilobytes(), at: clock())
            return exit
        } catch {
            try? session.finish(reason: "error: \(error)", stats: stats, peakRSSKilobytes: PeakMemory.kilobytes(), at: clock())
            throw error
        }
    }

    private func loop() throws -> LabelerExit {
        let start = clock()
        _ = try? session.checkGuide()  // the baseline: later polls report only newer versions
        guideCheckedAt = Date()
        if browse != nil {
            dispatch(try nextBrowsed())
        } else {
            let head = try nextItem()
            let resumed = session.decided > 0 && head != nil ? "resumed: \(session.decided) of \(session.total) decided" : ""
            dispatch(.loaded(Navigation(item: head.map(RuntimeText.labelerItem), context: .queue, decided: session.decided,
                                        status: StatusLine(resumed), at: start)))
        }
        terminal.draw(Labeler.view(state))
        try session.record(stats: stats, firstDrawMilliseconds: Date().timeIntervalSince(launchedAt) * 1000)
        while exit == nil {
            // Poll soon while the model owes an answer the screen shows; else sleep.
            let waiting = statsJob != nil || assistant != nil && (awaitedSuggestion != nil || !warmedUp)
            let event = terminal.nextEvent(timeout: waiting ? .milliseconds(5) : .milliseconds(Int64(max(guideCheckInterval, 0.05) * 1000)))
            let began = ContinuousClock.now
            switch event {
            case .key(let key):
                renewClaimsIfDue()
                dispatch(.key(key, at: clock()))
                if exit == nil { terminal.draw(Labeler.view(state)) }  // no frame for a screen about to go
                let elapsed = ContinuousClock.now - began
                timings.record(milliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            case .resize(let width, let height):
                dispatch(.resize(width: width, height: height))
                terminal.draw(Labeler.view(state))
            case .interrupted(let signal):
                return .interrupted(signal: signal)
            case .timeout:
                if !waiting || collectReplies() == 0 {
                    dispatch(.tick(clock()))
                }
                _ = checkGuideIfDue()
                _ = collectStats()
                if exit == nil { terminal.draw(Labeler.view(state)) }
                continue
            }
            if exit == nil, collectReplies() > 0 { terminal.draw(Labeler.view(state)) }
            if exit == nil, checkGuideIfDue() || collectStats() { terminal.draw(Labeler.view(state)) }
        }
        return exit ?? .quit
    }

    /// Keeps the item on screen leased while the annotator is active (a write at most once
    /// a minute); a screen left idle lets its claims expire after the lease.
    private func renewClaimsIfDue() {
        let now = clock()
        guard now.timeIntervalSince(claimsRenewedAt) >= Self.renewEvery else { return }
        claimsRenewedAt = now
        try? session.renewClaims(at: now)
    }

    /// Feeds a finished `:stats` computation to `update`; true when one finished.
    private func collectStats() -> Bool {
        guard let job = statsJob, let result = job.take() else { return false }
        statsJob = nil
        switch result {
        case .success(let report): dispatch(.statsLoaded(report))
        case .failure(let error): dispatch(.failed("no statistics: " + (StoreFailure.sentence(for: error) ?? "\(error)")))
        }
        return true
    }

    /// Polls for a newly published guide version (`PRAGMA data_version` first, so an
    /// unchanged store costs one pragma); true when the screen changed.
    private func checkGuideIfDue() -> Bool {
        guard browse == nil, Date().timeIntervalSince(guideCheckedAt) >= guideCheckInterval else { return false }
        guideCheckedAt = Date()
        guard let update = try? session.checkGuide() else { return false }
        var text = "guide v\(update.version) by \(update.author)"
        if !update.message.isEmpty { text += ": " + update.message }
        if !update.changes.isEmpty { text += " · " + update.changes.joined(separator: " · ") }
        dispatch(.guideChanged(GuideBanner(guide: update.guide, version: update.version, text: text)))
        return true
    }

    /// Feeds the model worker's replies to `update`; returns how many changed the screen.
    private func collectReplies() -> Int {
        guard let assistant else { return 0 }
        var shown = 0
        for reply in assistant.takeReplies() {
            switch reply {
            case .suggestion(let rowID, let suggestion):
                if awaitedSuggestion == rowID { awaitedSuggestion = nil }
                dispatch(.suggested(rowID: rowID, suggestion))
                shown += 1
            case .warmedUp:
                warmedUp = true
                if let item = state.item { ask(item) }  // now with what it learned
            case .failed(let message):
                warmedUp = true
                dispatch(.failed(message))
                shown += 1
            }
        }
        return shown
    }

    /// Asks the worker for the suggestion of the item coming on screen.
    private func ask(_ item: LabelerItem) {
        guard let assistant else { return }
        assistant.served(rowID: item.rowID)
        assistant.score(rowID: item.rowID, text: item.text)
        awaitedSuggestion = item.rowID
    }

    /// The worker's picks for the order in use (empty for sequential or history).
    private var picks: [Int64] {
        guard let assistant, state.order.usesPool else { return [] }
        return assistant.picks(8, excluding: state.item.map { [$0.rowID] } ?? [])
    }

    /// The next item of the order in use (the worker's first open pick, else the queue),
    /// claimed for this session.
    private func nextItem() throws -> StoredItem? {
        try session.nextItem(preferring: picks, at: clock())
    }

    /// Runs `message` through `update`, then every effect it asks for, feeding each reply back.
    private func dispatch(_ message: LabelerMessage) {
        var pending = [message]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            if case .loaded(let navigation) = next, let item = navigation.item { ask(item) }
            let effects = Labeler.update(&state, next)
            for effect in effects {
                if let reply = perform(effect) { pending.append(reply) }
            }
        }
    }

    private func perform(_ effect: LabelerEffect) -> LabelerMessage? {
        do {
            switch effect {
            case .save(let draft): return try save(draft)
            case .undo:
                guard let item = try session.undoLast(stats: stats, at: clock()) else { return .failed("nothing to undo") }
                let what = item.decision.map { "restored " + RuntimeText.describe($0.kind, $0.value) } ?? "undecided again"
                return navigate(item, item.decision == nil ? .queue : .jumped, status: "undone · #\(item.externalID) \(what)")
            case .historyBack(let before):
                guard let (id, item) = try session.history(before: before) else {
                    return .failed(before == nil ? "no decisions yet" : "this is your oldest decision")
                }
                return navigate(item, .history(annotationID: id), status: "your earlier decision · [ older · ] newer · Esc the queue")
            case .historyForward(let after):
                if let (id, item) = try session.history(after: after) {
                    return navigate(item, .history(annotationID: id), status: "your earlier decision · [ older · ] newer · Esc the queue")
                }
                return navigate(try nextItem(), .queue, status: "back at the queue")
            case .search(let query, let after):
                guard let item = try session.search(query, after: after) else { return .failed("no item contains \"\(query)\"") }
                return navigate(item, .jumped, status: "found \"\(query)\" in #\(item.externalID) · / again for the next")
            case .goto(let id):
                guard let item = try session.item(externalID: id) else { return .failed("no item has the id \"\(id)\" in this dataset") }
                return navigate(item, .jumped, status: "#\(item.externalID)")
            case .next:
                if browse != nil { return try nextBrowsed() }
                return navigate(try nextItem(), .queue, status: "")
            case .quit:
                exit = .quit
                return nil
            case .setOrder(let order):
                guard let assistant else { return .failed("no model in this session: items come in sequential order") }
                assistant.setOrder(order)
                return nil
            case .openConfirm(let rows):
                return try confirmBatch(rows: rows, saved: 0, fixed: 0)
            case .saveConfirmed(let drafts):
                return try saveConfirmed(drafts)
            case .loadStats:
                statsJob = StatsJob(load: session.statsLoader())
                return nil
            }
        } catch let error as LabelingError {
            // The item went to others while this screen sat idle: show the next one.
            let next = try? nextItem()
            return .loaded(Navigation(item: next.flatMap { $0 }.map(RuntimeText.labelerItem), context: .queue, decided: session.decided,
                                      status: StatusLine("not saved: \(error)", isError: true), at: clock()))
        } catch {
            let reason = StoreFailure.sentence(for: error) ?? "\(error)"
            switch effect {
            case .save, .saveConfirmed: return .failed("not saved: \(reason)")
            case .undo: return .failed("not undone: \(reason)")
            default: return .failed(reason)
            }
        }
    }

    private func save(_ draft: DecisionInput) throws -> LabelerMessage {
        var historyAfter: Int64?
        if case .history(let id) = state.context { historyAfter = id }
        let outcome = try session.save(draft, stats: stats, historyAfter: historyAfter, preferring: historyAfter == nil ? picks : [])
        if let item = state.item, item.rowID == draft.itemRowID, draft.kind == .label, let value = draft.value {
            assistant?.learn(text: item.text, value: value, rowID: item.rowID)
        }
        let savedID = state.item?.externalID ?? "?"
        let status = "saved #\(savedID) · " + RuntimeText.describe(draft.kind, draft.value) + (outcome.replaced ? " (changed)" : "")
        if browse != nil, historyAfter == nil { return try nextBrowsed(saved: status) }
        let context = outcome.nextHistoryID.map { ItemContext.history(annotationID: $0) } ?? .queue
        return .loaded(Navigation(item: outcome.next.map(RuntimeText.labelerItem), context: context, decided: outcome.decided,
                                  savedDecision: true, status: StatusLine(status), at: clock()))
    }

    /// The next entry of the browse list, with the model's prediction as its suggestion.
    private func nextBrowsed(saved: String? = nil) throws -> LabelerMessage {
        guard let browse else { return .failed("no list to browse") }
        while browsed < browse.entries.count {
            let entry = browse.entries[browsed]
            browsed += 1
            guard let stored = try session.item(rowID: entry.rowID) else { continue }
            var item = RuntimeText.labelerItem(stored)
            item.suggestion = entry.prediction
            let position = "\(browsed) of \(browse.entries.count) \(browse.name)"
            let status = [saved, position, entry.note].compactMap { $0 }.joined(separator: " · ")
            return .loaded(Navigation(item: item, context: .jumped, decided: session.decided, savedDecision: saved != nil,
                                      status: StatusLine(status), at: clock()))
        }
        let end = [saved, "the end of the \(browse.name) list (\(browse.entries.count) items) · q quits"].compactMap { $0 }
        return .loaded(Navigation(item: nil, context: .jumped, decided: session.decided, savedDecision: saved != nil,
                                  status: StatusLine(end.joined(separator: " · ")), at: clock()))
    }

    /// Saves each row of a confirmed screen (each in its own transaction), teaches the
    /// model, and answers with the next screenful.
    private func saveConfirmed(_ drafts: [DecisionInput]) throws -> LabelerMessage {
        guard case .confirm(let list) = state.mode else { return .failed("confirm mode is closed") }
        let texts = Dictionary(list.rows.map { ($0.rowID, $0.text) }, uniquingKeysWith: { a, _ in a })
        var saved = 0
        do {
            for draft in drafts {
                try session.save(draft, stats: stats)
                saved += 1
                if let text = texts[draft.itemRowID], let value = draft.value {
                    assistant?.learn(text: text, value: value, rowID: draft.itemRowID)
                }
            }
        } catch {
            let reason = StoreFailure.sentence(for: error) ?? "\(error)"
            return .failed("not saved: \(reason) (\(saved) of \(drafts.count) rows were saved)")
        }
        let fixed = drafts.filter { $0.suggestionAccepted == false }.count
        return try confirmBatch(rows: list.rows.count, saved: saved, fixed: fixed, excluding: Set(texts.keys))
    }

    /// The next screenful of the model's surest undecided items.
    private func confirmBatch(rows: Int, saved: Int, fixed: Int, excluding: Set<Int64> = []) throws -> LabelerMessage {
        guard let assistant else { return .failed("no model in this session: confirm mode needs one") }
        var suggested: [Int64: (Suggestion, String)] = [:]
        var order: [Int64] = []
        for (candidate, suggestion) in assistant.confidentItems(rows * 2, excluding: excluding) {
            guard case .label(let label) = suggestion.value, suggested[candidate.id] == nil else { continue }
            suggested[candidate.id] = (suggestion, label)
            order.append(candidate.id)
        }
        let found = try session.claimOpen(rowIDs: order, limit: rows, at: clock()).compactMap { item -> ConfirmRow? in
            guard let (suggestion, label) = suggested[item.rowID] else { return nil }
            return ConfirmRow(rowID: item.rowID, externalID: item.externalID, text: item.text, suggestion: suggestion, label: label)
        }
        for row in found { assistant.served(rowID: row.rowID) }
        let done = saved > 0 ? "confirmed \(saved) (\(fixed) fixed)" : ""
        let status: String
        if found.isEmpty {
            status = [done, "no more items to confirm yet"].filter { !$0.isEmpty }.joined(separator: " · ")
        } else {
            status = [done, "↑↓ move · a label key fixes the row · Enter confirms the screen · Esc back"]
                .filter { !$0.isEmpty }.joined(separator: " · ")
        }
        return .confirmLoaded(ConfirmBatch(rows: found, saved: saved, decided: session.decided, status: StatusLine(status)))
    }

    private func navigate(_ item: StoredItem?, _ context: ItemContext, status: String) -> LabelerMessage {
        .loaded(Navigation(item: item.map(RuntimeText.labelerItem), context: context, decided: session.decided,
                           status: StatusLine(status), at: clock()))
    }
}

/// Conversions between the store's records and the labeler's.
enum RuntimeText {
    static func describe(_ kind: AnnotationKind, _ value: AnnotationValue?) -> String {
        switch kind {
        case .label: value?.summary ?? "label"
        case .skip: "skipped"
        case .flag: "flagged for review"
        }
    }

    static func labelerItem(_ item: StoredItem) -> LabelerItem {
        LabelerItem(rowID: item.rowID, externalID: item.externalID, text: item.text, metadata: item.metadata,
                    existing: item.decision.map {
                        ExistingDecision(annotationID: $0.annotationID, kind: $0.kind, value: $0.value, comment: $0.comment)
                    },
                    suggestion: item.suggestion.map {
                        Suggestion(value: $0.value, confidence: $0.score ?? 0, source: $0.source, scored: $0.score != nil)
                    })
    }
}
