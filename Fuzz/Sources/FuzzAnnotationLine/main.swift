import FuzzSupport
import GlossCore
import GlossFormats

/// One line of an annotations file (`gloss annotations import`): a record or a refusal
/// phrase, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let line = String(validating: FuzzDriver.bytes(data, size), as: UTF8.self) else { return 0 }
    do throws(AnnotationLineError) {
        _ = try AnnotationRecord.parse(line)
    } catch {
        if error.message.isEmpty { fatalError("a refusal without a reason") }
    }
    return 0
}

FuzzDriver.run(testOneInput)
