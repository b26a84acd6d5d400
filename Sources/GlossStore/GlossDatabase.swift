import Foundation

/// The Gloss store: every command and every annotator reads and writes through it.
///
/// A closed façade, as GRDB's demo `AppDatabase`: each thing the application does is one
/// named method (one transaction) taking and returning plain values, and no type of the
/// database library crosses it. The methods forward to a backend (see `StoreBackend`):
/// one SQLite file today, shared by several processes.
public final class GlossDatabase: Sendable {
    /// The file path, or ":memory:".
    public let path: String
    /// Where the façade's methods go.
    let backend: any StoreBackend
    /// Opened by `openReadOnly`: every method that writes fails, and nothing was migrated.
    public var isReadOnly: Bool { backend.isReadOnly }

    init(backend: any StoreBackend, path: String) {
        self.backend = backend
        self.path = path
    }

    /// The store path chosen by `--db`, else `$GLOSS_DB`, else `./gloss.db`.
    public static func resolvePath(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["GLOSS_DB"], !env.isEmpty { return env }
        return "gloss.db"
    }

    /// Opens (or creates) the store at `path`, refusing files that are not Gloss stores,
    /// are damaged, or come from a newer Gloss, without writing a byte to them.
    ///
    /// With `create: false` a missing file is an error instead of a new store: commands that
    /// only read never leave an empty store behind a mistyped path.
    public static func open(path: String, create: Bool = true) throws -> GlossDatabase {
        GlossDatabase(backend: try SQLiteBackend.open(path: path, create: create), path: path)
    }

    /// Opens an existing store for reading only (`SQLITE_OPEN_READONLY`), for commands that
    /// only read: it writes no byte to the store, needs no write permission on the file or
    /// its directory, and never migrates (a store with an older schema is refused with
    /// `StoreError.needsMigration`). See `ReadOnlyLocation` for how SQLite is pointed at it.
    public static func openReadOnly(path: String) throws -> GlossDatabase {
        GlossDatabase(backend: try SQLiteBackend.openReadOnly(path: path), path: path)
    }

    /// Why `open` would refuse the existing store at `path` as read-only for this user, or nil
    /// when it can be written (or does not exist yet).
    public static func readOnlyReason(path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return StoreWritability.readOnlyReason(path: path)
    }

    /// A fresh store in memory, for tests.
    public static func inMemory() throws -> GlossDatabase {
        GlossDatabase(backend: try SQLiteBackend.inMemory(), path: ":memory:")
    }
}
