#if canImport(Glibc)
    import Glibc
#endif

/// Gives memory freed by large temporaries back to the system. glibc keeps freed blocks in the
/// arena of the thread that made them (grading slices run on worker threads), so after a stage
/// that made and dropped tens of megabytes they would otherwise stay resident while the next
/// stage grows. glibc's `malloc_trim` is looked up at run time (its header is not in the
/// module); elsewhere this does nothing.
enum FreedMemory {
    #if canImport(Glibc)
        private typealias Trim = @convention(c) (Int) -> Int32
        private static let trim: Trim? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else {
                return nil
            }
            return unsafeBitCast(symbol, to: Trim.self)
        }()
    #endif

    static func release() {
        #if canImport(Glibc)
            _ = trim?(0)
        #endif
    }
}
