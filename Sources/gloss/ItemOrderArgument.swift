import ArgumentParser
import GlossClassifier

extension ItemOrder: ExpressibleByArgument {
    /// "sequential, random, uncertain, confident", for help texts.
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
