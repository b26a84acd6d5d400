import GlossCore
import GlossFormats

/// The `hf` members and card features the judging kinds share: the item's parts as columns
/// with one type whatever the item (`prompt`, a string, the chat's turns as `role: content`
/// lines; `messages`, the chat, empty for a string prompt; `responses`, `{model, text}` in
/// the item's order; all empty for an item without parts) and the ratings as a list of
/// `{model, criterion, rating}` (`model` only for ratings of each response), a list so the
/// card needs no criterion names ahead.
enum JudgingHuggingFace {
    static func appendParts(of record: ExportRecord, to out: inout [UInt8]) {
        let parts = record.partsJSON.flatMap(ItemParts.init(json:))
        out.appendASCII(",\"prompt\":")
        out.appendJSONString(parts?.promptText ?? "")
        out.appendASCII(",\"messages\":")
        if case .chat(let turns)? = parts?.prompt { ItemParts.appendMessages(turns, to: &out) } else { out.appendASCII("[]") }
        out.appendASCII(",\"responses\":[")
        for (n, response) in (parts?.responses ?? []).enumerated() {
            out.appendASCII(n == 0 ? "{\"model\":" : ",{\"model\":")
            out.appendJSONString(response.model)
            out.appendASCII(",\"text\":")
            out.appendJSONString(response.text)
            out.appendASCII("}")
        }
        out.appendASCII("]")
    }

    static func appendRatings(_ ratings: Ratings?, to out: inout [UInt8]) {
        out.appendASCII(",\"ratings\":[")
        for (n, rating) in (ratings?.all ?? []).enumerated() {
            out.appendASCII(n == 0 ? "{" : ",{")
            if let model = rating.model {
                out.appendASCII("\"model\":")
                out.appendJSONString(model)
                out.appendASCII(",")
            }
            out.appendASCII("\"criterion\":")
            out.appendJSONString(rating.criterion)
            out.appendASCII(",\"rating\":")
            out.appendInt(rating.point)
            out.appendASCII("}")
        }
        out.appendASCII("]")
    }

    static let partsFeatures = """
          - name: prompt
            dtype: string
          - name: messages
            list:
            - name: role
              dtype: string
            - name: content
              dtype: string
          - name: responses
            list:
            - name: model
              dtype: string
            - name: text
              dtype: string

        """

    /// The `ratings` feature; `byResponse` adds the `model` field.
    static func ratingsFeature(byResponse: Bool) -> String {
        "  - name: ratings\n    list:\n" + (byResponse ? "    - name: model\n      dtype: string\n" : "")
            + "    - name: criterion\n      dtype: string\n    - name: rating\n      dtype: int32\n"
    }

    static let partsDescription = "`prompt` is the prompt (a chat's turns as `role: content` lines), `messages` "
        + "the chat's `{role, content}` turns (empty for a string prompt), `responses` the item's `{model, text}` responses;"
}
