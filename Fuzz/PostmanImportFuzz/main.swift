import AzspecImport
import AzspecKit
import FuzzDriver

/// libFuzzer entry: the input as a Postman collection (its JSON, its test scripts' JavaScript), converted as
/// `azspec import postman` does, and every spec it writes loaded back (nothing is written or sent).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    guard let result = try? PostmanImporter.convert(collection: bytes, environment: nil) else { return 0 }
    for file in result.files { _ = SpecLoader().load(yaml: file.text, file: file.name) }
    return 0
}

runFuzzer(fuzz)
