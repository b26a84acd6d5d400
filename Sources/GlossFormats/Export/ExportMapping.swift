import GlossCore

/// How a task kind's values appear in exports: each task kind implements it in its folder
/// (GlossTasks/Classify/ClassifyExport.swift, …), and `gloss export` hands the project's to
/// the writer in `ExportContext.mapping`, so no writer knows a task.
///
/// It is made of one facet per format, each declared beside its writer: the formats every
/// kind must write (`jsonl`, `csv`, `hf`, `label-studio`) are required here; a format only
/// some kinds can hold (`fasttext`, `spacy`, `conll`, and next `dpo`, `kto`) has a facet a
/// kind's mapping conforms to when it supports the format (`SpansExport: CoNLLMapping`), and
/// the format's writer accepts exactly the mappings that have it (`ExportWriter.accepts`).
/// A value with several parts (a winner, ratings, a note) writes one member or column each.
public protocol ExportMapping: JSONLinesMapping, CSVMapping, HuggingFaceMapping, LabelStudioMapping {
    /// Calls `body` with each label the value counts under in the manifest's label counts,
    /// as often as the value carries it (a span's label once per span).
    func forEachCountedLabel(in value: AnnotationValue, _ body: (String) -> Void)
}

extension ExportWriterError {
    /// A value (of item `item`) not of the shape the project's task kind writes (possible only
    /// when a guide changed the task of a project with decisions): the export stops rather
    /// than write one item in another task's form.
    public static func unexpectedValue(_ value: AnnotationValue, item: String, task: TaskType) -> ExportWriterError {
        ExportWriterError(
            "Item \"\(item)\" has the value \(value.json()), which is no \(task.rawValue) value; the export "
                + "stopped rather than write it in another task's form. Decide the item again, or export under "
                + "a guide of its task.")
    }
}
