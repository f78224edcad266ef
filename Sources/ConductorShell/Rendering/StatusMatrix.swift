import OctopusModel

/// The picture of `status`: projects × environments, the release and its state in each cell, coloured like the
/// Octopus dashboard. It fits the terminal: wide terminals get the state word, narrower ones the symbol only, and
/// narrow ones the versions without the prefix they all share (said under the table), then cut names.
public struct StatusMatrix: Sendable {
    /// What one project has in one environment.
    public enum Cell: Sendable, Hashable {
        /// The current deployment: its release, task state, whether a person must act, and how many tenants it
        /// stands for (0 untenanted).
        case deployed(version: String, state: TaskState, waiting: Bool, tenants: Int)
        /// The project can deploy there and never did.
        case never
        /// The environment is not in the project's lifecycle.
        case notApplicable
    }

    /// One project's row.
    public struct Row: Sendable, Hashable {
        public var project: String
        public var cells: [Cell]
        public init(project: String, cells: [Cell]) {
            self.project = project
            self.cells = cells
        }
    }

    /// Column titles, in lifecycle order.
    public var environments: [String]
    /// Rows, in application order.
    public var rows: [Row]

    public init(environments: [String], rows: [Row]) {
        self.environments = environments
        self.rows = rows
    }

    /// How much a cell says.
    enum Detail: CaseIterable { case word, symbol, shortVersion }

    /// The matrix for a terminal `width` columns wide (nil: no limit), with the legend.
    public func render(width: Int?, style: Style) -> String {
        let prefix = Self.commonVersionPrefix(rows.flatMap(\.cells))
        var chosen = Detail.shortVersion
        for detail in Detail.allCases where detail != .shortVersion || !prefix.isEmpty {
            chosen = detail
            if width.map({ table(detail, prefix: prefix, style: Style(enabled: false), width: nil).maxLineWidth <= $0 }) ?? true { break }
        }
        var text = table(chosen, prefix: prefix, style: style, width: width).text
        if chosen == .shortVersion, !prefix.isEmpty {
            text += style.dim("Versions without their common prefix '\(prefix)'.") + "\n"
        }
        text += TaskStateText.legend(style: style, width: width) + "\n"
        return text
    }

    /// The table at one level of detail; with a `width`, names are cut so it fits.
    func table(_ detail: Detail, prefix: String, style: Style, width: Int?) -> (text: String, maxLineWidth: Int) {
        let cellTexts = rows.map { row in row.cells.map { Self.text($0, detail, prefix: prefix) } }
        var columnWidths = environments.indices.map { column in cellTexts.map { $0[column].count }.max() ?? 0 }
        var headers = environments
        var projectWidth = max("PROJECT".count, rows.map(\.project.count).max() ?? 0)
        if let width {
            let fullCells = zip(headers, columnWidths).map { max($0.count, $1) }
            if projectWidth + fullCells.reduce(0, { $0 + $1 + 2 }) > width {
                // Environment names shrink to their cells (at least 6), then the project names take what is left.
                headers = zip(headers, columnWidths).map { TableLayout.cut($0, to: max($1, 6)) }
                columnWidths = zip(headers, columnWidths).map { max($0.count, $1) }
                let cells = columnWidths.reduce(0) { $0 + $1 + 2 }
                projectWidth = max(12, min(projectWidth, width - cells))
            }
        }
        columnWidths = zip(headers, columnWidths).map { max($0.count, $1) }
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var lines = [style.bold(([pad("PROJECT", projectWidth)] + zip(headers, columnWidths).map { pad($0, $1) }).joined(separator: "  ").trimmingTrailingSpaces())]
        var widest = lines[0].count
        for (row, texts) in zip(rows, cellTexts) {
            var line = pad(TableLayout.cut(row.project, to: projectWidth), projectWidth)
            for (column, cell) in row.cells.enumerated() where column < columnWidths.count {
                let shown = column == columnWidths.count - 1 ? texts[column] : pad(texts[column], columnWidths[column])
                line += "  " + Self.colour(shown, cell, style: style)
            }
            let plainWidth = projectWidth + zip(texts, columnWidths).reduce(0) { $0 + 2 + max($1.0.count, $1.1) }
            widest = max(widest, plainWidth)
            lines.append(line.trimmingTrailingSpaces())
        }
        return (lines.map { $0 + "\n" }.joined(), widest)
    }

    static func text(_ cell: Cell, _ detail: Detail, prefix: String) -> String {
        switch cell {
        case .never: return "·"
        case .notApplicable: return ""
        case .deployed(let version, let state, let waiting, let tenants):
            let shown = detail == .shortVersion && version.hasPrefix(prefix) ? String(version.dropFirst(prefix.count)) : version
            var text = "\(TaskStateText.symbol(state, waitingForPerson: waiting)) \(shown)"
            if tenants > 1 { text += " ×\(tenants)" }
            if detail == .word { text += " " + TaskStateText.word(state, waitingForPerson: waiting) }
            return text
        }
    }

    static func colour(_ text: String, _ cell: Cell, style: Style) -> String {
        switch cell {
        case .never, .notApplicable: style.dim(text)
        case .deployed(_, let state, let waiting, _): TaskStateText.colour(text, state, waitingForPerson: waiting, style: style)
        }
    }

    /// The dot-separated prefix every deployed version shares (`2021.1.`), keeping at least one part of each.
    static func commonVersionPrefix(_ cells: [Cell]) -> String {
        let versions = cells.compactMap { cell -> [Substring]? in
            if case .deployed(let version, _, _, _) = cell { return version.split(separator: ".", omittingEmptySubsequences: false) }
            return nil
        }
        guard let first = versions.first, versions.count > 1 else { return "" }
        var shared = 0
        while shared < first.count - 1, versions.allSatisfy({ $0.count > shared + 1 && $0[shared] == first[shared] }) { shared += 1 }
        return shared == 0 ? "" : first.prefix(shared).joined(separator: ".") + "."
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
