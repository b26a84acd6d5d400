import Foundation

/// Reads the value JSON that `AnnotationValue.json(itemText:)` writes straight from its bytes:
/// an export reads a million of them, and Foundation's `JSONSerialization` would spend most of
/// the export's time there. Anything not in exactly that shape (other spacing, other key
/// order, extra keys) goes to `AnnotationValue(json:)`, so every value it accepts still reads.
public enum CanonicalValueParser {
    /// The value in `bytes` (UTF-8 JSON), or nil when it is not a value at all.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> AnnotationValue? {
        var reader = CanonicalValueReader(bytes: bytes)
        if let value = reader.value() { return value }
        return AnnotationValue(json: String(decoding: bytes, as: UTF8.self))
    }

    /// The value in `json`, or nil when it is not a value at all.
    public static func parse(_ json: String) -> AnnotationValue? {
        var json = json
        return json.withUTF8 { parse($0) }
    }
}

/// A cursor over canonical value JSON; every method returns nil (or false) at the first byte
/// that does not fit, and the caller falls back to the general parser.
private struct CanonicalValueReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func value() -> AnnotationValue? {
        guard skip("{\"") else { return nil }
        let result: AnnotationValue?
        if skip("label\":") {
            result = string().map(AnnotationValue.label)
        } else if skip("labels\":[") {
            result = labels().map(AnnotationValue.labels)
        } else if skip("spans\":[") {
            result = spans().map(AnnotationValue.spans)
        } else {
            return nil
        }
        guard result != nil, skip("}"), index == bytes.count else { return nil }
        return result
    }

    /// `"a","b"]` (the opening bracket already read).
    mutating func labels() -> [String]? {
        var names: [String] = []
        if skip("]") { return names }
        repeat {
            guard let name = string() else { return nil }
            names.append(name)
        } while skip(",")
        return skip("]") ? names : nil
    }

    /// `{"start":1,"end":2,"label":"x","text":"…"},…]` (the opening bracket already read).
    mutating func spans() -> [LabeledRange]? {
        var spans: [LabeledRange] = []
        if skip("]") { return spans }
        repeat {
            guard skip("{\"start\":"), let start = integer(), skip(",\"end\":"), let end = integer(),
                  skip(",\"label\":"), let label = string()
            else { return nil }
            if skip(",\"text\":") { guard skipString() else { return nil } }
            guard skip("}") else { return nil }
            spans.append(LabeledRange(start: start, end: end, label: label))
        } while skip(",")
        return skip("]") ? spans : nil
    }

    /// Consumes `literal` when the bytes at the cursor are exactly it.
    mutating func skip(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let base = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != base[offset] { return false }
        index += count
        return true
    }

    /// A non-negative or negative decimal integer of at most 18 digits.
    mutating func integer() -> Int? {
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var result = 0, digits = 0
        while index < bytes.count, case let digit = bytes[index] &- 0x30, digit < 10 {
            // A 19th digit could overflow: longer numbers are the general parser's to refuse.
            guard digits < 18 else { return nil }
            result = result * 10 + Int(digit)
            digits += 1
            index += 1
        }
        guard (1...18).contains(digits) else { return nil }
        // JSON numbers have no leading zeros ("00", "-01"): the general parser refuses them
        // (Fuzz/FuzzCanonicalValue found "start":00 read here as 0).
        if digits > 1, bytes[index - digits] == UInt8(ascii: "0") { return nil }
        return negative ? -result : result
    }

    /// The end (one past the closing quote) of the string literal at the cursor, and whether it
    /// holds escapes; nil when there is no complete literal there.
    func stringEnd() -> (end: Int, escaped: Bool)? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        var at = index + 1, escaped = false
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "\""): return (at + 1, escaped)
            case UInt8(ascii: "\\"): escaped = true; at += 2
            case 0..<0x20: return nil
            default: at += 1
            }
        }
        return nil
    }

    mutating func string() -> String? {
        guard let (end, escaped) = stringEnd(), !escaped || escapesAreValid(before: end) else { return nil }
        guard let text = try? JSONString.decode(bytes, index..<end, hasEscapes: escaped) else { return nil }
        index = end
        return text
    }

    /// Skips a string whose text is not needed (a span's `text`). One with escapes is decoded
    /// all the same, so it is refused where the general parser refuses it
    /// (Fuzz/FuzzCanonicalValue found `"text":"\0"` taken here and refused there).
    mutating func skipString() -> Bool {
        guard let (end, escaped) = stringEnd() else { return false }
        if escaped { return string() != nil }
        index = end
        return true
    }

    /// Whether every escape of the string literal at the cursor, which ends at `end`, is one
    /// JSON allows, complete.
    func escapesAreValid(before end: Int) -> Bool {
        var at = index + 1
        while at < end - 1 {
            if bytes[at] == UInt8(ascii: "\\") {
                switch bytes[at + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): at += 2
                case UInt8(ascii: "u"):
                    guard at + 6 <= end - 1,
                          (2..<6).allSatisfy({ JSONString.hexValue(bytes[at + $0]) != nil }) else { return false }
                    at += 6
                default: return false
                }
            } else {
                at += 1
            }
        }
        return true
    }
}

