import ArgumentParser
import LoreKit

extension Lore {
    /// `lore adr …`: architecture decision records.
    struct ADR: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adr",
            abstract: "Record, evolve and read architecture decision records.",
            subcommands: [
                ADRNew.self, ADRList.self, ADRShow.self, ADRAccept.self, ADRReject.self, ADRDeprecate.self,
                ADRSetStatus.self, ADRSupersede.self, ADRLink.self, ADRRevise.self,
            ]
        )
    }
}

/// How records print in one line and in messages.
enum ADRText {
    static func line(_ record: ADRRecord) -> String {
        "\(ADRNumber.display(record.number)) \(record.title) [\(record.status)]"
    }

    static func rows(_ adrs: [ADRSummary]) -> [[String]] {
        adrs.map { adr in
            [
                ADRNumber.display(adr.number), adr.status + (adr.supersededBy.map { " by \($0)" } ?? ""),
                adr.date,
                adr.title,
            ]
        }
    }
}
