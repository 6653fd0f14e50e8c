import Foundation

/// Reading the text files people point lore at.
enum TextFiles {
    struct Unreadable: LocalizedError {
        var path: String
        var reason: String
        var errorDescription: String? { "cannot read \(path): \(reason)" }
    }

    /// The UTF-8 text of a file, or an error naming the file and why.
    static func read(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Unreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw Unreadable(path: path, reason: "it is a folder, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Unreadable(path: path, reason: "permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Unreadable(path: path, reason: "not UTF-8 text")
        }
        return text
    }
}
