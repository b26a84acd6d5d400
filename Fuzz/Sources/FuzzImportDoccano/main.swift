import FuzzSupport
import GlossCore

/// doccano's JSONL export (`gloss import --from doccano`).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ImportHarness.check(.doccano, fields: ImportFields(annotator: "fuzz"), FuzzDriver.bytes(data, size))
    return 0
}

FuzzDriver.run(testOneInput)
