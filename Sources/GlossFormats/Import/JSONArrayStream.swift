import GlossCore

/// Turns the bytes of one JSON array element, starting on 1-based line `line`, into a record.
protocol JSONElementDecoder {
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> RecordResult
}

extension JSONRecordDecoder: JSONElementDecoder {}

/// A JSON array of objects (`[{...}, {...}]`) of item records, decoded like JSON Lines.
typealias JSONArrayStream = JSONArrayReader<JSONRecordDecoder>

extension JSONArrayReader where Decoder == JSONRecordDecoder {
    init(fields: ImportFields, maxRecordBytes: Int = RecordLimits.maxRecordBytes) {
        self.init(decoder: JSONRecordDecoder(fields: fields), maxRecordBytes: maxRecordBytes)
    }
}

/// A JSON array read element by element so that a large file never has to fit in memory;
/// `Decoder` turns each element into a record (items, or another tool's tasks).
///
/// The array's own structure (brackets, commas) is checked here; a break in it is fatal,
/// since no later element can be found reliably.
struct JSONArrayReader<Decoder: JSONElementDecoder>: RecordStream {
    private enum State { case beforeArray, beforeElement, inElement, afterElement, afterArray }

    private var state = State.beforeArray
    private var decoder: Decoder
    private var element: [UInt8] = []
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var line = 1
    private var column = 1
    private var elementLine = 1
    private var elementColumn = 1
    private var sawComma = false

    private let maxRecordBytes: Int

    init(decoder: Decoder, maxRecordBytes: Int = RecordLimits.maxRecordBytes) {
        self.maxRecordBytes = maxRecordBytes
        self.decoder = decoder
        element.reserveCapacity(4096)
    }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (RecordResult) throws -> Void) throws {
        for b in chunk {
            try step(b, emit)
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        if state == .inElement, element.count > maxRecordBytes {
            throw InvalidRecord(line: elementLine, column: nil,
                                message: "invalid JSON: the element starting here is longer than \(RecordLimits.describe(maxRecordBytes)); is a bracket or quote left open?",
                                isFatal: true)
        }
    }

    mutating func finish(_ emit: (RecordResult) throws -> Void) throws {
        switch state {
        case .afterArray: return
        case .beforeArray: throw structural("the file is empty; expected a JSON array ('[')")
        case .inElement where depth == 0 && !inString:
            throw structural("the array is not closed: expected ']' at the end of the file")
        default: throw structural("the file ends inside the JSON array: expected ']'")
        }
    }

    private func structural(_ message: String) -> InvalidRecord {
        InvalidRecord(line: line, column: column, message: "invalid JSON: \(message)", isFatal: true)
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private mutating func step(_ b: UInt8, _ emit: (RecordResult) throws -> Void) throws {
        switch state {
        case .beforeArray:
            if Self.isSpace(b) { return }
            guard b == UInt8(ascii: "[") else {
                throw structural("expected a JSON array ('[') but found '\(JSONScanner.printable(b))'; for one object per line use --format jsonl")
            }
            state = .beforeElement
        case .beforeElement:
            if Self.isSpace(b) { return }
            if b == UInt8(ascii: "]") {
                guard !sawComma else { throw structural("a ',' is followed by ']': remove the trailing comma") }
                state = .afterArray
                return
            }
            if b == UInt8(ascii: ",") { throw structural("expected an element but found ','") }
            state = .inElement
            elementLine = line
            elementColumn = column
            element.removeAll(keepingCapacity: true)
            depth = 0
            inString = false
            try consume(b, emit)
        case .inElement:
            try consume(b, emit)
        case .afterElement:
            if Self.isSpace(b) { return }
            if b == UInt8(ascii: ",") { state = .beforeElement; sawComma = true; return }
            if b == UInt8(ascii: "]") { state = .afterArray; return }
            throw structural("expected ',' or ']' between elements but found '\(JSONScanner.printable(b))'")
        case .afterArray:
            if Self.isSpace(b) { return }
            throw structural("unexpected '\(JSONScanner.printable(b))' after the end of the array")
        }
    }

    /// Adds a byte to the current element; emits it when its outermost bracket closes, or
    /// when a scalar element ends at ',' or ']' (the decoder then refuses it: not an object).
    private mutating func consume(_ b: UInt8, _ emit: (RecordResult) throws -> Void) throws {
        if inString {
            element.append(b)
            if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            return
        }
        switch b {
        case UInt8(ascii: "\""):
            inString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if depth == 0 {  // a scalar element ended by the array's ']'
                try emitElement(emit)
                state = .afterArray
                return
            }
            depth -= 1
            if depth == 0 {
                element.append(b)
                try emitElement(emit)
                state = .afterElement
                return
            }
        case UInt8(ascii: ","):
            if depth == 0 {
                try emitElement(emit)
                state = .beforeElement
                sawComma = true
                return
            }
        default:
            break
        }
        element.append(b)
    }

    private mutating func emitElement(_ emit: (RecordResult) throws -> Void) throws {
        sawComma = false
        let line = elementLine
        // Borrow the element's bytes while the decoder (a member too) runs: swapping the
        // array out costs nothing, where a fresh decoder per element allocated its buffers.
        var bytes: [UInt8] = []
        swap(&bytes, &element)
        defer { swap(&bytes, &element) }
        var result = bytes.withUnsafeBufferPointer { decoder.decode($0, line: line) }
        // The decoder counts columns from the element's first byte; on that line, make them the file's.
        if case .failure(var error) = result, error.line == line, let column = error.column {
            error.column = column + elementColumn - 1
            result = .failure(error)
        }
        try emit(result)
    }
}
