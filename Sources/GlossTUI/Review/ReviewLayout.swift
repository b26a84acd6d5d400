import GlossTerminal

/// Where each part of the review screen goes. Pure and cheap, computed every frame.
///
/// ```
/// row 0          header: project · review · list kind · blind, position, reviewer
/// row 1          item id and metadata (dim)
/// textTop..      item text (scrolls with PgUp/PgDn)
/// decisionsTop   "Decisions" title, then one row per decision (↑/↓ select)
/// modelRow       the model's suggestion (or, with --suspect, its prediction)
/// finalRow       the current adjudication
/// guideTop..     the guide's sections for the labels in question
/// keyBarRow      label keys and the other keys
/// statusRow      the last action or an error
/// ```
struct ReviewLayout: Equatable {
    let width: Int
    let height: Int
    let tooSmall: Bool
    let textX = 1
    let textWidth: Int
    let metaRow = 1
    let textTop = 2
    let textRows: Int
    let decisionsTop: Int
    let decisionRows: Int
    let modelRow: Int
    let finalRow: Int
    let guideTop: Int
    let guideRows: Int
    let keyBarRow: Int
    let statusRow: Int

    init(width: Int, height: Int, textLines: Int, decisions: Int) {
        self.width = width
        self.height = height
        tooSmall = width < Review.minimumWidth || height < Review.minimumHeight
        textWidth = max(1, width - 2)
        statusRow = max(0, height - 1)
        keyBarRow = max(0, height - 2)
        let room = max(0, keyBarRow - textTop)
        // Decisions get up to half the room (title row included), the text up to half of
        // what is left (at least two rows), and the guide the rest.
        decisionRows = max(1, min(decisions, room / 2 - 1))
        let fixed = 1 + decisionRows + 2
        textRows = max(2, min(max(1, textLines), (room - fixed) / 2))
        decisionsTop = textTop + textRows
        modelRow = decisionsTop + 1 + decisionRows
        finalRow = modelRow + 1
        guideTop = finalRow + 1
        guideRows = max(0, keyBarRow - guideTop)
    }

    init(_ state: ReviewState) {
        self.init(width: state.width, height: state.height, textLines: state.wrappedItem.count,
                  decisions: state.current?.decisions.count ?? 0)
    }
}
