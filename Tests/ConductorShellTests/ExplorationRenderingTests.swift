import Foundation
import OctopusModel
import Testing
@testable import ConductorShell

/// The exploration commands' pure renderers: the status matrix at each width, state words and colours, the task
/// log's lines, compare's decisions.
@Suite struct ExplorationRenderingTests {
    static let sample = StatusMatrix(
        environments: ["Development", "Test", "Staging", "Prod Approval", "Production"],
        rows: [
            .init(project: "Database", cells: [
                .deployed(version: "2021.1.0.14", state: .success, waiting: false, tenants: 0),
                .deployed(version: "2021.1.0.14", state: .success, waiting: false, tenants: 0),
                .deployed(version: "2021.1.0.12", state: .failed, waiting: false, tenants: 0),
                .notApplicable, .never,
            ]),
            .init(project: "Scheduling Service", cells: [
                .deployed(version: "2021.1.1.3", state: .executing, waiting: true, tenants: 0),
                .deployed(version: "2021.1.0.9", state: .queued, waiting: false, tenants: 0),
                .never, .notApplicable, .deployed(version: "2021.1.0.2", state: .canceled, waiting: false, tenants: 3),
            ]),
        ])

    struct Case: CustomTestStringConvertible, Sendable {
        var width: Int?
        var expected: String
        var testDescription: String { "width \(width.map(String.init) ?? "unlimited")" }
    }

    @Test(arguments: [
        Case(width: nil, expected: """
            PROJECT             Development            Test                   Staging               Prod Approval  Production
            Database            ✓ 2021.1.0.14 Success  ✓ 2021.1.0.14 Success  ✗ 2021.1.0.12 Failed                 ·
            Scheduling Service  ! 2021.1.1.3 Waiting   ◷ 2021.1.0.9 Queued    ·                                    ⊘ 2021.1.0.2 ×3 Cancelled
            ✓ success  ✗ failed  ● executing  ◷ queued  ! waiting for a person  ⊘ cancelled  · never deployed

            """),
        Case(width: 100, expected: """
            PROJECT             Development    Test           Staging        Prod Approval  Production
            Database            ✓ 2021.1.0.14  ✓ 2021.1.0.14  ✗ 2021.1.0.12                 ·
            Scheduling Service  ! 2021.1.1.3   ◷ 2021.1.0.9   ·                             ⊘ 2021.1.0.2 ×3
            ✓ success  ✗ failed  ● executing  ◷ queued  ! waiting for a person  ⊘ cancelled  · never deployed

            """),
        Case(width: 80, expected: """
            PROJECT             Development  Test    Staging  Prod Approval  Production
            Database            ✓ 0.14       ✓ 0.14  ✗ 0.12                  ·
            Scheduling Service  ! 1.3        ◷ 0.9   ·                       ⊘ 0.2 ×3
            Versions without their common prefix '2021.1.'.
            ✓ success  ✗ failed  ● executing  ◷ queued  ! waiting for a person  ⊘ cancelled
            · never deployed

            """),
    ])
    func statusMatrixFitsTheWidth(_ example: Case) {
        let text = Self.sample.render(width: example.width, style: Style(enabled: false))
        #expect(text == example.expected, "\n\(text)")
        if let width = example.width {
            for line in text.split(separator: "\n") { #expect(line.count <= width, "\(line)") }
        }
    }

    @Test func aVeryNarrowTerminalCutsNamesButKeepsEveryColumn() {
        let text = Self.sample.render(width: 60, style: Style(enabled: false))
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("PROJECT"))
        #expect(lines[0] == "PROJECT             Devel…  Test    Stagi…  Prod…  Product…")
        #expect(lines[2] == "Scheduling Service  ! 1.3   ◷ 0.9   ·              ⊘ 0.2 ×3")
        for line in lines { #expect(line.count <= 60, "\(line)") }
        #expect(lines.suffix(2) == ["✓ success  ✗ failed  ● executing  ◷ queued", "! waiting for a person  ⊘ cancelled  · never deployed"])
    }

    @Test func colourFollowsTheDashboard() {
        let style = Style(enabled: true)
        #expect(TaskStateText.colour("x", .success, style: style) == "\u{1B}[32mx\u{1B}[0m")
        #expect(TaskStateText.colour("x", .failed, style: style) == "\u{1B}[31mx\u{1B}[0m")
        #expect(TaskStateText.colour("x", .timedOut, style: style) == "\u{1B}[31mx\u{1B}[0m")
        #expect(TaskStateText.colour("x", .executing, style: style) == "\u{1B}[33mx\u{1B}[0m")
        #expect(TaskStateText.colour("x", .queued, style: style) == "\u{1B}[33mx\u{1B}[0m")
        #expect(TaskStateText.colour("x", .executing, waitingForPerson: true, style: style) == "\u{1B}[1;33mx\u{1B}[0m")
        #expect(TaskStateText.colour("x", .canceled, style: style) == "\u{1B}[2mx\u{1B}[0m")
        let matrix = StatusMatrix(environments: ["Test"], rows: [.init(project: "P", cells: [.never])])
        #expect(matrix.render(width: nil, style: style).contains("\u{1B}[2m·\u{1B}[0m"))
    }

    @Test(arguments: [
        (TaskState.success, false, "✓", "Success"), (.failed, false, "✗", "Failed"), (.timedOut, false, "✗", "Timed out"),
        (.executing, false, "●", "Executing"), (.queued, false, "◷", "Queued"), (.canceled, false, "⊘", "Cancelled"),
        (.executing, true, "!", "Waiting"), (.success, true, "✓", "Success"),
    ])
    func stateWords(_ state: TaskState, _ waiting: Bool, _ symbol: String, _ word: String) {
        #expect(TaskStateText.symbol(state, waitingForPerson: waiting) == symbol)
        #expect(TaskStateText.word(state, waitingForPerson: waiting) == word)
    }

    @Test(arguments: [
        // Identical versions keep their last part, so a cell never shows an empty version.
        ("2021.1.0.14", "2021.1.0.14", "2021.1.0."),
        ("2021.1.0.14", "2021.1.1.3", "2021.1."),
        ("1.0", "2.0", ""),
        ("2021.1.0.14", "2021.1.0.9", "2021.1.0."),
    ])
    func commonVersionPrefix(_ a: String, _ b: String, _ prefix: String) {
        let cells: [StatusMatrix.Cell] = [a, b].map { .deployed(version: $0, state: .success, waiting: false, tenants: 0) }
        #expect(StatusMatrix.commonVersionPrefix(cells) == prefix)
    }

    @Test func serverTextInTheLogIsCleanedAndStepsSayHowTheyEnded() {
        let node = ActivityLogTreeNode(
            id: "A1", name: "Deploy \u{1B}]0;pwned\u{07}", status: .failed,
            children: [ActivityLogTreeNode(id: "A2", name: "Step 1: Migrate", status: .success,
                                           logElements: [ActivityLogEntry(occurredAt: Date(timeIntervalSince1970: 0), category: .info, messageText: "Applied 3 migrations")])])
        let log = TaskLog([node], zone: TimeZone(identifier: "UTC") ?? .current, style: Style(enabled: false))
        #expect(log.text == """
            Deploy ?]0;pwned?
              Step 1: Migrate
                00:00:00 Applied 3 migrations
              ✓ done: Step 1: Migrate
            ✗ failed: Deploy ?]0;pwned?

