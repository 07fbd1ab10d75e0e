import RehearseBank

// The bank loader on one quiz file and one scenario file cut from the input at its first NUL:
// diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    let cut = bytes.firstIndex(of: 0) ?? bytes.count
    let quiz = Array(bytes[..<cut])
    let scenario = cut < bytes.count ? Array(bytes[(cut + 1)...]) : []
    _ = BankLoader.load([
        SourceFile(path: "quizzes/q.yaml", bytes: quiz),
        SourceFile(path: "scenarios/s.yaml", bytes: scenario),
    ])
    return 0
}
