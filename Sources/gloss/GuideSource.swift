import GlossApp
import GlossCore

/// Guide files as the commands read them, the lint findings on standard error.
enum GuideSource {
    /// A guide that lints clean, or an error counting the findings.
    static func cleanGuide(file: String) throws -> Guide {
        try GuideFile.cleanGuide(file: file) { StandardError.print($0) }
    }
}
