import Foundation
import GlossStore

/// A fresh directory under the system temporary directory, removed when released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the directory.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes UTF-8 text to `name` (creating subdirectories) and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes to `name` (creating subdirectories) and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// A new store file in this directory.
    public func store(_ name: String = "gloss.db") throws -> GlossDatabase {
        try GlossDatabase.open(path: path(name))
    }
}

/// The exact bytes and modification time of a file, to prove that it was not touched.
public struct FileFingerprint: Equatable, Sendable {
    public let bytes: Data
    public let modified: Date?
    public let siblings: [String]

    public init(_ path: String) throws {
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        siblings = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }
}

/// The samples/ and guides/ folders of the repository, for tests that use what ships.
public enum Samples {
    public static func path(_ name: String, file: String = #filePath) -> String {
        repository(file).appendingPathComponent("samples").appendingPathComponent(name).path
    }

    public static func guide(_ name: String, file: String = #filePath) -> String {
        repository(file).appendingPathComponent("guides").appendingPathComponent(name).path
    }

    /// A file under Tests/Fixtures.
    public static func fixture(_ name: String, file: String = #filePath) -> String {
        repository(file).appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
    }

    static func repository(_ file: String) -> URL {
        var url = URL(fileURLWithPath: file)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
