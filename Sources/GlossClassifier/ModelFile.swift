import GlossCore

/// Why a model file could not be read. Each names what is wrong in words a user can act on.
public enum ModelFileError: Error, Equatable, CustomStringConvertible {
    case notAModel
    case unsupportedVersion(Int)
    case wrongKind(expected: String, found: String)
    case truncated(expectedBytes: Int, foundBytes: Int)
    case checksumMismatch
    case malformed(String)

    public var description: String {
        switch self {
        case .notAModel: return "not a Gloss model (the file does not start with GLSM)"
        case .unsupportedVersion(let v): return "model format version \(v) is not one this Gloss reads"
        case .wrongKind(let expected, let found): return "a \(found) model where a \(expected) model was expected"
        case .truncated(let expected, let found): return "the model is cut short (\(found) of \(expected) bytes)"
        case .checksumMismatch: return "the model is damaged (its SHA-256 checksum does not match)"
        case .malformed(let what): return "the model is damaged: \(what)"
        }
    }
}
