import AzspecCore

/// libFuzzer entry: the input as a YAML document, composed the way spec files and the emulator's configuration
/// are (anchors refused before anything is expanded).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = YAMLDocument.compose(text, file: "fuzz.yaml")
    return 0
}
