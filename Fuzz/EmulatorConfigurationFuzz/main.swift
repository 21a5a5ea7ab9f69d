import AzspecEmulator
import FuzzDriver

/// libFuzzer entry: the input as the emulator's configuration, read and validated as `azspec emulator --config`
/// does (nothing is served). PEM values that name files are read relative to the working directory, through the
/// same bounded reader as everything else.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? EmulatorConfiguration(yaml: text, file: "fuzz.yaml")
    return 0
}

runFuzzer(fuzz)
