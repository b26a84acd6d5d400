import Foundation
import GlossCore

/// Reads the parts of an item that asks for a judgment of model outputs from the members of
/// its JSON record: `prompt` (a string) or `messages` (a chat: `{"role", "content"}` turns),
/// and `responses` (`{"model", "text"}`, or a chat turn `{"role", "content"}` with `"model"`)
/// or `response_a`/`response_b` with `model_a`/`model_b` (models "a" and "b" when not named).
/// Anything else in those members is refused with the field it is in, so that a malformed
/// file changes nothing.
enum ItemPartsReader {
    /// The members that make an item's parts (when the record has no text field).
    static let keys: Set<String> = ["prompt", "messages", "responses", "response_a", "response_b", "model_a", "model_b"]
    /// The members whose presence makes a record an item with parts.
    static let responseKeys: Set<String> = ["responses", "response_a", "response_b"]

    /// Why the parts cannot be read: the field (`responses[2].text`), the member it is in
    /// (to place the error), and what is wrong.
    struct Problem: Error {
        var member: String
        var message: String
    }

    /// The parts in `members` (each a decoded JSON value, by key).
    static func parts(_ members: [String: Any]) throws(Problem) -> ItemParts {
        let prompt: ItemParts.Prompt
        switch (members["prompt"], members["messages"]) {
        case (.some, .some):
            throw Problem(member: "messages", message: "give \"prompt\" or \"messages\", not both")
        case (let raw?, nil):
            guard let text = raw as? String else {
                throw Problem(member: "prompt", message: "\"prompt\" must be a string, not \(kind(of: raw))")
            }
            guard !isBlank(text) else { throw Problem(member: "prompt", message: "\"prompt\" is empty") }
            prompt = .text(text)
        case (nil, let raw?):
            prompt = .chat(try chat(raw))
        case (nil, nil):
            let member = members.keys.filter(responseKeys.contains).sorted().first ?? "responses"
            throw Problem(member: member,
                          message: "an item with responses needs a \"prompt\" (a string) or \"messages\" (a chat)")
        }
        let responses: [ItemResponse]
        if let raw = members["responses"] {
            if let other = ["response_a", "response_b", "model_a", "model_b"].first(where: { members[$0] != nil }) {
                throw Problem(member: other, message: "give \"responses\" or \"response_a\"/\"response_b\", not both")
            }
            responses = try list(raw)
        } else if members["response_a"] != nil || members["response_b"] != nil {
            responses = try pair(members)
        } else {
            if let stray = ["model_a", "model_b"].first(where: { members[$0] != nil }) {
                throw Problem(member: stray, message: "\"\(stray)\" names the model of \"response_\(stray.suffix(1))\", "
                                  + "which the record does not have")
            }
            responses = []
        }
        return ItemParts(prompt: prompt, responses: responses)
    }

    private static func chat(_ raw: Any) throws(Problem) -> [ChatTurn] {
        guard let list = raw as? [Any] else {
            throw Problem(member: "messages",
                          message: "\"messages\" must be a list of {\"role\", \"content\"} turns, not \(kind(of: raw))")
        }
        guard !list.isEmpty else { throw Problem(member: "messages", message: "\"messages\" is an empty list") }
        var turns: [ChatTurn] = []
        for (index, element) in list.enumerated() {
            let field = "messages[\(index + 1)]"
            guard let turn = element as? [String: Any] else {
                throw Problem(member: "messages", message: "\(field) must be a {\"role\", \"content\"} object, not \(kind(of: element))")
            }
            turns.append(ChatTurn(role: try string(turn, "role", in: field, member: "messages", nonEmpty: true),
                                  content: try string(turn, "content", in: field, member: "messages", nonEmpty: false)))
        }
        return turns
    }

