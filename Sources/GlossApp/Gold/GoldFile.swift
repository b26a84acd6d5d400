import Foundation
import GlossCore

/// A gold answers file: one JSON object per line with `id` and an answer (`label`,
/// `labels` or `spans`), read whole; the first bad line stops it, named as FILE:LINE.
public enum GoldFile {
    public static func read(_ path: String) throws -> [(externalID: String, value: AnnotationValue, source: String)] {
        guard let data = FileManager.default.contents(atPath: path) else { throw UseCaseFailure("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw UseCaseFailure("\(path) is not UTF-8 text") }
        var answers: [(externalID: String, value: AnnotationValue, source: String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let source = "\(path):\(index + 1)"
            guard let object = FoundationJSON.object(Data(trimmed.utf8)) as? [String: Any] else {
                throw UseCaseFailure("\(source): not a JSON object")
            }
            let id = (object["id"] as? String) ?? (object["id"] as? NSNumber).map { "\($0)" }
            guard let id, !id.isEmpty else { throw UseCaseFailure("\(source): no \"id\"") }
            var answer = object
            answer.removeValue(forKey: "id")
            answer.removeValue(forKey: "text")
            guard let json = try? JSONSerialization.data(withJSONObject: answer),
                  let value = AnnotationValue(json: String(decoding: json, as: UTF8.self))
            else { throw UseCaseFailure("\(source): no answer: give \"label\", \"labels\" or \"spans\"") }
            answers.append((id, value, source))
        }
        return answers
    }
}
