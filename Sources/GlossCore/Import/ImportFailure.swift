/// An import stopped by a bad record or an unreadable source; nothing was stored.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var error: InvalidRecord

    public init(source: String, error: InvalidRecord) {
        self.source = source
        self.error = error
    }

    public var description: String {
        let location = error.line > 0 ? "\(source):\(error)" : "\(source): \(error.message)"
        let hint = error.line > 0 && !error.isFatal
            ? " Fix the record, or pass --skip-invalid to import the valid records and list the others." : ""
        return TerminalText.visible("\(location)\nNothing was imported.\(hint)")
    }
}
