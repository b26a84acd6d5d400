import FuzzSupport
import GlossCore

/// A guide file (`gloss guide lint`): YAML front matter, then Markdown. Any text gives a
/// guide or at least one error saying why not, never a crash; every finding has a line.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    let lint = GuideParser.lint(text)
    if lint.guide == nil, !lint.diagnostics.contains(where: { $0.severity == .error }) {
        fatalError("no guide and no error to say why")
    }
    if let bad = lint.diagnostics.first(where: { $0.position.line < 1 || $0.message.isEmpty }) {
        fatalError("a finding without a place or a text: \(bad)")
    }
    return 0
}

FuzzDriver.run(testOneInput)
