import Foundation

/// Foundation's JSON reader with one repair. On Linux it drops U+FEFF from the start of a
/// string value written raw (as `String(data:encoding:)` drops a byte order mark), so a label
/// or a text beginning with one lost it (found by Fuzz/FuzzCanonicalValue). Every U+FEFF
/// after the first byte goes to the reader as the escape `\ufeff`, which it keeps; outside a
/// string the bytes were invalid JSON and stay so. One at the very start is a byte order mark.
public enum FoundationJSON {
    public static func object(_ data: Data, options: JSONSerialization.ReadingOptions = []) -> Any? {
        try? JSONSerialization.jsonObject(with: escapingByteOrderMarks(data), options: options)
    }

    /// `data` with each U+FEFF past its first byte written `\ufeff`.
    static func escapingByteOrderMarks(_ data: Data) -> Data {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        guard data.count > 3, let first = data.dropFirst().firstRange(of: bom) else { return data }
        var out = Data(data[..<first.lowerBound])
        var rest = data[first.lowerBound...]
        while let hit = rest.firstRange(of: bom) {
            out += rest[..<hit.lowerBound]
            out += Data(#"\ufeff"#.utf8)
            rest = rest[hit.upperBound...]
        }
        out += rest
        return out
    }
}
