import ArgumentParser
import GlossStore

/// `gloss migrate`: brings a store written by an older Gloss to this version's schema, which
/// commands that only read never do (they open the store read-only).
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring a store from an older Gloss to this version's schema.",
        discussion: """
            Commands that write migrate the store as they open it; commands that only read open
            it read-only and ask for this instead. It needs write access to the store and its
            directory, and does nothing to a store that is already current.

            Examples:
              gloss migrate --db old.db
            """
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        _ = try store.openExisting()
        print("\(store.path) has the current schema.")
    }
}
