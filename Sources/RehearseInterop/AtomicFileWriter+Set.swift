import Foundation

extension AtomicFileWriter {
    /// A file to write: where, and its text.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// Writes every file of `files` and removes every file of `removing`, all or nothing.
    ///
    /// Each text first goes to a hidden temporary file beside its target. Only when all are
    /// written are the existing files kept aside as hidden backups (a hard link for a target,
    /// which stays in place until the new file is renamed over it; a rename for a file to
    /// remove), then the temporary files renamed into place, then the backups deleted. On a
    /// failure what was done is undone, so the folders are as they were and no hidden file is
    /// left. Existing files are touched only with `replace`.
    public static func writeAll(
        _ files: [Entry], removing: [String] = [], replace: Bool
    ) throws(Failure) {
        if !replace {
            for path in files.map(\.path) + removing where exists(path) {
                throw Failure(path: path, reason: "it exists (use --force to replace it)")
            }
        }
        var transaction = Transaction()
        do {
            for file in files { try transaction.stage(file) }
            for file in files where exists(file.path) && !isFolder(file.path) {
                try transaction.keep(file.path, move: false)
            }
            for path in removing where exists(path) { try transaction.keep(path, move: true) }
            for index in files.indices { try transaction.place(index) }
        } catch {
            transaction.undo()
            throw error
        }
        transaction.commit()
    }

    /// The steps of `writeAll` done so far, to finish or undo them.
    private struct Transaction {
        /// Temporary files, one per staged file, with their targets.
        var staged: [(temporary: String, target: String)] = []
        /// Files kept aside: the original path and its backup, and whether it was moved.
        var kept: [(path: String, backup: String, moved: Bool)] = []
        /// Targets already renamed into place.
        var placed: [String] = []

        mutating func stage(_ file: Entry) throws(Failure) {
            let url = URL(fileURLWithPath: file.path)
            let folder = url.deletingLastPathComponent()
            let temporary = hidden(file.path, "tmp")
            do {
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: temporary))
            } catch {
                unlink(temporary)
                throw Failure(path: file.path, reason: AtomicFileWriter.reason(error))
            }
            staged.append((temporary, file.path))
        }

        /// Keeps `path` aside: a hard link (else a rename), or a rename with `move`.
        mutating func keep(_ path: String, move: Bool) throws(Failure) {
            let backup = hidden(path, "bak")
            if !move && link(path, backup) == 0 {
                kept.append((path, backup, false))
            } else if rename(path, backup) == 0 {
                kept.append((path, backup, true))
            } else {
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
        }

        mutating func place(_ index: Int) throws(Failure) {
            let (temporary, target) = staged[index]
            guard rename(temporary, target) == 0 else {
                throw Failure(path: target, reason: String(cString: strerror(errno)))
            }
            placed.append(target)
        }

        /// Puts every file back as it was and deletes the hidden files.
        func undo() {
            for target in placed where !kept.contains(where: { $0.path == target }) {
                unlink(target)
            }
            for entry in kept.reversed() { rename(entry.backup, entry.path) }
            for entry in staged { unlink(entry.temporary) }
        }

        func commit() {
            for entry in kept { unlink(entry.backup) }
        }

        private func hidden(_ path: String, _ suffix: String) -> String {
            let url = URL(fileURLWithPath: path)
            return url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).\(suffix)")
                .path
        }
    }

    /// Whether something is at `path` (a dangling link counts).
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
