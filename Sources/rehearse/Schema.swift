import ArgumentParser
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a JSON Schema of quiz and scenario files.")
    func run() throws {}
}
