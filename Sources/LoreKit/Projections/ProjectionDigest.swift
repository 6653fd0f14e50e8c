import Crypto
import Foundation
import GRDB
import GRDBSQLite

/// SHA-256 over every projection row in a fixed order: equal digests mean equal views.
///
/// Each value enters as a type letter, the length for text and blobs, and the value:
/// `n;`, `i42;`, `d<bit pattern>;`, `s5:hello`, `b3:<bytes>`; each row ends with a newline
/// and each table starts with `table <name>\n`. The bytes are gathered in a buffer and
/// hashed in large pieces, read straight from SQLite's columns: a rebuild computes two
/// digests over every row (text of the search documents included), and hashing value by
/// value through `Row` was a tenth of it.
struct ProjectionDigest {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    /// The digest of every table of `projections`, each in its own order.
    static func of(_ projections: [any Projection.Type], _ db: Database) throws -> String {
        var digest = ProjectionDigest()
        digest.buffer.reserveCapacity(flushSize + 4096)
        for projection in projections {
            for table in projection.tables {
                digest.append("table \(table.name)\n")
                let statement = try db.makeStatement(
                    sql: "SELECT \(table.columns) FROM \(table.name) ORDER BY \(table.orderBy)")
                let rows = try Row.fetchCursor(statement)
                while try rows.next() != nil {
                    digest.appendRow(statement.sqliteStatement)
                }
            }
        }
        return digest.finish()
    }

    private mutating func appendRow(_ statement: SQLiteStatement) {
        for column in 0..<sqlite3_column_count(statement) {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_NULL:
                append("n;")
            case SQLITE_INTEGER:
                buffer.append(UInt8(ascii: "i"))
                appendDecimal(sqlite3_column_int64(statement, column))
                buffer.append(UInt8(ascii: ";"))
            case SQLITE_FLOAT:
                buffer.append(UInt8(ascii: "d"))
                appendDecimal(sqlite3_column_double(statement, column).bitPattern)
                buffer.append(UInt8(ascii: ";"))
            case SQLITE_TEXT:
                let bytes = sqlite3_column_text(statement, column)
                appendSized("s", UnsafeRawPointer(bytes), count: sqlite3_column_bytes(statement, column))
            default:
                let bytes = sqlite3_column_blob(statement, column)
                appendSized("b", bytes, count: sqlite3_column_bytes(statement, column))
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushSize { flush() }
    }

    private mutating func appendSized(_ tag: Character, _ bytes: UnsafeRawPointer?, count: Int32) {
        buffer.append(tag.asciiValue ?? 0)
        appendDecimal(Int64(count))
        buffer.append(UInt8(ascii: ":"))
        guard let bytes, count > 0 else { return }
        let piece = UnsafeRawBufferPointer(start: bytes, count: Int(count))
        if piece.count >= Self.flushSize {
            flush()
            hasher.update(bufferPointer: piece)
        } else {
            buffer.append(contentsOf: piece)
        }
    }

    private mutating func appendDecimal(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    private mutating func appendDecimal(_ value: UInt64) {
        let start = buffer.count
        var rest = value
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        buffer[start...].reverse()
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private mutating func flush() {
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func finish() -> String {
        flush()
        return Data(hasher.finalize()).hexString
    }
}
