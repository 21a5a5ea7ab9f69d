import AzspecCore
import FuzzDriver

/// libFuzzer entry: the input as a YAML document, composed the way spec files and the emulator's configuration
/// are (anchors refused before anything is expanded).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    _ = YAMLDocument.compose(text, file: "fuzz.yaml")
    return 0
}

runFuzzer(fuzz)
