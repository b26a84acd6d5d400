@testable import GlossTerminal
import Testing

private func screen(_ rows: [String], width: Int = 6) -> Screen {
    var screen = Screen(width: width, height: rows.count)
    for (y, row) in rows.enumerated() { screen.put(row, x: 0, y: y) }
    return screen
}

private func texts(_ runs: [Screen.Run]) -> [String] {
    runs.map { run in "\(run.x),\(run.y):" + run.cells.map { $0.isContinuation ? "+" : $0.text }.joined() }
}

@Test func withoutAnOldScreenEverythingIsSent() {
    let new = screen(["ab", "c"], width: 3)
    #expect(texts(Screen.diff(from: nil, to: new)) == ["0,0:ab ", "0,1:c  "])
}

@Test func anOldScreenOfAnotherSizeCountsAsNone() {
    let new = screen(["ab"], width: 3)
    #expect(texts(Screen.diff(from: screen(["ab"], width: 4), to: new)) == ["0,0:ab "])
    #expect(texts(Screen.diff(from: screen(["ab", ""], width: 3), to: new)) == ["0,0:ab "])
}

@Test func identicalScreensHaveNoChanges() {
    let frame = screen(["hello", "한국"])
    #expect(Screen.diff(from: frame, to: frame).isEmpty)
}

@Test func onlyChangedCellsAreSent() {
    let old = screen(["hello", "world", "same"])
    let new = screen(["jello", "wordy", "same"])
    #expect(texts(Screen.diff(from: old, to: new)) == ["0,0:j", "3,1:dy"])
}

@Test func separateChangesOnARowAreSeparateRuns() {
    #expect(texts(Screen.diff(from: screen(["abcdef"]), to: screen(["xbcdey"]))) == ["0,0:x", "5,0:y"])
}

@Test func aStyleChangeAloneIsAChange() {
    let old = screen(["abc"])
    var new = old
    new.put("b", x: 1, y: 0, style: CellStyle(bold: true))
    let runs = Screen.diff(from: old, to: new)
    #expect(texts(runs) == ["1,0:b"])
    #expect(runs.first?.cells.first?.style.bold == true)
}

@Test func wideCharactersAreSentWhole() {
    // A narrow pair becomes one wide character: both of its cells.
    #expect(texts(Screen.diff(from: screen(["ab"]), to: screen(["한"]))) == ["0,0:한+"])
    // A wide character restyled: both cells, though only the leader's text is written.
    let old = screen(["x한y"])
    var new = old
    new.put("한", x: 1, y: 0, style: CellStyle(foreground: .red))
    #expect(texts(Screen.diff(from: old, to: new)) == ["1,0:한+"])
}

@Test func replacingHalfAWideCharacterSendsBothCells() {
    let old = screen(["한국"])
    var new = old
    new.put("x", x: 1, y: 0)  // 한 is broken: its leader turns blank
    #expect(texts(Screen.diff(from: old, to: new)) == ["0,0: x"])
    var shifted = old
    shifted.put(" 한", x: 0, y: 0)  // 한 moves right by one, over 국's first half
    #expect(texts(Screen.diff(from: old, to: shifted)) == ["0,0: 한+ "])
}

@Test func drawPlanSkipsContinuationsAndBlanksBehindWideCharacters() {
    let frame = screen(["a한b"])
    let writes = DrawPlan.writes(from: nil, to: frame, columns: 80, rows: 24)
    let shown = writes.map { "\($0.x):" + String(String.UnicodeScalarView($0.scalars)) }
    #expect(shown == ["0:a", "2: ", "1:한", "3:b", "4: ", "5: "])
}

@Test func drawPlanClipsToTheTerminal() {
    let frame = screen(["ab한", "cd"], width: 4)
    let writes = DrawPlan.writes(from: nil, to: frame, columns: 3, rows: 1)
    // Row 1 is below the terminal; 한 at column 2 is cut by its right edge: a space.
    #expect(writes.map { "\($0.x),\($0.y):" + String(String.UnicodeScalarView($0.scalars)) } == ["0,0:a", "1,0:b", "2,0: "])
}

@Test func drawPlanDropsControlsAndCutsToWhatNcursesHolds() {
    let hostile = Cell(text: "\u{1B}x\u{9B}", width: 1, style: .plain)
    #expect(DrawPlan.scalars(of: hostile) == ["x"])
    #expect(DrawPlan.scalars(of: Cell(text: "\u{7}", width: 1, style: .plain)) == [" "])
    let long = Cell(text: "a" + String(repeating: "\u{301}", count: 9), width: 1, style: .plain)
    #expect(DrawPlan.scalars(of: long).count == 5)
    let family = Cell(text: "👨\u{200D}👩\u{200D}👧", width: 2, style: .plain)
    #expect(DrawPlan.scalars(of: family) == ["👨"])
    let heart = Cell(text: "❤\u{FE0F}", width: 2, style: .plain)
    #expect(DrawPlan.scalars(of: heart) == ["❤", "\u{FE0F}"])
    let accented = Cell(text: "e\u{301}\u{200B}", width: 1, style: .plain)
    #expect(DrawPlan.scalars(of: accented) == ["e", "\u{301}", "\u{200B}"])
}

@Test func colorPairsAreAllocatedOnDemandAndReused() {
    var palette = ColorPalette(hasDefaultColors: true, colorCount: 256, pairLimit: 3)
    var defined: [[Int16]] = []
    let define = { (pair: Int16, fg: Int16, bg: Int16) in defined.append([pair, fg, bg]) }
    #expect(palette.pair(for: .plain, define: define) == 0)
    #expect(palette.pair(for: CellStyle(foreground: .red, bold: true), define: define) == 1)
    #expect(palette.pair(for: CellStyle(foreground: .red), define: define) == 1)
    #expect(palette.pair(for: CellStyle(foreground: .gray, background: .blue), define: define) == 2)
    #expect(palette.pair(for: CellStyle(foreground: .green), define: define) == 0)  // out of pairs
    #expect(defined == [[1, 1, -1], [2, 8, 4]])
}

@Test func colorsWithoutDefaultsOrSixteenColors() {
    let palette = ColorPalette(hasDefaultColors: false, colorCount: 8, pairLimit: 64)
    #expect(palette.number(of: .gray, fallback: 0) == 7)
    #expect(palette.number(of: nil, fallback: 0) == 0)
    #expect(palette.number(of: .magenta, fallback: 0) == 5)
}