            """)
        #expect(Set(log.lines.map(\.key)).count == log.lines.count)
    }

    @Test(arguments: [
        (String?.none, String?.none, TaskState?.none, CompareCommand.Row.Change.nothingToPromote),
        ("2021.1.0.14", nil, nil, .deploy),
        ("2021.1.0.14", "2021.1.0.9", .success, .deploy),
        ("2021.1.0.9", "2021.1.0.14", .success, .rollback),
        ("2021.1.0.14", "2021.1.0.14", .success, .upToDate),
        ("2021.1.0.14", "2021.1.0.14", .failed, .redeploy),
    ])
    func compareDecides(_ from: String?, _ to: String?, _ state: TaskState?, _ change: CompareCommand.Row.Change) {
        #expect(CompareCommand.change(from: from, to: to, state: state) == change)
    }

    @Test func aNarrowTableCutsItsPlainLastColumn() {
        let table = TableLayout(header: ["TASK", "DESCRIPTION"], rows: [
            ["ServerTasks-27", "Deploy Web API release 2021.1.0.14 to Staging"],
            ["ServerTasks-3", "\u{1B}[2mcoloured text is never cut\u{1B}[0m"],
        ])
        #expect(table.render(width: 40) == """
            TASK            DESCRIPTION
            ServerTasks-27  Deploy Web API release…
            ServerTasks-3  \u{20}\u{1B}[2mcoloured text is never cut\u{1B}[0m

            """)
        #expect(table.render(width: nil).contains("to Staging"))
        // However narrow, 12 characters of the column stay.
        #expect(table.render(width: 10).contains("Deploy Web…\n"))
    }

    @Test func releasesTableSaysWhereEachIsDeployed() {
        let entries = [
            ReleasesCommand.Entry(version: "2021.1.1.3", releaseId: "Releases-9", channel: "Default", created: Date(timeIntervalSince1970: 86_400),
                                  deployedTo: [.init(environment: "Development", state: .success, waitingForPerson: false, current: true),
                                               .init(environment: "Test", state: .failed, waitingForPerson: false, current: true),
                                               .init(environment: "Staging", state: .success, waitingForPerson: false, current: false)]),
            ReleasesCommand.Entry(version: "2021.1.0.15", releaseId: "Releases-5", channel: "Default", created: Date(timeIntervalSince1970: 3_600),
                                  deployedTo: [.init(environment: "Test", state: .success, waitingForPerson: false, current: false)]),
            ReleasesCommand.Entry(version: "2021.1.0.14", releaseId: "Releases-4", channel: "Default", created: Date(timeIntervalSince1970: 0), deployedTo: []),
        ]
        #expect(ReleasesCommand.table(entries, zone: TimeZone(identifier: "UTC") ?? .current, style: Style(enabled: false)) == """
            VERSION      CHANNEL  CREATED           DEPLOYED TO
            2021.1.1.3   Default  1970-01-02 00:00  ✓ Development  ✗ Test  (earlier: Staging)
            2021.1.0.15  Default  1970-01-01 01:00  (earlier: Test)
            2021.1.0.14  Default  1970-01-01 00:00  not deployed

            """)
    }

    /// `tasks` drops Octopus's fixed words from deployment descriptions so the environment survives 80 columns.
    @Test(arguments: [
        ("Deploy Web API release 2021.1.0.15 to Test", "Web API to Test (2021.1.0.15)"),
        ("Deploy Scheduling Service release 2021.1.0.15 to Production for Acme Corp", "Scheduling Service to Production for Acme Corp (2021.1.0.15)"),
        ("Deploy release notes tool", "Deploy release notes tool"),
        ("Apply retention policies", "Apply retention policies"),
    ])
    func deploymentDescriptionsAreShortened(description: String, shown: String) {
        #expect(TasksCommand.shortDescription(description) == shown)
    }

    /// At 80 columns every deployment row still names its project and environment; at 120 the duration is shown.
    @Test func anEightyColumnTaskTableKeepsTheEnvironment() {
        let tasks = ["Web UI", "Scheduling Service", "Database"].enumerated().map { index, project in
            ServerTask(
                id: ServerTaskID(rawValue: "ServerTasks-\(index + 10)"), name: "Deploy", description: "Deploy \(project) release 2021.1.0.15 to Staging",
                state: .success, queueTime: Date(timeIntervalSince1970: 0), duration: "1 minute")
        }
        let table = TasksCommand.table(tasks, zone: .gmt, style: Style(enabled: false), width: 80)
        for (line, project) in zip(table.split(separator: "\n").dropFirst(), ["Web UI", "Scheduling Service", "Database"]) {
            #expect(line.contains("\(project) to Staging"), "\(line)")
            #expect(line.count <= 80)
        }
        #expect(TasksCommand.table(tasks, zone: .gmt, style: Style(enabled: false), width: 120).contains("DURATION"))
        #expect(!table.contains("DURATION"))
    }

    /// `interventions` is a table where it fits and one record per intervention where it does not (80 columns),
    /// and says who "you" is and how to answer.
    @Test func interventionsFitEightyColumns() {
        let entries = [
            InterventionsCommand.Entry(id: "Interruptions-12", title: "Web Admin Approval", project: "Scheduling Service", release: "2021.1.0.15",
                                       environment: "Production", taskId: "ServerTasks-40", teams: ["Web Admins"], canAct: true, takenBy: nil),
            InterventionsCommand.Entry(id: "Interruptions-13", title: "QA Approval", project: "Database", release: "2021.1.0.10",
                                       environment: "Staging", taskId: "ServerTasks-41", teams: ["QA"], canAct: false, takenBy: nil),
        ]
        #expect(InterventionsCommand.table(entries, user: "wes", style: Style(enabled: false), width: 120) == """
            ID                DEPLOYMENT                                    TITLE               TEAMS       YOU
            Interruptions-12  Scheduling Service 2021.1.0.15 to Production  Web Admin Approval  Web Admins  yes
            Interruptions-13  Database 2021.1.0.10 to Staging               QA Approval         QA          no
            YOU: whether wes may answer it. Answer with 'respond Interruptions-12 proceed' (or 'abort').

            """)
        let narrow = InterventionsCommand.table(entries, user: "wes", style: Style(enabled: false), width: 80)
        #expect(narrow == """
            Interruptions-12
              DEPLOYMENT  Scheduling Service 2021.1.0.15 to Production
              TITLE       Web Admin Approval
              TEAMS       Web Admins
              YOU         yes

            Interruptions-13
              DEPLOYMENT  Database 2021.1.0.10 to Staging
              TITLE       QA Approval
              TEAMS       QA
              YOU         no

            YOU: whether wes may answer it. Answer with 'respond Interruptions-12 proceed' (or 'abort').

            """)
    }

    /// Tables carry no trailing spaces (an empty last cell would leave padding that wraps at the terminal's edge);
    /// too wide for the terminal, a table becomes records titled by the chosen column, empty cells left out.
    @Test func tablesFitTheTerminalOrBecomeRecords() {
        let layout = TableLayout(header: ["STAGE", "PROJECT", "ACTION", "DEPLOYMENT"], rows: [
            ["1", "Database", "skip: no release found", ""],
            ["2", "Web API", "deploy", "3 steps, targets: staging-web-01, staging-web-02"],
        ])
        let table = layout.render()
        #expect(!table.split(separator: "\n").contains { $0.hasSuffix(" ") })
        #expect(layout.renderFitting(width: 120) == table)
        #expect(layout.renderFitting(width: nil) == table)
        #expect(layout.renderFitting(width: 60, titleColumn: 1) == """
            Database
              STAGE       1
              ACTION      skip: no release found

            Web API
              STAGE       2
              ACTION      deploy
              DEPLOYMENT  3 steps, targets: staging-web-01, staging-web-02


            """)
    }
}
