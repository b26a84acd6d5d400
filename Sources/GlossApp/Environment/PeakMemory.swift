import Foundation

/// The process's peak resident memory, stored on each session row. On Linux this is
/// `VmHWM` from /proc/self/status: `getrusage`'s maximum is kept across exec, so under
/// `swift run` it would report the build tool's memory instead of ours.
public enum PeakMemory {
    public static func kilobytes() -> Int? {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let value = Int(line.dropFirst("VmHWM:".count).filter(\.isNumber)) {
            return value
        }
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return nil }
        return Int(usage.ru_maxrss)
    }
}
