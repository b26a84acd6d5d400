@testable import GlossTerminal
import GlossTestSupport
import Glibc
import Testing

@Test func fakeTerminalReplaysEventsThenTimesOut() {
    let terminal = FakeTerminal(width: 20, height: 5, events: [.key(.down), .resize(width: 30, height: 8), .interrupted(signal: 15)])
    terminal.type("aㅎ")
    #expect(terminal.nextEvent(timeout: nil) == .key(.down))
    #expect(terminal.size == (20, 5))
    #expect(terminal.nextEvent(timeout: .seconds(1)) == .resize(width: 30, height: 8))
    #expect(terminal.size == (30, 8))
    #expect(terminal.nextEvent(timeout: nil) == .interrupted(signal: 15))
    #expect(terminal.nextEvent(timeout: nil) == .key(.character("a")))
    #expect(terminal.nextEvent(timeout: nil) == .key(.character("ㅎ")))
    #expect(terminal.nextEvent(timeout: .milliseconds(5)) == .timeout)
    #expect(terminal.requestedTimeouts.count == 6)
    #expect(terminal.requestedTimeouts[1] == .seconds(1))
}

@Test func fakeTerminalRecordsFrames() throws {
    let terminal = FakeTerminal(width: 10, height: 2, keys: [.character("q")])
    try terminal.start()
    var frame = Screen(width: 10, height: 2)
    frame.put("first", x: 0, y: 0)
    terminal.draw(frame)
    frame.put("second", x: 0, y: 1)
    terminal.draw(frame)
    terminal.stop()
    #expect(terminal.frames.map(\.plainText) == ["first\n", "first\nsecond"])
    #expect(terminal.lastFrame == frame)
    #expect(terminal.framesDrawnWhileStopped == 0)
    terminal.draw(frame)
    #expect(terminal.framesDrawnWhileStopped == 1)
}

struct Boom: Error {}

@Test func withTerminalStopsWhenTheBodyThrows() {
    let terminal = FakeTerminal()
    #expect(throws: Boom.self) {
        try withTerminal(terminal) { terminal in
            #expect(terminal.isStarted)
            throw Boom()
        }
    }
    #expect(!terminal.isStarted)
    #expect(terminal.startCount == 1)
    #expect(terminal.stopCount == 1)
}

@Test func withTerminalDoesNotStopWhatDidNotStart() {
    let terminal = FakeTerminal()
    terminal.startError = TerminalError.notATerminal
    #expect(throws: TerminalError.notATerminal) {
        try withTerminal(terminal) { _ in Issue.record("the body must not run") }
    }
    #expect(terminal.stopCount == 0)
}

@Test func asyncWithTerminalReturnsAndStops() async throws {
    let terminal = FakeTerminal(keys: [.enter])
    let event = try await withTerminal(terminal) { terminal in
        await Task.yield()
        return terminal.nextEvent(timeout: nil)
    }
    #expect(event == .key(.enter))
    #expect(terminal.stopCount == 1)
}

@Test func terminalErrorsAreSentences() {
    #expect(TerminalError.notATerminal.description.contains("needs a terminal"))
    #expect(TerminalError.unknownTerminalType("vt999").description.contains("\"vt999\""))
}

/// The real handler, without a terminal: a signal sent to this process is recorded and
/// taken once, and the previous action comes back on restore.
@Test func signalTrapRecordsASignal() {
    var trap = SignalTrap()
    let caught = trap.install()
    defer { trap.restore() }
    #expect(trap.isInstalled || caught.isEmpty)
    guard caught.contains(SIGHUP) else { return }  // SIGHUP ignored (nohup): nothing to test safely
    #expect(SignalTrap.takePending() == nil)
    raise(SIGHUP)  // to this thread, where install() unblocked it
    #expect(SignalTrap.takePending() == SIGHUP)
    #expect(SignalTrap.takePending() == nil)
    // A dropped SSH session can deliver SIGHUP twice: the process survives, one is reported.
    raise(SIGHUP)
    raise(SIGHUP)
    #expect(SignalTrap.takePending() == SIGHUP)
    #expect(SignalTrap.takePending() == nil)
}

@Test func ncursesTerminalWithoutATerminalThrows() throws {
    // Under `swift test` standard input is not a terminal, so start() must refuse
    // rather than let ncurses exit the process.
    guard isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 else { return }
    let terminal = NcursesTerminal()
    #expect(throws: TerminalError.notATerminal) { try terminal.start() }
    terminal.stop()  // harmless when never started
    #expect(terminal.nextEvent(timeout: .zero) == .timeout)
}
