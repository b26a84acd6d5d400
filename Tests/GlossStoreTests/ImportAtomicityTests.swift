import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

@Suite("Import errors, atomicity and idempotence")
struct ImportAtomicityTests {
    /// Imports `content` after a good batch and expects a failure at `line`, store unchanged.
    func expectRefused(_ content: String, name: String, line: Int, message: String, sourceFormat: ImportFormat? = nil) throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.importFiles([dir.write("good.jsonl", jsonLines(4))], into: "d")
        let before = try store.snapshot()
        let file = try dir.write(name, content)
        #expect {
            try store.importFiles([file], into: "d", format: sourceFormat)
        } throws: { error in
            guard let failure = error as? ImportFailure else { return false }
            let text = "\(failure)"
            return failure.error.line == line && text.contains(message) && text.contains(name) && text.contains("Nothing was imported")
        }
        #expect(try store.snapshot() == before)
        #expect(try store.importLog(dataset: "d").count == 1)
    }

    @Test func brokenJSONOnLineThree() throws {
        try expectRefused("{\"text\": \"one\"}\n{\"text\": \"two\"}\n{\"text\": \"three\" \"x\": 1}\n{\"text\": \"four\"}\n",
                          name: "bad.jsonl", line: 3, message: "bad.jsonl:3:18: invalid JSON")
    }

    @Test func missingAndNonStringText() throws {
        try expectRefused("{\"text\": \"ok\"}\n{\"body\": \"no text\"}\n", name: "m.jsonl", line: 2, message: "no \"text\" field")
        try expectRefused("{\"text\": 42}\n", name: "n.jsonl", line: 1, message: "must be a string, not a number")
    }

    @Test func invalidUTF8() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        var bytes = Array("{\"text\": \"fine\"}\n{\"text\": \"caf".utf8)
        bytes += [0xE9]  // Latin-1 é, invalid as UTF-8
        bytes += Array("\"}\n".utf8)
        let file = try dir.write("latin1.jsonl", bytes: bytes)
        #expect {
            try store.importFiles([file], into: "d")
        } throws: { error in
            (error as? ImportFailure)?.error.line == 2 && "\(error)".contains("invalid UTF-8")
        }
        #expect(try store.datasets().isEmpty)
    }

    @Test func raggedCSVRowAndEmptyText() throws {
        try expectRefused("id,text\n1,fine\n2,too,many\n", name: "r.csv", line: 3, message: "the row has 3 fields but the header has 2")
        try expectRefused("id,text\n1,fine\n2,\"  \"\n", name: "e.csv", line: 3, message: "is empty")
        try expectRefused("id,text\n1,\"open quote\n", name: "q.csv", line: 2, message: "never closed")
    }

    @Test func utf16IsRefusedWithAHint() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("text\nhello\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        #expect {
            try store.importFiles([dir.write("u16.txt", bytes: bytes)], into: "d")
        } throws: { "\($0)".contains("UTF-16") && "\($0)".contains("iconv") }
    }

    @Test func aFailingSecondFileUndoesTheFirst() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let good = try dir.write("good.jsonl", jsonLines(3))
        let bad = try dir.write("bad.jsonl", "{\"text\": \"ok\"}\nnot json\n")
        #expect(throws: ImportFailure.self) { try store.importFiles([good, bad], into: "d") }
        #expect(try store.datasets().isEmpty)
        #expect(try store.int("SELECT COUNT(*) FROM items") == 0)
    }

    @Test func skipInvalidImportsTheRestAndListsTheFirstTwenty() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        var lines: [String] = []
        for i in 1...50 { lines.append(i % 2 == 0 ? "{\"text\": \"good \(i)\"}" : "{broken \(i)") }
        let report = try store.importFiles([dir.write("mixed.jsonl", lines.joined(separator: "\n"))], into: "d", skipInvalid: true)
        #expect(report.added == 25)
        #expect(report.skipped == 25)
        #expect(report.skippedSamples.count == ImportReport.skippedSampleLimit)
        #expect(report.skippedSamples.first?.error.line == 1)
        #expect(report.skippedSamples.last?.error.line == 39)
        #expect(try store.importLog(dataset: "d").first?.skipped == 25)
    }

    @Test func skipInvalidStillStopsAtAFatalStructuralError() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        #expect(throws: ImportFailure.self) {
            try store.importFiles([dir.write("a.json", "[{\"text\": \"a\"}, {\"text\": \"b\"}")], into: "d", skipInvalid: true)
        }
        #expect(try store.datasets().isEmpty)
    }

    @Test func reimportAddsNothingAndRecordsNoBatch() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let file = try dir.write("r.jsonl", jsonLines(10))
        #expect(try store.importFiles([file], into: "d").added == 10)
        let again = try store.importFiles([file], into: "d")
        #expect(again.added == 0 && again.duplicates == 10)
        #expect(try store.importLog(dataset: "d").count == 1)
        #expect(try store.datasets().first?.items == 10)
    }

    @Test func duplicatesAreFoundAfterNormalization() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let report = try store.importFiles([dir.write("d.txt", "Caf\u{E9} au lait\n  Cafe\u{301}   au\tlait \nCAFÉ AU LAIT\n")], into: "d")
        #expect(report.added == 2)  // the second is the first in NFD with other spacing; case differs for the third
        #expect(report.duplicates == 1)
    }

    @Test func duplicatesAreConfirmedOnTheWholeTextEvenWithNULs() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let file = try dir.write("nul.jsonl", "{\"text\": \"before\\u0000after\"}\n{\"text\": \"before\\u0000other\"}\n")
        #expect(try store.importFiles([file], into: "d").added == 2)
        let again = try store.importFiles([file], into: "d")
        #expect(again.duplicates == 2 && again.added == 0 && again.skipped == 0)
        #expect(try store.texts("d").values.sorted() == ["before\u{0}after", "before\u{0}other"])
    }

    @Test func anIdTakenByAnotherTextIsRefusedOrSkipped() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.importFiles([dir.write("a.jsonl", "{\"id\": \"x\", \"text\": \"original\"}\n")], into: "d")
        let clash = try dir.write("b.jsonl", "{\"id\": \"y\", \"text\": \"new\"}\n{\"id\": \"x\", \"text\": \"edited\"}\n")
        #expect {
            try store.importFiles([clash], into: "d")
        } throws: { "\($0)".contains("b.jsonl:2: the id \"x\" is already used") }
        #expect(try store.texts("d") == ["x": "original"])
        let skipped = try store.importFiles([clash], into: "d", skipInvalid: true)
        #expect(skipped.added == 1 && skipped.skipped == 1)
        #expect(try store.texts("d") == ["x": "original", "y": "new"])
    }

    @Test func anEmptyInputIsAnError() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        #expect { try store.importFiles([dir.write("empty.jsonl", "\n\n")], into: "d") } throws: { "\($0)".contains("no records") }
        #expect(try store.datasets().isEmpty)
    }

    @Test func aWriterWaitsForAnotherProcessesLockInsteadOfFailing() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let file = try dir.write("r.jsonl", jsonLines(3))
        let other = try SQLiteWriteLock(path: dir.path("gloss.db"))
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { other.release() }
        #expect(try store.importFiles([file], into: "d").added == 3)
    }
}
