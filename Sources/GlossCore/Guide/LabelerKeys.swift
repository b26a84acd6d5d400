/// The keys of the labeling screen that are not label keys. Guides keep the whole alphabet
/// (but `q`) and the digits for labels; every other key the labeler needs is punctuation,
/// a named key (Enter, Tab, arrows...) or `q`. Guide lint refuses label keys from this list.
public enum LabelerKeys {
    /// Reserved printable keys and what each does in the labeler.
    public static let reserved: [(key: Character, purpose: String)] = [
        ("q", "quit"),
        (" ", "accept the suggestion"),
        ("-", "skip the item"),
        ("!", "flag the item for review"),
        (";", "add a comment"),
        ("[", "go back in your history"),
        ("]", "go forward in your history"),
        ("/", "search"),
        ("?", "help"),
        (":", "the command line"),
        ("<", "move the span start left"),
        (">", "move the span end right"),
        (",", "move the span start right"),
        (".", "move the span end left"),
    ]

    /// The key that shows the word diff of two responses on the pairwise screen (a letter:
    /// pairwise guides may not give it to an outcome; other guides may use it).
    public static let pairwiseDiffKey: Character = "d"

    /// The key that ties the next response placed on the ranking screen with the one placed
    /// before it (punctuation: no guide key can take it).
    public static let rankingTieKey: Character = "="

    /// What a reserved key does, or nil when the key is free for labels.
    public static func purpose(of key: Character) -> String? {
        reserved.first { sameKey($0.key, key) }?.purpose
    }

    /// Whether a character can be a label key: an ASCII letter or digit that is not reserved.
    public static func isLabelKey(_ key: Character) -> Bool {
        guard let ascii = key.asciiValue else { return false }
        let isAlphanumeric = (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
        return isAlphanumeric && purpose(of: key) == nil
    }

    /// How many labels can get a key of their own (letters but `q`, and digits).
    public static let availableKeyCount = 25 + 10

    /// Keys compare case-insensitively: `P` and `p` are the same key.
    public static func sameKey(_ a: Character, _ b: Character) -> Bool {
        a.lowercased() == b.lowercased()
    }
}
