#if canImport(Glibc)
import Glibc
#endif

/// Hands memory that was freed back to the system.
///
/// An analysis frees millions of small blocks at a time (a round's chunk counters,
/// the documents' event arrays once the timeline holds them); glibc keeps such
/// pages for reuse, and the process's resident size would stay at its high-water
/// mark for the rest of the run. Called between phases, not in loops.
enum Memory {
    static func giveBackFreedPages() {
        #if canImport(Glibc)
        // malloc_trim is glibc's, declared in <malloc.h>, which the Glibc module does not export.
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        #endif
    }
}
