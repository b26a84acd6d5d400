import Foundation

/// Background threads of the labeler (the model, the search index) yield to the thread
/// that reads keys and draws on a busy machine.
enum BackgroundPriority {
    /// Nice 10 for the calling thread alone (Linux applies the priority per thread).
    static func lowerThisThread() {
        #if os(Linux)
        // The thread id is the last part of /proc/thread-self's target ("PID/task/TID").
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
           let tid = target.split(separator: "/").last.flatMap({ id_t($0) }) {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), tid, 10)
        }
        #endif
    }
}
