import GlossCore

/// Classify's consensus: each decision's label is one choice (`ConsensusVote.choice`: the
/// most frequent label; `.all` is as `.unanimous`); a label is canonical as it is, and it is
/// its own stratum.
struct ClassifyConsensus: ConsensusRule {
    func normalized(_ value: AnnotationValue) -> AnnotationValue { value }

    func combine(_ values: [AnnotationValue], policy: ConsensusPolicy) -> ConsensusResult {
        ConsensusVote.choice(values, policy: policy)
    }

    func stratum(of value: AnnotationValue) -> String {
        StratifiedSplitter.stratum(value.labelNames)
    }
}
