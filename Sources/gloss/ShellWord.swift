/// A word as a shell reads it back: for commands that a message suggests typing.
enum ShellWord {
    /// `word` unchanged when it holds only characters no shell treats specially, else in
    /// single quotes (a quote inside written as '\'').
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./,:=+@%".unicodeScalars.contains(scalar))
        }
        return plain ? word : "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
    }
}
