import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import Testing
@testable import GlossTUI

// Shared pieces of the `Labeler.update` tests: a harness that loads an item from a guide
// file and feeds it keys on a clock, and table rows that describe key sequences and the
// effects they must give.

/// The time items come on screen in these tests.
let loadTime = Date(timeIntervalSince1970: 1_700_000_000)

/// A guide of `guides/`, parsed.
func sampleGuide(_ file: String) throws -> Guide {
    // A guide of guides/, else of Tests/Fixtures (the pairwise guide without questions).
    let path = FileManager.default.fileExists(atPath: Samples.guide(file)) ? Samples.guide(file) : Samples.fixture(file)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try #require(GuideParser.lint(text).guide)
}

/// An item as the runtime would load it.
func sampleItem(
    _ text: String = "A warm, funny film that earns its ending.", row: Int64 = 7,
    existing: ExistingDecision? = nil, suggestion: AnnotationValue? = nil
) -> LabelerItem {
    LabelerItem(
        rowID: row, externalID: "r\(row)", text: text, existing: existing,
        suggestion: suggestion.map { Suggestion(value: $0, confidence: 0.9) }
    )
}

/// A state with `item` loaded at `loadTime`, fed keys on a clock that advances before
/// each key.
struct Harness {
    var state: LabelerState
    var clock: Date

    init(_ guideFile: String, item: LabelerItem?, context: ItemContext = .queue,
         total: Int = 10, width: Int = 100, height: Int = 30) throws {
        let guide = try sampleGuide(guideFile)
        state = LabelerState(project: "demo", guide: guide, guideVersion: 1, annotator: "ann",
                             width: width, height: height, decided: 3, total: total,
                             now: loadTime.addingTimeInterval(-100), answer: TaskKinds.kind(for: guide.task).answer)
        clock = loadTime
        let effects = Labeler.update(&state, .loaded(Navigation(item: item, context: context, decided: 3, at: loadTime)))
        #expect(effects.isEmpty)
    }

    /// Sends a message as it is.
    @discardableResult
    mutating func send(_ message: LabelerMessage) -> [LabelerEffect] {
        Labeler.update(&state, message)
    }

    /// Presses `key` `after` seconds after the previous key (or the load). The store is
    /// taken to answer before the next key, as a quick one does: no wait outlasts the key.
    @discardableResult
    mutating func press(_ key: Key, after seconds: TimeInterval = 1) -> [LabelerEffect] {
        clock = clock.addingTimeInterval(seconds)
        defer { state.waiting = nil }
        return Labeler.update(&state, .key(key, at: clock))
    }

    /// Presses each key one second apart; returns every effect in order.
    @discardableResult
    mutating func press(_ first: Key, _ second: Key, _ rest: Key...) -> [LabelerEffect] {
        run(([first, second] + rest).map { Step($0) })
    }

    /// Types `text` one character a second.
    @discardableResult
    mutating func type(_ text: String) -> [LabelerEffect] {
        run(text.map { Step(.character($0)) })
    }

    /// Runs `steps`; returns every effect in order.
    @discardableResult
    mutating func run(_ steps: [Step]) -> [LabelerEffect] {
        steps.flatMap { press($0.key, after: $0.after) }
    }

    /// The status line's text.
    var status: String { state.status.text }
}

/// One key, `after` seconds after the previous one.
struct Step: Sendable, Equatable {
    var key: Key
    var after: TimeInterval
    init(_ key: Key, after: TimeInterval = 1) {
        self.key = key
        self.after = after
    }
}

/// Keys one second apart: characters of `text` as `.character` keys.
func typed(_ text: String) -> [Step] { text.map { Step(.character($0)) } }
/// Named keys one second apart.
func keys(_ keys: Key...) -> [Step] { keys.map { Step($0) } }

/// A decision a row expects to be saved; the item, its suggestion, the shown-at time
/// (`loadTime`) and the decided-at time (the last step's) come from the row.
struct Saved: Sendable {
    var kind: AnnotationKind = .label
    var value: AnnotationValue?
    var note: String?
    var comment: String?
    var keystrokes: Int
    var activeMilliseconds: Int
    var accepted: Bool?
    var replaces: Int64?

    static func label(_ value: AnnotationValue, keys: Int, ms: Int, accepted: Bool? = nil,
                      replaces: Int64? = nil, comment: String? = nil) -> Saved {
        Saved(kind: .label, value: value, comment: comment, keystrokes: keys, activeMilliseconds: ms,
              accepted: accepted, replaces: replaces)
    }

    /// The draft under the harness's guide, version 1.
    func draft(item: LabelerItem, decidedAt: Date) -> DecisionInput {
        DecisionInput(itemRowID: item.rowID, kind: kind, value: value, note: note, comment: comment, guideVersion: 1,
                      shownAt: loadTime, decidedAt: decidedAt, activeMilliseconds: activeMilliseconds,
                      keystrokes: keystrokes, suggestion: item.suggestion?.value,
                      suggestionAccepted: accepted, replaces: replaces)
    }
}

/// An effect a row expects.
enum Expected: Sendable {
    case save(Saved)
    case effect(LabelerEffect)
}

/// A table row: an item, keys, and the effects, status and mode they must leave.
struct UpdateCase: Sendable, CustomTestStringConvertible {
    var name: String
    var item: LabelerItem
    var context: ItemContext = .queue
    var steps: [Step]
    var effects: [Expected]
    /// The status line text expected at the end (not checked when nil).
    var status: String?
    var statusIsError: Bool?
    /// Multilabel: the selection expected at the end (not checked when nil).
    var selected: [String]?
    /// Spans: the editor's spans expected at the end (not checked when nil).
    var spans: [LabeledRange]?
    var mode: LabelerMode = .labeling

    var testDescription: String { name }

    /// Runs the row against `guideFile` and checks everything it expects.
    func check(_ guideFile: String) throws {
        var harness = try Harness(guideFile, item: item, context: context)
        let effects = harness.run(steps)
        let decidedAt = loadTime.addingTimeInterval(steps.map(\.after).reduce(0, +))
        let expected: [LabelerEffect] = self.effects.map {
            switch $0 {
            case .save(let saved): .save(saved.draft(item: item, decidedAt: decidedAt))
            case .effect(let effect): effect
            }
        }
        #expect(effects == expected, "\(name)")
        if let status { #expect(harness.status == status, "\(name)") }
        if let statusIsError { #expect(harness.state.status.isError == statusIsError, "\(name)") }
        if let selected { #expect(harness.state.selectedLabels == selected, "\(name)") }
        if let spans { #expect(harness.state.spanEditor?.spans == spans, "\(name)") }
        #expect(harness.state.mode == mode, "\(name)")
        #expect(harness.state.keystrokes == steps.count, "\(name): every key counts")
    }
}
