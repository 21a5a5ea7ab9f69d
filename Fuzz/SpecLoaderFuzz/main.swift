import AzspecKit
import FuzzDriver

/// libFuzzer entry: the input as a spec file, loaded and validated as `azspec validate` does (nothing is sent).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    _ = SpecLoader().load(yaml: text, file: "fuzz.yaml")
    return 0
}

runFuzzer(fuzz)
