import Foundation

/// Who runs this process: `$USER`, else the password database's name for the user id.
/// The default annotator, reviewer and guide author.
public enum LoginName {
    public static var current: String {
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}
