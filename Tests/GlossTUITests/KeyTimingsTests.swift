import Testing
@testable import GlossTUI

@Suite struct KeyTimingsTests {
    @Test func percentilesComeFromTheHistogramAndNeverExceedTheMaximum() {
        var timings = KeyTimings()
        #expect(timings.percentile(0.5) == nil)
        for _ in 0..<98 { timings.record(milliseconds: 0.42) }
        timings.record(milliseconds: 7.3)
        timings.record(milliseconds: 250)
        #expect(timings.count == 100)
        #expect(timings.percentile(0.5) == 0.43)   // the upper edge of the 0.42-0.43 ms bucket
        #expect(timings.percentile(0.99) == 7.31)
        #expect(timings.percentile(1.0) == 250)    // past the last bucket: the exact maximum
        #expect(timings.maxMilliseconds == 250)
    }

    @Test func oneFastKeyReportsItsOwnTime() {
        var timings = KeyTimings()
        timings.record(milliseconds: 0.004)
        #expect(timings.percentile(0.99) == 0.004)
    }
}
