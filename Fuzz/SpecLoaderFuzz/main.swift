import AzspecKit

/// libFuzzer entry: the input as a spec file, loaded and validated as `azspec validate` does (nothing is sent).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = SpecLoader().load(yaml: text, file: "fuzz.yaml")
    return 0
}
