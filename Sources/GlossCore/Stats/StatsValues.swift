/// The values a statistics pass meets, each with what the statistics need of it: its nominal
/// category (equal values share one, as `NominalValue.key` says) and its labels as numbers.
/// Label and label-set values are few and kept; span values are nearly all distinct, so
/// they are worked out each time and only their category stays (α counts categories).
struct StatsValues {
    /// A value with its category and labels (a class: rows pass it around by reference).
    final class Info {
        let value: AnnotationValue
        let category: Int
        /// Its labels as numbers, repeats kept (label uses count them).
        let labels: [Int]
        /// Its distinct labels (present/absent agreement counts a value once per label).
        let distinctLabels: [Int]

        init(value: AnnotationValue, category: Int, labels: [Int], distinctLabels: [Int]) {
            self.value = value
            self.category = category
            self.labels = labels
            self.distinctLabels = distinctLabels
        }

        var agreementValue: AgreementValue { AgreementValue(value: value, category: category) }
    }

    private var known: [AnnotationValue: Info] = [:]
    /// The last values looked up: rows mostly repeat a few, and comparing beats hashing.
    private var recent: [Info] = []
    private var categories = CategoryNumbers()
    private var labelNumbers: [String: Int] = [:]
    /// Label names by number: the guide's labels first, in guide order, then others as met.
    private(set) var labelNames: [String] = []

    init(guideLabels: [String]) {
        for label in guideLabels { _ = number(ofLabel: label) }
    }

    /// The number of the label named `name`.
    mutating func number(ofLabel name: String) -> Int {
        if let number = labelNumbers[name] { return number }
        labelNumbers[name] = labelNames.count
        labelNames.append(name)
        return labelNames.count - 1
    }

    mutating func info(for value: AnnotationValue) -> Info {
        if let info = recent.first(where: { $0.value == value }) { return info }
        if let info = known[value] {
            remember(info)
            return info
        }
        let labels = value.outcomeNames.map { number(ofLabel: $0) }
        var distinct: [Int] = []
        for label in labels where !distinct.contains(label) { distinct.append(label) }
        let info = Info(value: value, category: category(of: value), labels: labels, distinctLabels: distinct)
        if case .spans = value {} else {
            known[value] = info
            remember(info)
        }
        return info
    }

    private mutating func remember(_ info: Info) {
        if recent.count == 8 { recent.removeFirst() }
        recent.append(info)
    }

    /// The nominal category of `value`.
    mutating func category(of value: AnnotationValue) -> Int {
        if let info = known[value] { return info.category }
        return categories.number(for: NominalValue.key(value))
    }
}
