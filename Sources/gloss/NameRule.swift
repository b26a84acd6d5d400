import ArgumentParser
import Foundation

/// Rules for the names of datasets and projects, shared by every command that takes one.
enum NameRule {
    /// `what` names the thing ("dataset"); `hint` says how to give one.
    static func validate(_ name: String, what: String, hint: String) throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("The \(what) name is empty; \(hint).")
        }
        if name.count > 100 {
            throw ValidationError("The \(what) name is longer than 100 characters.")
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ValidationError("The \(what) name contains control characters.")
        }
    }
}
