import Foundation
import GlossCore
import GlossStore

/// The model kept between sessions: a launch goes on from the saved state and learns only
/// the decisions made since; a quit saves it again. A state saved under another guide
/// version, or for other labels, is not used (the model learns every decision instead).
extension ModelWorker {
    /// On the worker's thread, first: the saved state when there is one for this guide
    /// version, then the decisions after it (all of them without one) that other sessions made.
    func warmUp() {
        do {
            var through: Int64?
            if let guideVersion, let saved = try feed.savedModel(guideVersion: guideVersion, labels: model.labels),
               model.restore(saved.state) {
                through = saved.throughAnnotation
            }
            let examples = try feed.examples(after: through)
            // This session's own decisions reach the model through its learn requests; a
            // decision saved while the warm-up read would otherwise be learned twice.
            for example in examples where !example.own { learn(example.text, example.value) }
            learnedThrough = examples.last?.annotationID ?? through
            reply(.warmedUp(examples: examples.count))
        } catch {
            reply(.failed("the model could not read earlier decisions: \(error)"))
        }
    }

    /// On the worker's thread, last: learns what other annotators decided during the session,
    /// then saves the state with the newest decision it stands for. Errors are dropped: the
    /// next session learns from the decisions instead.
    func keepState() {
        guard let guideVersion, let state = model.savedState() else { return }
        guard let since = try? feed.examples(after: learnedThrough) else { return }
        for example in since where !example.own { model.learn(text: example.text, value: example.value) }
        let through = since.last?.annotationID ?? learnedThrough ?? 0
        let saved = SavedLabelerModel(state: model.savedState() ?? state, throughAnnotation: through)
        try? feed.save(model: saved, guideVersion: guideVersion, labels: model.labels)
    }
}
