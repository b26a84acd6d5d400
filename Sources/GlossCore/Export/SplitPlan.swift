import Foundation

/// How items are divided into train/validation/test: a fixed share per split, decided by a
/// hash of the item's id and the seed, so an item's split never depends on the other items
/// (adding items or labels moves nothing). `stratify` asks the store to balance each label's
/// items across splits instead; it remembers each assignment so that too never moves.
public struct SplitPlan: Sendable, Equatable, Codable {
    /// Shares of train, validation and test, summing to 1.
    public var shares: [Double]
    public var seed: UInt32
    public var stratify: Bool

    public init(shares: [Double], seed: UInt32, stratify: Bool) {
        self.shares = shares
        self.seed = seed
        self.stratify = stratify
    }

    /// Reads `80/10/10` (any three non-negative integers with a positive sum; `90/10` means
    /// no test split). Nil for `none`.
    public static func parse(_ text: String, seed: UInt32, stratify: Bool) throws(SplitPlanError) -> SplitPlan? {
        if text.lowercased() == "none" { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else {
            throw SplitPlanError("--split \"\(text)\" must be like 80/10/10 (train/validation/test) or none")
        }
        var numbers: [Double] = []
        for part in parts {
            guard let n = Double(part.trimmingCharacters(in: .whitespaces)), n >= 0, n.isFinite else {
                throw SplitPlanError("--split \"\(text)\": \"\(part)\" is not a non-negative number")
            }
            numbers.append(n)
        }
        while numbers.count < 3 { numbers.append(0) }
        let total = numbers.reduce(0, +)
        guard total > 0 else { throw SplitPlanError("--split \"\(text)\" has no positive share") }
        return SplitPlan(shares: numbers.map { $0 / total }, seed: seed, stratify: stratify)
    }

    /// The splits with a positive share, in order.
    public var splits: [ExportSplit] {
        ExportSplit.allCases.enumerated().filter { shares[$0.offset] > 0 }.map(\.element)
    }

    /// `80/10/10`, as written in manifests.
    public var description: String {
        shares.map { share in
            let percent = share * 100
            return percent == percent.rounded() ? String(Int(percent)) : String(percent)
        }.joined(separator: "/")
    }

    /// A number in [0, 1) from the id's UTF-8 bytes: the first 64 bits of MurmurHash3 x64 128
    /// with the seed (Python: `mmh3.hash64(id.encode(), seed, signed=False)[0] >> 11) / 2**53`).
    public func position(of id: String) -> Double {
        var id = id
        let hash = id.withUTF8 { ContentHash.murmur3(UnsafeRawBufferPointer($0), seed: seed) }
        return Double(hash.h1 >> 11) * 0x1p-53
    }

    /// The split a position falls in: train below its share, then validation, then test.
    public func split(at position: Double) -> ExportSplit {
        var edge = 0.0
        for (index, split) in ExportSplit.allCases.enumerated() {
            edge += shares[index]
            if position < edge, shares[index] > 0 { return split }
        }
        return splits.last ?? .train
    }

    /// The hash split of an id (the unstratified rule).
    public func split(of id: String) -> ExportSplit { split(at: position(of: id)) }
}

public struct SplitPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
