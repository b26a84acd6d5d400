/// The string index of every `stride`-th Unicode scalar of a text, found in one pass, so
/// that the index of any scalar offset costs at most `stride` steps instead of a walk from
/// the start (a page at the end of a 50,000-character line).
struct ScalarCheckpoints: Equatable, Sendable {
    static let stride = 1_024
    private var starts: [String.Index] = []
    private var count = 0

    init(text: String) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        while index < scalars.endIndex {
            if offset % Self.stride == 0 { starts.append(index) }
            scalars.formIndex(after: &index)
            offset += 1
        }
        count = offset
    }

    /// The index of scalar `offset` of `text` (the text these checkpoints were made of; its
    /// end for `offset == count`), or nil beyond the end or for another text's length.
    func index(ofScalar offset: Int, in text: String) -> String.Index? {
        let scalars = text.unicodeScalars
        guard offset >= 0, offset <= count else { return nil }
        guard offset < count, !starts.isEmpty else {
            return offset == count ? scalars.endIndex : nil
        }
        let checkpoint = offset / Self.stride
        return scalars.index(starts[checkpoint], offsetBy: offset - checkpoint * Self.stride, limitedBy: scalars.endIndex)
    }
}
