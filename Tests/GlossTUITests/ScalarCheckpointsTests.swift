import Testing
@testable import GlossTUI

@Suite("Scalar checkpoints: the index of any scalar of a long text")
struct ScalarCheckpointsTests {
    @Test(arguments: [0, 1, 1_023, 1_024, 1_025, 5_000])
    func everyOffsetGivesTheIndexAWalkFromTheStartGives(length: Int) {
        let pieces = ["a", "é", "삼", "👍🏽", "\r\n", " "]
        var text = ""
        var scalars = 0
        var i = 0
        while scalars < length {
            let piece = pieces[i % pieces.count]
            text += piece
            scalars += piece.unicodeScalars.count
            i += 1
        }
        let checkpoints = ScalarCheckpoints(text: text)
        let view = text.unicodeScalars
        let total = view.count
        for offset in Set([0, 1, total / 2, max(0, total - 1), total, 1_023, 1_024, 2_049]) where offset <= total {
            #expect(checkpoints.index(ofScalar: offset, in: text) == view.index(view.startIndex, offsetBy: offset),
                    "offset \(offset) of \(total)")
        }
        #expect(checkpoints.index(ofScalar: total + 1, in: text) == nil)
        #expect(checkpoints.index(ofScalar: -1, in: text) == nil)
    }

    @Test func aPageDeepInALongLineDrawsTheTextAtItsOffsets() {
        let text = String(repeating: "word ", count: 12_000)
        let lines = ItemTextWrapper.wrap(text, width: 60)
        let deep = Array(lines[900..<905])
        let units = Labeler.visibleUnits(of: text, lines: deep, checkpoints: ScalarCheckpoints(text: text))
        for (line, lineUnits) in zip(deep, units) {
            #expect(lineUnits.map(\.text).joined() == line.text)
        }
    }
}
