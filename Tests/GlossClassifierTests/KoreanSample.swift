import Foundation
import GlossClassifier

/// `samples/korean-sentiment.jsonl` at the repository root, found from this file's path.
enum KoreanSample {
    struct Line: Decodable {
        var id: String
        var text: String
        var label: String
    }

    static func load(filePath: String = #filePath) throws -> [TrainingExample] {
        let root = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("samples/korean-sentiment.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let decoded = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            return TrainingExample(text: decoded.text, labels: [decoded.label])
        }
    }
}
