internal import GRDB
internal import GRDBSQLite

/// The content keys of the dataset an import writes to (table item_content_keys, migration
/// v13): which item, if any, already holds a text's key.
///
/// The keys of a large dataset make an index far larger than the page cache, and random
/// inserts into it re-read and re-write about one page per item and per chunk's commit (at
/// 10,000,000 items, 200 MB). So the keys this import adds stay in memory and go to the table
/// in sorted runs of `runLength`, a few per item added: the keys one chunk writes are
/// neighbours and share a few pages. Lookups ask memory first, then the table, skipped when
/// a Bloom filter of every key the dataset holds says the key is absent. The filter covers
/// the keys stored before this import only once it has read them, a slice at a time after
/// the import has added `filterExistingAfter` items (a small import never reads them).
/// Memory stays bounded whatever the dataset's size: two runs of keys and about 10 bits per key.
final class ContentKeys {
    /// Items added before the keys stored earlier are read into the filter.
    static let filterExistingAfter = 50_000
    /// Stored keys read into the filter per read, and items added between two reads (short
    /// reads keep a chunk's transaction short).
    static let readSlice = 1024
    static let readEvery = 64
    /// Run keys written per item added (more than one, so a run is written before the next is full).
    static let writesPerItem = 2

    private let connection: OpaquePointer
    private let datasetID: Int64
    private let runLength: Int
    private let lookup: OpaquePointer
    private let insert: OpaquePointer
    private let readStored: OpaquePointer
    private var filter = KeyFilter()
    /// The last stored key read into the filter (each read starts there again: a key read
    /// twice is harmless, and the smallest key is not left out).
    private var storedReadAfter = Int64.min
    private var filterHasStoredKeys: Bool
    /// Keys added since the current run was cut, and the run being written, sorted.
    private var filling: KeyTable
    private var run: [(key: Int64, item: Int64)] = []
    private var written = 0
    private var added = 0

    /// Keys past `runLength` the table takes while a cut waits for the end of the chunk.
    static let cutMargin = 1 << 13
    private let cutsBetweenChunks: Bool

    /// `cutsBetweenChunks`: the caller calls `betweenChunks` after each chunk's commit, where
    /// a full run is cut (sorted) outside any transaction, so a sort never holds the store.
    init(_ connection: OpaquePointer, datasetID: Int64, newDataset: Bool, runLength: Int,
         cutsBetweenChunks: Bool) throws {
        self.connection = connection
        self.datasetID = datasetID
        self.runLength = runLength
        self.cutsBetweenChunks = cutsBetweenChunks
        filling = KeyTable(capacity: runLength + Self.cutMargin)
        filterHasStoredKeys = newDataset
        lookup = try ItemWriter.prepare(connection, "SELECT item_id FROM item_content_keys WHERE dataset_id = ?1 AND content_hash = ?2")
        insert = try ItemWriter.prepare(connection, "INSERT INTO item_content_keys (dataset_id, content_hash, item_id) VALUES (?1, ?2, ?3)")
        readStored = try ItemWriter.prepare(connection, """
            SELECT content_hash FROM item_content_keys WHERE dataset_id = ?1 AND content_hash >= ?2 ORDER BY content_hash LIMIT ?3
            """)
    }

    deinit {
        sqlite3_finalize(lookup)
        sqlite3_finalize(insert)
        sqlite3_finalize(readStored)
    }

    /// Whether the dataset may hold this key: false only when the filter knows it does not.
    func mightHold(_ key: Int64) -> Bool { !filterHasStoredKeys || filter.mayContain(key) }

    /// The item whose text has this key, if the dataset holds one.
    func holder(of key: Int64) throws -> Int64? {
        // The filter has every key this import added: only a key it may hold is looked for
        // in memory, and in the table too unless the filter also has the stored keys.
        let maybe = filter.mayContain(key)
        if maybe {
            if let item = filling.item(of: key) { return item }
            if let item = inRun(key) { return item }
        } else if filterHasStoredKeys {
            return nil
        }
        sqlite3_bind_int64(lookup, 1, datasetID)
        sqlite3_bind_int64(lookup, 2, key)
        defer { sqlite3_reset(lookup) }
        switch sqlite3_step(lookup) {
        case SQLITE_ROW: return sqlite3_column_int64(lookup, 0)
        case SQLITE_DONE: return nil
        case let code: throw failure(code)
        }
    }

    /// Records the key of an item just stored.
    func add(_ key: Int64, item: Int64) throws {
        filling.insert(key, item: item)
        filter.insert(key)
        added += 1
        if !filterHasStoredKeys, added >= Self.filterExistingAfter, added % Self.readEvery == 0 { try readStoredSlice() }
        try write(Self.writesPerItem)
        if filling.count >= runLength, !cutsBetweenChunks || filling.count >= runLength + Self.cutMargin {
            try cutRun()
        }
    }

    /// After a chunk's commit: cuts a full run once the last one is written.
    func betweenChunks() throws {
        guard filling.count >= runLength, written == run.count else { return }
        try cutRun()
    }

    /// Writes every key still in memory, calling `between` after each `chunk` keys (where
    /// the caller commits).
    func finish(chunk: Int, between: () throws -> Void) throws {
        for _ in 0..<2 {
            while written < run.count {
                try write(chunk)
                try between()
            }
            try cutRun()
        }
    }

    private func cutRun() throws {
        try write(Int.max)
        filling.drainSorted(into: &run)
        written = 0
    }

    private func inRun(_ key: Int64) -> Int64? {
        var low = 0, high = run.count
        while low < high {
            let mid = (low + high) / 2
            if run[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low < run.count && run[low].key == key ? run[low].item : nil
    }

    private func write(_ limit: Int) throws {
        let end = run.count - written <= limit ? run.count : written + limit
        while written < end {
            let entry = run[written]
            sqlite3_bind_int64(insert, 1, datasetID)
            sqlite3_bind_int64(insert, 2, entry.key)
            sqlite3_bind_int64(insert, 3, entry.item)
            let code = sqlite3_step(insert)
            sqlite3_reset(insert)
            guard code == SQLITE_DONE else { throw failure(code) }
            written += 1
        }
    }

    /// Reads the next slice of the keys stored before this import into the filter.
    private func readStoredSlice() throws {
        sqlite3_bind_int64(readStored, 1, datasetID)
        sqlite3_bind_int64(readStored, 2, storedReadAfter)
        sqlite3_bind_int64(readStored, 3, Int64(Self.readSlice))
        defer { sqlite3_reset(readStored) }
        var count = 0
        while true {
            switch sqlite3_step(readStored) {
            case SQLITE_ROW:
                let key = sqlite3_column_int64(readStored, 0)
                filter.insert(key)
                storedReadAfter = key
                count += 1
            case SQLITE_DONE:
                if count < Self.readSlice { filterHasStoredKeys = true }
                return
            case let code:
                throw failure(code)
            }
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
    }
}
