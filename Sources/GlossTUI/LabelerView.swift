import GlossCore
import GlossTerminal

extension Labeler {
    /// Draws `state` into a screen of `state.width`×`state.height`. Pure.
    public static func view(_ state: LabelerState) -> Screen {
        Screen(width: state.width, height: state.height)
    }
}

extension LabelerState {
    /// Recomputes `wrappedItem` and `guideLines` when the size, the item or the guide
    /// pane changed (a no-op otherwise, so calling it after every message is cheap).
    public mutating func relayout() {
    }
}
