import RehearseBank
import RehearseInterop

// The GIFT parser on any bytes, then the whole import of them (format detection, mapping, ids,
// the quiz YAML) and a load of that YAML as a bank file: errors and skips, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    _ = GiftParser.parse(bytes: bytes)
    guard
        let result = try? QuizImporter.importFile(
            bytes: bytes, name: "fuzz.gift", competency: "empathy"),
        !result.yaml.isEmpty
    else { return 0 }
    _ = BankLoader.load([SourceFile(path: "quizzes/fuzz.yaml", text: result.yaml)])
    return 0
}
