import GlossCore

/// Why a store could not be opened or used, as a sentence that says what to do.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notADatabase(path: String, detail: String)
    case foreignDatabase(path: String, detail: String)
    case corrupt(path: String, detail: String)
    case newerVersion(path: String, unknown: [String])
    case unreadable(path: String, detail: String)
    case locked(path: String)
    case unknownDataset(String, known: [String])
    case noStore(path: String)
    /// Another item import into the store has not finished (`by`: its process and host).
    case importRunning(path: String, by: String, secondsAgo: Int)
    case readOnly(path: String, reason: String)
    case needsMigration(path: String, version: Int, current: Int)

    public var description: String { TerminalText.visible(sentence) }

    private var sentence: String {
        switch self {
        case let .notADatabase(path, detail):
            "\(path) is not a Gloss store: \(detail). It was left untouched; pass another file with --db or $GLOSS_DB."
        case let .foreignDatabase(path, detail):
            "\(path) is an SQLite database but not a Gloss store (\(detail)). It was left untouched; pass another file with --db or $GLOSS_DB."
        case let .corrupt(path, detail):
            "\(path) is damaged and cannot be read as a Gloss store (\(detail)). It was left untouched; restore it from a backup."
        case let .newerVersion(path, unknown):
            "\(path) was written by a newer Gloss (it has schema changes this version does not know: \(unknown.joined(separator: ", "))). It was left untouched; upgrade gloss to open it."
        case let .unreadable(path, detail):
            "cannot open \(path): \(detail)."
        case let .locked(path):
            "\(path) stayed locked by another process for too long; try again when the other import finishes."
        case let .importRunning(path, by, secondsAgo):
            "another import into \(path) is still running (\(by), last wrote \(secondsAgo) s ago); nothing was imported. Try again when it finishes."
        case let .noStore(path):
            "there is no Gloss store at \(path) yet; create one with gloss import FILE --dataset NAME, or point --db or $GLOSS_DB at an existing store."
        case let .readOnly(path, reason):
            "\(path) is read-only for you: \(reason). This command writes to the store, so nothing was changed. Commands "
                + "that only read (datasets, stats, export, annotations export, check...) work on it; to write, make "
                + "the file and its directory writable for you, or work on a copy."
        case let .needsMigration(path, version, current):
            "\(path) has an older schema (version \(version); this Gloss uses \(current)), and a command that only "
                + "reads does not change it; it was left untouched. Run gloss migrate --db \(path) once with write "
                + "access, then run this command again."
        case let .unknownDataset(name, known):
            known.isEmpty
                ? "there is no dataset \"\(name)\"; the store has no datasets yet (create one with gloss import FILE --dataset \(name))."
                : "there is no dataset \"\(name)\"; the datasets are: \(known.joined(separator: ", "))."
        }
    }
}
