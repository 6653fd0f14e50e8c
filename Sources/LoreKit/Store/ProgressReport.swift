/// Reports how far long work has got: `done` of `total` items (events, files).
///
/// Called from the working thread at most every few hundred items; the CLI shows it on a
/// terminal and ignores it when output is piped.
public typealias ProgressReport = @Sendable (_ done: Int, _ total: Int) -> Void
