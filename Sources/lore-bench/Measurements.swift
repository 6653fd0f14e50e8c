import Foundation

/// Wall-clock timing, percentiles, memory readings and the JSON lines the bench script reads.
enum Measure {
    /// Seconds on a monotonic clock.
    static func now() -> Double { ProcessInfo.processInfo.systemUptime }

    /// Runs `work` and returns its result with the seconds it took.
    static func time<T>(_ work: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let result = try work()
        return (result, now() - start)
    }

    /// Seconds of CPU (user and system) the process has used so far, from `getrusage`.
    static func cpu() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Runs `work` and returns its result with the wall seconds and the CPU seconds it took;
    /// the CPU figure is steadier than the wall on a busy machine, and their difference is
    /// mostly time spent waiting for the disk.
    static func timeWithCPU<T>(_ work: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
        let cpuStart = cpu()
        let (result, wall) = try time(work)
        return (result, wall, cpu() - cpuStart)
    }

    /// The nearest-rank percentile `p` (0…100) of `values`.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// The process's resident memory now and at its peak, in kB, from `/proc/self/status`.
    static func memory() -> (rssKB: Int, peakKB: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
            return (0, 0)
        }
        func field(_ name: String) -> Int {
            for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
                return Int(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") ?? 0
            }
            return 0
        }
        return (field("VmRSS"), field("VmHWM"))
    }
}

/// One result line: a flat JSON object whose keys keep the order they were added in.
struct ResultLine {
    private var parts: [String] = []

    init(_ scenario: String) { add("scenario", scenario) }

    mutating func add(_ key: String, _ value: String) {
        parts.append("\(Self.quoted(key)):\(Self.quoted(value))")
    }

    mutating func add(_ key: String, _ value: Int) { parts.append("\(Self.quoted(key)):\(value)") }

    mutating func add(_ key: String, _ value: Double) {
        parts.append("\(Self.quoted(key)):\(value.isFinite ? String(value) : "null")")
    }

    mutating func add(_ key: String, _ values: [String]) {
        parts.append("\(Self.quoted(key)):[\(values.map(Self.quoted).joined(separator: ","))]")
    }

    /// Writes the line to stdout and flushes, so the script sees it even if a later step fails.
    func emit() {
        FileHandle.standardOutput.write(Data(("{" + parts.joined(separator: ",") + "}\n").utf8))
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
