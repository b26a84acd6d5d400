import GlossCore

/// A fast, strict scanner over the UTF-8 bytes of one JSON value (RFC 8259).
///
/// Imports read millions of records, so the scanner validates syntax without building a
/// tree: callers get byte ranges of an object's members and decode only what they need.
public struct JSONScanner {
    public let bytes: UnsafeBufferPointer<UInt8>
    public private(set) var index: Int

    public init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        self.bytes = bytes
        self.index = start
    }

    /// A syntax error at a byte offset into the scanned buffer.
    public struct Failure: Error, Equatable {
        public let offset: Int
        public let message: String
    }

    /// One member of an object: byte ranges of its quoted key and of its value.
    public struct Member {
        /// Range of the key including its quotes.
        public let key: Range<Int>
        public let value: Range<Int>
        /// Whether the key contains backslash escapes (then it must be decoded to compare).
        public let keyHasEscapes: Bool
    }

    @inline(__always) var atEnd: Bool { index >= bytes.count }
    @inline(__always) func peek() -> UInt8 { bytes[index] }

    func fail(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(offset: offset ?? index, message: message)
    }

    func describeHere() -> String {
        atEnd ? "the end of the record" : "'\(Self.printable(bytes[index]))'"
    }

    static func printable(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "byte 0x" + String(byte, radix: 16)
    }

    @inline(__always) public mutating func skipWhitespace() {
        while index < bytes.count {
            let b = bytes[index]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            index += 1
        }
    }

    /// Scans the members of the object starting at the current position.
    public mutating func scanObjectMembers(depth: Int = 0, _ visit: (Member) throws -> Void) throws {
        skipWhitespace()
        guard !atEnd, peek() == UInt8(ascii: "{") else {
            throw fail("expected a JSON object ('{') but found \(describeHere())")
        }
        index += 1
        skipWhitespace()
        if !atEnd, peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            guard !atEnd, peek() == UInt8(ascii: "\"") else {
                throw fail("expected a quoted field name but found \(describeHere())")
            }
            let keyStart = index
            let escaped = try scanString()
            let key = keyStart..<index
            skipWhitespace()
            guard !atEnd, peek() == UInt8(ascii: ":") else {
                throw fail("expected ':' after a field name but found \(describeHere())")
            }
            index += 1
            skipWhitespace()
            let valueStart = index
            try scanValue(depth: depth + 1)
            try visit(Member(key: key, value: valueStart..<index, keyHasEscapes: escaped))
            skipWhitespace()
            guard !atEnd else { throw fail("the object is not closed: expected ',' or '}'") }
            let b = peek()
            index += 1
            if b == UInt8(ascii: "}") { return }
            guard b == UInt8(ascii: ",") else {
                throw fail("expected ',' or '}' but found '\(Self.printable(b))'", at: index - 1)
            }
        }
    }

    /// Requires that only whitespace remains.
    public mutating func expectEnd() throws {
        skipWhitespace()
        guard atEnd else { throw fail("unexpected \(describeHere()) after the end of the JSON value") }
    }

    /// Scans any value; `depth` guards against pathological nesting.
    public mutating func scanValue(depth: Int = 0) throws {
        guard depth < 512 else { throw fail("nesting deeper than 512 levels") }
        guard !atEnd else { throw fail("expected a value but found the end of the record") }
        switch peek() {
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "{"): try scanObjectMembers(depth: depth) { _ in }
        case UInt8(ascii: "["): try scanArray(depth: depth) { _ in }
        case UInt8(ascii: "t"): try scanLiteral("true")
        case UInt8(ascii: "f"): try scanLiteral("false")
        case UInt8(ascii: "n"): try scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        default: throw fail("expected a value but found \(describeHere())")
        }
    }

    /// Scans an array, reporting the byte range of each element.
    public mutating func scanArray(depth: Int = 0, _ visit: (Range<Int>) throws -> Void) throws {
        guard !atEnd, peek() == UInt8(ascii: "[") else {
            throw fail("expected '[' but found \(describeHere())")
        }
        index += 1
        skipWhitespace()
        if !atEnd, peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            skipWhitespace()
            let start = index
            try scanValue(depth: depth + 1)
            try visit(start..<index)
            skipWhitespace()
            guard !atEnd else { throw fail("the array is not closed: expected ',' or ']'") }
            let b = peek()
            index += 1
            if b == UInt8(ascii: "]") { return }
            guard b == UInt8(ascii: ",") else {
                throw fail("expected ',' or ']' but found '\(Self.printable(b))'", at: index - 1)
            }
        }
    }

    mutating func scanLiteral(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("invalid literal; expected \(word)") }
        let base = word.utf8Start
        for i in 0..<count where bytes[index + i] != base[i] {
            throw fail("invalid literal; expected \(word)")
        }
        index += count
    }

    mutating func scanNumber() throws {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard !atEnd, isDigit(peek()) else { throw fail("invalid number", at: start) }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            while !atEnd, isDigit(peek()) { index += 1 }
        }
        if !atEnd, peek() == UInt8(ascii: ".") {
            index += 1
            guard !atEnd, isDigit(peek()) else { throw fail("invalid number: digits must follow '.'", at: start) }
            while !atEnd, isDigit(peek()) { index += 1 }
        }
        if !atEnd, peek() | 0x20 == UInt8(ascii: "e") {
            index += 1
            if !atEnd, peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard !atEnd, isDigit(peek()) else { throw fail("invalid number: bad exponent", at: start) }
            while !atEnd, isDigit(peek()) { index += 1 }
        }
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Scans a string starting at its opening quote; returns whether it holds escapes.
    /// UTF-8 validity of the contents is checked when the string is decoded.
    public mutating func scanString() throws -> Bool {
        let start = index
        index += 1
        var escaped = false
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { index += 1; return escaped }
            if b == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    guard index + 4 < bytes.count,
                          (1...4).allSatisfy({ JSONString.hexValue(bytes[index + $0]) != nil })
                    else { throw fail("invalid \\u escape: expected four hex digits", at: index - 1) }
                    index += 5
                default:
                    throw fail("invalid escape '\\\(Self.printable(bytes[index]))' in a string", at: index - 1)
                }
                continue
            }
            if b < 0x20 {
                throw fail("a control character (\(Self.printable(b))) must be escaped inside a string")
            }
            index += 1
        }
        throw fail("the string is not closed: missing '\"'", at: start)
    }
}
