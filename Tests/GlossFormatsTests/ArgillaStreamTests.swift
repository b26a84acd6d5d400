import Foundation
import GlossCore
import Testing
@testable import GlossFormats

/// The Argilla stream decides between `records.json` (an array) and JSON Lines on the first
/// byte that is not white space; the white space before it still counts for line numbers,
/// however the input is cut into reads (a fuzzing finding: blank first lines were dropped
/// when they came in a read of their own, and every error named the line above).
@Suite("Argilla import streams")
struct ArgillaStreamTests {
    @Test(arguments: streamChunkSizes)
    func errorsNameTheSameLineWhateverTheReads(chunkSize: Int?) {
        let input = Array("\n\n{\"id\": \"a\", \"fields\": 3}\nnot json\n".utf8)
        var stream = ImportFormat.argilla.makeStream(fields: ImportFields())
        let output = runStream(&stream, input, chunkSize: chunkSize)
        #expect(output.errors.map(\.line) == [3, 4], "\(output.errors)")
    }

    @Test(arguments: streamChunkSizes)
    func anArrayAfterBlankLinesIsStillAnArray(chunkSize: Int?) {
        let input = Array("\n  \n[{\"id\": \"a\", \"fields\": 3}]\n".utf8)
        var whole = ImportFormat.argilla.makeStream(fields: ImportFields())
        var chunked = ImportFormat.argilla.makeStream(fields: ImportFields())
        #expect(runStream(&chunked, input, chunkSize: chunkSize) == runStream(&whole, input, chunkSize: nil))
    }
}
