import Foundation
import RehearseTestSupport
import Testing

/// A JSON value, decoded with Codable, for comparing parses with the reference JSON.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}

/// The GIFT fixtures: `$REHEARSE_SHARED_FIXTURES/gift` when set, else `../shared/fixtures/gift`
/// beside the package root (the repository is checked out as a folder beside `shared`). They are
/// not copied into the repository; the tests that need them are skipped, visibly, where the
/// folder is not there (a bare clone), and `.ci/run` says which it was.
enum GiftFixtures {
    static let folder = SharedFixtures.folder("gift")

    /// Whether the fixture folder is there to test against.
    static var available: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path)
    }

    /// The `.gift` files of the folder, sorted by name; records an issue and returns none when
    /// the folder is missing.
    static func giftFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let files = names.filter { $0.hasSuffix(".gift") }.sorted()
        if files.isEmpty {
            Issue.record("no GIFT fixtures in \(folder.path): the shared fixtures are missing")
        }
        return files.map { folder.appendingPathComponent($0) }
    }
}
