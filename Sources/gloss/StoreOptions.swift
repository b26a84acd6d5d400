import ArgumentParser
import GlossStore

/// `--db PATH`, shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The store file (default: $GLOSS_DB, else ./gloss.db).", valueName: "path"), completion: .file())
    var db: String?

    var path: String { GlossDatabase.resolvePath(option: db) }

    /// Opens the store, creating it when missing: for commands that add data.
    func open() throws -> GlossDatabase { try GlossDatabase.open(path: path) }

    /// Opens an existing store for writing: for commands that change it. A store the user
    /// cannot write is refused with an error naming it, before anything is touched.
    func openExisting() throws -> GlossDatabase { try GlossDatabase.open(path: path, create: false) }

    /// Opens an existing store read-only: for commands that only read. They write no byte to
    /// the store and work on a file or directory the user cannot write.
    func openForReading() throws -> GlossDatabase { try GlossDatabase.openReadOnly(path: path) }

    /// Opens an existing store for a command that reads and, when it may, notes what it did
    /// (an export records itself): read-write when the user can write the store, else read-only.
    func openWritingIfAllowed() throws -> GlossDatabase {
        GlossDatabase.readOnlyReason(path: path) == nil ? try openExisting() : try openForReading()
    }
}
