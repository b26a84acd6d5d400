import GlossCore

/// The span suggester's model file: a `ModelFile` envelope of kind "spans" around
///
///     payload version: UInt32 | seed: UInt64 | examples seen: UInt64 | labels: [String]
///     dictionary: count, then per entry: key, token count: UInt32, a UInt32 count per
///         label, misses: UInt32, spellings: [String]
///     tagger: guessed: UInt32 | guessed right: UInt32 | clock: UInt64 | rows: count, then per row: feature hash: UInt64, count of
///         non-zero cells: UInt32, then per cell: tag: UInt32, weight: Int32, total: Int64, stamp: Int32
///
/// Entries and rows are written in the order they were created, so the same learning gives
/// the same bytes.
extension SpanSuggester {
    static let modelKind = "spans"
    static let payloadVersion: UInt32 = 1

    /// The model's bytes, deterministic for the same labels, seed and learning sequence.
    public func serialized() -> [UInt8] {
        var writer = ModelWriter()
        writer.write(Self.payloadVersion)
        writer.write(seed)
        writer.write(UInt64(examplesSeen))
        writer.write(labels)
        writer.write(UInt32(dictionary.entries.count))
        for entry in dictionary.entries {
            writer.write(entry.key)
            writer.write(UInt32(entry.tokenCount))
            for count in entry.labelCounts { writer.write(UInt32(clamping: count)) }
            writer.write(UInt32(clamping: entry.misses))
            writer.write(entry.surfaces)
        }
        writer.write(UInt32(tagger.guessed))
        writer.write(UInt32(tagger.guessedRight))
        let weights = tagger.weights
        writer.write(UInt64(weights.clock))
        writer.write(UInt32(weights.features.count))
        for (row, feature) in weights.features.enumerated() {
            writer.write(feature)
            let cells = weights.cells[row * weights.classCount..<(row + 1) * weights.classCount]
            let kept = cells.enumerated().filter { $0.element.weight != 0 || $0.element.total != 0 }
            writer.write(UInt32(kept.count))
            for (tag, cell) in kept {
                writer.write(UInt32(tag))
                writer.write(UInt32(bitPattern: cell.weight))
                writer.write(UInt64(bitPattern: cell.total))
                writer.write(UInt32(bitPattern: cell.stamp))
            }
        }
        return ModelFile.encode(kind: Self.modelKind, payload: writer.bytes)
    }

    /// Reads what `serialized()` wrote. A damaged, cut or foreign file throws `ModelFileError`.
    public static func load(_ bytes: [UInt8]) throws -> SpanSuggester {
        var reader = ModelReader(try ModelFile.decode(bytes, expectedKind: modelKind))
        let version = try reader.uint32("the payload version")
        guard version == payloadVersion else { throw ModelFileError.unsupportedVersion(Int(version)) }
        let seed = try reader.uint64("the seed")
        let examplesSeen = try reader.uint64("the count of examples seen")
        let labels = try reader.strings("the labels")
        guard labels.count <= 1000, examplesSeen <= UInt64(Int32.max) else {
            throw ModelFileError.malformed("\(labels.count) labels or \(examplesSeen) examples is more than a span model holds")
        }
        let dictionary = try readDictionary(&reader, labelCount: labels.count)
        let guessed = Int(try reader.uint32("the tagger's guesses"))
        let guessedRight = Int(try reader.uint32("the tagger's right guesses"))
        let weights = try readWeights(&reader, classCount: 1 + 2 * labels.count)
        guard let tagger = BIOTagger(labelCount: labels.count, salt: seed, weights: weights, guessed: guessed, guessedRight: guessedRight) else {
            throw ModelFileError.malformed("the tagger claims \(guessedRight) right of \(guessed) guesses")
        }
        guard reader.isAtEnd else { throw ModelFileError.malformed("unexpected bytes after the tagger's weights") }
        return SpanSuggester(labels: labels, seed: seed, examplesSeen: Int(examplesSeen), dictionary: dictionary, tagger: tagger)
    }

    private static func readDictionary(_ reader: inout ModelReader, labelCount: Int) throws -> SpanDictionary {
        let count = try reader.count("the dictionary", minimumElementBytes: 16 + 4 * labelCount)
        var entries: [SpanDictionary.Entry] = []
        entries.reserveCapacity(count)
        for number in stride(from: 1, through: count, by: 1) {
            let key = try reader.string("dictionary entry #\(number)")
            let tokenCount = Int(try reader.uint32("the token count of dictionary entry #\(number)"))
            guard tokenCount >= 1, tokenCount <= key.unicodeScalars.count else {
                throw ModelFileError.malformed("dictionary entry #\(number) claims \(tokenCount) tokens")
            }
            var labelCounts: [Int] = []
            for _ in 0..<labelCount { labelCounts.append(Int(try reader.uint32("the label counts of dictionary entry #\(number)"))) }
            let misses = Int(try reader.uint32("the misses of dictionary entry #\(number)"))
            let surfaces = try reader.strings("the spellings of dictionary entry #\(number)")
            entries.append(SpanDictionary.Entry(key: key, tokenCount: tokenCount, labelCounts: labelCounts, misses: misses, surfaces: surfaces))
        }
        guard let dictionary = SpanDictionary(labelCount: labelCount, entries: entries) else {
            throw ModelFileError.malformed("two dictionary entries share a surface")
        }
        return dictionary
    }

    private static func readWeights(_ reader: inout ModelReader, classCount: Int) throws -> PerceptronWeights {
        let clock = try reader.uint64("the tagger's clock")
        guard clock <= UInt64(Int32.max) else { throw ModelFileError.malformed("the tagger's clock \(clock) is impossible") }
        let rowCount = try reader.count("the tagger's weights", minimumElementBytes: 12)
        var features: [UInt64] = []
        var cells = [PerceptronWeights.Cell](repeating: .init(), count: rowCount * classCount)
        features.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            features.append(try reader.uint64("the feature of tagger row #\(row + 1)"))
            let kept = try reader.count("the weights of tagger row #\(row + 1)", minimumElementBytes: 20)
            var lastTag = -1
            for _ in 0..<kept {
                let tag = Int(try reader.uint32("a tag of tagger row #\(row + 1)"))
                guard tag > lastTag, tag < classCount else {
                    throw ModelFileError.malformed("tagger row #\(row + 1) has tag \(tag), out of order or not one of the \(classCount) tags")
                }
                lastTag = tag
                let weight = Int32(bitPattern: try reader.uint32("a weight of tagger row #\(row + 1)"))
                let total = Int64(bitPattern: try reader.uint64("a weight total of tagger row #\(row + 1)"))
                let stamp = Int32(bitPattern: try reader.uint32("a weight stamp of tagger row #\(row + 1)"))
                cells[row * classCount + tag] = .init(weight: weight, total: total, stamp: stamp)
            }
        }
        guard let weights = PerceptronWeights(classCount: classCount, clock: Int(clock), features: features, cells: cells) else {
            throw ModelFileError.malformed("the tagger's weights repeat a feature or change after the clock")
        }
        return weights
    }
}
