import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// What a draw needs to know of each scenario file, kept between runs so that a draw by
/// competency, channel or tags reads only the scenarios it picks: the id, channel, tags, every
/// competency the steps count toward, and the content hash. An entry is trusted while its file
/// keeps its size and modification time (nanoseconds); any other file is read and parsed again.
/// The index is a cache: losing it or finding it unreadable only costs time.
public struct PoolIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        var size: Int64
        var modified: Int64
        var id: String
        var channel: String?
        var tags: [String]
        var competencies: [String]
        var hash: String

        /// A stand-in scenario with no steps that matches exactly the draw filters the whole
        /// scenario matches (its competencies are those of the scenario and its steps).
        func stub(path: String) -> Scenario? {
            let location = SourceLocation(file: path, line: 1, column: 1)
            var channelValue: Channel?
            if let channel {
                guard let known = Channel(rawValue: channel) else { return nil }
                channelValue = known
            }
            var scenario = Scenario(
                id: Located(id, at: location), title: id, channel: channelValue,
                competencies: competencies.map { Located($0, at: location) }, customer: nil,
                context: nil, start: nil, steps: [], tags: tags, location: location)
            scenario.sourceHash = hash
            return scenario
        }
    }

    static let header = "rehearse-pool-index 1"

    /// Entries by the file's path as given to the loader.
    var entries: [String: Entry] = [:]

    /// The entry for a parsed scenario, or nil when a value cannot be written in the index.
    static func entry(for scenario: Scenario, size: Int64, modified: Int64) -> Entry? {
        var covered = scenario.competencies.map(\.value)
        for step in scenario.steps {
            for id in step.competencies.map(\.value) where !covered.contains(id) {
                covered.append(id)
            }
        }
        let entry = Entry(
            size: size, modified: modified, id: scenario.id.value,
            channel: scenario.channel?.rawValue, tags: scenario.tags, competencies: covered,
            hash: scenario.sourceHash)
        let fields = [entry.id, entry.channel ?? "", entry.hash] + entry.tags + entry.competencies
        let safe = fields.allSatisfy { field in
            !field.contains { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "," }
        }
        return safe ? entry : nil
    }

    /// A draw's pools through the index at `path`: files unchanged since they were indexed are
    /// not read, their entries stand in for them; the others are read and parsed whole by the
    /// one loader (`BankLoader`), indexed, and the index is saved. `paths` come from the bank's
    /// one walker, so the index never holds a file that `check` skips.
    static func pool(_ paths: [String], filters: [DrawFilter], index path: String, root: String)
        throws(QuizLoadError) -> (
            sources: [SourceFile], stubs: [String: String], stubScenarios: [Scenario]
        )
    {
        let old = read(path)
        var index = PoolIndex()
        var stale: [String] = []
        var stamps: [String: (size: Int64, modified: Int64)] = [:]
        var stubs: [String: String] = [:]
        var stubScenarios: [Scenario] = []
        for file in paths {
            guard let stamp = stamp(file) else { continue }
            stamps[file] = stamp
            if let entry = old.entries[file], entry.size == stamp.size,
                entry.modified == stamp.modified, let stub = entry.stub(path: file)
            {
                index.entries[file] = entry
                if filters.contains(where: { $0.matches(stub) }) {
                    stubs[stub.id.value] = file
                    stubScenarios.append(stub)
                }
            } else {
                stale.append(file)
            }
        }
        var sources: [SourceFile] = []
        if !stale.isEmpty {
            let read = try QuizLoader.read(stale, root: root)
            let parsed = parallelMap(read) { BankLoader.load([$0]) }
            for (file, (source, loaded)) in zip(stale, zip(read, parsed)) {
                guard let scenario = loaded.bank.scenarios.first else { continue }
                if let stamp = stamps[file],
                    let entry = entry(for: scenario, size: stamp.size, modified: stamp.modified)
                {
                    index.entries[file] = entry
                }
                if filters.contains(where: { $0.matches(scenario) }) { sources.append(source) }
            }
        }
        if !stale.isEmpty || index.entries.count != old.entries.count { index.write(path) }
        return (sources, stubs, stubScenarios)
    }

    /// Reads an index file; a missing or unreadable one is empty. (Bytes, not `String`
    /// splitting: this runs before every first question.)
    static func read(_ path: String) -> PoolIndex {
        guard let data = FileManager.default.contents(atPath: path) else { return PoolIndex() }
        let bytes = [UInt8](data)
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: true)
        guard let first = lines.first, first.elementsEqual(header.utf8) else { return PoolIndex() }
        lines.removeFirst()
        var index = PoolIndex()
        index.entries.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: 9, omittingEmptySubsequences: false)
            guard fields.count == 8 else { continue }
            let text = { (field: ArraySlice<UInt8>) in String(decoding: field, as: UTF8.self) }
            let list = { (field: ArraySlice<UInt8>) in
                field.split(separator: 44).map { String(decoding: $0, as: UTF8.self) }
            }
            guard let size = Int64(text(fields[1])), let modified = Int64(text(fields[2])) else {
                continue
            }
            index.entries[text(fields[0])] = Entry(
                size: size, modified: modified, id: text(fields[3]),
                channel: fields[4].isEmpty ? nil : text(fields[4]), tags: list(fields[5]),
                competencies: list(fields[6]), hash: text(fields[7]))
        }
        return index
    }

    /// Writes the index atomically (a temporary file renamed over the old one).
    func write(_ path: String) {
        var text = Self.header + "\n"
        for path in entries.keys.sorted() {
            guard let entry = entries[path], !path.contains("\t"), !path.contains("\n") else {
                continue
            }
            let fields = [
                path, String(entry.size), String(entry.modified), entry.id, entry.channel ?? "",
                entry.tags.joined(separator: ","), entry.competencies.joined(separator: ","),
                entry.hash,
            ]
            text += fields.joined(separator: "\t") + "\n"
        }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            return
        }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The size and modification time (nanoseconds) of a file.
    static func stamp(_ path: String) -> (size: Int64, modified: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return (Int64(info.st_size), modified)
    }
}
