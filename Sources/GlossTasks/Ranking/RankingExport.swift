import GlossCore
import GlossFormats

/// How exports write a ranking, by model: `ranking`, its tie groups best first
/// (`[["atlas-7b"],["borealis-13b","cirrus-2"]]`), in `jsonl` and `hf` (a sequence of
/// sequences of strings), and as that JSON in the CSV column `ranking`; for `dpo`, every
/// ordered pair, the better response chosen and the worse rejected (tied responses give no
/// row); for `label-studio`, a `ranker` result whose buckets are the tie groups (below). The
/// manifest counts values by the top group: `top:MODEL` (tied models joined by `+`).
///
/// A Label Studio task's `data` adds `prompt` (a chat flattened to text) and `responses`,
/// a list of `{"id": MODEL, "title": MODEL, "body": TEXT}` in the item's order; a ranking is
/// one result of the `Ranker` named `rank` whose buckets `rank-1`, `rank-2`, … hold the
/// models of each place, tied models in one bucket, for this labeling config:
///
///     <View>
///       <Text name="prompt" value="$prompt"/>
///       <List name="responses" value="$responses" title="Responses"/>
///       <Ranker name="rank" toName="responses">
///         <Bucket name="rank-1" title="1st"/>
///         <Bucket name="rank-2" title="2nd"/>
///         <Bucket name="rank-3" title="3rd"/>
///       </Ranker>
///     </View>
///
/// (one bucket per place, up to the most responses an item has).
struct RankingExport: ExportMapping, DPOMapping {
    func forEachCountedLabel(in value: AnnotationValue, _ body: (String) -> Void) {
        if let top = RankingAnswer.ranking(value)?.groups.first { body("top:" + top.joined(separator: "+")) }
    }

    func appendJSONMembers(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        out.appendASCII(",\"ranking\":")
        out += try groupsJSON(of: record)
    }

    var csvColumns: [String] { ["ranking"] }

    func appendCSVFields(of record: ExportRecord, to row: inout CSVRow) throws(ExportWriterError) {
        row.append(String(decoding: try groupsJSON(of: record), as: UTF8.self))
    }

    func appendHuggingFaceMembers(of record: ExportRecord, classes: inout ClassIndex, to out: inout [UInt8])
        throws(ExportWriterError) {
        try appendJSONMembers(of: record, to: &out)
    }

    func huggingFaceFeatures(classLabel: String) -> String {
        "  - name: ranking\n    sequence:\n      sequence: string\n"
    }

    var huggingFaceDescription: String {
        "`ranking` lists the responses' models best first, in groups of tied models."
    }

    func appendLabelStudioData(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        let parts = try record.requiredParts(for: "Label Studio ranking task")
        out.appendASCII(",\"prompt\":")
        out.appendJSONString(parts.promptText)
        out.appendASCII(",\"responses\":[")
        for (index, response) in parts.responses.enumerated() {
            out.appendASCII(index == 0 ? "{\"id\":" : ",{\"id\":")
            out.appendJSONString(response.model)
            out.appendASCII(",\"title\":")
            out.appendJSONString(response.model)
            out.appendASCII(",\"body\":")
            out.appendJSONString(response.text)
            out.appendASCII("}")
        }
        out.appendASCII("]")
    }

    func appendLabelStudioResults(_ value: AnnotationValue, of record: ExportRecord, idPrefix: String,
                                  to out: inout [UInt8]) throws(ExportWriterError) {
        guard let ranking = RankingAnswer.ranking(value) else { throw .unexpectedValue(value, item: record.id, task: .ranking) }
        LabelStudioRegion.appendStart(id: "\(idPrefix)_1", from: "rank", to: "responses", type: "ranker", to: &out)
        out.appendASCII("{\"ranker\":{")
        for (index, group) in ranking.groups.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.appendJSONString("rank-\(index + 1)")
            out.append(UInt8(ascii: ":"))
            out.appendJSONStrings(group)
        }
        out.appendASCII("}}}")
    }

    func preference(of record: ExportRecord) throws(ExportWriterError) -> (chosen: String, rejected: String)? {
        try preferences(of: record).first
    }

    func preferences(of record: ExportRecord) throws(ExportWriterError) -> [(chosen: String, rejected: String)] {
        try ranking(of: record).orderedPairs.map { ($0.better, $0.worse) }
    }

    /// `[["a"],["b","c"]]`.
    private func groupsJSON(of record: ExportRecord) throws(ExportWriterError) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, group) in try ranking(of: record).groups.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.appendJSONStrings(group)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    private func ranking(of record: ExportRecord) throws(ExportWriterError) -> Ranking {
        guard let ranking = RankingAnswer.ranking(record.value) else { throw .unexpectedValue(record.value, item: record.id, task: .ranking) }
        return ranking
    }
}
