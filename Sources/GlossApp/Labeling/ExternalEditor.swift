import Foundation
import GlossTUI

/// The annotator's own editor for a long text (`F2` in the labeler's line editor): the text
/// goes to a temporary file, `$VISUAL`, else `$EDITOR`, else `vi` runs on it through the
/// shell (so an editor with options works) with the terminal given back to it, and the file's
/// text comes back. A failing or missing editor, or a file that is gone or not UTF-8, gives a
/// sentence instead, and the text in the labeler stays as it was.
public enum ExternalEditor {
    /// The editor command from the environment.
    public static func command(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    }

    /// Runs the editor on `text`; `suspend` runs its body with the screen given back to the
    /// terminal (the labeler's `endwin`, then a full repaint).
    public static func edit(_ text: String, command: String = command(), suspend: (() -> Void) -> Void) -> ExternalEdit {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-text-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("text.md")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: file)
        } catch {
            return .failed("could not write the text for the editor: \(error.localizedDescription)")
        }
        var outcome: ExternalEdit = .failed("the editor did not run")
        suspend {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\(command) \"$1\"", "gloss-editor", file.path]
            do {
                try process.run()
                process.waitUntilExit()
            } catch {
                outcome = .failed("the editor (\(command)) could not start: \(error.localizedDescription)")
                return
            }
            guard process.terminationStatus == 0 else {
                let missing = process.terminationStatus == 127 ? " (not found: set $EDITOR)" : ""
                outcome = .failed("the editor (\(command)) exited with status \(process.terminationStatus)\(missing)")
                return
            }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                outcome = .failed("the edited file is gone")
                return
            }
            guard let edited = String(validating: Array(data), as: UTF8.self) else {
                outcome = .failed("the edited file is not UTF-8")
                return
            }
            outcome = .text(edited)
        }
        return outcome
    }
}
