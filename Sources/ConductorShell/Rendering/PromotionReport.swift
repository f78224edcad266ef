import Foundation
import OctopusClient
import OctopusModel
import Orchestration

/// Renders a promotion plan's result: the table, JSON or basic form on standard output, the
/// template's output variables as Octopus service messages, and progress lines for standard error.
public struct PromotionReport: Sendable {
    /// The plan after the last step that ran.
    public let plan: PromotionPlan

    /// Creates a report of `plan`.
    public init(plan: PromotionPlan) {
        self.plan = plan
    }

    /// The result in `format`, ending with a newline (empty for `basic` when nothing was deployed); `width` is the
    /// terminal's, at which the table's prose lines break between words (nil: a pipe, one line each).
    public func render(_ format: OutputFormat, width: Int? = nil) -> String {
        switch format {
        case .table: table(width: width)
        case .json: json()
        case .basic: basic()
        }
    }

    // MARK: table

    func table(width: Int? = nil) -> String {
        let header = ["STAGE", "PROJECT", "RELEASE", "FROM", "ACTION", "RESULT"]
        let rows = plan.children.map { child in
            [String]([
                String(child.stage + 1),
                child.project.name,
                child.release?.version ?? "-",
                Self.fromText(child, mode: plan.options.mode),
                Self.actionText(child.action),
                Self.resultText(child, planDeployed: plan.step >= .deployed),
            ]).map { TerminalText.sanitized($0) }
        }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var text = "Promotion to \(plan.destination.name)"
        if let schedule = plan.schedule { text += ", starting \(schedule.absoluteText)" }
        text += "\n" + line(header) + "\n"
        for row in rows { text += line(row) + "\n" }
        text += ProseWrap.wrap(Self.coverageLines(plan.interventionCoverage, title: "Manual interventions"), width: width)
        return TerminalText.sanitized(text, keepingLineBreaks: true)
    }

    /// `Manual interventions:` then one line per intervention: project, step, teams and who signs it off
    /// (nothing when no intervention is expected).
    public static func coverageLines(_ coverage: [InterventionCoverage], title: String) -> String {
        guard !coverage.isEmpty else { return "" }
        var text = "\(title):\n"
        for row in coverage {
            let teams = row.responsibleTeams.isEmpty ? "anyone with permission" : row.responsibleTeams.joined(separator: ", ")
            // Each row is cleaned on its own so a name from the server cannot add or fake a line.
            text += "  " + TerminalText.sanitized("\(row.project.name) \(row.release ?? "") '\(row.stepName)' (\(teams)): \(row.summary)") + "\n"
        }
        return text
    }

    /// Where the release came from: the source environments, or — in always-latest mode, which takes the newest
    /// release of the channel whatever is deployed where — the channel.
    static func fromText(_ child: ChildPlan, mode: DeploymentMode) -> String {
        if mode == .alwaysLatest, let channel = child.channel { return "channel \(channel.name)" }
        return child.sourceEnvironments.isEmpty ? "-" : child.sourceEnvironments.map(\.name).joined(separator: ", ")
    }

    static func actionText(_ action: ChildAction) -> String {
        switch action {
        case .deploy: "deploy"
        case .skip(.noRelease): "skip: no release found"
        case .skip(.alreadyCurrent): "skip: already current"
        case .skip(.machineMismatch): "skip: no specific machine"
        case .skip(.sourceIsDestination): "skip: source is destination"
        case .skip(.tenantNotConnected): "skip: tenant not connected"
        case .skip(.earlierStageFailed): "skip: earlier stage failed"
        }
    }

    static func resultText(_ child: ChildPlan, planDeployed: Bool = false) -> String {
        if let outcome = child.outcome {
            let task = child.deployment.map { " (\($0.taskId.rawValue))" } ?? ""
            return outcomeText(outcome) + task
        }
        if let deployment = child.deployment { return "created \(deployment.deploymentId.rawValue) (\(deployment.taskId.rawValue))" }
        guard child.willDeploy else { return "-" }
        // A deployed plan creates each later stage when the one before has succeeded: 'wait' (or promote) does it.
        return planDeployed ? "after stage \(child.stage) ('wait')" : "would deploy"
    }

    static func outcomeText(_ outcome: ChildOutcome) -> String {
        switch outcome {
        case .success: "succeeded"
        case .failed: "failed"
        case .canceled: "cancelled"
        case .timedOut: "timed out (server)"
        case .cancelledOnTimeout: "cancelled after wait timeout"
        case .notWaited: "queued, not waited for"
        }
    }

