import Foundation
import GlossCore
import GlossApp
import Testing

@Suite("What the process knows of its environment")
struct EnvironmentTests {
    @Test func peakMemoryIsTheHighWaterMarkOfWhatTheProcessHolds() throws {
        // Touch 16 MiB so the process holds it now: the peak is at least what it holds.
        var pages = [UInt8](repeating: 0, count: 16 << 20)
        for i in stride(from: 0, to: pages.count, by: 4096) { pages[i] = 1 }
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        let resident = try #require(Int(line.filter(\.isNumber)))
        let peak = try #require(PeakMemory.kilobytes())
        #expect(peak >= resident && resident > 16 * 1024, "peak \(peak) KiB, resident \(resident) KiB")
        #expect(pages[4096] == 1)
    }

    @Test func hostAndLoginNamesAreNeverEmpty() {
        #expect(!HostName.current.isEmpty)
        #expect(!LoginName.current.isEmpty)
    }
}
