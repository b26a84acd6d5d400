import Foundation
import GlossCore
import Testing
@testable import GlossFormats

/// An export sink writing files under a directory (for the real-tools check).
private struct DirectorySink: ExportSink {
    let directory: URL
    var contents: [String: [UInt8]] = [:]

    mutating func append(_ bytes: [UInt8], to file: String) throws { contents[file, default: []] += bytes }
    mutating func append(_ bytes: UnsafeRawBufferPointer, to file: String) throws { contents[file, default: []] += bytes }

    func flush() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (file, bytes) in contents { try Data(bytes).write(to: directory.appendingPathComponent(file)) }
    }
}

/// Generated labeled sets big enough to train on: Korean, English and emoji, line breaks and
/// tabs, labels with spaces, spans cutting tokens, overlapping spans, skips, an adjudication
/// and predictions.
enum ExportToolsData {
    static let labels = ["positive", "negative", "mixed feelings"]
    static let spanLabels = ["PER", "LOC", "big city", "EMOJI"]
    static let cue = [
        "positive": ["좋아요", "great", "love it 😍", "최고 👍"], "negative": ["별로예요", "terrible", "hate it 😡", "최악 👎"],
        "mixed feelings": ["그저 그래요", "meh\tok", "so-so 🤷‍♀️", "good\nand bad"],
    ]
    static let filler = ["서울에서 만나요 🎉", "I ❤️ Seoul 🇰🇷", "배송은  빨랐고", "the box was blue", "👩‍💻 at work", "また来ます"]

    static func records(_ task: TaskType, count: Int = 240) -> [ExportRecord] {
        var random = SeededGenerator(seed: 11)
        let plan = SplitPlan(shares: [0.8, 0.1, 0.1], seed: 1, stratify: false)
        return (0..<count).map { index in
            let id = "\(task.rawValue)-\(index)"
            let (text, value) = task == .spans ? spanItem(&random) : classItem(task, &random)
            let annotators = ["kim@example.com", "lee"]
            var decisions = annotators.map {
                ExportDecision(annotator: $0, kind: .label, value: value, decidedAt: "2024-05-01 12:30:0\(index % 10).250",
                               activeMilliseconds: 1000 + index)
            }
            if index % 17 == 0 { decisions.append(ExportDecision(annotator: "park", kind: .skip, value: nil, decidedAt: "2024-05-02 09:00:00.000")) }
            var record = ExportRecord(rowID: Int64(index + 1), id: id, text: text, metadataJSON: index % 5 == 0 ? #"{"n":\#(index)}"# : nil,
                                      value: value, source: .consensus, annotators: annotators, agreement: 1,
                                      split: plan.split(of: id), decisions: decisions)
            if index % 23 == 0 { record.source = .adjudicated }
            if index % 29 == 0 {
                record.source = .prediction
                record.decisions = []
                record.annotators = []
                record.agreement = nil
                record.confidence = 0.75
            }
            return record
        }
    }

    static func classItem(_ task: TaskType, _ random: inout SeededGenerator) -> (String, AnnotationValue) {
        let chosen = task == .classify ? [labels.randomElement(using: &random)!]
            : labels.filter { _ in Bool.random(using: &random) }
        var text = filler.randomElement(using: &random)!
        for label in chosen { text += " " + cue[label]!.randomElement(using: &random)! }
        text += " " + filler.randomElement(using: &random)!
        return (text, task == .classify ? .label(chosen[0]) : .labels(chosen))
    }

    /// Text assembled from pieces, each entity's scalar offsets recorded as it is appended.
    static func spanItem(_ random: inout SeededGenerator) -> (String, AnnotationValue) {
        var text = ""
        var spans: [LabeledRange] = []
        func add(_ piece: String, _ label: String? = nil, keep: Int? = nil) {
            let start = text.unicodeScalars.count
            text += piece
            if let label { spans.append(LabeledRange(start: start, end: start + (keep ?? piece.unicodeScalars.count), label: label)) }
        }
        add(["김민수", "Anika Patel", "이영희"].randomElement(using: &random)!, "PER")
        add([" 씨는 ", " met me in  ", "\t와 함께\n"].randomElement(using: &random)!)
        if Bool.random(using: &random) {
            add("서울에서", "LOC", keep: 2)  // the span cuts the token: 서울 | 에서
        } else {
            add("New York City", "big city")
            spans.append(LabeledRange(start: spans.last!.start, end: spans.last!.start + 3, label: "LOC"))  // overlaps
        }
        add(" ")
        add(["🎉", "❤️", "🇰🇷"].randomElement(using: &random)!, Bool.random(using: &random) ? "EMOJI" : nil)
        add([" ", "! ", "  "].randomElement(using: &random)!)
        add(["만나요", "yesterday.", ""].randomElement(using: &random)!)
        return (text, .spans(spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) }))
    }

    /// Writes every format for every task it supports under `root/FORMAT-TASK/`.
    static func writeAll(to root: URL) throws {
        for task in TaskType.allCases {
            let records = records(task)
            let context = ExportContext(project: "tools-\(task.rawValue)", task: task,
                                        labels: task == .spans ? spanLabels : labels,
                                        splits: [.train, .validation, .test], guideVersion: 2,
                                        mapping: ExportFixtures.mapping(task))
            for format in ExportFormat.allCases where format.supports(context.mapping) {
                var writer = try format.makeWriter(context: context)
                var sink = DirectorySink(directory: root.appendingPathComponent("\(format.rawValue)-\(task.rawValue)"))
                try write(&writer, records, &sink)
                try sink.flush()
            }
        }
        // A split with no item (test here): the hf card must leave it out for `datasets`.
        let partial = records(.classify).filter { $0.split != .test }
        var writer = HuggingFaceExportWriter(context: ExportContext(
            project: "tools-partial", task: .classify, labels: labels, splits: [.train, .validation, .test],
            guideVersion: 2, mapping: ExportFixtures.mapping(.classify)))
        var sink = DirectorySink(directory: root.appendingPathComponent("hf-partial"))
        try write(&writer, partial, &sink)
        try sink.flush()
    }

    private static func write<W: ExportWriter>(_ writer: inout W, _ records: [ExportRecord], _ sink: inout DirectorySink) throws {
        try writer.begin(&sink)
        for record in records { try writer.write(record, &sink) }
        try writer.end(&sink)
    }
}

@Suite("Export files in the real tools")
struct ExportToolsTests {
    static let python = ProcessInfo.processInfo.environment["GLOSS_EXPORT_TOOLS_PYTHON"]

    /// Runs Tests/Tools/check_export_tools.py (fastText, datasets, spaCy, Label Studio SDK) on
    /// every format; only where GLOSS_EXPORT_TOOLS_PYTHON names a python with those packages.
    @Test(.enabled(if: python != nil, "set GLOSS_EXPORT_TOOLS_PYTHON to a python with fasttext, datasets, spacy, label-studio-sdk"))
    func exportsLoadInFastTextDatasetsSpacyAndLabelStudio() throws {
        // GLOSS_EXPORT_TOOLS_DIR keeps the files for a look; else a temporary directory.
        let kept = ProcessInfo.processInfo.environment["GLOSS_EXPORT_TOOLS_DIR"].map { URL(fileURLWithPath: $0) }
        let root = kept ?? FileManager.default.temporaryDirectory.appendingPathComponent("gloss-export-tools-\(UUID().uuidString)")
        defer { if kept == nil { try? FileManager.default.removeItem(at: root) } }
        try ExportToolsData.writeAll(to: root)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tools/check_export_tools.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [script.path, root.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(text)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("all checks passed"))
    }
}
