import RehearseGrading

// The CSV reader on any bytes, with the delimiter it detects and with each common one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    for delimiter in [CSVParser.detectDelimiter(bytes), UInt8(ascii: ","), UInt8(ascii: ";"), 9] {
        _ = try? CSVParser.records(bytes, delimiter: delimiter)
    }
    return 0
}