    private static func list(_ raw: Any) throws(Problem) -> [ItemResponse] {
        guard let list = raw as? [Any] else {
            throw Problem(member: "responses",
                          message: "\"responses\" must be a list of {\"model\", \"text\"} objects, not \(kind(of: raw))")
        }
        var responses: [ItemResponse] = []
        for (index, element) in list.enumerated() {
            let field = "responses[\(index + 1)]"
            guard let object = element as? [String: Any] else {
                throw Problem(member: "responses",
                              message: "\(field) must be a {\"model\", \"text\"} object, not \(kind(of: element))")
            }
            let model = try string(object, "model", in: field, member: "responses", nonEmpty: true)
            let response = ItemResponse(model: model, text: try text(of: object, field: field, member: "responses"))
            try add(response, to: &responses, field: field, member: "responses")
        }
        return responses
    }

    /// `response_a` and `response_b` (each a string or a chat turn), named by `model_a` and `model_b`.
    private static func pair(_ members: [String: Any]) throws(Problem) -> [ItemResponse] {
        var responses: [ItemResponse] = []
        for side in ["a", "b"] {
            let key = "response_" + side, modelKey = "model_" + side
            guard let raw = members[key] else {
                let other = side == "a" ? "response_b" : "response_a"
                throw Problem(member: other, message: "the record has \"\(other)\" but no \"\(key)\"")
            }
            var model = side
            if let named = members[modelKey] {
                guard let name = named as? String, !isBlank(name) else {
                    throw Problem(member: modelKey, message: "\"\(modelKey)\" must be a non-empty string, not \(kind(of: named))")
                }
                model = name
            }
            let text: String
            if let string = raw as? String {
                text = string
            } else if let turn = raw as? [String: Any] {
                text = try self.text(of: turn, field: key, member: key)
            } else {
                throw Problem(member: key, message: "\"\(key)\" must be a string or a {\"role\", \"content\"} turn, not \(kind(of: raw))")
            }
            try add(ItemResponse(model: model, text: text), to: &responses, field: key, member: key)
        }
        return responses
    }

    /// A response's text: `text`, or a chat turn's `content` (whose role, if given, is the assistant's).
    private static func text(of object: [String: Any], field: String, member: String) throws(Problem) -> String {
        if object["text"] != nil {
            return try string(object, "text", in: field, member: member, nonEmpty: true)
        }
        guard object["content"] != nil else {
            throw Problem(member: member, message: "\(field) has no \"text\" (or a chat turn's \"content\")")
        }
        if object["role"] != nil {
            let role = try string(object, "role", in: field, member: member, nonEmpty: true)
            guard role == "assistant" else {
                throw Problem(member: member, message: "\(field).role is \"\(role)\"; a response is the assistant's turn")
            }
        }
        return try string(object, "content", in: field, member: member, nonEmpty: true)
    }

    private static func add(_ response: ItemResponse, to responses: inout [ItemResponse], field: String,
                            member: String) throws(Problem) {
        if responses.contains(where: { $0.model == response.model }) {
            throw Problem(member: member, message: "\(field): the model \"\(response.model)\" answers twice in one item; "
                              + "each response needs its own model name")
        }
        responses.append(response)
    }

    private static func string(_ object: [String: Any], _ key: String, in field: String, member: String,
                               nonEmpty: Bool) throws(Problem) -> String {
        guard let raw = object[key] else { throw Problem(member: member, message: "\(field) has no \"\(key)\"") }
        guard let text = raw as? String else {
            throw Problem(member: member, message: "\(field).\(key) must be a string, not \(kind(of: raw))")
        }
        if nonEmpty, isBlank(text) { throw Problem(member: member, message: "\(field).\(key) is empty") }
        return text
    }

    private static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

    static func kind(of value: Any) -> String {
        switch value {
        case is String: "a string"
        case is [Any]: "a list"
        case is [String: Any]: "an object"
        case is NSNull: "null"
        case let number as NSNumber where String(cString: number.objCType) == "c": "a boolean"
        default: "a number"
        }
    }
}
