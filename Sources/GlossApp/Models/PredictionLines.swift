import Foundation
import GlossCore
import GlossTasks

/// Writes one JSON line per prediction, `{"id":…,"label":…,"scores":{…}}` (multilabel:
/// `"labels":[…]`; spans: `"spans":[{"start","end","label","confidence"}]`), into a buffer
/// that goes to a file descriptor in large writes, or at once after each input chunk when
/// predictions are served behind a pipe.
public final class PredictionLines {
    /// The reader of the output went away (a closed pipe): the caller stops quietly, as
    /// `head` expects.
    public struct ReaderGone: Error {}

    private let model: LoadedModel
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    static let flushSize = 1 << 16

    public init(model: LoadedModel, descriptor: Int32 = STDOUT_FILENO) {
        self.model = model
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    /// Predicts one text and adds its line (a nil id is written as null).
    public func predict(id: String?, text: String) {
        let predicted = model.predictValue(text)
        buffer.appendASCII("{\"id\":")
        if let id { buffer.appendJSONString(id) } else { buffer.appendASCII("null") }
        switch predicted.value {
        case .label(let label):
            buffer.appendASCII(",\"label\":")
            buffer.appendJSONString(label)
            appendScores(predicted)
        case .labels(let labels):
            buffer.appendASCII(",\"labels\":")
            buffer.appendJSONStrings(labels)
            appendScores(predicted)
        case .spans(let spans):
            buffer.appendASCII(",\"spans\":[")
            for (n, (span, confidence)) in zip(spans, predicted.spanConfidences).enumerated() {
                if n > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(UInt8(ascii: "{"))
                buffer.appendSpanMembers(span)
                buffer.appendASCII(",\"confidence\":")
                Self.appendProbability(confidence, to: &buffer)
                buffer.append(UInt8(ascii: "}"))
            }
            buffer.appendASCII("]}\n")
        case .pairwise, .answers:
            // No model of Gloss judges pairs (the family is `.none`), so none predicts one.
            preconditionFailure("a text model predicted a pairwise judgment")
        }
    }

    private func appendScores(_ predicted: PredictedValue) {
        buffer.appendASCII(",\"scores\":{")
        for (index, (label, probability)) in zip(predicted.labels, predicted.probabilities).enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.appendJSONString(label)
            buffer.append(UInt8(ascii: ":"))
            Self.appendProbability(probability, to: &buffer)
        }
        buffer.appendASCII("}}\n")
    }

    /// Four decimals, trailing zeros dropped: 0.8125, 0.5, 1, 0.
    static func appendProbability(_ p: Double, to out: inout [UInt8]) {
        let tenThousandths = p.isFinite ? Int((min(max(p, 0), 1) * 10000).rounded()) : 0
        if tenThousandths == 10000 { out.append(UInt8(ascii: "1")); return }
        out.append(UInt8(ascii: "0"))
        guard tenThousandths > 0 else { return }
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 4)
        var value = tenThousandths
        for i in stride(from: 3, through: 0, by: -1) {
            digits[i] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        out.append(UInt8(ascii: "."))
        out += digits
    }

    /// Writes the buffer once it is large.
    public func flushIfLarge() throws {
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes everything buffered; throws `ReaderGone` when the reader has gone away.
    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw ReaderGone() }
                throw UseCaseFailure("cannot write the predictions: \(String(cString: strerror(errno))).")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
