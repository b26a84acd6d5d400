import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTasks

/// The options of `gloss import` that only another tool's export takes.
enum ForeignImportOptions {
    /// Refuses options that do not fit the format, as sentences.
    static func validate(files: [String], format: ImportFormat?, project: String?, guide: String?, annotator: String?, skipInvalid: Bool) throws {
        let foreign = format?.isForeign == true
        if !foreign {
            let given = [(project, "--project"), (guide, "--guide"), (annotator, "--annotator")].filter { $0.0 != nil }.map(\.1)
            if let option = given.first {
                throw ValidationError("\(option) applies to another tool's export; add --format label-studio, prodigy, doccano or argilla.")
            }
            return
        }
        var isDirectory: ObjCBool = false
        if let folder = files.first(where: { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }) {
            throw ValidationError("\(folder) is a directory; --format \(format!.rawValue) reads an export file.")
        }
        if skipInvalid {
            throw ValidationError("--skip-invalid does not apply to --format \(format!.rawValue): an export's annotations are imported all or nothing.")
        }
        if guide != nil, project == nil {
            throw ValidationError("--guide creates the project named by --project; add --project NAME.")
        }
        if let project { try NameRule.validate(project, what: "project", hint: "give one with --project NAME") }
        if let annotator, annotator.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--annotator is empty; give the annotator's name.")
        }
        if let guide, !FileManager.default.fileExists(atPath: guide) {
            throw ValidationError("There is no guide file \(guide).")
        }
    }

    /// The project to import into, its guide read and linted when one is given.
    static func project(name: String?, guide: String?) throws -> ImportProject? {
        guard let name else { return nil }
        return ImportProject(name: name, guide: try guide.map { try GuideSource.cleanGuide(file: $0) }, author: LoginName.current,
                             rules: TaskKinds.valueRules)
    }

    /// The summary lines about the annotations and predictions.
    static func lines(_ report: ForeignImportReport, files: [String], format: String, dataset: String) -> [String] {
        func n(_ value: Int) -> String { NumberText.grouped(value) }
        guard let project = report.project.map(TerminalText.visible) else {
            var lines = ["The file holds \(NumberText.counted(report.annotations, "annotation")) by \(NumberText.counted(report.annotators.count, "annotator"))"
                + " and \(NumberText.counted(report.predictions, "prediction")); they were not imported."]
            if report.annotations + report.predictions > 0 {
                let command = "gloss import \(files.joined(separator: " ")) --format \(format) --dataset \(dataset) --project NAME [--guide GUIDE.md]"
                lines.append("To import them as decisions and suggestions, run again with a project: \(TerminalText.visible(command))")
            }
            return lines
        }
        var lines: [String] = []
        if report.projectCreated { lines.append("Created project \"\(project)\" on dataset \"\(TerminalText.visible(dataset))\".") }
        var decisions = "Into \"\(project)\": \(NumberText.counted(report.decisions, "decision")) (\(NumberText.counted(report.skips, "skip")))"
            + " by \(NumberText.counted(report.annotators.count, "annotator")), \(n(report.unchanged)) unchanged"
        if report.rejected > 0 { decisions += ", \(NumberText.counted(report.rejected, "rejected answer")) left out" }
        lines.append(decisions + ".")
        if report.predictions > 0 {
            lines.append("Suggestions: \(n(report.suggestionsSaved)) saved, \(n(report.suggestionsUnchanged)) unchanged (of \(NumberText.counted(report.predictions, "prediction"))).")
        }
        return lines
    }
}
