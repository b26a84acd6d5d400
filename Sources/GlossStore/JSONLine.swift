import GlossCore

/// A one-line JSON object written field by field in a fixed order (nil values are left out).
struct JSONLine {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    private mutating func key(_ name: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        JSONString.appendLiteral(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func add(_ name: String, string: String?) {
        guard let string else { return }
        key(name)
        JSONString.appendLiteral(string, to: &bytes)
    }

    /// A value that is already JSON (a number, a boolean, an object).
    mutating func add(_ name: String, raw: String?) {
        guard let raw else { return }
        key(name)
        bytes += Array(raw.utf8)
    }

    /// The members of a stored JSON object (`{"label":"x"}` adds `"label":"x"`), so that a
    /// value's fields sit at the top level as the import expects them.
    mutating func addMembers(of object: String?) {
        guard let object, object.hasPrefix("{"), object.hasSuffix("}"), object.count > 2 else { return }
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes += Array(object.utf8.dropFirst().dropLast())
    }

    func finished() -> String { String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self) }
}
