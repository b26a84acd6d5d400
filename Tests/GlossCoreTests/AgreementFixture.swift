import Foundation
import GlossCore

/// One reference fixture of Tests/Fixtures/agreement: input data and the values an
/// established implementation (or a publication) gives for it; `source` says which.
///
/// Every input section is optional; a fixture has the sections its expected values need.
struct AgreementFixture: Decodable {
    var source: String
    /// Units of nominal values (only the coders who coded the unit).
    var units: [[String]]?
    /// Two coders' values per unit; null where that coder left the unit out.
    var pairs: [[String?]]?
    /// Units of label sets, for per-label agreement, with the labels to report.
    var labelUnits: [[[String]]]?
    var labels: [String]?
    var spanItems: [SpanItem]?
    /// Values as printed in the publication, to its printed precision.
    var published: [String: Double]?
    var expected: Expected

    struct SpanItem: Decodable {
        var text: String
        /// The tokens' scalar ranges as the fixture's script split the text.
        var tokens: [[Int]]
        var first: [Span]
        var second: [Span]

        var pair: SpanPair {
            SpanPair(text: text, first: first.map(\.range), second: second.map(\.range))
        }
    }

    /// A span stored as `[start, end, label]`.
    struct Span: Decodable {
        var range: LabeledRange
        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            let start = try container.decode(Int.self)
            let end = try container.decode(Int.self)
            range = LabeledRange(start: start, end: end, label: try container.decode(String.self))
        }
    }

    /// Expected values; a coefficient present as null must come out nil, one absent is not checked.
    struct Expected: Decodable {
        var coefficients: [String: Double?] = [:]
        var perLabel: [LabelAgreement]?
        var spans: SpanAgreement?

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            for key in container.allKeys {
                switch key.stringValue {
                case "perLabel": perLabel = try container.decode([LabelAgreement].self, forKey: key)
                case "spans": spans = try container.decode(SpanAgreement.self, forKey: key)
                default:
                    coefficients[key.stringValue] = try container.decodeNil(forKey: key)
                        ? .some(nil) : try container.decode(Double.self, forKey: key)
                }
            }
        }
    }

    /// The fixture files' names, sorted; empty if the directory is missing (a test checks).
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted()
    }()

    static var directory: URL { Fixture.url("agreement") }

    static func load(_ name: String) throws -> AgreementFixture {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONDecoder().decode(AgreementFixture.self, from: data)
    }
}
