import Foundation

/// Bradley–Terry strengths of models from pairwise judgments: P(i beats j) = σ(θ_i − θ_j),
/// fitted by maximum likelihood with Newton's method.
///
/// Choices, each also made by the reference fit (Tests/Fixtures/judging/generate.py: scipy's
/// maximum-likelihood fit, equal to choix's `ilsr_pairwise_dense`):
/// - A tie is half a win for each model; `neither` is no comparison (``PairwiseTally``).
/// - **Prior: one virtual tie between every two models** (half a win each way). Without it a
///   model that never lost (or never won) has its strength at infinity, and groups of models
///   never compared with each other have no common scale. With it the maximum always exists
///   and is unique; it pulls strengths towards each other by the weight of one judgment per
///   pair, small beside a few hundred judgments. ``Leaderboard/groups`` says when the
///   strengths of separate groups rest on the prior alone.
/// - Log-strengths θ sum to zero (the likelihood only sees differences).
/// - The 95% interval is θ_i ± z · se_i with z = Φ⁻¹(0.975) and se_i² the diagonal of the
///   inverse observed information under the sum-to-zero constraint: the pseudo-inverse of
///   the information matrix I (a weighted Laplacian, I_ij = −n_ij p_ij p_ji), computed as
///   (I + J/k)⁻¹ − J/k with J all ones. It holds each strength against the mean of all,
///   so intervals of two models overlapping does not by itself mean their difference is
///   not significant.
public enum BradleyTerry {
    /// Φ⁻¹(0.975), as `scipy.stats.norm.ppf(0.975)` gives it.
    public static let z95 = 1.959963984540054

    public static func fit(_ tally: PairwiseTally) -> Leaderboard {
        let k = tally.models.count
        var w = Array(repeating: 0.0, count: k * k)
        for i in 0..<k {
            for j in 0..<k where j != i { w[i * k + j] = Double(tally.halfWins[i][j]) / 2 + 0.5 }
        }
        var theta = Array(repeating: 0.0, count: k)
        var converged = k < 2
        var iterations = 0
        while !converged && iterations < 100 {
            iterations += 1
            let g = gradient(theta, w, k)
            guard let factor = Cholesky(constrainedInformation(theta, w, k), k: k) else { break }
            let step = factor.solve(g)
            let start = logLikelihood(theta, w, k)
            var t = 1.0
            var next = theta
            while true {
                next = zip(theta, step).map { $0 + t * $1 }
                if logLikelihood(next, w, k) >= start - 1e-12 * abs(start) || t < 1e-8 { break }
                t /= 2
            }
            theta = next
            // Newton converges quadratically: after a full step under 1e-10 the error is far
            // below it, and with a million judgments the rounding of the gradient alone moves
            // later steps by about 1e-13, so a smaller bound would never be met.
            converged = t == 1 && step.reduce(0) { max($0, abs($1)) } < 1e-10
        }
        let mean = theta.reduce(0, +) / Double(max(k, 1))
        theta = theta.map { $0 - mean }
        let variances: [Double]
        if k >= 2, let factor = Cholesky(constrainedInformation(theta, w, k), k: k) {
            let inverse = factor.inverse()
            variances = (0..<k).map { max(0, inverse[$0 * k + $0] - 1 / Double(k)) }
        } else {
            variances = Array(repeating: 0, count: k)
        }
        let models = (0..<k).map { i in
            let record = tally.records[i]
            let compared = record.wins + record.ties + record.losses
            let se = variances[i].squareRoot()
            return ModelStrength(
                model: tally.models[i], judgments: record.judgments, wins: record.wins, ties: record.ties,
                losses: record.losses,
                winRate: compared == 0 ? nil : (Double(record.wins) + Double(record.ties) / 2) / Double(compared),
                strength: theta[i], standardError: se, lower: theta[i] - z95 * se, upper: theta[i] + z95 * se)
        }
        return Leaderboard(
            models: models.sorted { ($0.strength, $1.model) > ($1.strength, $0.model) },
            groups: tally.groups, converged: converged)
    }

    private static func probability(_ d: Double) -> Double { 1 / (1 + exp(-d)) }

    /// Σ_{i≠j} w_ij log σ(θ_i − θ_j), with log σ(d) = −softplus(−d) computed stably.
    static func logLikelihood(_ theta: [Double], _ w: [Double], _ k: Int) -> Double {
        var total = 0.0
        for i in 0..<k {
            for j in 0..<k where j != i && w[i * k + j] != 0 {
                let d = theta[i] - theta[j]
                total -= w[i * k + j] * (max(-d, 0) + log1p(exp(-abs(d))))
            }
        }
        return total
    }

    /// ∂ log L / ∂θ_i = W_i − Σ_j n_ij σ(θ_i − θ_j).
    static func gradient(_ theta: [Double], _ w: [Double], _ k: Int) -> [Double] {
        (0..<k).map { i in
            var g = 0.0
            for j in 0..<k where j != i {
                let games = w[i * k + j] + w[j * k + i]
                g += w[i * k + j] - games * probability(theta[i] - theta[j])
            }
            return g
        }
    }

    /// The observed information (minus the Hessian) plus J/k: positive definite on the
    /// whole space, and equal to the information on the sum-zero plane, where the steps lie.
    static func constrainedInformation(_ theta: [Double], _ w: [Double], _ k: Int) -> [Double] {
        var matrix = Array(repeating: 1 / Double(k), count: k * k)
        for i in 0..<k {
            for j in 0..<k where j != i {
                let p = probability(theta[i] - theta[j])
                let weight = (w[i * k + j] + w[j * k + i]) * p * (1 - p)
                matrix[i * k + j] -= weight
                matrix[i * k + i] += weight
            }
        }
        return matrix
    }
}

/// The models' strengths and records, strongest first.
public struct Leaderboard: Sendable, Equatable, Codable {
    public var models: [ModelStrength]
    /// Groups of models linked by comparisons; above 1, strengths across groups rest on the
    /// prior alone and should not be read as a ranking.
    public var groups: Int
    /// Whether Newton's method met its tolerance (it does within a few steps; false would
    /// mean a numerical failure worth reporting).
    public var converged: Bool
    public init(models: [ModelStrength], groups: Int, converged: Bool) {
        self.models = models
        self.groups = groups
        self.converged = converged
    }
}

/// One model on the leaderboard.
public struct ModelStrength: Sendable, Equatable, Codable {
    public var model: String
    /// Judgments the model was shown in, `neither` included.
    public var judgments: Int
    public var wins: Int
    public var ties: Int
    public var losses: Int
    /// (wins + ties / 2) / (wins + ties + losses); nil when every judgment was `neither`.
    public var winRate: Double?
    /// Bradley–Terry log-strength; the models' strengths sum to zero.
    public var strength: Double
    public var standardError: Double
    /// The 95% interval, strength ∓ 1.96 standard errors.
    public var lower: Double
    public var upper: Double

    public init(model: String, judgments: Int, wins: Int, ties: Int, losses: Int, winRate: Double?,
                strength: Double, standardError: Double, lower: Double, upper: Double) {
        self.model = model
        self.judgments = judgments
        self.wins = wins
        self.ties = ties
        self.losses = losses
        self.winRate = winRate
        self.strength = strength
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
    }
}
