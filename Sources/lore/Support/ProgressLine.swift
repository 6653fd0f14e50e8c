import Foundation
import LoreKit

/// A one-line progress display on stderr, shown only when stderr is a terminal.
enum ProgressLine {
    /// A reporter labelled `label`, or nil when stderr is piped (quiet).
    static func make(_ label: String) -> ProgressReport? {
        guard Output.isTerminal(2) else { return nil }
        return { done, total in
            let text = done >= total ? "\r\u{1B}[K" : "\r\(label) \(done)/\(total)\u{1B}[K"
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
