import GlossCore
import GlossFormats

/// Runs an import decoder over fuzzed bytes twice, whole and in small chunks, and stops the
/// run when the two disagree: a record must not depend on where a read happened to end.
/// A crash, a trap or a hang inside the decoder is what libFuzzer itself reports.
public enum ImportHarness {
    /// What a decoder made of an input: every record or refusal, and the error that stopped it.
    struct Outcome: Equatable {
        var results: [RecordResult] = []
        var stoppedBy: String?
    }

    public static func check(_ format: ImportFormat, fields: ImportFields, _ bytes: UnsafeBufferPointer<UInt8>) {
        let whole = decode(format, fields: fields, bytes, chunkSize: max(bytes.count, 1))
        // The chunk size comes from the input, so the fuzzer explores the boundaries too.
        let chunkSize = 1 + Int(bytes.last ?? 0) % 13
        let chunked = decode(format, fields: fields, bytes, chunkSize: chunkSize)
        if whole != chunked {
            fatalError("\(format) records differ when read in chunks of \(chunkSize) bytes:\n\(whole)\n\(chunked)")
        }
    }

    static func decode(_ format: ImportFormat, fields: ImportFields, _ bytes: UnsafeBufferPointer<UInt8>, chunkSize: Int) -> Outcome {
        var stream = format.makeStream(fields: fields)
        var outcome = Outcome()
        do {
            var start = 0
            while start < bytes.count {
                let end = min(start + chunkSize, bytes.count)
                try stream.feed(UnsafeBufferPointer(rebasing: bytes[start..<end])) { outcome.results.append($0) }
                start = end
            }
            try stream.finish { outcome.results.append($0) }
        } catch {
            outcome.stoppedBy = "\(error)"
        }
        return outcome
    }
}
