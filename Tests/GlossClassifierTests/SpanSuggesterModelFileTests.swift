import GlossCore
import Testing
@testable import GlossClassifier

@Suite struct SpanSuggesterModelFileTests {
    private func trained(seed: UInt64, examples: Int = 40) -> SpanSuggester {
        let model = SpanSuggester(labels: ["PERSON", "LOC"], seed: seed)
        var corpus = MeetingCorpus(generator: SeededGenerator(seed: 11))
        for _ in 0..<examples {
            let (text, spans) = corpus.next()
            model.learn(text: text, spans: spans)
        }
        return model
    }

    @Test func theSameSeedAndExamplesGiveIdenticalBytes() {
        let first = trained(seed: 9).serialized(), second = trained(seed: 9).serialized()
        #expect(first == second)
        #expect(first.starts(with: Array("GLSM".utf8)))
        // The seed salts the feature hashes, so another seed gives another file.
        #expect(trained(seed: 10).serialized() != first)
    }

    @Test func aLoadedModelSuggestsAndKeepsLearningExactlyAsTheOriginal() throws {
        let original = trained(seed: 9)
        let bytes = original.serialized()
        let loaded = try SpanSuggester.load(bytes)
        #expect(loaded.serialized() == bytes)
        #expect(loaded.labels == original.labels && loaded.seed == 9 && loaded.examplesSeen == 40)
        let text = "I had lunch with Zbigniew in Lyon on Monday ."
        #expect(loaded.suggest(text) == original.suggest(text))
        #expect(!original.suggest(text).isEmpty)

        let more = "The photo shows Marta Quaresma in Osaka ."
        let spans = [labeledSpan("Marta Quaresma", in: more, "PERSON"), labeledSpan("Osaka", in: more, "LOC")]
        original.learn(text: more, spans: spans)
        loaded.learn(text: more, spans: spans)
        #expect(loaded.serialized() == original.serialized())
    }

    @Test func anEmptyModelRoundTrips() throws {
        let empty = SpanSuggester(labels: [], seed: 2)
        let loaded = try SpanSuggester.load(empty.serialized())
        #expect(loaded.labels.isEmpty && loaded.suggest("Anything at all").isEmpty)
    }

    @Test func damagedBytesThrowAClearError() {
        let bytes = trained(seed: 9, examples: 5).serialized()
        var flipped = bytes
        flipped[flipped.count - 3] ^= 0x40
        #expect(throws: ModelFileError.checksumMismatch) { try SpanSuggester.load(flipped) }
        #expect(throws: ModelFileError.truncated(expectedBytes: bytes.count, foundBytes: bytes.count - 10)) {
            try SpanSuggester.load(Array(bytes.dropLast(10)))
        }
        #expect(throws: ModelFileError.notAModel) { try SpanSuggester.load(Array("{\"not\": \"a model\"}".utf8)) }
        #expect(throws: ModelFileError.notAModel) { try SpanSuggester.load([]) }
    }

    @Test func aForeignOrInconsistentPayloadIsRefusedByName() throws {
        let payload = try ModelFile.decode(trained(seed: 9, examples: 5).serialized(), expectedKind: "spans")
        #expect(throws: ModelFileError.wrongKind(expected: "spans", found: "text")) {
            try SpanSuggester.load(ModelFile.encode(kind: "text", payload: payload))
        }
        // A well-sealed envelope around a payload that ends early or runs on.
        for bad in [Array(payload.dropLast(4)), payload + [0]] {
            #expect {
                try SpanSuggester.load(ModelFile.encode(kind: "spans", payload: bad))
            } throws: { error in
                guard case .malformed(let what)? = error as? ModelFileError else { return false }
                return !what.isEmpty
            }
        }
        var newer = payload
        newer[0] = 2
        #expect(throws: ModelFileError.unsupportedVersion(2)) {
            try SpanSuggester.load(ModelFile.encode(kind: "spans", payload: newer))
        }
    }
}
