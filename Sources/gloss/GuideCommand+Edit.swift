import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension GuideCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Edit the current guide in $VISUAL or $EDITOR and publish it when it lints clean.",
            discussion: """
                Opens the latest version in a temporary file. On exit the file is linted: with \
                errors you may edit again or discard (as visudo does); when it is clean and \
                changed, it becomes a new version. Without a terminal, errors discard the edit.

                Examples:
                  gloss guide edit reviews
                  EDITOR=nano gloss guide edit reviews -m "Define mixed"
                """
        )

        @Argument(help: "The project.", completion: .projects) var project: String
        @Option(name: .shortAndLong, help: "The version message (asked for on a terminal when omitted).") var message: String?
        @Option(help: "Who publishes (default: the login name).") var author: String?
        @Flag(help: "Publish even if used labels are removed or renamed.") var allowRemoval = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.openExisting()
            let current = try database.guideVersion(project: project)
            let session = try EditSession(project: project, text: current.text, version: current.version)
            // The edited file goes when it was published, unchanged or discarded; when anything
            // else fails (the store busy, the editor crashing) it stays, and the lead is told where.
            var keepFile = false
            defer { if !keepFile { session.remove() } }
            var errors = StandardError()
            var discarded = false
            do {
                try editAndPublish(database: database, current: current, session: session, discarded: &discarded, errors: &errors)
            } catch {
                if !discarded, let text = try? session.read(), text != current.text {
                    keepFile = true
                    Swift.print("Your edited guide is kept at \(session.path).", to: &errors)
                }
                throw error
            }
        }

        private func editAndPublish(database: GlossDatabase, current: GuideVersion, session: EditSession,
                                    discarded: inout Bool, errors: inout StandardError) throws {
            let interactive = isatty(STDIN_FILENO) == 1
            while true {
                try session.runEditor()
                let text = try session.read()
                if text == current.text {
                    return print("No changes; nothing was published.")
                }
                let lint = GuideParser.lint(text)
                for diagnostic in lint.diagnostics { Swift.print(diagnostic.formatted(file: session.path), to: &errors) }
                var refusal: String?
                if let guide = lint.guide, lint.isClean {
                    do {
                        let outcome = try database.publishGuide(
                            project: project, guide: guide, author: author ?? LoginName.current,
                            message: message ?? askMessage(interactive: interactive, next: current.version + 1),
                            allowRemoval: allowRemoval)
                        return PublishReport.print(outcome, project: project)
                    } catch let error as ProjectError {
                        refusal = "\(error)"
                    }
                } else {
                    refusal = "The guide has \(lint.errors.count) error\(lint.errors.count == 1 ? "" : "s")."
                }
                Swift.print(refusal ?? "", to: &errors)
                guard interactive, Prompt.ask("What now? (e)dit again, (d)iscard: ", choices: ["e", "d"]) == "e" else {
                    discarded = true
                    Swift.print("Discarded; nothing was published.", to: &errors)
                    throw ExitCode.failure
                }
            }
        }

        func askMessage(interactive: Bool, next: Int) -> String {
            guard interactive else { return "Edited with gloss guide edit" }
            let answer = Prompt.line("Message for version \(next): ")?.trimmingASCIIWhitespace() ?? ""
            return answer.isEmpty ? "Edited with gloss guide edit" : answer
        }
    }
}
