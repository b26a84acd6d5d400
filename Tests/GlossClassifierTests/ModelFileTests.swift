import Testing
import GlossClassifier

@Suite("ModelFile")
struct ModelFileTests {
    let payload: [UInt8] = Array("weights and labels".utf8)

    @Test("The envelope gives back its payload for the kind it was written with")
    func roundTrip() throws {
        let bytes = ModelFile.encode(kind: "span", payload: payload)
        #expect(Array(bytes.prefix(4)) == Array("GLSM".utf8))
        #expect(try ModelFile.decode(bytes, expectedKind: "span") == payload)
        #expect(try ModelFile.decode(ModelFile.encode(kind: "text", payload: []), expectedKind: "text") == [])
    }

    @Test("Every flipped payload byte is caught by the checksum")
    func flippedByte() {
        let bytes = ModelFile.encode(kind: "text", payload: payload)
        let payloadStart = bytes.count - payload.count
        for index in payloadStart..<bytes.count {
            var damaged = bytes
            damaged[index] ^= 0x01
            #expect(throws: ModelFileError.checksumMismatch) { try ModelFile.decode(damaged, expectedKind: "text") }
        }
    }

    @Test("Cut short anywhere: truncated (or not a model when even the magic is gone)")
    func truncated() {
        let bytes = ModelFile.encode(kind: "text", payload: payload)
        for length in 1..<bytes.count {
            do {
                _ = try ModelFile.decode(Array(bytes.prefix(length)), expectedKind: "text")
                Issue.record("a file cut to \(length) of \(bytes.count) bytes was read")
            } catch let error as ModelFileError {
                guard case .truncated(_, let found) = error else {
                    Issue.record("cut to \(length) bytes gave \(error)")
                    continue
                }
                #expect(found == length)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(throws: ModelFileError.notAModel) { try ModelFile.decode([], expectedKind: "text") }
    }

    @Test("Foreign bytes, another kind, another version and trailing bytes are refused by name")
    func refusals() {
        let bytes = ModelFile.encode(kind: "text", payload: payload)
        #expect(throws: ModelFileError.notAModel) { try ModelFile.decode(Array("PK\u{3}\u{4}zip".utf8), expectedKind: "text") }
        var wrongMagic = bytes
        wrongMagic[0] = UInt8(ascii: "X")
        #expect(throws: ModelFileError.notAModel) { try ModelFile.decode(wrongMagic, expectedKind: "text") }
        #expect(throws: ModelFileError.wrongKind(expected: "span", found: "text")) {
            try ModelFile.decode(bytes, expectedKind: "span")
        }
        var newer = bytes
        newer[4] = 9
        #expect(throws: ModelFileError.unsupportedVersion(9)) { try ModelFile.decode(newer, expectedKind: "text") }
        #expect(throws: ModelFileError.self) { try ModelFile.decode(bytes + [0], expectedKind: "text") }
    }

    @Test("Errors read as sentences a user can act on")
    func messages() {
        #expect(ModelFileError.checksumMismatch.description.contains("SHA-256"))
        #expect(ModelFileError.truncated(expectedBytes: 10, foundBytes: 4).description.contains("4 of 10 bytes"))
        #expect(ModelFileError.wrongKind(expected: "text", found: "span").description == "a span model where a text model was expected")
    }

    @Test("ModelReader names the field a short payload ends in")
    func readerNamesField() throws {
        var writer = ModelWriter()
        writer.write(UInt32(7))
        writer.write("labels")
        var reader = ModelReader(writer.bytes)
        #expect(try reader.uint32("the version") == 7)
        #expect(try reader.string("a label") == "labels")
        #expect(reader.isAtEnd)
        #expect(throws: ModelFileError.malformed("the payload ends inside the weights")) { try reader.float("the weights") }
    }
}
