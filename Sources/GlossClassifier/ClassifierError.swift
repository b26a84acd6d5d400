/// Why training stopped without a model: the arithmetic left numbers that are not finite.
/// Training refuses to hand back such a model, so nothing stores or serves NaN or infinity.
public enum ClassifierError: Error, Equatable, CustomStringConvertible {
    /// A step on one example left a weight, bias or step size that is not a finite number.
    case diverged(epoch: Int, example: Int)
    /// The averaged weights at the end of training are not all finite numbers.
    case notFinite

    public var description: String {
        switch self {
        case .diverged(let epoch, let example):
            return "training diverged: in pass \(epoch), learning example \(example) would have left weights that are not finite numbers, so no model was kept; the examples or the learning settings need a look"
        case .notFinite:
            return "training diverged: the averaged weights are not all finite numbers, so no model was kept"
        }
    }
}
