import RehearseBank
import RehearseCore
import RehearseInterop

// The GIFT parser on any bytes, then the whole import of them (format detection, mapping, ids,
// the quiz YAML, in parts when large) and a load of those files as a bank: errors and skips,
// never a crash, and what the import writes always loads without an error (the promise
// that its output passes `check`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    _ = GiftParser.parse(bytes: bytes)
    guard
        let result = try? QuizImporter.importFile(
            bytes: bytes, name: "fuzz.gift", competency: "empathy"),
        !result.files.isEmpty
    else { return 0 }
    let loaded = BankLoader.load(result.files.map { SourceFile(path: $0.path, text: $0.yaml) })
    if let bad = loaded.diagnostics.first(where: { $0.severity == .error }) {
        fatalError("import output does not load: \(bad.message)")
    }
    return 0
}
