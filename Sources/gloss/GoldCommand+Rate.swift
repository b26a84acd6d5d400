import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension GoldCommand {
    struct Rate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show or set the share of served items that are gold.")
        @Argument(help: "The project.", completion: .projects) var project: String
        @Argument(help: "The new rate, 0 to 1 (0 stops serving gold).") var rate: Double?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.openExisting()
            if let rate { try database.setGoldRate(project: project, rate: rate) }
            let count = try database.goldItems(project: project).count
            print("\(TerminalText.visible(project)) serves gold at \(StatsRenderer.percent(try database.goldRate(project: project))) of items "
                  + "(\(count) gold item\(count == 1 ? "" : "s")).")
        }
    }
}
