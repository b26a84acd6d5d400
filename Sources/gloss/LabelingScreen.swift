import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTerminal
import GlossTUI

/// Opens the labeler on a project in the terminal and prints what the session did.
enum LabelingScreen {
    static func run(database: GlossDatabase, project: String, annotator: String, noColor: Bool,
                    order: ItemOrder? = nil, model: Bool = true, browse: BrowseList? = nil,
                    lease: TimeInterval = LabelingSession.defaultLease) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        try NameRule.validate(annotator, what: "annotator", hint: "pass --as NAME")
        // NcursesTerminal honours NO_COLOR itself; --no-color turns colors off outright.
        let terminal = NcursesTerminal(colors: noColor ? false : nil)
        let options = LabelingRun.Options(annotator: annotator, order: order, model: model, browse: browse, lease: lease,
                                          launchedAt: Launch.time)
        let run = try LabelingRun(database: database, project: project, options: options, terminalSize: terminal.size)
        let summary = try withTerminal(terminal) { try run.run(on: $0, colors: $0.drawsColors) }
        print(summary.line(annotator: annotator, project: project))
        if let unsaved = summary.unsaved {
            FileHandle.standardError.write(Data("gloss: the decision being saved when the labeler closed (\(unsaved)) was not saved: the store was still busy.\n".utf8))
        }
        if case .interrupted(let signal) = summary.exit {
            FileHandle.standardError.write(Data("gloss: stopped by signal \(signal); every decision shown as saved is stored.\n".utf8))
            Foundation.exit(128 + signal)
        }
    }
}

/// When the process started: `GLOSS_LAUNCHED_AT` (nanoseconds since 1970, set by a
/// benchmark right before exec) or the first use of this value in `main`.
enum Launch {
    nonisolated(unsafe) static var time = Date()

    static func mark() {
        if let value = ProcessInfo.processInfo.environment["GLOSS_LAUNCHED_AT"], let ns = Double(value) {
            time = Date(timeIntervalSince1970: ns / 1e9)
        } else {
            time = Date()
        }
    }
}
