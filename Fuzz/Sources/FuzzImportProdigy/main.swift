import FuzzSupport
import GlossCore

/// Prodigy's JSONL export (`gloss import --from prodigy`).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ImportHarness.check(.prodigy, fields: ImportFields(annotator: "fuzz"), FuzzDriver.bytes(data, size))
    return 0
}

FuzzDriver.run(testOneInput)
