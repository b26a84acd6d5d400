import Foundation
import GlossCore
import Testing
@testable import GlossApp

@Suite("An export's formatting thread")
struct FormattingThreadTests {
    static func record(_ n: Int) -> ExportRecord {
        ExportRecord(rowID: Int64(n), id: "r\(n)", text: "text \(n)", metadataJSON: nil, value: .label("a"),
                     source: .consensus, annotators: ["ana"], agreement: 1, split: nil, decisions: [])
    }

    struct Refused: Error, Equatable { var at: Int64 }

    /// Records cross the thread in the order they were added, across batches and the last
    /// partial one, and `finish` returns only when all are formatted.
    @Test func formatsEveryRecordInOrder() throws {
        let count = FormattingThread.batchSize * FormattingThread.depth * 3 + 17
        let seen = Box()
        let thread = FormattingThread { records in seen.ids += records.map(\.rowID) }
        for n in 0..<count { try thread.add(Self.record(n)) }
        try thread.finish()
        #expect(seen.ids == (0..<count).map(Int64.init))
    }

    /// The first record the format refuses stops the formatting: the error reaches the scan
    /// (at a later `add` or at `finish`) and no record after it is formatted.
    @Test func theFirstErrorStopsTheFormattingAndReachesTheScan() throws {
        let seen = Box()
        let thread = FormattingThread { records in
            for record in records {
                if record.rowID == 300 { throw Refused(at: record.rowID) }
                seen.ids.append(record.rowID)
            }
        }
        var thrown: (any Error)?
        do {
            for n in 0..<50_000 { try thread.add(Self.record(n)) }
            try thread.finish()
        } catch {
            thrown = error
        }
        #expect(thrown as? Refused == Refused(at: 300))
        #expect(seen.ids == (0..<300).map(Int64.init))
    }

    final class Box: @unchecked Sendable { var ids: [Int64] = [] }
}
