import GlossCore
import GlossFormats

/// `label-studio` for pairwise projects. A Label Studio task compares one pair of responses
/// on fixed sides, while Gloss draws the sides per annotator, so the task's sides are the
/// record's two models in name order: `response_a` (Label Studio's left) and `response_b`,
/// each judgment told on those sides whatever side its annotator saw. The task's `data`
/// adds `prompt` (a chat flattened to text), `model_a`, `response_a`, `model_b`, `response_b`.
/// Results, for this labeling config:
///
///     <View>
///       <Text name="prompt" value="$prompt"/>
///       <Pairwise name="pairwise" toName="response_a,response_b"/>
///       <Text name="response_a" value="$response_a"/>
///       <Text name="response_b" value="$response_b"/>
///       <Choices name="outcome" toName="prompt"><Choice value="tie"/><Choice value="neither"/></Choices>
///       <Rating name="quality_a" toName="response_a"/>
///       <Rating name="quality_b" toName="response_b"/>
///     </View>
///
/// - a winner: `{"type":"pairwise","value":{"selected":"left"|"right"}}` from `pairwise` to
///   `response_a` (the SDK's `LabelInterface` accepts a `to_name` among the tag's `toName`
///   only; the editor writes the control's own name, which the import reads as well);
/// - a tie or neither (Pairwise has no such choice): a `choices` result from `outcome`;
/// - ratings of each response: a `rating` result per criterion from `CRITERION_a` or
///   `CRITERION_b` on its response.
///
/// A judgment of another pair of the item's responses (three or more responses) is left
/// out: the task shows one pair.
extension PairwiseExport {
    func labelStudioShows(_ value: AnnotationValue, of record: ExportRecord) -> Bool {
        guard let shown = value.pairwiseJudgment, let task = record.value.pairwiseJudgment else { return true }
        return Self.models(shown) == Self.models(task)
    }

    func appendLabelStudioData(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        let models = Self.models(try judgment(record.value, of: record))
        let parts = try record.requiredParts(for: "Label Studio pairwise task")
        out.appendASCII(",\"prompt\":")
        out.appendJSONString(parts.promptText)
        for (side, model) in zip(["a", "b"], models) {
            guard let response = parts.response(of: model) else {
                throw ExportWriterError("Item \"\(record.id)\" was judged on a response of \"\(model)\", which the item "
                                            + "does not have (its models: \(parts.responses.map(\.model).joined(separator: ", "))).")
            }
            out += Array(",\"model_\(side)\":".utf8)
            out.appendJSONString(model)
            out += Array(",\"response_\(side)\":".utf8)
            out.appendJSONString(response.text)
        }
    }

    func appendLabelStudioResults(_ value: AnnotationValue, of record: ExportRecord, idPrefix: String,
                                  to out: inout [UInt8]) throws(ExportWriterError) {
        let judgment = try self.judgment(value, of: record)
        let models = Self.models(try self.judgment(record.value, of: record))
        guard Self.models(judgment) == models else { return }
        var count = 0
        func nextID() -> String {
            count += 1
            return "\(idPrefix)_\(count)"
        }
        if let winner = judgment.winner {
            LabelStudioRegion.appendStart(id: nextID(), from: "pairwise", to: "response_a", type: "pairwise", to: &out)
            out.appendASCII(winner == models[0] ? "{\"selected\":\"left\"}}" : "{\"selected\":\"right\"}}")
        } else {
            LabelStudioRegion.appendStart(id: nextID(), from: "outcome", to: "prompt", type: "choices", to: &out)
            out.appendASCII("{\"choices\":")
            out.appendJSONStrings([judgment.outcome.rawValue])
            out.appendASCII("}}")
        }
        guard case .answers(let answers) = value, case .responses? = answers.ratings else { return }
        for (side, model) in zip(["a", "b"], models) {
            for rating in answers.ratings!.all where rating.model == model {
                out.append(UInt8(ascii: ","))
                LabelStudioRegion.appendRating(rating.point, id: nextID(), from: "\(rating.criterion)_\(side)",
                                               to: "response_\(side)", out: &out)
            }
        }
    }
}
