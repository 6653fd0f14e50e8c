import Crypto
import Foundation

/// Reads bundle files line by line and checks everything before anything is written:
/// header, every id and signature, payload hashes, and the trailer's count and SHA-256.
struct BundleReader {
    let url: URL

    /// What one line-by-line pass found.
    struct Checked {
        var header: BundleHeader
        var count: Int
    }

    /// Reads the header only.
    static func header(_ url: URL) throws -> BundleHeader {
        var lines = try LineReader(url)
        defer { lines.close() }
        guard let first = try lines.next() else { throw SyncError.notABundle(url.path, "the file is empty") }
        return try parseHeader(first, url)
    }

    /// Checks the whole file; calls `visit` with each event (verified on its own).
    ///
    /// - Throws: ``SyncError`` naming the line and what is wrong; nothing is visited after it.
    ///
    /// - Parameter verifyEvents: check every event's id, signature and payload hash; a second
    ///   pass over a file already checked may skip them (the trailer's SHA-256 still proves the
    ///   file is the one checked).
    func check(store: StoreID, verifyEvents: Bool = true, _ visit: (Event) throws -> Void = { _ in }) throws
        -> Checked
    {
        var lines = try LineReader(url)
        defer { lines.close() }
        var hasher = SHA256()
        guard let first = try lines.next() else { throw SyncError.notABundle(url.path, "the file is empty") }
        let header = try Self.parseHeader(first, url)
        guard header.store == store.rawValue else {
            throw SyncError.otherStore(url.path, bundle: header.store, store: store.rawValue)
        }
        hasher.update(data: first + Data([0x0A]))
        var number = 1
        var count = 0
        while let line = try lines.next() {
            number += 1
            if let trailer = try? JSONDecoder().decode(BundleTrailer.self, from: line), trailer.trailer {
                guard try lines.next() == nil else {
                    throw SyncError.damaged(url.path, line: number + 1, "text after the trailer")
                }
                guard trailer.count == count, trailer.count == header.count else {
                    throw SyncError.damaged(
                        url.path, line: number,
                        "the trailer counts \(trailer.count) events, the file holds \(count)")
                }
                guard trailer.sha256 == Data(hasher.finalize()).hexString else {
                    throw SyncError.damaged(
                        url.path, line: number, "the SHA-256 of the file does not match the trailer")
                }
                return Checked(header: header, count: count)
            }
            hasher.update(data: line + Data([0x0A]))
            let event = try Self.parseEvent(line, url: url, number: number)
            let problems = verifyEvents ? event.integrityProblems : []
            guard problems.isEmpty else {
                throw SyncError.damaged(url.path, line: number, "event \(event.id.short): \(problems[0])")
            }
            guard event.header.store == store else {
                throw SyncError.damaged(
                    url.path, line: number, "event \(event.id.short) belongs to another store")
            }
            count += 1
            try visit(event)
        }
        throw SyncError.truncated(url.path)
    }

    private static func parseHeader(_ line: Data, _ url: URL) throws -> BundleHeader {
        guard let header = try? JSONDecoder().decode(BundleHeader.self, from: line),
            header.format == BundleFormat.name
        else { throw SyncError.notABundle(url.path, "the first line is not a lore-bundle header") }
        guard header.minReader <= BundleFormat.readable else {
            throw SyncError.newerFormat(url.path, header.minReader)
        }
        return header
    }

    /// One event line: the body as the exact text written, the payload as its exact bytes.
    private static func parseEvent(_ line: Data, url: URL, number: Int) throws -> Event {
        struct Wire: Decodable {
            var id: String
            var body: String
            var salt: String?
            var sig: String
        }
        guard let wire = try? JSONDecoder().decode(Wire.self, from: line), let id = EventID(hex: wire.id),
            let signature = Data(base64Encoded: wire.sig), let span = JSONSpan.value(of: "payload", in: line)
        else { throw SyncError.damaged(url.path, line: number, "not an event line") }
        let body = Data(wire.body.utf8)
        guard let header = try? EventBody.decode(body) else {
            throw SyncError.damaged(url.path, line: number, "event \(id.short) has a malformed body")
        }
        let payload: Data? = span == Data("null".utf8) ? nil : span
        let salt = wire.salt.flatMap { Data(base64Encoded: $0) }
        return Event(id: id, body: body, header: header, payload: payload, salt: salt, signature: signature)
    }
}
