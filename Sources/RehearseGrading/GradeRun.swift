import RehearseCore

/// Why sheet files could not be read into a cohort.
public enum SheetFileError: Error, Sendable {
    /// The file cannot be opened or read.
    case unreadable(path: String)
    /// The sheets were read but cannot be graded (`SheetReader.rejected` may say why).
    case rejected(GradingError)
}

extension SheetReader {
    /// Reads the sheet files at `paths` (each mapped into memory when it can be, else read
    /// whole) and returns the cohort they answer; the reader keeps no copy of it.
    public func cohort(readingFiles paths: [String]) throws(SheetFileError) -> Cohort {
        for path in paths {
            if let mapping = MappedFile(path: path) {
                defer { mapping.unmap() }
                try graded { () throws(GradingError) in try read(file: path, buffer: mapping.buffer)
                }
                continue
            }
            guard let bytes = RegularFile.bytes(atPath: path) else {
                throw .unreadable(path: path)
            }
            try graded { () throws(GradingError) in try read(file: path, bytes: bytes) }
        }
        let cohort: Cohort = try graded { () throws(GradingError) in
            try self.cohort(handOver: true)
        }
        // What the reading threads made and let go (the slices' learners and keys) goes back.
        FreedMemory.release()
        return cohort
    }

    private func graded<T>(_ body: () throws(GradingError) -> T) throws(SheetFileError) -> T {
        do {
            return try body()
        } catch {
            throw .rejected(error)
        }
    }
}
