import ArgumentParser
import Foundation
import GlossClassifier
import GlossCore
import GlossFormats
import GlossStore

extension Gloss {
    struct Predict: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Label texts with a trained model: one JSON line per item on standard output.",
            discussion: """
                Each line is {"id":…,"label":…,"scores":{label: probability,…}} (multilabel: \
                "labels":[…]; spans: "spans":[{"start","end","label","confidence"}], offsets in \
                Unicode scalars), in input order. The input is a JSONL file of {"id","text"} lines, \
                '-' for standard input, or a stored dataset (--dataset; the project's own dataset \
                when nothing is given). From a pipe it answers each line as soon as it arrives, so \
                it can serve as a worker behind a queue.

                Examples:
                  gloss predict reviews > predictions.jsonl
                  gloss predict reviews new-reviews.jsonl --model 3
                  gloss predict reviews --dataset reviews-test
                  tail -f incoming.jsonl | gloss predict reviews -
                """
        )

        @Argument(help: "The project.") var project: String
        @Argument(help: ArgumentHelp("A JSONL file of texts to label; '-' for standard input.", valueName: "file")) var file: String?
        @Option(help: "The model version (default: the newest).") var model: Int?
        @Option(help: "Label every item of this stored dataset.") var dataset: String?
        @Option(help: "The field that holds the text in the input lines.") var textField = "text"
        @Option(help: "The field that holds the id in the input lines.") var idField = "id"
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if file != nil, dataset != nil { throw ValidationError("Give either a file or --dataset, not both.") }
            if let file, file != "-", !FileManager.default.fileExists(atPath: file) {
                throw ValidationError("There is no file \(file).")
            }
        }

        func run() throws {
            let database = try store.openExisting()
            let output = PredictionOutput(model: try ModelSupport.load(database, project: project, version: model).0)
            if let file {
                do { try predictLines(file, output) } catch {
                    try? output.flush()  // the lines answered before the bad one
                    throw error
                }
            } else {
                let name = try dataset ?? database.project(named: project).dataset
                let interactive = isatty(STDOUT_FILENO) == 1
                try database.forEachItem(dataset: name, batchSize: 500) { batch in
                    for item in batch { output.predict(id: item.externalID, text: item.text) }
                    if interactive { try output.flush() } else { try output.flushIfLarge() }
                }
            }
            try output.flush()
        }

        /// Reads JSONL as it arrives; after each read from a pipe or terminal the answers go out
        /// at once, from a regular file they go out in large writes.
        func predictLines(_ file: String, _ output: PredictionOutput) throws {
            let name = file == "-" ? "<stdin>" : file
            let fd = file == "-" ? STDIN_FILENO : open(file, O_RDONLY)
            guard fd >= 0 else { throw CommandFailure("cannot open \(file): \(String(cString: strerror(errno))).") }
            defer { if fd != STDIN_FILENO { close(fd) } }
            var info = stat()
            let regular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            var stream = JSONLinesStream(fields: ImportFields(text: textField, id: idField))
            let emit: (RecordResult) throws -> Void = { result in
                switch result {
                case .success(let record): output.predict(id: record.externalID, text: record.text)
                case .failure(let invalid): throw CommandFailure("\(TerminalText.visible(name)):\(invalid.description)")
                }
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw CommandFailure("cannot read \(name): \(String(cString: strerror(errno))).")
                }
                if count == 0 { break }
                try chunk.withUnsafeBufferPointer { try stream.feed(UnsafeBufferPointer(rebasing: $0[0..<count]), emit) }
                if regular { try output.flushIfLarge() } else { try output.flush() }
            }
            try stream.finish(emit)
        }
    }
}
