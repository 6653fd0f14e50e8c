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

    /// Checks the whole file; calls `visit` with each event as it is read.
    ///
    /// Every event's id, payload hash and chain link is checked before it is visited;
    /// signatures one per chain segment (DESIGN: the last event of each replica's contiguous
    /// run in the file; its `prev` links, inside hashed bodies, vouch for the events before
    /// it), and the trailer's count and SHA-256 at the end. A bad signature or trailer is
    /// found after the events before it were visited, so visit only into something the error
    /// undoes: import appends into its open transaction, which then rolls back.
    ///
    /// - Throws: ``SyncError`` naming the line and what is wrong.
    func check(store: StoreID, _ visit: (Event) throws -> Void = { _ in }) throws -> Checked {
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
        var segments = SegmentEnds<(event: Event, line: Int)>()
        func checkSignature(_ waiting: (event: Event, line: Int)) throws {
            let event = waiting.event
            if let problem = EventIntegrity.signatureProblem(
                event.header, id: event.id, signature: event.signature)
            {
                throw SyncError.damaged(url.path, line: waiting.line, "event \(event.id.short): \(problem)")
            }
        }
        while let line = try lines.next() {
            number += 1
            guard let members = JSONSpan.members(of: line) else {
                throw SyncError.damaged(url.path, line: number, "not an event line")
            }
            if members["trailer"] != nil,
                let trailer = try? JSONDecoder().decode(BundleTrailer.self, from: line),
                trailer.trailer
            {
                guard try lines.next() == nil else {
                    throw SyncError.damaged(url.path, line: number + 1, "text after the trailer")
                }
                for ended in segments.remaining { try checkSignature(ended) }
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
            let event = try Self.parseEvent(members, url: url, number: number)
            let problems =
                EventIntegrity.check(
                    id: event.id.bytes, body: event.body, signature: event.signature, salt: event.salt,
                    payload: event.payload, verifySignature: false
                ).problems
            guard problems.isEmpty else {
                throw SyncError.damaged(url.path, line: number, "event \(event.id.short): \(problems[0])")
            }
            if let ended = segments.next(
                (event, number), id: event.id.bytes, prev: event.header.prev?.bytes,
                replica: event.header.replica.rawValue, order: number)
            {
                try checkSignature(ended)
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
    private static func parseEvent(_ members: [String: Data], url: URL, number: Int) throws -> Event {
        func text(_ key: String) -> String? { members[key].flatMap(JSONSpan.string) }
        guard let id = text("id").flatMap(EventID.init(hex:)),
            let body = members["body"].flatMap(JSONSpan.stringBytes),
            let signature = text("sig").flatMap({ Data(base64Encoded: $0) }), let span = members["payload"]
        else { throw SyncError.damaged(url.path, line: number, "not an event line") }
        guard let header = try? EventBody.decode(Data(body)) else {
            throw SyncError.damaged(url.path, line: number, "event \(id.short) has a malformed body")
        }
        let payload: Data? = span == Data("null".utf8) ? nil : span
        let salt = text("salt").flatMap { Data(base64Encoded: $0) }
        return Event(
            id: id, body: Data(body), header: header, payload: payload, salt: salt, signature: signature)
    }
}
