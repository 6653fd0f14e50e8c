import Foundation
import GRDB

/// Read-only work on a second connection and a second core, started now and awaited later:
/// it sees the store as of the last commit, whatever the caller's write does meanwhile.
final class ConcurrentRead<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, any Error>?

    /// Opens a read-only connection to `path` and runs `work` in one read transaction, on
    /// another thread.
    init(path: String, _ work: @escaping @Sendable (Database) throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            outcome = Result { try Store.secondConnection(path).read(work) }
            finished.signal()
        }
    }

    /// Waits for the work and returns its value or throws its error; call it once.
    func value() throws -> Value {
        finished.wait()
        defer { finished.signal() }
        guard let outcome else { preconditionFailure("the work sets its outcome before signalling") }
        return try outcome.get()
    }

    /// Waits for the work to end, ignoring its outcome.
    func wait() {
        finished.wait()
        finished.signal()
    }
}

extension Store {
    /// A second, read-only connection to the store file at `path`, for work on another
    /// thread beside the store's own connection.
    static func secondConnection(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)  // as the store's own connection waits
        return try DatabaseQueue(path: path, configuration: config)
    }
}
