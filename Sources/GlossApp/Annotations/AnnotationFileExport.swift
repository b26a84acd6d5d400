import GlossStore

extension GlossDatabase {
    /// Writes a project's decisions with their history, then its adjudications, as JSONL to
    /// `path` (nil: standard output); a file appears only once it is whole. With
    /// `currentOnly`, only the rows that stand.
    @discardableResult
    public func exportAnnotations(project: String, currentOnly: Bool = false, to path: String?) throws
        -> AnnotationExportSummary {
        let sink = try LineSink(path: path)
        let summary = try exportAnnotations(project: project, currentOnly: currentOnly) { try sink.write($0) }
        try sink.close()
        return summary
    }
}
