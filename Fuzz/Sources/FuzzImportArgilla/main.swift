import FuzzSupport
import GlossCore

/// Argilla 2.x records (`gloss import --format argilla`): a JSON array or JSON Lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ImportHarness.check(.argilla, fields: ImportFields(), FuzzDriver.bytes(data, size))
    return 0
}

FuzzDriver.run(testOneInput)
