/// Numbers for names (nominal keys, labels), in the order they are first asked for: the
/// categories of `AgreementValue` and of the agreement tallies.
public struct CategoryNumbers: Sendable {
    private var numbers: [String: Int] = [:]

    public init() {}

    public mutating func number(for key: String) -> Int {
        if let number = numbers[key] { return number }
        numbers[key] = numbers.count
        return numbers.count - 1
    }
}
