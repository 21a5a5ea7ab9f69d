public import Synchronization

/// A value behind a lock, for tiny shared state on a hot path (an actor hop would cost more than the work): a
/// `Mutex` that a struct can hold and share.
public final class LockedBox<Value: Sendable>: Sendable {
    @usableFromInline let mutex: Mutex<Value>

    public init(_ value: Value) {
        mutex = Mutex(value)
    }

    @inlinable public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try mutex.withLock { value in try body(&value) }
    }
}
