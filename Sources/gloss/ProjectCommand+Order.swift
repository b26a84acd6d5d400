import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossStore

extension ProjectCommand {
    struct Order: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or set the order the labeler serves a project's items in.",
            discussion: """
                sequential: dataset order. random: a random undecided item. uncertain: the item \
                the model is least sure about. confident: the surest first, to confirm quickly. \
                `gloss label --order` and `:order NAME` in the labeler override it for a session.

                Examples:
                  gloss project order reviews
                  gloss project order reviews uncertain
                """
        )

        @Argument(help: "The project.", completion: .projects) var name: String
        @Argument(help: ArgumentHelp("The new default order: \(ItemOrder.names).", valueName: "order"))
        var order: ItemOrder?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.openExisting()
            guard let order else {
                return print(try database.project(named: name).itemOrder.rawValue)
            }
            let project = try database.setItemOrder(project: name, order: order)
            print("Project \"\(TerminalText.visible(project.name))\" now serves items in \(order.rawValue) order.")
        }
    }
}
