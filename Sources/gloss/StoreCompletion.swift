import ArgumentParser
import GlossApp

/// Shell completion of names from the store in use: the shell calls back into gloss
/// (`gloss ---completion …`) with the words typed so far and the part of the current word
/// before the cursor, and `CompletionNames` reads the store those words name. The names
/// are filtered by that prefix here: bash's generated script does not filter them itself.
extension CompletionKind {
    static var projects: CompletionKind {
        .custom { words, _, prefix in CompletionNames.projects(words: words).filter { $0.hasPrefix(prefix) } }
    }

    static var datasets: CompletionKind {
        .custom { words, _, prefix in CompletionNames.datasets(words: words).filter { $0.hasPrefix(prefix) } }
    }

    /// The guide versions of the project given after the subcommand `command`. (bash's
    /// generated script takes `--version` for the root's version flag, so there only
    /// `gloss guide diff`'s versions complete; zsh and fish complete `guide show --version`.)
    static func guideVersions(after command: String) -> CompletionKind {
        .custom { words, _, prefix in
            CompletionNames.guideVersions(words: words, after: command).filter { $0.hasPrefix(prefix) }
        }
    }
}
