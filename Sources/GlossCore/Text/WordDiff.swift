/// A word-level diff of two texts, for the pairwise screen's `d`: the words of each text
/// outside a longest common subsequence of words (`TextDiff.changes`, Myers' algorithm) are
/// marked. Words are runs of characters between white space, compared exactly.
public enum WordDiff {
    /// One piece of a text: a word, or the white space between words, and whether it is a
    /// word the other text does not have at that place.
    public struct Piece: Sendable, Equatable {
        public var text: String
        public var isSpace: Bool
        public var changed: Bool
        public init(_ text: String, isSpace: Bool, changed: Bool) {
            self.text = text
            self.isSpace = isSpace
            self.changed = changed
        }
    }

    /// The pieces of `left` (changed: removed) and of `right` (changed: added).
    public static func compare(_ left: String, _ right: String) -> (left: [Piece], right: [Piece]) {
        var left = pieces(left), right = pieces(right)
        var ids: [String: Int] = [:]
        func words(_ pieces: [Piece]) -> (ids: [Int], at: [Int]) {
            var out: [Int] = [], at: [Int] = []
            for (index, piece) in pieces.enumerated() where !piece.isSpace {
                if ids[piece.text] == nil { ids[piece.text] = ids.count }
                out.append(ids[piece.text]!)
                at.append(index)
            }
            return (out, at)
        }
        let a = words(left), b = words(right)
        let (removed, added) = TextDiff.changes(a.ids, b.ids)
        for (n, index) in a.at.enumerated() where removed[n] { left[index].changed = true }
        for (n, index) in b.at.enumerated() where added[n] { right[index].changed = true }
        return (left, right)
    }

    /// `text` cut into words and the white space between them, in order.
    public static func pieces(_ text: String) -> [Piece] {
        var out: [Piece] = []
        var current = ""
        var inSpace = false
        for character in text {
            let space = character.isWhitespace
            if !current.isEmpty, space != inSpace {
                out.append(Piece(current, isSpace: inSpace, changed: false))
                current = ""
            }
            inSpace = space
            current.append(character)
        }
        if !current.isEmpty { out.append(Piece(current, isSpace: inSpace, changed: false)) }
        return out
    }
}
