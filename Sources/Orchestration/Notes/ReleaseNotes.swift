/// A linked item of release notes: a work item or a commit.
public struct NoteLink: Sendable, Codable, Hashable {
    /// Work item id or commit hash.
    public var id: String
    /// Link to it (may be empty).
    public var url: String
    /// Work item description or commit comment.
    public var text: String

    /// Creates a link.
    public init(id: String, url: String, text: String) {
        self.id = id
        self.url = url
        self.text = text
    }
}

/// The release notes of §5.24, gathered for one child release and rendered as the template's Markdown.
public enum ReleaseNotes: Sendable, Codable, Hashable {
    /// The release has build information: packages, work items and commits from the preview's changes.
    case buildInformation(packages: [String], workItems: [NoteLink], commits: [NoteLink])
    /// No build information: the release's own notes and its package versions (`PackageId.Version`).
    case releaseNotes(text: String?, packages: [String])

    /// The `ReleaseNotes` output: lines joined with `\n`, distinct entries in first-seen order.
    public var markdown: String {
        var lines = ["", "**Release Information**", ""]
        switch self {
        case .buildInformation(let packages, let workItems, let commits):
            lines.append("- Package Versions")
            lines += Self.distinct(packages).map { "  - \($0)" }
            lines += ["", "- Work Items"]
            lines += Self.distinct(workItems, by: \.id).map { "  - [\($0.id)](\($0.url)) - \($0.text)" }
            lines += ["", "- Commits"]
            lines += Self.distinct(commits, by: \.id).map { "  - [\($0.id)](\($0.url)) - \($0.text)" }
        case .releaseNotes(let text, let packages):
            lines.append(text ?? "")
            lines += ["", "Package Versions"]
            lines += Self.distinct(packages).map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    private static func distinct(_ values: [String]) -> [String] { distinct(values, by: \.self) }

    private static func distinct<T>(_ values: [T], by key: (T) -> String) -> [T] {
        var seen = Set<String>()
        return values.filter { seen.insert(key($0)).inserted }
    }

    /// The artifact file name of §5.26: `<project> <version> <environment>.ReleaseNotes_<yyyy_MM_dd_HH_mm>.txt`.
    public static func artifactName(project: String, version: String, environment: String, at stamp: String) -> String {
        "\(project) \(version) \(environment).ReleaseNotes_\(stamp).txt"
    }
}