    /// How a finished plan ended, in a few words for `history`: `2 succeeded, 1 failed`.
    public static func summary(of plan: PromotionPlan) -> String {
        let outcomes = plan.children.compactMap(\.outcome)
        guard !outcomes.isEmpty else { return "nothing deployed" }
        var counts: [String: Int] = [:]
        for outcome in outcomes { counts[outcomeText(outcome), default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    // MARK: basic

    /// The server task id of each created deployment, one per line (pipes into a task waiter);
    /// when nothing was created (What If), the release id of each child that would deploy.
    func basic() -> String {
        let tasks = plan.children.compactMap { $0.deployment?.taskId.rawValue }
        let lines = tasks.isEmpty ? plan.children.filter(\.willDeploy).compactMap { $0.release?.id.rawValue } : tasks
        return lines.map { TerminalText.sanitized($0) + "\n" }.joined()
    }

    // MARK: json

    func json() -> String {
        OutputFormat.jsonDocument(JSONPlan(plan))
    }

    /// The JSON shape: stable field names, the template's output variables by their Octopus names.
    struct JSONPlan: Encodable {
        var destination: String
        var step: String
        var schedule: String?
        var approvals: JSONApprovals?
        var children: [JSONChild]

        init(_ plan: PromotionPlan) {
            destination = plan.destination.name
            step = String(describing: plan.step)
            schedule = plan.schedule?.absoluteText
            approvals = plan.approvals.map(JSONApprovals.init)
            let coverage = plan.interventionCoverage
            children = plan.children.map { child in
                JSONChild(child, interventions: coverage.filter { $0.project.id == child.project.id }.map(JSONIntervention.init))
            }
        }
    }

    /// Where approvals come from and who gave them.
    struct JSONApprovals: Encodable {
        /// `parent`, `me` or `none`.
        var source: String
        var parent: String?
        var taskId: String?
        /// Why nobody's approval is taken (source `none`), in words and as a stable code (`auto-approval-off`).
        var reason: String?
        var reasonCode: String?
        var approvers: [JSONApprover]

        init(_ approvals: ApprovalSet) {
            switch approvals.source {
            case .parentDeployment(let project, let release, let environment, let taskId, _, _):
                source = "parent"
                parent = "\(project) \(release) in \(environment)"
                self.taskId = taskId.rawValue
            case .currentUser:
                source = "me"
            case .none(let reason):
                source = "none"
                self.reason = reason.fragment
                reasonCode = reason.code
            }
            approvers = approvals.approvers.map { JSONApprover(username: $0.username, displayName: $0.displayName, teamIds: $0.teamIds.map(\.rawValue), approvedAt: $0.approvedAt) }
        }
    }

    struct JSONApprover: Encodable {
        var username: String
        var displayName: String?
        var teamIds: [String]
        var approvedAt: Date?
    }

    /// One expected manual intervention and who signs it off.
    struct JSONIntervention: Encodable {
        var step: String
        var responsibleTeams: [String]
        /// `auto-approved` or `left to people`.
        var coverage: String
        var approver: String?
        var approverDisplayName: String?
        var team: String?
        /// Why it is left to people, in words and as a stable code (`no-approver-in-team`).
        var reason: String?
        var reasonCode: String?
        /// `auto-approved as quinn (QA)` or `left to people: <why>`.
        var summary: String

        init(_ row: InterventionCoverage) {
            step = row.stepName
            responsibleTeams = row.responsibleTeams
            summary = row.summary
            switch row.decision {
            case .autoApproved(let approver, let team):
                coverage = "auto-approved"
                self.approver = approver.username
                approverDisplayName = approver.displayName
                self.team = team
            case .leftToPeople(let reason):
                coverage = "left to people"
                self.reason = reason.fragment
                reasonCode = reason.code
            }
        }
    }

    struct JSONChild: Encodable {
        var stage: Int
        var project: String
        var projectId: String
        var channel: String?
        /// The tenant the child is deployed for (nil: untenanted).
        var tenant: String?
        var sourceEnvironments: [String]
        var release: String?
        var releaseId: String?
        var currentVersion: String?
        var action: String
        var skipReason: String?
        var deploymentId: String?
        var taskId: String?
        var webLink: String?
        var outcome: String?
        var outputs: [String: String]
        var messages: [JSONMessage]
        /// The deployment targets the preview lists.
        var machines: [String]?
        var interventions: [JSONIntervention]

        init(_ child: ChildPlan, interventions: [JSONIntervention]) {
            self.interventions = interventions
            machines = child.preview?.machineNames
            stage = child.stage + 1
            project = child.project.name
            projectId = child.project.id.rawValue
            channel = child.channel?.name
            tenant = child.tenant?.name
            sourceEnvironments = child.sourceEnvironments.map(\.name)
            release = child.release?.version
            releaseId = child.release?.id.rawValue
            currentVersion = child.currentVersion
            switch child.action {
            case .deploy: action = "deploy"
            case .skip(let reason):
                action = "skip"
                skipReason = String(describing: reason)
            }
            deploymentId = child.deployment?.deploymentId.rawValue
            taskId = child.deployment?.taskId.rawValue
            webLink = child.deployment?.webLink
            outcome = child.outcome?.rawValue
            outputs = [
                "ReleaseToPromote": child.outputs.releaseToPromote,
                "ReleaseNotes": child.outputs.releaseNotes,
                "ChildReleaseToDeploy": child.outputs.childReleaseToDeployText,
            ]
            messages = child.messages.map { JSONMessage(level: $0.level.rawValue, text: $0.text) }
        }
    }

    struct JSONMessage: Encodable {
        var level: String
        var text: String
    }

    // MARK: service messages

    /// The template's three output variables for every child, as `setVariable` service
    /// messages. Names are `<Project>.ReleaseToPromote` and so on; a promotion of a single child
    /// also sets the bare names, exactly as the template's step did.
    public func outputVariableMessages() -> [OctopusServiceMessage] {
        var messages: [OctopusServiceMessage] = []
        let single = plan.children.count == 1
        for child in plan.children {
            let values = [
                ("ReleaseToPromote", child.outputs.releaseToPromote),
                ("ReleaseNotes", child.outputs.releaseNotes),
                ("ChildReleaseToDeploy", child.outputs.childReleaseToDeployText),
            ]
            for (name, value) in values {
                messages.append(.setVariable(name: "\(child.project.name).\(name)", value: value))
                if single { messages.append(.setVariable(name: name, value: value)) }
            }
        }
        return messages
    }

    /// The notes artifacts the plan asks for (`--save-notes`), by file name and contents.
    public var notesArtifacts: [NotesArtifact] {
        plan.children.compactMap { $0.preview?.artifact }
    }

    // MARK: progress

    /// One line for standard error describing a progress event (the coverage event: one line per intervention).
    public static func progressLine(_ event: ProgressEvent) -> String {
        // The coverage is several lines, each cleaned on its own by `coverageLines`; every other event is one line.
        if case .interventionsCovered = event { return rawProgressLine(event) }
        return TerminalText.sanitized(rawProgressLine(event))
    }

    static func rawProgressLine(_ event: ProgressEvent) -> String {
        switch event {
        case .interventionsCovered(let coverage):
            return coverageLines(coverage, title: "Manual interventions before deploying").trimmingCharacters(in: .newlines)
        case .laterStagesNotScheduled(let projects, let startsAt):
            return "Not scheduled (nothing waits to start them in order after the first stage at \(startsAt)): \(projects.joined(separator: ", "))"
        case .stageStarted(let stage, let projects):
            return "Stage \(stage + 1): deploying \(projects.joined(separator: ", "))"
        case .deploymentCreated(let project, let version, let taskId, let webLink, let reused):
            return "\(project): \(reused ? "found existing" : "created") deployment of \(version) (\(taskId.rawValue)) \(webLink)"
        case .followingExisting(let project, let version, let environment, let taskId, let state, let webLink):
            let doing = state == .success ? "was already deployed to \(environment) (\(taskId.rawValue), succeeded)" : "is already deploying to \(environment) (\(taskId.rawValue))"
            return "\(project) \(version) \(doing); following it \(webLink)"
        case .queuedBehind(let project, let taskId, let blockers):
            return "\(project): \(taskId.rawValue) is queued behind \(blockers.joined(separator: ", ")) (Octopus runs one deployment of a project to an environment at a time)"
        case .retrying(let work, let failure, let budgetLeft):
            return "Retrying \(work) (\(budgetLeft) s of fault budget left): \(failure.description)"
        case .stateChanged(let project, let state):
            return "\(project): \(state.rawValue)"
        case .stepStarted(let project, let step):
            return "\(project): step '\(step)'"
        case .interventionPending(let project, let title, let guidedFailure, let teams, let canAct, _):
            let kind = guidedFailure ? "guided failure" : "manual intervention"
            let who = teams.isEmpty ? "anyone with permission" : teams.joined(separator: ", ")
            return "\(project): waiting on \(kind) '\(title)' (responsible: \(who)\(canAct ? "" : "; this API key cannot act"))"
        case .approvalSubmitted(let project, let title, let approver):
            return "\(project): approved '\(title)' on behalf of \(approver)"
        case .interventionLeftToPeople(let project, let title, let reason):
            return "\(project): '\(title)' left to people: \(reason.waitSentence)"
        case .timedOut(let project, let seconds, let cancelled, let waitingOn):
            let what = waitingOn.map { "still waiting on '\($0)' after" } ?? "still running after"
            return "\(project): \(what) \(seconds) s; \(cancelled ? "cancelled" : "cancel request failed")"
        case .finished(let project, let outcome):
            return "\(project): \(outcomeText(outcome))"
        case .laterStagesSkipped(let reason, let projects):
            return "Not deploying \(projects.joined(separator: ", ")): \(reason)"
        }
    }
}
