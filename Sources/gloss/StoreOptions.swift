import ArgumentParser
import GlossStore

/// `--db PATH`, shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The store file (default: $GLOSS_DB, else ./gloss.db).", valueName: "path"), completion: .file())
    var db: String?

    var path: String { GlossDatabase.resolvePath(option: db) }

    /// Opens the store, creating it when missing: for commands that add data.
    func open() throws -> GlossDatabase { try GlossDatabase.open(path: path) }

    /// Opens an existing store: for commands that only read.
    func openExisting() throws -> GlossDatabase { try GlossDatabase.open(path: path, create: false) }
}
