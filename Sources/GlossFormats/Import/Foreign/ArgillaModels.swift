import Foundation

/// The model behind each response field of an Argilla record, when the record names them
/// (Argilla itself names none, so a dataset carries them as fields or metadata): a `models`
/// list in the response fields' name order; `model_a`, `model1` or `model_1` beside
/// `response_a`, `response1` or `response_1`; or `model` beside a single response. Each is
/// looked up in the record's fields, then its metadata.
enum ArgillaModels {
    /// The models of `responseFields`, in order; nil when one is left unnamed or two share a
    /// name (the field names then stand for the models).
    static func names(of responseFields: [String], fields: [String: Any], metadata: [String: Any]) -> [String]? {
        guard !responseFields.isEmpty else { return nil }
        func value(_ key: String) -> Any? { fields[key] ?? metadata[key] }
        var names: [String]?
        if let list = value("models") as? [Any] {
            let strings = list.compactMap(name)
            if strings.count == list.count, strings.count == responseFields.count { names = strings }
        }
        if names == nil {
            let found = responseFields.compactMap { field -> String? in
                let suffix = field.dropFirst("response".count)
                var keys = ["model" + suffix]
                if !suffix.hasPrefix("_") { keys.append("model_" + suffix) }
                if responseFields.count == 1 { keys.append("model") }
                return keys.lazy.compactMap { value($0).flatMap(name) }.first
            }
            if found.count == responseFields.count { names = found }
        }
        guard let names, Set(names).count == names.count else { return nil }
        return names
    }

    /// A model name: a string with something in it but white space.
    private static func name(_ raw: Any) -> String? {
        guard let text = raw as? String, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }
}
