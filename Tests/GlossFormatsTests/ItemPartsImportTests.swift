import Foundation
import GlossCore
import Testing
@testable import GlossFormats

private func lines(_ input: String, sourceLocation: SourceLocation = #_sourceLocation) -> StreamOutput {
    runAllChunkSizes({ JSONLinesStream(fields: ImportFields(label: "label")) }, utf8(input), sourceLocation: sourceLocation)
}

private func refusal(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> InvalidRecord? {
    let output = lines(line + "\n", sourceLocation: sourceLocation)
    #expect(output.records.isEmpty, sourceLocation: sourceLocation)
    return output.errors.first
}

@Suite("Items with parts (prompt, chat, responses)")
struct ItemPartsImportTests {
    @Test func promptAndResponsesAreStoredAsPartsAndFlattenedIntoTheText() throws {
        let output = lines("""
            {"id":"p1","prompt":"Say hi","responses":[{"model":"m1","text":"Hi!"},{"model":"m2","text":"Hello."}],"topic":"greet"}

            """)
        #expect(output.errors.isEmpty)
        let record = try #require(output.records.first)
        #expect(record.externalID == "p1")
        #expect(record.text == "Say hi\n\n[m1]\nHi!\n\n[m2]\nHello.")
        #expect(record.partsJSON == #"{"prompt":"Say hi","responses":[{"model":"m1","text":"Hi!"},{"model":"m2","text":"Hello."}]}"#)
        // The parts leave the metadata; the other fields stay, in order.
        #expect(record.metadataJSON == #"{"topic":"greet"}"#)
        let parts = try #require(record.partsJSON.flatMap(ItemParts.init(json:)))
        #expect(parts.responses.map(\.model) == ["m1", "m2"])
        #expect(parts.json == record.partsJSON)
    }

    @Test func chatMessagesAndChatTurnResponses() throws {
        let output = lines("""
            {"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"2+2?"}],"responses":[{"model":"a","role":"assistant","content":"4"},{"model":"b","text":"Four."}]}

            """)
        #expect(output.errors.isEmpty)
        let record = try #require(output.records.first)
        let parts = try #require(record.partsJSON.flatMap(ItemParts.init(json:)))
        #expect(parts.prompt == .chat([ChatTurn(role: "system", content: "Be brief."), ChatTurn(role: "user", content: "2+2?")]))
        #expect(parts.responses == [ItemResponse(model: "a", text: "4"), ItemResponse(model: "b", text: "Four.")])
        #expect(record.text == "system: Be brief.\n\nuser: 2+2?\n\n[a]\n4\n\n[b]\nFour.")
        #expect(record.metadataJSON == nil)
    }

    @Test func responseAAndBWithModelNames() throws {
        let output = lines("""
            {"prompt":"Q","response_a":"one","response_b":{"role":"assistant","content":"two"},"model_a":"x","model_b":"y"}
            {"prompt":"Q2","response_a":"one","response_b":"two"}

            """)
        #expect(output.errors.isEmpty)
        let first = try #require(output.records.first?.partsJSON.flatMap(ItemParts.init(json:)))
        #expect(first.responses == [ItemResponse(model: "x", text: "one"), ItemResponse(model: "y", text: "two")])
        let second = try #require(output.records.last?.partsJSON.flatMap(ItemParts.init(json:)))
        #expect(second.responses.map(\.model) == ["a", "b"])
    }

    @Test func sameTextsWithOtherModelsAreNotDuplicates() throws {
        let output = lines("""
            {"prompt":"Q","responses":[{"model":"m1","text":"A"},{"model":"m2","text":"B"}]}
            {"prompt":"Q","responses":[{"model":"m3","text":"A"},{"model":"m2","text":"B"}]}

            """)
        #expect(output.records.count == 2)
        #expect(output.records[0].contentHash != output.records[1].contentHash)
    }

    @Test func recordsWithATextFieldStayAsTheyWere() throws {
        let output = lines("""
            {"text":"plain","prompt":"kept as metadata"}

            """)
        let record = try #require(output.records.first)
        #expect(record.partsJSON == nil)
        #expect(record.text == "plain")
        #expect(record.metadataJSON == #"{"prompt":"kept as metadata"}"#)
    }

    @Test(arguments: [
        (#"{"prompt":"Q","responses":{"model":"m","text":"t"}}"#, 1, 27,
         #""responses" must be a list of {"model", "text"} objects, not an object"#),
        (#"{"prompt":"Q","responses":[{"model":"m"}]}"#, 1, 27, #"responses[1] has no "text" (or a chat turn's "content")"#),
        (#"{"prompt":"Q","responses":[{"model":"m","text":"a"},{"model":"m","text":"b"}]}"#, 1, 27,
         #"responses[2]: the model "m" answers twice in one item; each response needs its own model name"#),
        (#"{"prompt":"Q","responses":[{"model":3,"text":"a"}]}"#, 1, 27, #"responses[1].model must be a string, not a number"#),
        (#"{"prompt":"Q","responses":["just text"]}"#, 1, 27,
         #"responses[1] must be a {"model", "text"} object, not a string"#),
        (#"{"prompt":["Q"],"responses":[]}"#, 1, 11, #""prompt" must be a string, not a list"#),
        (#"{"responses":[{"model":"m","text":"a"}]}"#, 1, 14,
         #"an item with responses needs a "prompt" (a string) or "messages" (a chat)"#),
        (#"{"messages":[{"role":"user"}],"responses":[]}"#, 1, 13, #"messages[1] has no "content""#),
        (#"{"prompt":"Q","response_a":"x"}"#, 1, 28, #"the record has "response_a" but no "response_b""#),
        (#"{"prompt":"Q","response_a":"x","response_b":"y","model_a":"m","model_b":"m"}"#, 1, 45,
         #"response_b: the model "m" answers twice in one item; each response needs its own model name"#),
        (#"{"text":"T","responses":[]}"#, 1, 13,
         #"the record has both "text" and "responses"; an item with responses takes its text from its "prompt" or "messages": leave out "text""#),
    ])
    func malformedPartsAreRefusedWithTheirField(_ line: String, lineNumber: Int, column: Int, message: String) throws {
        let error = try #require(refusal(line))
        #expect(error.line == lineNumber)
        #expect(error.column == column)
        #expect(error.message == message)
    }

    @Test func aRefusalNamesTheLineItIsOn() throws {
        let output = lines("""
            {"prompt":"ok","responses":[{"model":"m","text":"t"}]}
            {"prompt":"bad","responses":[{"model":"m","text":7}]}

            """)
        #expect(output.records.count == 1)
        let error = try #require(output.errors.first)
        #expect(error.line == 2)
        #expect(error.message == "responses[1].text must be a string, not a number")
    }
}
