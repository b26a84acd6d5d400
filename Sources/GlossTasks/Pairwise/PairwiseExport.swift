import GlossCore
import GlossFormats

/// How exports write a pairwise judgment, told by model, not by side (an export's value is
/// the consensus of judgments shown on different sides): `outcome` (`win`, `tie`,
/// `neither`), `winner` (the preferred model, null for a tie or neither) and `models` (the
/// two models judged, in name order) in `jsonl` and `hf` (`jsonl` adds the ratings and a
/// note, as `answer`, when the guide asks them); the same as the CSV columns
/// `outcome`, `winner`, `model_a`, `model_b`; and, for `dpo`, the preferred response as
/// chosen and the other as rejected (ties and neither give no row); `label-studio` in
/// PairwiseLabelStudio.swift. The manifest counts
/// values by outcome: `win`, `tie`, `neither`.
struct PairwiseExport: ExportMapping, DPOMapping, KTOMapping {
    func forEachCountedLabel(in value: AnnotationValue, _ body: (String) -> Void) {
        if let judgment = value.pairwiseJudgment { body(Self.outcome(judgment)) }
    }

    func appendJSONMembers(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        let judgment = try self.judgment(record.value, of: record)
        out.appendASCII(",\"outcome\":")
        out.appendJSONString(Self.outcome(judgment))
        out.appendASCII(",\"winner\":")
        if let winner = judgment.winner { out.appendJSONString(winner) } else { out.appendASCII("null") }
        out.appendASCII(",\"models\":")
        out.appendJSONStrings(Self.models(judgment))
        if case .answers(let answers) = record.value, let ratings = answers.ratings {
            out.appendASCII(",\"ratings\":")
            out += Array(AnnotationValue.answers(QuestionAnswers(ratings: ratings)).json().utf8.dropFirst(11).dropLast())
        }
        if case .answers(let answers) = record.value { TextExport.appendAnswer(answers.text, to: &out) }
    }

    var csvColumns: [String] { ["outcome", "winner", "model_a", "model_b"] }

    func appendCSVFields(of record: ExportRecord, to row: inout CSVRow) throws(ExportWriterError) {
        let judgment = try self.judgment(record.value, of: record)
        let models = Self.models(judgment)
        row.append(Self.outcome(judgment))
        row.append(judgment.winner ?? "")
        row.append(models[0])
        row.append(models[1])
    }

    func appendHuggingFaceMembers(of record: ExportRecord, classes: inout ClassIndex, to out: inout [UInt8])
        throws(ExportWriterError) {
        let judgment = try self.judgment(record.value, of: record)
        JudgingHuggingFace.appendParts(of: record, to: &out)
        out.appendASCII(",\"outcome\":")
        out.appendJSONString(Self.outcome(judgment))
        out.appendASCII(",\"winner\":")
        if let winner = judgment.winner { out.appendJSONString(winner) } else { out.appendASCII("null") }
        out.appendASCII(",\"models\":")
        out.appendJSONStrings(Self.models(judgment))
        if case .answers(let answers) = record.value { JudgingHuggingFace.appendRatings(answers.ratings, to: &out) } else {
            JudgingHuggingFace.appendRatings(nil, to: &out)
        }
    }

    func huggingFaceFeatures(classLabel: String) -> String {
        JudgingHuggingFace.partsFeatures
            + "  - name: outcome\n    dtype: string\n  - name: winner\n    dtype: string\n  - name: models\n    sequence: string\n"
            + JudgingHuggingFace.ratingsFeature(byResponse: true)
    }

    var huggingFaceDescription: String {
        JudgingHuggingFace.partsDescription
            + " `outcome` is win, tie or neither; `winner` the preferred model (null for a tie or neither); "
            + "`models` the two models judged; `ratings` each response's `{model, criterion, rating}` (empty without)."
    }

    func preference(of record: ExportRecord) throws(ExportWriterError) -> (chosen: String, rejected: String)? {
        let judgment = try self.judgment(record.value, of: record)
        guard let winner = judgment.winner, let loser = judgment.loser else { return nil }
        return (winner, loser)
    }

    /// `kto`: without a threshold the winner is desirable and the loser not (a tie or
    /// neither gives no row); with one, each rated response is desirable when every rating
    /// it got is at or above it (a value without ratings of responses gives no row).
    /// Winner first, or models in name order.
    func desirability(of record: ExportRecord, threshold: Int?) throws(ExportWriterError) -> [(model: String, desirable: Bool)] {
        let judgment = try self.judgment(record.value, of: record)
        guard let threshold else {
            guard let winner = judgment.winner, let loser = judgment.loser else { return [] }
            return [(winner, true), (loser, false)]
        }
        guard case .answers(let answers) = record.value, case .responses(let byModel)? = answers.ratings else { return [] }
        return byModel.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { model in
            (model, byModel[model]!.values.allSatisfy { $0 >= threshold })
        }
    }

    static func outcome(_ judgment: PairwiseJudgment) -> String {
        judgment.winner == nil ? judgment.outcome.rawValue : "win"
    }

    static func models(_ judgment: PairwiseJudgment) -> [String] {
        [min(judgment.left, judgment.right), max(judgment.left, judgment.right)]
    }

    func judgment(_ value: AnnotationValue, of record: ExportRecord) throws(ExportWriterError) -> PairwiseJudgment {
        guard let judgment = value.pairwiseJudgment else { throw .unexpectedValue(value, item: record.id, task: .pairwise) }
        return judgment
    }
}
