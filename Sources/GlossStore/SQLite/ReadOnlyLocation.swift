import Foundation

/// How SQLite is pointed at a store that a command only reads, so that reading never writes:
/// no migration, no `journal_mode` change, no table created to force the `-wal` file into
/// existence (GRDB's `DatabasePool` does that on a writable open: it changed bytes 28, 44
/// and 96 of the header on every `gloss datasets`), and no side file left where it would
/// get in a writer's way.
///
/// - `shared`: an ordinary `SQLITE_OPEN_READONLY` connection, which takes read locks through
///   the `-shm` file and sees what other processes wrote to the `-wal` file. Used when a
///   `-wal` file exists (some connection is open, or one crashed: its frames must be read),
///   and when we could write the store and its directory ourselves (SQLite then creates the
///   `-wal` and `-shm` files as any writer of ours would, with the store's owner and mode).
/// - `immutable`: a `file:...?immutable=1` URI, which takes no locks and creates no file.
///   Used when there is no `-wal` file (the store is whole in its main file: no connection
///   is open) and we cannot write the store or its directory. A plain read-only open would
///   then fail (a read-only directory: SQLite cannot create the `-shm` file) or leave `-wal`
///   and `-shm` files owned by us with the store's read-only mode beside someone else's
///   store, which their writers could not open. The cost: a writer that starts while we read
///   is not seen, and its checkpoint could change pages under us; a store we cannot write is
///   one its owner rarely writes while others read it.
enum ReadOnlyLocation: Equatable {
    case shared(String)
    case immutable(String)

    init(path: String) {
        let files = FileManager.default
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if files.fileExists(atPath: path + "-wal")
            || (access(path, W_OK) == 0 && access(directory.isEmpty ? "." : directory, W_OK) == 0) {
            self = .shared(path)
        } else {
            self = .immutable(path)
        }
    }

    /// Whether a read-only open must fail for want of a `-shm` file: a `-wal` file exists (a
    /// writer crashed, or is open elsewhere) but no `-shm`, and the directory is not writable.
    static func walNeedsMissingShm(_ path: String) -> Bool {
        let files = FileManager.default
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return files.fileExists(atPath: path + "-wal") && !files.fileExists(atPath: path + "-shm")
            && access(directory.isEmpty ? "." : directory, W_OK) != 0
    }

    /// The name SQLite opens: the path itself, or an `immutable` URI of it (`%`, `?` and `#`
    /// escaped; SQLite reads URI names here, see `gloss_sqlite_tune`).
    var sqliteName: String {
        switch self {
        case .shared(let path): path
        case .immutable(let path): "file:\(Self.uriEscaped(path))?immutable=1"
        }
    }

    static func uriEscaped(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3f")
            .replacingOccurrences(of: "#", with: "%23")
    }
}

/// Why a write-capable open of an existing store would fail for lack of permission, or nil:
/// checked before SQLite opens it, so the error names the file and changes nothing.
enum StoreWritability {
    static func readOnlyReason(path: String) -> String? {
        if access(path, W_OK) != 0 {
            return "you cannot write the file" + (mode(of: path).map { ", its mode is \($0)" } ?? "")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let files = FileManager.default
        let sideFilesExist = files.fileExists(atPath: path + "-wal") && files.fileExists(atPath: path + "-shm")
        if !sideFilesExist, access(directory.isEmpty ? "." : directory, W_OK) != 0 {
            return "you cannot write its directory \(directory), where SQLite must create the store's -wal and -shm files"
        }
        return nil
    }

    /// The permission bits as `ls` shows them, e.g. "r--r--r--".
    static func mode(of path: String) -> String? {
        guard let bits = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int else {
            return nil
        }
        return (0..<9).map { bit in
            bits & (0o400 >> bit) != 0 ? Array("rwx")[bit % 3] : "-"
        }.map(String.init).joined()
    }
}
