import FuzzSupport
import GlossCore

/// JSON Lines items (\`gloss import\`): one object per line, labels in "label".
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ImportHarness.check(.jsonl, fields: ImportFields(label: "label"), FuzzDriver.bytes(data, size))
    return 0
}

FuzzDriver.run(testOneInput)
