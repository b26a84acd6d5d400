import Foundation
internal import GRDB

/// Fetches a public record by its `Decodable` conformance (column names are its coding
/// keys), so that the record itself needs no GRDB conformance and GRDB stays inside
/// this module: `try DecodedRow<ImportBatch>.fetchAll(db, sql: ...).map(\.record)`.
struct DecodedRow<Record: Decodable>: FetchableRecord, Decodable {
    let record: Record

    init(from decoder: any Decoder) throws {
        record = try Record(from: decoder)
    }
}
