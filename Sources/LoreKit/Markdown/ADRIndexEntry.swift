/// What the table of contents and the graph show of one record: its number, title, file
/// name and relations, without its text.
public struct ADRIndexEntry: Sendable, Hashable {
    /// A relation seen from the record: `Supersedes` record 3.
    public struct Link: Sendable, Hashable {
        public var label: String
        /// The display number of the record it points to.
        public var number: Int

        public init(label: String, number: Int) {
            self.label = label
            self.number = number
        }
    }

    public var number: Int
    public var title: String
    /// The file name the record is exported under.
    public var fileName: String
    /// The record's relations, in the order they were made.
    public var links: [Link]

    public init(number: Int, title: String, fileName: String, links: [Link]) {
        self.number = number
        self.title = title
        self.fileName = fileName
        self.links = links
    }

    /// The entry of a record loaded in full.
    public init(_ item: ExportedADR) {
        self.init(
            number: item.record.number, title: item.record.title, fileName: item.fileName,
            links: item.record.links.map { Link(label: $0.label, number: $0.number) })
    }
}
