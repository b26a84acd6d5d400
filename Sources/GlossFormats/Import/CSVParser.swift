import GlossCore

/// An incremental RFC 4180 parser for CSV and TSV: quoted fields may hold delimiters,
/// doubled quotes and line breaks; rows end at LF, CRLF or CR. Fed chunk by chunk, so
/// memory stays flat whatever the file size.
///
/// Lenient where real data needs it: a quote inside an unquoted field is literal text.
/// Strict where it would lose data: text after a closing quote is an error.
struct CSVParser: Sendable {
    let delimiter: UInt8

    /// One parsed row: its fields' bytes, valid only during the callback.
    struct Row {
        let line: Int
        let bytes: [UInt8]
        let ends: [Int]
        var count: Int { ends.count }
        func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let start = i == 0 ? 0 : ends[i - 1]
            return bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start..<ends[i]]) }
        }
        func string(_ i: Int) -> String? {
            let start = i == 0 ? 0 : ends[i - 1]
            return bytes.withUnsafeBufferPointer {
                String(validating: UnsafeBufferPointer(rebasing: $0[start..<ends[i]]), as: UTF8.self)
            }
        }
    }

    /// `skipping` drops the rest of a refused row up to its end; `skippingQuoted` is inside
    /// a quoted field of that rest, where a line break does not end the row.
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, skipping, skippingQuoted }

    private var state = State.fieldStart
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var line = 1
    private var column = 1
    private var rowLine = 1
    private var quoteLine = 1
    private var quoteColumn = 1
    private var afterCR = false

    let maxRecordBytes: Int

    init(delimiter: UInt8, maxRecordBytes: Int = RecordLimits.maxRecordBytes) {
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
        bytes.reserveCapacity(4096)
    }

    typealias Emit = (Result<Row, InvalidRecord>) throws -> Void

    /// Parses a chunk, calling `emit` for every completed row or malformed row.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: Emit) rethrows {
        for b in chunk {
            if afterCR {
                afterCR = false
                if b == 0x0A { continue }
            }
            switch state {
            case .fieldStart:
                if b == UInt8(ascii: "\"") {
                    state = .quoted
                    quoteLine = line
                    quoteColumn = column
                } else if b == delimiter {
                    endField()
                } else if b == 0x0A || b == 0x0D {
                    try endRow(emit, cr: b == 0x0D)
                    continue
                } else {
                    bytes.append(b)
                    state = .unquoted
                }
            case .unquoted:
                if b == delimiter {
                    endField()
                    state = .fieldStart
                } else if b == 0x0A || b == 0x0D {
                    try endRow(emit, cr: b == 0x0D)
                    continue
                } else {
                    bytes.append(b)
                }
            case .quoted:
                if b == UInt8(ascii: "\"") {
                    state = .quoteInQuoted
                } else {
                    bytes.append(b)
                    if b == 0x0A || b == 0x0D {  // a line break inside the field: LF, CR or CRLF
                        let fieldStart = ends.last ?? 0
                        let afterFieldCR = b == 0x0A && bytes.count - 2 >= fieldStart && bytes[bytes.count - 2] == 0x0D
                        if !afterFieldCR { line += 1 }
                        column = 1
                        continue
                    }
                }
            case .quoteInQuoted:
                if b == UInt8(ascii: "\"") {
                    bytes.append(b)
                    state = .quoted
                } else if b == delimiter {
                    endField()
                    state = .fieldStart
                } else if b == 0x0A || b == 0x0D {
                    try endRow(emit, cr: b == 0x0D)
                    continue
                } else {
                    let error = InvalidRecord(
                        line: line, column: column,
                        message: "unexpected '\(JSONScanner.printable(b))' after the closing quote of a field (a quote inside a quoted field must be doubled: \"\")")
                    state = .skipping
                    try emit(.failure(error))
                }
            case .skipping:
                if b == UInt8(ascii: "\"") {
                    state = .skippingQuoted
                } else if b == 0x0A || b == 0x0D {
                    reset(cr: b == 0x0D)
                    continue
                }
            case .skippingQuoted:
                if b == UInt8(ascii: "\"") {
                    state = .skipping  // a doubled "" leaves and re-enters: still inside
                } else if b == 0x0A || b == 0x0D {
                    line += 1
                    column = 1
                    afterCR = b == 0x0D
                    continue
                }
            }
            if b & 0xC0 != 0x80 { column += 1 }
        }
        if bytes.count > maxRecordBytes, state != .skipping, state != .skippingQuoted {
            let error = InvalidRecord(
                line: rowLine,
                message: "the record starting here is longer than \(RecordLimits.describe(maxRecordBytes)); is a quote left open?", isFatal: true)
            bytes.removeAll()
            state = .skipping
            try emit(.failure(error))
        }
    }

    /// Ends the input: emits the last row, or an error for a quote never closed.
    mutating func finish(_ emit: Emit) rethrows {
        switch state {
        case .quoted:
            try emit(.failure(InvalidRecord(
                line: quoteLine, column: quoteColumn,
                message: "a quoted field opened here is never closed", isFatal: true)))
        case .skipping, .skippingQuoted:
            break
        default:
            if !(ends.isEmpty && bytes.isEmpty && state == .fieldStart) { try endRow(emit, cr: false) }
        }
        state = .fieldStart
    }

    private mutating func endField() {
        ends.append(bytes.count)
    }

    private mutating func endRow(_ emit: Emit, cr: Bool) rethrows {
        let blank = ends.isEmpty && bytes.isEmpty && state != .quoteInQuoted  // `""` is a field
        if !blank {
            endField()
            try emit(.success(Row(line: rowLine, bytes: bytes, ends: ends)))
        }
        reset(cr: cr)
    }

    private mutating func reset(cr: Bool) {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        state = .fieldStart
        line += 1
        column = 1
        rowLine = line
        afterCR = cr
    }
}
