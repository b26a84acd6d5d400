import FuzzSupport
import GlossCore

/// CSV items with a header row (\`gloss import\`), labels split on "|".
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ImportHarness.check(.csv, fields: ImportFields(label: "label", labelSeparator: "|"), FuzzDriver.bytes(data, size))
    return 0
}

FuzzDriver.run(testOneInput)
