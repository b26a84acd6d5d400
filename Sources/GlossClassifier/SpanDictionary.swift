import GlossCore

/// Every surface labeled so far, lowercased and keyed by its tokens, with how often it was
/// labeled with each label and how often it occurred in a learned item outside any span
/// (a miss). Matches are whole tokens, so "paris" is found in "PARIS!" but not in "Parisian".
struct SpanDictionary {
    struct Entry: Equatable {
        /// The lowercased tokens, joined by a space where the text had a separator.
        var key: String
        var tokenCount: Int
        /// Indexed like the suggester's labels.
        var labelCounts: [Int]
        var misses: Int
        /// Original spellings labeled so far (at most `maxSurfaces`), for exact-case matches.
        var surfaces: [String]

        /// Every sighting: labeled (with any label) or missed.
        var sightings: Int { labelCounts.reduce(0, +) + misses }

        /// The most often given label (the first on a tie) and its smoothed share of every
        /// sighting, (count + 1) / (sightings + 2): 0.67 after one label, 0.75 after two.
        func best() -> (label: Int, count: Int, share: Double) {
            var label = 0
            for index in labelCounts.indices where labelCounts[index] > labelCounts[label] { label = index }
            let count = labelCounts.isEmpty ? 0 : labelCounts[label]
            return (label, count, Double(count + 1) / Double(sightings + 2))
        }

        /// Whether the best label was given at least half the times the surface was seen.
        var isSuggestible: Bool {
            let count = best().count
            return count > 0 && 2 * count >= sightings
        }
    }

    /// A whole-token occurrence of an entry: scalar offsets and tokens covered.
    struct Match {
        var range: Range<Int>
        var tokens: Range<Int>
        var entry: Int
    }

    static let maxSurfaces = 4

    let labelCount: Int
    private(set) var entries: [Entry] = []
    private var index: [String: Int] = [:]
    /// Every key and every key's first tokens ("new", "new york" for "new york times"), so
    /// a match stops growing as soon as no entry starts with what it covers.
    private var prefixes: Set<String> = []

    init(labelCount: Int) {
        self.labelCount = labelCount
    }

    /// Rebuilds a dictionary from stored entries; nil when two entries share a key.
    init?(labelCount: Int, entries: [Entry]) {
        self.labelCount = labelCount
        for entry in entries {
            guard index[entry.key] == nil else { return nil }
            index[entry.key] = self.entries.count
            self.entries.append(entry)
            addPrefixes(of: entry.key)
        }
    }

    /// Counts one labeled occurrence of `surface` (the span's original text).
    mutating func count(surface: String, label: Int) {
        let text = SpanText(surface)
        guard !text.tokens.isEmpty else { return }
        let key = Self.key(text, tokens: 0..<text.tokens.count)
        let position: Int
        if let found = index[key] {
            position = found
        } else {
            position = entries.count
            index[key] = position
            entries.append(Entry(key: key, tokenCount: text.tokens.count,
                                 labelCounts: Array(repeating: 0, count: labelCount), misses: 0, surfaces: []))
            addPrefixes(of: key)
        }
        entries[position].labelCounts[label] += 1
        if entries[position].surfaces.count < Self.maxSurfaces, !entries[position].surfaces.contains(surface) {
            entries[position].surfaces.append(surface)
        }
    }

    mutating func countMiss(entry: Int) {
        entries[entry].misses += 1
    }

    /// Leftmost-longest, non-overlapping whole-token matches of the entries `accept` lets through.
    func matches(in text: SpanText, accept: (Entry) -> Bool = { _ in true }) -> [Match] {
        var result: [Match] = []
        guard !entries.isEmpty else { return result }
        var start = 0
        while start < text.tokens.count {
            if let match = longestMatch(in: text, at: start, accept: accept) {
                result.append(match)
                start = match.tokens.upperBound
            } else {
                start += 1
            }
        }
        return result
    }

    private func longestMatch(in text: SpanText, at start: Int, accept: (Entry) -> Bool) -> Match? {
        var found: Match?
        var key = ""
        for end in start + 1...text.tokens.count {
            if end > start + 1, text.hasGap(after: end - 2) { key += " " }
            key += text.lower[end - 1]
            if let entry = index[key], accept(entries[entry]) {
                found = Match(range: text.tokens[start].start..<text.tokens[end - 1].end, tokens: start..<end, entry: entry)
            } else if let match = particleMatch(in: text, tokens: start..<end, key: key, accept: accept) {
                found = match
            }
            guard prefixes.contains(key) else { break }
        }
        return found
    }

    private mutating func addPrefixes(of key: String) {
        let text = SpanText(key)
        for count in text.tokens.indices { prefixes.insert(Self.key(text, tokens: 0..<count + 1)) }
        prefixes.insert(key)
    }

    /// A match whose last token is an entry's last token followed by a Korean particle.
    private func particleMatch(in text: SpanText, tokens: Range<Int>, key: String, accept: (Entry) -> Bool) -> Match? {
        let lastScalars = Array(text.lower[tokens.upperBound - 1].unicodeScalars)
        for length in KoreanParticles.suffixLengths(of: lastScalars) {
            var stem = String.UnicodeScalarView(key.unicodeScalars)
            stem.removeLast(length)
            if let entry = index[String(stem)], accept(entries[entry]) {
                let end = text.tokens[tokens.upperBound - 1].end - length
                return Match(range: text.tokens[tokens.lowerBound].start..<end, tokens: tokens, entry: entry)
            }
        }
        return nil
    }

    static func key(_ text: SpanText, tokens: Range<Int>) -> String {
        var key = ""
        for position in tokens {
            if position > tokens.lowerBound, text.hasGap(after: position - 1) { key += " " }
            key += text.lower[position]
        }
        return key
    }
}
