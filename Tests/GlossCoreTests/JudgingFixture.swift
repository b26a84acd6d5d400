import Foundation
import GlossCore

/// The reference fixtures of Tests/Fixtures/judging, written by its generate.py (which says
/// how, and with which package versions); the tests only read them.
enum JudgingFixture {
    static var directory: URL { Fixture.url("judging") }

    static func names(_ prefix: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }

    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// alpha-*.json: units of ratings on the scale 1…points; expected α per level, with the
    /// package's `value_domain` (`ordinal`) and without it (`ordinalObserved`); null = undefined.
    struct Alpha: Decodable {
        var source: String
        var points: Int
        var units: [[Int]]
        var expected: [String: Double?]
    }
}
