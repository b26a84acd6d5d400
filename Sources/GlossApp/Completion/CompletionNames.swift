import Foundation
import GlossStore

/// The names shell completion offers from the store in use: projects, datasets and a
/// project's guide versions. The shell hands over the words of the command line as typed;
/// the store is the one the command would open (`--db PATH`, else $GLOSS_DB, else
/// ./gloss.db). Completion never creates or writes a store, and a store that cannot be read
/// completes nothing.
public enum CompletionNames {
    public static func projects(words: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        names(words: words, environment: environment) { try $0.projects().map(\.name) }
    }

    public static func datasets(words: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        names(words: words, environment: environment) { try $0.datasets().map(\.name) }
    }

    /// The guide versions of the project named by the first word after `command` (the
    /// subcommand's own name, such as "show" in `gloss guide show PROJECT`) that is not an
    /// option or an option's value.
    public static func guideVersions(words: [String], after command: String,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        guard let start = words.firstIndex(of: command) else { return [] }
        var index = start + 1
        var project: String?
        while index < words.count, project == nil {
            let word = words[index]
            if word.hasPrefix("-") {
                if !word.contains("="), optionsWithValues.contains(word) { index += 1 }
            } else if !word.isEmpty {
                project = unquoted(word)
            }
            index += 1
        }
        guard let project else { return [] }
        return names(words: words, environment: environment) { try $0.guideVersions(project: project).map { String($0.version) } }
    }

    /// The store path the command line names, as `StoreOptions` resolves it.
    public static func storePath(words: [String], environment: [String: String]) -> String {
        var option: String?
        for (index, word) in words.enumerated() {
            if word == "--db", index + 1 < words.count {
                option = words[index + 1]
            } else if word.hasPrefix("--db=") {
                option = String(word.dropFirst("--db=".count))
            }
        }
        return GlossDatabase.resolvePath(option: option.map { expandingHome(unquoted($0), environment: environment) },
                                         environment: environment)
    }

    /// Options of the commands whose next word is their value, so it is not taken for the project.
    static let optionsWithValues: Set<String> = ["--db", "--version", "-m", "--message", "--as"]

    private static func names(words: [String], environment: [String: String],
                              _ read: (GlossDatabase) throws -> [String]) -> [String] {
        let path = storePath(words: words, environment: environment)
        guard FileManager.default.fileExists(atPath: path),
              let database = try? GlossDatabase.open(path: path, create: false),
              let names = try? read(database) else { return [] }
        return names.sorted()
    }

    /// A shell word without the quotes around it ('a b' or "a b" becomes a b).
    static func unquoted(_ word: String) -> String {
        guard word.count >= 2, let first = word.first, first == "'" || first == "\"", word.last == first else { return word }
        return String(word.dropFirst().dropLast())
    }

    /// `~/x` as the shell would expand it, since completion words arrive unexpanded.
    static func expandingHome(_ path: String, environment: [String: String]) -> String {
        guard path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
