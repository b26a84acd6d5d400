extension SQLiteBackend {
    static let contentKeysIdentifier = "v13-item-content-keys"

    /// Migration v13: the content keys that find duplicate texts at import move from an index
    /// on item_rows into a table of their own, which imports fill in key order (see
    /// `ContentKeys`): an index on the rows takes each item's key as the row is written, in
    /// random order, and once it outgrows the page cache (a few million items) every item
    /// re-reads and re-writes a page of it. Frozen with the migration: never edit this SQL.
    static let contentKeysMigration = """
        PRAGMA user_version = 13;
        -- One row per item: its dataset, the first 64 bits of its text's content hash, the item.
        CREATE TABLE item_content_keys (
            dataset_id INTEGER NOT NULL,
            content_hash INTEGER NOT NULL,
            item_id INTEGER NOT NULL,
            PRIMARY KEY (dataset_id, content_hash)
        ) WITHOUT ROWID;
        INSERT INTO item_content_keys (dataset_id, content_hash, item_id)
        SELECT dataset_id, content_hash, id FROM item_rows ORDER BY dataset_id, content_hash;
        DROP INDEX items_by_content;
        """
}
