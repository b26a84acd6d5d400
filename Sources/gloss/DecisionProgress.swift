import ArgumentParser
import Foundation
import GlossApp
import GlossClassifier
import GlossCore
import GlossStore

extension LearningCurveCommand {
    /// "uncertain 1,234/3,000 decisions" on standard error, only when it is a terminal.
    final class DecisionProgress {
        private let order: ItemOrder
        private let total: Int
        private var lastDraw = Date.distantPast

        init?(order: ItemOrder, total: Int) {
            guard isatty(STDERR_FILENO) == 1 else { return nil }
            self.order = order
            self.total = total
        }

        func update(_ done: Int) {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            FileHandle.standardError.write(Data("\r\u{1B}[K\(order.rawValue) \(NumberText.grouped(done))/\(NumberText.grouped(total)) decisions".utf8))
        }

        func clear() {
            if lastDraw != .distantPast { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
