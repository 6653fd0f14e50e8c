import ArgumentParser
import Foundation
import LoreKit

/// `--format` of `lore import`: which layout to read.
enum ImportLayout: String, ExpressibleByArgument, CaseIterable {
    case auto
    case adrTools = "adr-tools"
    case madr, log4brains

    var layout: ADRLayout? { ADRLayout(rawValue: rawValue) }
}

extension Lore {
    /// `lore import DIR`: brings an adr-tools, MADR or log4brains folder in.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a folder of markdown decision records (adr-tools, MADR, log4brains).",
            discussion: """
                Re-importing the same folder adds nothing; files changed since the last import are \
                recorded as revisions. Every guess the importer makes is reported per file.
                """)

        @Argument(help: "The folder holding the records (an .adr-dir file in it is followed).")
        var directory: String
        @Option(help: "The layout to read: auto, adr-tools, madr or log4brains.")
        var format: ImportLayout = .auto
        @Flag(help: "Show what would be imported without writing anything.")
        var dryRun = false
        @Flag(help: "Print the report as JSON.")
        var json = false
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            let url = URL(
                fileURLWithPath: directory,
                relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            let report = try ProgressLine.showing("importing", unit: "records") { progress in
                try store.importADRs(from: url, layout: format.layout, dryRun: dryRun, progress: progress)
            }
            if json { return try Output.json(report) }
            for note in report.notes { Output.message("note: \(note)") }
            for file in report.unreadable { Output.message("\(file.path): cannot read: \(file.message)") }
            for warning in report.warnings { Output.message("\(warning.path): warning: \(warning.message)") }
            let verb = dryRun ? "would import" : "imported"
            print(
                "\(verb) \(report.added.count + report.revised.count + report.unchanged.count) records "
                    + "(\(report.layout)) from \(report.folder): \(report.added.count) new, \(report.revised.count) revised, "
                    + "\(report.unchanged.count) unchanged, \(report.relationsAdded) links; \(report.events) events"
                    + (report.skipped.isEmpty ? "" : "; skipped \(report.skipped.joined(separator: ", "))"))
        }
    }
}
