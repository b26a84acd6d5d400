import ArgumentParser
import GlossStore

/// `--db PATH`, shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The store file (default: $GLOSS_DB, else ./gloss.db).", valueName: "path"))
    var db: String?

    var path: String { GlossDatabase.resolvePath(option: db) }

    func open() throws -> GlossDatabase { try GlossDatabase.open(path: path) }
}
