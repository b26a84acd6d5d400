/// The checksum kept beside every stored decision value (annotations, adjudications, gold
/// answers) and item text, so that one altered on disk is caught before an export or a
/// model uses it.
///
/// SQLite checks its own page structure (`PRAGMA quick_check`) but not the bytes of a row:
/// a flipped bit inside a value's text reads back as another, valid-looking value. The check
/// is the first half of MurmurHash3 x64-128 of the value's UTF-8 bytes: already in the code
/// base (items' content hashes), fast enough to verify on every exported row, and a change of
/// any bytes goes unnoticed with a chance of 2^-64. It is no defence against someone who edits
/// the store on purpose (they can recompute it); it is one against disks, copies and bugs.
public enum ValueCheck {
    /// The check of a stored value's bytes, as the signed integer SQLite keeps.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> Int64 {
        Int64(bitPattern: ContentHash.murmur3(bytes).h1)
    }

    /// The check of a stored value (its JSON text); nil for no value (a skip or a flag).
    public static func of(_ value: String?) -> Int64? {
        guard var value else { return nil }
        return value.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// Whether a value read back (nil for SQL NULL) matches the check stored beside it.
    public static func matches(_ bytes: UnsafeBufferPointer<UInt8>?, check: Int64?) -> Bool {
        guard let bytes else { return check == nil }
        return check == of(UnsafeRawBufferPointer(bytes))
    }
}
