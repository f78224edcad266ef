import Foundation

/// Release-selection strategy and redeploy policy (§2 #12, §5.4).
public enum DeploymentMode: String, Sendable, Codable, CaseIterable {
    /// Promote the release last successfully deployed to the previous phase; skip when already current.
    case promote = "Promote"
    /// Redeploy what is in the destination now.
    case redeploy = "Redeploy"
    /// The newest release in the channel that may go to the destination, even when already current.
    case alwaysLatest = "AlwaysLatest"

    /// Reads a mode case-insensitively; like the template, anything unknown is Redeploy.
    public init(parameter: String) {
        self = Self(caseInsensitive: parameter) ?? .redeploy
    }
}

/// What to do when no release qualifies (§2 #6, §5.14).
public enum NotFoundHandling: String, Sendable, Codable, CaseIterable {
    /// Fail the promotion.
    case error = "Error"
    /// Skip the child and say so as a warning (departure B10: a real warning, not a highlight).
    case warning = "Warning"
    /// Skip the child quietly.
    case skip = "Skip"

    /// Reads the option case-insensitively; like the template, anything unknown is Warning.
    public init(parameter: String) {
        self = Self(caseInsensitive: parameter) ?? .warning
    }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// The case whose raw value equals `text` (trimmed), ignoring case.
    init?(caseInsensitive text: String) {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        guard let match = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(wanted) == .orderedSame }) else { return nil }
        self = match
    }
}

/// Every parameter of the step template (§2) for a whole application, with the template's defaults, plus the
/// parent project and release whose deployment supplies approvers.
///
/// Connection parameters (server URL, API key) live in the client, not here; the Octopus system variables the
/// template reads from the parent deployment are replaced by explicit options (`parentProject`, `parentRelease`,
/// `parentSpace`, `specificMachines`).
public struct PromotionOptions: Sendable, Codable, Hashable {
    /// The child projects in deployment order (stages).
    public var application: Application
    /// Child space name (§2 #3); nil = the client's space.
    public var space: String?
    /// Child channel name (§2 #9); nil = each project's default channel.
    public var channel: String?
    /// Release number pattern (§2 #5); blank = latest.
    public var releasePattern: VersionPattern
    /// No-release handling (§2 #6), default Warning.
    public var notFound: NotFoundHandling
    /// Destination environment name (§2 #7), required.
    public var destination: String
    /// Explicit source environment name (§2 #8); nil = from the lifecycle.
    public var source: String?
    /// Tenant name (§2 #10); nil = untenanted.
    public var tenant: String?
    /// Prompted variables, one `Name::Value` per line (§2 #11).
    public var promptedVariables: [PromptedVariable]
    /// Deployment mode (§2 #12), default Promote.
    public var mode: DeploymentMode
    /// Refresh stale variable snapshots (§2 #13), default No.
    public var refreshSnapshots: Bool
    /// Specific deployment targets by name or `Machines-N` id (§2 #14); empty = not used (`N/A`).
    public var specificMachines: [String]
    /// Deploy to all machines when the child deploys to none of the specific machines (§2 #15), default No.
    public var ignoreMachineMismatch: Bool
    /// Produce the release notes as an artifact file (§2 #16), default No.
    public var saveNotesAsArtifact: Bool
    /// Do everything except create deployments (§2 #17), default No.
    public var whatIf: Bool
    /// Wait for the child deployments (§2 #18), default Yes.
    public var wait: Bool
    /// Maximum run time of a child task before it is cancelled (§2 #20), default 1800 s.
    public var waitTimeout: TimeInterval
    /// Schedule text (§2 #21); nil or `N/A` = start now.
    public var schedule: String?
    /// Zone for the schedule text; nil = the machine's zone.
    public var scheduleTimeZone: String?
    /// Auto-approve child manual interventions (§2 #22), default Yes.
    public var autoApprove: Bool
    /// Parent environment whose deployment of the parent release supplies approvers (§2 #23); nil = the destination.
    public var approvalEnvironment: String?
    /// Tenant whose parent deployment supplies approvers (§2 #24); nil = the deployment tenant.
    public var approvalTenant: String?
    /// Parent (orchestration) project name whose release's approvers stand in for the children's interventions;
    /// nil = no parent (then only `approveAsMe` approves anything).
    public var parentProject: String?
    /// Parent release version approvals come from (required with `parentProject`).
    public var parentRelease: String?
    /// Space of the parent project; nil = the child space (departure B8: may differ).
    public var parentSpace: String?
    /// Approve as the API key's own user, for the teams it belongs to, when no parent is named (the CLI's
    /// `--approve-as-me`, the shell's `approve as me`). Off by default: without a parent and without this, Conductor
    /// submits no intervention — no self-approval.
    public var approveAsMe: Bool

