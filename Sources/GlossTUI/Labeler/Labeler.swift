import GlossCore
import GlossTerminal

/// The labeling screen: `update` (LabelerUpdate.swift) and `view` (LabelerView.swift) over
/// `LabelerState`, run by `LabelerRuntime` against a terminal and the store.
public enum Labeler {
    /// The smallest terminal the screen draws in; below it shows "terminal too small".
    public static let minimumWidth = 40
    public static let minimumHeight = 12
    /// From this width the guide pane opens beside the item; narrower, it covers the
    /// lower part of the screen.
    public static let sideBySideWidth = 120
}
