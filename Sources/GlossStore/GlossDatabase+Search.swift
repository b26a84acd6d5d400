import Foundation
import GlossCore

/// How far the word index of item texts has come (see `GlossDatabase.indexForSearch`).
public struct SearchIndexProgress: Sendable, Equatable {
    /// Items this call indexed.
    public var indexed: Int
    /// Items of any dataset still waiting to be indexed (by their ids: at most a few more
    /// than there are; 0 exactly when none is left).
    public var remaining: Int
    public init(indexed: Int, remaining: Int) {
        self.indexed = indexed
        self.remaining = remaining
    }
}

/// What a backend does for the search index (see `StoreBackend`).
protocol SearchBackend {
    /// Indexes up to `limit` items after the last one indexed, in one short write transaction.
    func indexForSearch(limit: Int) throws -> SearchIndexProgress
}

extension GlossDatabase {
    /// Adds the next `limit` items (every dataset's, in id order) to the word index the
    /// labeler's search uses, in one write transaction short enough that saves waiting
    /// behind it are not held up noticeably. Items not yet indexed are still found by a
    /// search, by reading them; the index only makes that unnecessary.
    public func indexForSearch(limit: Int = 200) throws -> SearchIndexProgress {
        precondition(limit > 0, "a chunk holds at least one item")
        return try backend.indexForSearch(limit: limit)
    }
}

/// The words of a search as the index splits texts: runs of letters and digits (of any
/// script), anything else separating them. The index folds case and diacritics itself.
public enum SearchWords {
    public static func words(_ query: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in query.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
