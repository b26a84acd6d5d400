/// The Cholesky factor of a small symmetric positive definite matrix (row-major, k × k), to
/// solve with it and invert it: the Newton steps and the covariance of the Bradley–Terry fit.
struct Cholesky {
    let k: Int
    /// Lower triangle L with A = L Lᵀ.
    private var lower: [Double]

    /// nil when `matrix` is not positive definite (to rounding).
    init?(_ matrix: [Double], k: Int) {
        self.k = k
        lower = Array(repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0...i {
                var sum = matrix[i * k + j]
                for p in 0..<j { sum -= lower[i * k + p] * lower[j * k + p] }
                if i == j {
                    guard sum > 0 else { return nil }
                    lower[i * k + i] = sum.squareRoot()
                } else {
                    lower[i * k + j] = sum / lower[j * k + j]
                }
            }
        }
    }

    /// x with A x = b.
    func solve(_ b: [Double]) -> [Double] {
        var y = b
        for i in 0..<k {
            for p in 0..<i { y[i] -= lower[i * k + p] * y[p] }
            y[i] /= lower[i * k + i]
        }
        for i in stride(from: k - 1, through: 0, by: -1) {
            for p in (i + 1)..<k { y[i] -= lower[p * k + i] * y[p] }
            y[i] /= lower[i * k + i]
        }
        return y
    }

    /// A⁻¹, row-major.
    func inverse() -> [Double] {
        var out = Array(repeating: 0.0, count: k * k)
        for column in 0..<k {
            var unit = Array(repeating: 0.0, count: k)
            unit[column] = 1
            let x = solve(unit)
            for row in 0..<k { out[row * k + column] = x[row] }
        }
        return out
    }
}
