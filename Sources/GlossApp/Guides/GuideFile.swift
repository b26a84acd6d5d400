import Foundation
import GlossCore

/// Guide files as the guide, project and import commands read them: read, checked as UTF-8,
/// and linted.
public enum GuideFile {
    /// Reads and lints a file; an unreadable file becomes an error at 1:1.
    public static func lint(file: String) -> GuideLint {
        guard let data = FileManager.default.contents(atPath: file) else {
            return GuideLint(guide: nil, diagnostics: [
                GuideDiagnostic(.error, SourcePosition(line: 1, column: 1), "cannot read the file"),
            ])
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            let offset = Array(data).withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } ?? 0
            let line = data.prefix(offset).filter { $0 == 0x0A }.count + 1
            return GuideLint(guide: nil, diagnostics: [
                GuideDiagnostic(.error, SourcePosition(line: line, column: 1), "the file is not valid UTF-8"),
            ])
        }
        return GuideParser.lint(text)
    }

    /// A guide that lints clean, or an error counting the findings; `diagnostic` receives
    /// each finding as FILE:LINE:COL: error|warning: text, warnings included.
    public static func cleanGuide(file: String, diagnostic: (String) -> Void) throws -> Guide {
        let lint = lint(file: file)
        for finding in lint.diagnostics { diagnostic(finding.formatted(file: file)) }
        guard let guide = lint.guide, lint.isClean else {
            throw UseCaseFailure("\(file) has \(lint.errors.count) error\(lint.errors.count == 1 ? "" : "s"); "
                + "fix them (gloss guide lint \(file)) and try again.")
        }
        return guide
    }
}
