import Foundation
import GlossCore
import GlossTerminal

extension Labeler {
    /// Applies `message` to `state` and returns what the runtime must do. Pure.
    public static func update(_ state: inout LabelerState, _ message: LabelerMessage) -> [LabelerEffect] {
        []
    }
}
