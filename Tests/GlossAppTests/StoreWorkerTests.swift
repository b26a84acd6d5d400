import Foundation
@testable import GlossApp
import Testing

@Suite("The labeler's store thread")
struct StoreWorkerTests {
    @Test func housekeepingIsNotWaitedForButRunsInTurnBeforeWhatFollows() {
        let worker = StoreWorker<String>(name: "test-store")
        defer { worker.stop() }
        let blocked = DispatchSemaphore(value: 0)
        // A claim renewal stuck behind another process's lock: the screen is not busy.
        worker.submit(awaited: false) { blocked.wait(); return ["renewed"] }
        #expect(!worker.isBusy)
        // A save queued after it is waited for, and runs after it.
        worker.submit { ["saved"] }
        #expect(worker.isBusy)
        blocked.signal()
        worker.settle(within: .seconds(10))
        #expect(!worker.isBusy)
        #expect(worker.take() == ["renewed", "saved"])
    }
}
