import Foundation
import GRDB

extension Store {
    /// Registers a component.
    ///
    /// - Throws: ``DirectoryError/componentExists(_:)`` for a name already registered (any case).
    @discardableResult
    public func registerComponent(
        _ name: String, description: String? = nil, system: String? = nil, repo: String? = nil
    ) throws -> ComponentView {
        let name = try ComponentNames.clean(name, what: "component")
        return try write { db, appender in
            guard try DirectoryQueries.component(name, db) == nil else {
                throw DirectoryError.componentExists(name)
            }
            let payload = ComponentRegistered(
                name: name, description: description, system: system, repo: repo)
            try appender.append(
                stream: "component/\(name.lowercased())", payload: .componentRegistered(payload), db)
            return try DirectoryQueries.component(name, db)!
        }
    }

    /// Every registered component, by name.
    public func components() throws -> [ComponentView] {
        try read { db in try DirectoryQueries.components(db) }
    }

    /// One component.
    public func component(_ name: String) throws -> ComponentView {
        try read { db in
            let known = try ComponentNames.check([name], db)
            return try DirectoryQueries.component(known[0], db)!
        }
    }
}

/// Checks that the components a record names are registered.
enum ComponentNames {
    /// The names as registered (case-insensitive match).
    ///
    /// - Throws: ``DirectoryError/unknownComponent(_:suggestions:)`` naming the first unknown
    ///   name and the closest registered ones.
    static func check(_ names: [String], _ db: Database) throws -> [String] {
        guard !names.isEmpty else { return [] }
        let registered = try DirectoryQueries.componentNames(db)
        return try names.map { name in
            if let match = registered.first(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                return match
            }
            throw DirectoryError.unknownComponent(
                name, suggestions: DirectoryLookup.suggestions(for: name, among: registered))
        }
    }

    /// A name: trimmed, one line, not empty.
    static func clean(_ raw: String, what: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true })
        else {
            throw DirectoryError.badName(raw, what: what)
        }
        return name
    }
}
