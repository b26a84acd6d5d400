import Foundation
import GlossApp
import Testing

@Suite("What the process knows of its environment")
struct EnvironmentTests {
    @Test func peakMemoryGrowsWithWhatTheProcessTouches() throws {
        let before = try #require(PeakMemory.kilobytes())
        #expect(before > 1000)  // a Swift test process is larger than a megabyte
        // Touch 64 MiB: the peak must grow by most of it.
        var pages = [UInt8](repeating: 0, count: 64 << 20)
        for i in stride(from: 0, to: pages.count, by: 4096) { pages[i] = 1 }
        let after = try #require(PeakMemory.kilobytes())
        #expect(after - before > 48 * 1024, "peak \(before) KiB -> \(after) KiB")
        #expect(pages[4096] == 1)
    }

    @Test func hostAndLoginNamesAreNeverEmpty() {
        #expect(!HostName.current.isEmpty)
        #expect(!LoginName.current.isEmpty)
    }
}
