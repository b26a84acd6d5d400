import Foundation

/// One turn of a chat: who speaks (`user`, `assistant`, `system`, …) and what they say.
public struct ChatTurn: Sendable, Hashable {
    public var role: String
    public var content: String
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// One model's answer to an item's prompt.
public struct ItemResponse: Sendable, Hashable {
    /// The model's name, unique within the item.
    public var model: String
    public var text: String
    public init(model: String, text: String) {
        self.model = model
        self.text = text
    }
}

/// The parts of an item that asks for a judgment of model outputs: a prompt (a string, or a
/// chat as a list of turns) and the responses of named models. Stored as canonical JSON in
/// `items.parts` beside the item's `text`, which is their readable flattening (`flattened`),
/// so that duplicates, search and every export of text keep working on such items.
public struct ItemParts: Sendable, Hashable {
    public enum Prompt: Sendable, Hashable {
        case text(String)
        case chat([ChatTurn])
    }

    public var prompt: Prompt
    public var responses: [ItemResponse]

    public init(prompt: Prompt, responses: [ItemResponse]) {
        self.prompt = prompt
        self.responses = responses
    }

    /// Whether the prompt is a chat (exports then write messages, not strings).
    public var isChat: Bool {
        if case .chat = prompt { return true }
        return false
    }

    /// The response of `model`, if the item has one.
    public func response(of model: String) -> ItemResponse? {
        responses.first { $0.model == model }
    }

    /// The canonical JSON stored in `items.parts`: `{"prompt":"…"}` or
    /// `{"messages":[{"role":"…","content":"…"}]}` then `"responses":[{"model":"…","text":"…"}]`,
    /// members in that order, no spaces.
    public var json: String {
        var out: [UInt8] = []
        switch prompt {
        case .text(let text):
            out.appendASCII("{\"prompt\":")
            out.appendJSONString(text)
        case .chat(let turns):
            out.appendASCII("{\"messages\":")
            Self.appendMessages(turns, to: &out)
        }
        out.appendASCII(",\"responses\":[")
        for (index, response) in responses.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.appendASCII("{\"model\":")
            out.appendJSONString(response.model)
            out.appendASCII(",\"text\":")
            out.appendJSONString(response.text)
            out.append(UInt8(ascii: "}"))
        }
        out.appendASCII("]}")
        return String(decoding: out, as: UTF8.self)
    }

    /// `[{"role":"…","content":"…"},…]`: a chat as TRL's conversational rows hold it.
    public static func appendMessages(_ turns: [ChatTurn], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, turn) in turns.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.appendASCII("{\"role\":")
            out.appendJSONString(turn.role)
            out.appendASCII(",\"content\":")
            out.appendJSONString(turn.content)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Reads the JSON `json` writes (any spacing and member order); nil for anything else.
    public init?(json: String) {
        guard let object = FoundationJSON.object(Data(json.utf8)) as? [String: Any],
              let list = object["responses"] as? [[String: Any]] else { return nil }
        var responses: [ItemResponse] = []
        for entry in list {
            guard let model = entry["model"] as? String, let text = entry["text"] as? String else { return nil }
            responses.append(ItemResponse(model: model, text: text))
        }
        if let text = object["prompt"] as? String {
            prompt = .text(text)
        } else if let messages = object["messages"] as? [[String: Any]] {
            var turns: [ChatTurn] = []
            for message in messages {
                guard let role = message["role"] as? String, let content = message["content"] as? String else { return nil }
                turns.append(ChatTurn(role: role, content: content))
            }
            prompt = .chat(turns)
        } else {
            return nil
        }
        self.responses = responses
    }

    /// The item's `text`: the prompt (a chat as `role: content` turns), then each response
    /// under a `[model]` line, blocks separated by blank lines. Searching, duplicates and the
    /// exports of text read it; the pairwise screen draws the parts instead, so the models
    /// stay hidden from judges.
    public var flattened: String {
        var blocks: [String] = []
        switch prompt {
        case .text(let text): blocks.append(text)
        case .chat(let turns): blocks += turns.map { "\($0.role): \($0.content)" }
        }
        for response in responses { blocks.append("[\(response.model)]\n\(response.text)") }
        return blocks.joined(separator: "\n\n")
    }

    /// The prompt as one readable string (a chat's turns as `role: content` lines).
    public var promptText: String {
        switch prompt {
        case .text(let text): text
        case .chat(let turns): turns.map { "\($0.role): \($0.content)" }.joined(separator: "\n\n")
        }
    }
}
