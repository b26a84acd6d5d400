import Foundation
import GlossClassifier
import GlossCore

/// Writes one JSON line per prediction, `{"id":…,"label":…,"scores":{…}}` (multilabel:
/// `"labels":[…]`), into a buffer that goes to standard output in large writes, or at once
/// after each input chunk when predictions are served behind a pipe.
final class PredictionOutput {
    private let labelLiterals: [[UInt8]]
    private let multilabel: Bool
    private var buffer: [UInt8] = []
    static let flushSize = 1 << 16

    init(labels: [String], multilabel: Bool) {
        labelLiterals = labels.map { label in
            var out: [UInt8] = []
            JSONString.appendLiteral(label, to: &out)
            return out
        }
        self.multilabel = multilabel
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    /// Adds the line of one item (a nil id is written as null).
    func append(id: String?, _ prediction: Prediction) {
        buffer += Array("{\"id\":".utf8)
        if let id { JSONString.appendLiteral(id, to: &buffer) } else { buffer += Array("null".utf8) }
        if multilabel {
            buffer += Array(",\"labels\":[".utf8)
            for (n, index) in prediction.chosen.enumerated() {
                if n > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer += labelLiterals[index]
            }
            buffer.append(UInt8(ascii: "]"))
        } else {
            buffer += Array(",\"label\":".utf8)
            buffer += labelLiterals[prediction.best]
        }
        buffer += Array(",\"scores\":{".utf8)
        for (index, probability) in prediction.probabilities.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer += labelLiterals[index]
            buffer.append(UInt8(ascii: ":"))
            Self.appendProbability(probability, to: &buffer)
        }
        buffer += Array("}}\n".utf8)
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
    func flushIfLarge() throws {
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes everything buffered to standard output. A reader that went away ends the
    /// command quietly, as `head` expects.
    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                throw CommandFailure("cannot write the predictions: \(String(cString: strerror(errno))).")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
