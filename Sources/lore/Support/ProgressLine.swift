import Foundation
import LoreKit

/// A progress bar on stderr for long work (import, export, rebuild, sync):
///
///     rebuilding [=========>          ]   48%  10,500/21,876 events  9,800 events/s  ETA 0:02
///
/// Only on a terminal, and only once the work has taken a second: quick commands print
/// nothing. Redrawn at most ten times a second however often LoreKit reports, and cleared
/// when the work ends or fails, so the result prints on a clean line. A terminal that does
/// not know `ESC [K` (`TERM=dumb`) gets the old text overwritten with spaces instead.
final class ProgressLine: @unchecked Sendable {
    /// Seconds on a monotonic clock.
    typealias Clock = @Sendable () -> Double

    /// How long work runs before the bar appears, in seconds: 1, or `LORE_PROGRESS_DELAY`
    /// (tests use it to see a bar without making work slow on purpose).
    static let defaultDelay =
        ProcessInfo.processInfo.environment["LORE_PROGRESS_DELAY"].flatMap(Double.init).map { max(0, $0) }
        ?? 1.0
    /// The least time between two redraws.
    static let redrawInterval = 0.1

    private let label: String
    private let unit: String
    private let delay: Double
    private let clock: Clock
    private let columns: @Sendable () -> Int
    private let erases: Bool
    private let write: @Sendable (String) -> Void
    private let started: Double
    // Guarded by `lock`: LoreKit reports from its database thread, `finish` runs on the caller's.
    private let lock = NSLock()
    private var first: (time: Double, done: Int)?
    private var lastDone: Int?
    private var lastDraw: Double?
    /// The width of the text on the terminal now; 0 when nothing shows.
    private var shown = 0

    /// - Parameters:
    ///   - label: what the work is, e.g. `importing`.
    ///   - unit: what is counted, plural, e.g. `events`.
    ///   - delay: seconds before the bar may appear.
    ///   - clock: the time now, in seconds.
    ///   - columns: the terminal's width now.
    ///   - erases: whether the terminal erases to the end of the line on `ESC [K`.
    ///   - write: puts text on the terminal.
    init(
        label: String, unit: String, delay: Double = defaultDelay,
        clock: @escaping Clock = { ProcessInfo.processInfo.systemUptime },
        columns: @escaping @Sendable () -> Int = terminalColumns, erases: Bool = terminalErases,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.label = label
        self.unit = unit
        self.delay = delay
        self.clock = clock
        self.columns = columns
        self.erases = erases
        self.write = write
        started = clock()
    }

    /// Runs `work` with a reporter that shows a bar labelled `label` counting `unit` (none
    /// when stderr is not a terminal), and clears the bar when the work returns or throws.
    static func showing<T>(_ label: String, unit: String, _ work: (ProgressReport?) throws -> T) rethrows -> T
    {
        let line = Output.isTerminal(2) ? ProgressLine(label: label, unit: unit) : nil
        defer { line?.finish() }
        return try work(line?.report)
    }

    /// The reporter to hand to LoreKit.
    var report: ProgressReport { { done, total in self.update(done: done, total: total) } }

    /// Takes a report of `done` out of `total`; draws when due, clears when the work is done.
    func update(done: Int, total: Int) {
        lock.withLock {
            let now = clock()
            // A count that goes back starts a new phase (sync exports, then imports): a new rate.
            if let lastDone, done < lastDone { first = nil }
            if first == nil { first = (now, done) }
            lastDone = done
            guard done < total else {
                (first, lastDone) = (nil, nil)
                return clear()
            }
            guard now - started >= delay else { return }
            if let lastDraw, now - lastDraw < Self.redrawInterval { return }
            lastDraw = now
            let line = Self.render(
                label: label, unit: unit, done: done, total: total, rate: rate(done: done, now: now),
                columns: columns())
            write("\r" + line + erase(from: line.count))
            shown = line.count
        }
    }

    /// Clears the bar if it is showing; for work that ends early or fails.
    func finish() {
        lock.withLock { clear() }
    }

    private func clear() {
        guard shown > 0 else { return }
        write("\r" + erase(from: 0) + (erases ? "" : "\r"))
        shown = 0
    }

    /// Blanks what showed past column `column`.
    private func erase(from column: Int) -> String {
        erases ? "\u{1B}[K" : String(repeating: " ", count: max(0, shown - column))
    }

    /// Items per second since the first report, once there is something to measure.
    private func rate(done: Int, now: Double) -> Double? {
        guard let first, done > first.done, now - first.time > 0 else { return nil }
        return Double(done - first.done) / (now - first.time)
    }

    /// One line of progress, no wider than `columns - 1` so it never wraps: the bar shrinks
    /// first, then goes; rate and ETA show once a rate is known.
    static func render(
        label: String, unit: String, done: Int, total: Int, rate: Double?, columns: Int
    ) -> String {
        let done = min(max(done, 0), total)
        var tail = String(format: "%3d%%", total > 0 ? done * 100 / total : 0)
        tail += "  \(grouped(done))/\(grouped(total)) \(unit)"
        if let rate, rate > 0 {
            tail += "  \(speed(rate)) \(unit)/s  ETA \(duration(Double(total - done) / rate))"
        }
        let room = columns - 1 - label.count - tail.count - 5
        let width = min(30, room)
        guard width >= 5 else { return String("\(label) \(tail)".prefix(max(0, columns - 1))) }
        let filled = total > 0 ? width * done / total : 0
        let bar =
            String(repeating: "=", count: filled) + (filled < width ? ">" : "")
            + String(repeating: " ", count: max(0, width - filled - 1))
        return "\(label) [\(bar)]  \(tail)"
    }

    /// `12,345`.
    static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// `9,800` items a second, or `2.5` when slower than ten.
    static func speed(_ rate: Double) -> String {
        rate < 10 ? String(format: "%.1f", rate) : grouped(Int(rate.rounded()))
    }

    /// `0:42`, `12:05`, `1:02:03`; seconds rounded up, so the bar never promises too early.
    static func duration(_ seconds: Double) -> String {
        let total = seconds.isFinite ? Int(seconds.rounded(.up)) : 0
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }

    /// Whether the terminal knows `ESC [K` (erase to the end of the line): all but `TERM=dumb`.
    static var terminalErases: Bool { ProcessInfo.processInfo.environment["TERM"] != "dumb" }

    /// The width of the terminal stderr is on: asked of the terminal, else `COLUMNS`, else 80.
    @Sendable static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }
}
