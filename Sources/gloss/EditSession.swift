import Foundation

/// The temporary file an editor works on, and running the editor.
struct EditSession {
    let path: String

    init(project: String, text: String, version: Int) throws {
        let safe = String(project.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : "-" })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("\(safe)-guide-v\(version).md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Runs $VISUAL, else $EDITOR, else vi, through the shell so editors with options work.
    func runEditor() throws {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "gloss-editor", path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure("The editor (\(editor)) exited with status \(process.terminationStatus); nothing was published.")
        }
    }

    func read() throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("The edited file \(path) is gone; nothing was published.")
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            throw CommandFailure("The edited file is not valid UTF-8; nothing was published.")
        }
        return text
    }

    func remove() {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}
