import FuzzSupport
import GlossCore

/// A stored decision's value JSON. The fast parser of exports (`CanonicalValueParser`) must
/// read every input as `AnnotationValue(json:)` does, and a value read must survive its own
/// `json()` unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    let text = String(decoding: bytes, as: UTF8.self)
    let general = AnnotationValue(json: text)
    if String(validating: bytes, as: UTF8.self) != nil {
        let fast = CanonicalValueParser.parse(bytes)
        if fast != general { fatalError("fast parser read \(String(describing: fast)), general \(String(describing: general))") }
    }
    if let general {
        let again = AnnotationValue(json: general.json())
        if again != general { fatalError("\(general) came back from its JSON as \(String(describing: again))") }
    }
    return 0
}

FuzzDriver.run(testOneInput)
