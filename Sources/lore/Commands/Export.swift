import ArgumentParser
import Foundation
import LoreKit

/// `--format` of `lore export DIR`.
enum ExportLayout: String, ExpressibleByArgument, CaseIterable {
    case adrTools = "adr-tools"
    case madr

    var layout: ADRLayout { self == .madr ? .madr : .adrTools }
}

extension Lore {
    /// `lore export …`: records out as markdown files, a table of contents or a graph.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write records as markdown (adr-tools or MADR), a table of contents, or a graph.",
            subcommands: [ExportFiles.self, ExportTOC.self, ExportGraph.self],
            defaultSubcommand: ExportFiles.self)
    }
}

extension Lore.Export {
    /// `lore export DIR --format adr-tools|madr`.
    struct ExportFiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "files", abstract: "Write one markdown file per record into a folder.")

        @Argument(help: "The folder to write into (created when missing).")
        var directory: String
        @Option(help: "The layout: adr-tools or madr.")
        var format: ExportLayout = .adrTools
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let url = URL(
                fileURLWithPath: directory,
                relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            let store = try storeOptions.open()
            let report = try ProgressLine.showing("exporting", unit: "records") { progress in
                try store.exportADRs(to: url, layout: format.layout, progress: progress)
            }
            print("wrote \(report.files.count) records (\(report.layout)) to \(report.folder)")
        }
    }

    /// `lore export toc`: adr-tools' `generate toc`.
    struct ExportTOC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "toc", abstract: "Print a Markdown table of contents, as `adr generate toc` does.")

        @Option(name: .customShort("i"), help: "A file whose text goes before the list.")
        var intro: String?
        @Option(name: .customShort("o"), help: "A file whose text goes after the list.")
        var outro: String?
        @Option(name: .customShort("p"), help: "A prefix for every link.")
        var prefix: String = ""
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let items = try storeOptions.open().adrIndex()
            print(
                ADRIndexWriter.toc(
                    items, intro: try intro.map(TextFiles.read), outro: try outro.map(TextFiles.read),
                    prefix: prefix),
                terminator: "")
        }
    }

    /// `lore export graph`: adr-tools' `generate graph`.
    struct ExportGraph: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "graph", abstract: "Print a Graphviz graph of the records and their links.")

        @Option(name: .customShort("p"), help: "A prefix for every node's URL.")
        var prefix: String = ""
        @Option(name: .customShort("e"), help: "The extension of every node's URL.")
        var `extension`: String = ".html"
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let items = try storeOptions.open().adrIndex()
            print(ADRIndexWriter.graph(items, prefix: prefix, extension: `extension`), terminator: "")
        }
    }
}