/// Remembers the last few short values parsed, by their bytes: a project's decisions repeat a
/// handful of values (`{"label":"positive"}`), and comparing 20 bytes is cheaper than parsing
/// and validating them again. The keys sit in one flat buffer, so a lookup retains nothing.
public struct CanonicalValueCache {
    private static let capacity = 16
    private static let longest = 64
    private var keys = [UInt8](repeating: 0, count: capacity * longest)
    private var lengths: [Int] = []
    private var values: [AnnotationValue] = []
    private var nextSlot = 0
    private var judging = JudgingValueCache()

    public init() {}

    /// The value in `bytes`, from the cache when seen recently; nil when it is not a value.
    public mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> AnnotationValue? {
        guard bytes.count <= Self.longest else { return judging.parse(bytes) }
        let hit = keys.withUnsafeBufferPointer { keys -> Int? in
            for slot in lengths.indices where lengths[slot] == bytes.count {
                if bytes.isEmpty || memcmp(keys.baseAddress! + slot * Self.longest, bytes.baseAddress!, bytes.count) == 0 {
                    return slot
                }
            }
            return nil
        }
        if let hit { return values[hit] }
        guard let value = CanonicalValueParser.parse(bytes) else { return nil }
        let slot: Int
        if lengths.count < Self.capacity {
            slot = lengths.count
            lengths.append(bytes.count)
            values.append(value)
        } else {
            slot = nextSlot
            nextSlot = (nextSlot + 1) % Self.capacity
            lengths[slot] = bytes.count
            values[slot] = value
        }
        keys.replaceSubrange((slot * Self.longest)..<(slot * Self.longest + bytes.count), with: bytes)
        return value
    }
}

/// Judgments and ratings (`{"pairwise":…`, `{"ratings":…`, `{"winner":…`, `{"outcome":…`) are
/// longer than the short cache takes and go through Foundation's parser (about 20 µs each),
/// while a project repeats a few thousand of them: they are kept by their bytes' hash, up to
/// a bound (then forgotten and gathered again). Other long values (spans) pass straight by.
struct JudgingValueCache {
    private static let capacity = 8192
    private var entries: [Int: (bytes: [UInt8], value: AnnotationValue)] = [:]

    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> AnnotationValue? {
        guard Self.isJudging(bytes) else { return CanonicalValueParser.parse(bytes) }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let key = hasher.finalize()
        if let entry = entries[key], entry.bytes.elementsEqual(bytes) { return entry.value }
        guard let value = CanonicalValueParser.parse(bytes) else { return nil }
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = (Array(bytes), value)
        return value
    }

    private static func isJudging(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 10, bytes[0] == UInt8(ascii: "{"), bytes[1] == UInt8(ascii: "\"") else { return false }
        switch bytes[2] {
        case UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "w"), UInt8(ascii: "o"): return true
        default: return false
        }
    }
}
