import Foundation
import GlossTestSupport
import GlossTUI
import Testing
@testable import GlossApp

/// `$EDITOR` on a text: a scripted editor rewrites the file; failures keep the text.
@Suite struct ExternalEditorTests {
    /// A shell script that stands for an editor.
    func script(_ body: String) throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory()
        let path = try dir.write("editor.sh", "#!/bin/sh\n" + body + "\n")
        chmod(path, 0o755)
        return (dir, path)
    }

    @Test func theEditedFileComesBackAndTheTerminalIsSuspendedAroundTheEditor() throws {
        // The editor sees the text, appends a line in Korean and saves.
        let (dir, editor) = try script(#"grep -q '^Sydney is wrong.$' "$1" || exit 3; printf '캔버라가 수도다.\n' >> "$1""#)
        var suspended = 0
        let result = ExternalEditor.edit("Sydney is wrong.", command: editor) { body in
            suspended += 1
            body()
        }
        #expect(result == .text("Sydney is wrong.\n캔버라가 수도다.\n"))
        #expect(suspended == 1)
        _ = dir
    }

    @Test func aFailingOrMissingEditorSaysWhy() throws {
        let (dir, failing) = try script("exit 2")
        #expect(ExternalEditor.edit("x", command: failing) { $0() } == .failed("the editor (\(failing)) exited with status 2"))
        let missing = dir.path("no-such-editor")
        #expect(ExternalEditor.edit("x", command: missing) { $0() }
                == .failed("the editor (\(missing)) exited with status 127 (not found: set $EDITOR)"))
        let (other, binary) = try script(#"printf '\377\376' > "$1""#)
        #expect(ExternalEditor.edit("x", command: binary) { $0() } == .failed("the edited file is not UTF-8"))
        _ = other
    }

    @Test func theEditorComesFromVisualThenEditorThenVi() {
        #expect(ExternalEditor.command(["VISUAL": "nano -w", "EDITOR": "vim"]) == "nano -w")
        #expect(ExternalEditor.command(["VISUAL": "", "EDITOR": "vim"]) == "vim")
        #expect(ExternalEditor.command([:]) == "vi")
    }
}
