import GlossCore
import GlossFormats

/// How exports write a ranking, by model: `ranking`, its tie groups best first
/// (`[["atlas-7b"],["borealis-13b","cirrus-2"]]`), in `jsonl` and `hf` (a sequence of
/// sequences of strings), and as that JSON in the CSV column `ranking`; for `dpo`, every
/// ordered pair, the better response chosen and the worse rejected (tied responses give no
/// row). `label-studio` refuses ranking projects: its Ranker results have no ties. The
/// manifest counts values by the top group: `top:MODEL` (tied models joined by `+`).
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

    var writesLabelStudio: Bool { false }

    func appendLabelStudioResults(_ value: AnnotationValue, of record: ExportRecord, idPrefix: String,
                                  to out: inout [UInt8]) throws(ExportWriterError) {
        throw ExportWriterError("The label-studio export does not write rankings (item \"\(record.id)\").")
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
