import Foundation
import GlossClassifier
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
        let size = terminal.size
        let stored = try database.project(named: project).itemOrder
        let order: ItemOrder = model ? order ?? stored : .sequential
        let session = try LabelingSession.start(
            database: database, project: project, annotator: annotator, host: HostName.current,
            terminalWidth: size.width, terminalHeight: size.height, order: browse?.name ?? order.rawValue, lease: lease)
        let assistant = model && browse == nil
            ? ModelWorker(model: LabelModels.make(for: session.guide), feed: try session.sampler(), order: order) : nil
        let exit = try withTerminal(terminal) { terminal in
            try LabelerRuntime(session: session, terminal: terminal, colors: terminal.drawsColors,
                               launchedAt: Launch.time, assistant: assistant, order: order, browse: browse).run()
        }
        let c = session.counts
        let parts = [("label", c.labels), ("skip", c.skips), ("flag", c.flags), ("change", c.changes), ("undo", c.undos)]
            .filter { $0.1 > 0 }.map { "\($0.1) \($0.0)\($0.1 == 1 ? "" : "s")" }
        print("Session \(session.sessionID) of \(annotator) on \(project): " + (parts.isEmpty ? "no decisions" : parts.joined(separator: ", "))
              + "; \(session.decided) of \(session.total) items decided.")
        if case .interrupted(let signal) = exit {
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
