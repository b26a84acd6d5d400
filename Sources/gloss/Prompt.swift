import Foundation
import GlossCore

/// Questions on the terminal.
enum Prompt {
    static func line(_ question: String) -> String? {
        FileHandle.standardError.write(Data(question.utf8))
        return readLine()
    }

    /// Asks until one of `choices` (first letters) is typed; nil at end of input.
    static func ask(_ question: String, choices: [String]) -> String? {
        while let answer = line(question)?.trimmingASCIIWhitespace().lowercased() {
            if let choice = choices.first(where: { answer.hasPrefix($0) }) { return choice }
        }
        return nil
    }
}
