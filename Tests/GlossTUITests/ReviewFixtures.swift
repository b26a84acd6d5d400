import Foundation
import GlossCore
import GlossTasks

import GlossTestSupport
@testable import GlossTUI

/// Review states over sentiment.md (p positive, n negative, u neutral, m mixed) and a
/// multilabel guide, with two disagreements and a flag.
enum ReviewFixtures {
    static func guide(_ name: String = "sentiment.md") throws -> Guide {
        let text = try String(contentsOfFile: Samples.guide(name), encoding: .utf8)
        guard let guide = GuideParser.lint(text).guide else { throw CocoaError(.fileReadCorruptFile) }
        return guide
    }

    static let at = Date(timeIntervalSince1970: 1_800_000_000)

    static func decision(_ id: Int64, _ who: String, _ value: AnnotationValue?, kind: AnnotationKind = .label,
                         comment: String? = nil, suggestion: AnnotationValue? = nil) -> ReviewDecision {
        ReviewDecision(annotationID: id, annotator: who, kind: kind, value: value, comment: comment,
                       suggestion: suggestion, decidedAt: at)
    }

    static let entries = [
        ReviewEntry(itemRowID: 1, externalID: "r001", text: "The battery died after a day. Great screen though.",
                    decisions: [decision(1, "ana", .label("negative"), comment: "battery wins"),
                                decision(2, "ben", .label("mixed"), suggestion: .label("negative"))]),
        ReviewEntry(itemRowID: 2, externalID: "r002", text: "Fine.",
                    decisions: [decision(3, "ben", nil, kind: .flag), decision(4, "cy", .label("neutral"))]),
        ReviewEntry(itemRowID: 3, externalID: "r003", text: "Loved \u{1B}[31m it",
                    decisions: [decision(5, "cy", .label("positive")), decision(6, "ana", .label("neutral"))]),
    ]

    static func state(blind: Bool = false, width: Int = 80, height: Int = 24, entries: [ReviewEntry] = entries,
                      guide name: String = "sentiment.md", kind: ReviewListKind = .disagreements) throws -> ReviewState {
        let guide = try guide(name)
        return ReviewState(project: "rev", guide: guide, reviewer: "lead", kind: kind, blind: blind,
                           task: TaskKinds.kind(for: guide.task).review,
                           entries: entries, width: width, height: height)
    }

    static func adjudication(_ id: Int64, item: Int64, _ value: AnnotationValue, by reviewer: String = "lead") -> Adjudication {
        Adjudication(id: id, itemRowID: item, externalID: String(format: "r%03d", item), reviewer: reviewer, value: value, decidedAt: at)
    }
}
