import Foundation
import GlossCore
import Testing
@testable import GlossFormats

/// What a `RecordStream` produced for one input: every emitted result, then the error it
/// threw, if any (JSONArrayStream throws its fatal structural errors).
struct StreamOutput: Equatable {
    var results: [RecordResult] = []
    var thrown: InvalidRecord?

    var records: [ImportRecord] { results.compactMap { try? $0.get() } }
    var errors: [InvalidRecord] {
        results.compactMap { if case .failure(let error) = $0 { error } else { nil } }
    }
    var texts: [String] { records.map(\.text) }
    var lines: [Int] { records.map(\.line) }
}

/// Chunk sizes every stream is fed with; nil means the whole input in one chunk.
let streamChunkSizes: [Int?] = [1, 2, 7, 64, nil]

/// Feeds `input` to `stream` in chunks of `chunkSize` bytes, then finishes it.
func runStream(_ stream: inout some RecordStream, _ input: [UInt8], chunkSize: Int?) -> StreamOutput {
    var output = StreamOutput()
    let size = max(1, chunkSize ?? input.count)
    do {
        try input.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let end = min(start + size, all.count)
                try stream.feed(UnsafeBufferPointer(rebasing: all[start..<end])) { output.results.append($0) }
                start = end
            }
        }
        try stream.finish { output.results.append($0) }
    } catch let error as InvalidRecord {
        output.thrown = error
    } catch {
        Issue.record("unexpected error type: \(error)")
    }
    return output
}

/// Runs a fresh stream over `input` with every chunk size, expects all of them to give the
/// same output as the whole input at once, and returns that output.
func runAllChunkSizes<S: RecordStream>(
    _ make: () -> S, _ input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
) -> StreamOutput {
    var whole = make()
    let expected = runStream(&whole, input, chunkSize: nil)
    for size in streamChunkSizes.compactMap({ $0 }) {
        var stream = make()
        let output = runStream(&stream, input, chunkSize: size)
        #expect(output == expected, "chunk size \(size) differs from the whole input", sourceLocation: sourceLocation)
    }
    return expected
}

func runAllChunkSizes<S: RecordStream>(
    _ make: () -> S, _ input: String, sourceLocation: SourceLocation = #_sourceLocation
) -> StreamOutput {
    runAllChunkSizes(make, Array(input.utf8), sourceLocation: sourceLocation)
}

/// UTF-8 bytes of `text`, for building inputs with invalid bytes spliced in.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A metadata JSON object parsed with Foundation, independently of the code under test.
func parseObject(_ json: String?, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any] {
    guard let json else {
        Issue.record("no metadata", sourceLocation: sourceLocation)
        return [:]
    }
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
        Issue.record("metadata is not a JSON object: \(json)", sourceLocation: sourceLocation)
        return [:]
    }
    return object
}

/// The content hash the normalizer gives `text`, to compare with a record's.
func hashOf(_ text: String) -> ContentHash? {
    var normalizer = TextNormalizer()
    return normalizer.contentHash(of: text)
}
