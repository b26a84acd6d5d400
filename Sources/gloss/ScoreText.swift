/// Scores for human output: three decimals ("0.833").
enum ScoreText {
    static func format(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let frac = thousandths % 1000
        return "\(thousandths / 1000).\(frac < 10 ? "00" : frac < 100 ? "0" : "")\(frac)"
    }
}
