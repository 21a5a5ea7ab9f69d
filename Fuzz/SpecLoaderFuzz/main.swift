import AzspecKit
import Foundation

/// libFuzzer entry: the input as a spec file, loaded and validated as `azspec validate` does (nothing is sent).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    _ = SpecLoader().load(yaml: text, file: "fuzz.yaml")
    return 0
}

/// libFuzzer's own driver: SwiftPM gives an executable Swift's `main`, so libFuzzer's is reached through this.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var arguments = CommandLine.argc
var vector = CommandLine.unsafeArgv
exit(runFuzzerDriver(&arguments, &vector, fuzz))
