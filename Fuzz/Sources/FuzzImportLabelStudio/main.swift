import FuzzSupport
import GlossCore

/// Label Studio's JSON export (`gloss import --from label-studio`).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ImportHarness.check(.labelStudio, fields: ImportFields(), FuzzDriver.bytes(data, size))
    return 0
}

FuzzDriver.run(testOneInput)
