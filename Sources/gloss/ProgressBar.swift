import Foundation
import GlossApp
import GlossCore
import GlossStore

/// A one-line progress bar with items/s on standard error, only when it is a terminal;
/// redrawn at most ten times a second.
final class ProgressBar: ImportProgress {
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    static func forStderr() -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
    }

    func importProgress(source: String, bytesRead: Int64, totalBytes: Int64?, records: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = NumberText.grouped(Int(Double(records) / elapsed))
        let name = URL(fileURLWithPath: source).lastPathComponent
        var line = "\(name)  "
        if let totalBytes, totalBytes > 0 {
            let fraction = min(1, Double(bytesRead) / Double(totalBytes))
            let width = 24
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            line += "\(Int(fraction * 100))%  "
        } else {
            line += "\(NumberText.grouped(bytesRead >> 20)) MiB  "
        }
        line += "\(NumberText.counted(records, "item"))  \(rate) items/s"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    /// Erases the bar so the summary starts on a clean line.
    func clear() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
