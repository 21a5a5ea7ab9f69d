import Foundation

/// The peak resident memory of this process's children.
public enum ChildMemory {
    /// The largest peak RSS of any child this process has waited for, in bytes (`getrusage(RUSAGE_CHILDREN)`).
    ///
    /// It covers every child reaped so far, so it bounds any one of them from above: a test asserting that it stays
    /// under a limit after a run proves that run stayed under it too.
    public static var largestPeakBytes: Int {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_CHILDREN.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #else
        guard getrusage(RUSAGE_CHILDREN, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss)  // bytes on macOS
        #endif
    }
}
