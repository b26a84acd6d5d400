/// A one-line JSON object written member by member in the caller's order, through
/// `JSONBytes`; nil values are left out.
public struct JSONObjectWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    public init() {}

    private mutating func key(_ name: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.appendJSONString(name)
        bytes.append(UInt8(ascii: ":"))
    }

    public mutating func add(_ name: String, string: String?) {
        guard let string else { return }
        key(name)
        bytes.appendJSONString(string)
    }

    public mutating func add(_ name: String, bool: Bool?) {
        guard let bool else { return }
        key(name)
        bytes.appendASCII(bool ? "true" : "false")
    }

    /// A value that is already JSON (a number, an object).
    public mutating func add(_ name: String, raw: String?) {
        guard let raw else { return }
        key(name)
        bytes.appendUTF8(raw)
    }

    /// The members of a stored JSON object (`{"label":"x"}` adds `"label":"x"`), so that a
    /// value's fields sit at the top level of this object.
    public mutating func addMembers(of object: String?) {
        guard let object, object.hasPrefix("{"), object.hasSuffix("}"), object.count > 2 else { return }
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes += Array(object.utf8.dropFirst().dropLast())
    }

    /// The object's text, closed.
    public func finished() -> String { String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self) }
}
