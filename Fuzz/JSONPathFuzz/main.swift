import AzspecCore
import FuzzDriver
import JSONPath

/// libFuzzer entry: the input's first line is a JSONPath query, the rest a JSON document. Both are parsed; when
/// both parse, the query is evaluated. Any crash, hang or sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let query = String(decoding: bytes[..<newline], as: UTF8.self)
    let document = newline < bytes.count ? Array(bytes[(newline + 1)...]) : []
    let parsedQuery = try? JSONPathQuery(query)
    let parsedDocument = try? JSONValue(parsing: document)
    if let parsedQuery, let parsedDocument {
        _ = parsedQuery.values(in: parsedDocument)
        _ = parsedDocument.serialized
    }
    return 0
}

runFuzzer(fuzz)