    /// Creates options with the template's defaults.
    public init(
        application: Application,
        destination: String,
        space: String? = nil,
        channel: String? = nil,
        releasePattern: VersionPattern = .any,
        notFound: NotFoundHandling = .warning,
        source: String? = nil,
        tenant: String? = nil,
        promptedVariables: [PromptedVariable] = [],
        mode: DeploymentMode = .promote,
        refreshSnapshots: Bool = false,
        specificMachines: [String] = [],
        ignoreMachineMismatch: Bool = false,
        saveNotesAsArtifact: Bool = false,
        whatIf: Bool = false,
        wait: Bool = true,
        waitTimeout: TimeInterval = 1800,
        schedule: String? = nil,
        scheduleTimeZone: String? = nil,
        autoApprove: Bool = true,
        approvalEnvironment: String? = nil,
        approvalTenant: String? = nil,
        parentProject: String? = nil,
        parentRelease: String? = nil,
        parentSpace: String? = nil,
        approveAsMe: Bool = false
    ) {
        self.application = application
        self.destination = destination
        self.space = space
        self.channel = channel
        self.releasePattern = releasePattern
        self.notFound = notFound
        self.source = source
        self.tenant = tenant
        self.promptedVariables = promptedVariables
        self.mode = mode
        self.refreshSnapshots = refreshSnapshots
        self.specificMachines = specificMachines
        self.ignoreMachineMismatch = ignoreMachineMismatch
        self.saveNotesAsArtifact = saveNotesAsArtifact
        self.whatIf = whatIf
        self.wait = wait
        self.waitTimeout = waitTimeout
        self.schedule = schedule
        self.scheduleTimeZone = scheduleTimeZone
        self.autoApprove = autoApprove
        self.approvalEnvironment = approvalEnvironment
        self.approvalTenant = approvalTenant
        self.parentProject = parentProject
        self.parentRelease = parentRelease
        self.parentSpace = parentSpace
        self.approveAsMe = approveAsMe
    }

    /// Checks the required values (§5.3) and the options Conductor cannot honour yet.
    /// - Throws: `OrchestrationError` naming the first problem and what to give instead.
    public func validate() throws {
        if application.projects.isEmpty { throw OrchestrationError.emptyApplication }
        if destination.trimmingCharacters(in: .whitespaces).isEmpty {
            throw OrchestrationError.missingRequiredValue("Destination Environment Name")
        }
        if let name = application.projects.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw OrchestrationError.missingRequiredValue("Child Project Name ('\(name)')")
        }
        var seen: Set<String> = []
        for name in application.projects where !seen.insert(name.trimmingCharacters(in: .whitespaces).lowercased()).inserted {
            throw OrchestrationError.duplicateProject(name)
        }
        if parentProject != nil, (parentRelease ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw OrchestrationError.missingRequiredValue("Parent release (with a parent project)")
        }
    }
}

extension PromotionOptions {
    /// Blank, or an Octopus variable the parent deployment left unresolved (`#{Octopus.Deployment.Tenant.Name}`).
    static func isUnset(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.lowercased().hasPrefix("#{octopus")
    }
}

extension VersionPattern: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
