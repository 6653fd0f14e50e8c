#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The machine's name, for `lore init`'s default site.
enum HostName {
    /// The name the kernel knows (`gethostname`), without the name-service look-ups that
    /// `ProcessInfo.hostName` makes: in lore's fully static Linux build those need the shared
    /// NSS libraries of the glibc it was linked with (scripts/release-build).
    static var current: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }
}
