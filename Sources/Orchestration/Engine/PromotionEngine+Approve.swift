import Foundation
import OctopusClient
import OctopusModel

extension Interruption {
    /// A guided-failure prompt (never auto-submitted, departure B16).
    var isGuidedFailure: Bool {
        type.caseInsensitiveCompare("GuidedFailure") == .orderedSame
            || title.hasSuffix("requires failure guidance")
            || form.elements.contains { $0.name == "Guidance" }
    }

    /// A manual intervention answered with "Proceed" — the only submission that counts as an approval (B16).
    var isProceededManualIntervention: Bool {
        !isPending && !isGuidedFailure && (form.values["Result"] ?? nil)?.caseInsensitiveCompare("Proceed") == .orderedSame
    }

    /// The instructions the approver was shown (the form's paragraph).
    var instructions: String? {
        form.elements.first { $0.name == "Instructions" }?.control.text
    }
}

/// Whose approvals `approve` takes.
public enum ApproverChoice: Sendable, Hashable {
    /// As the plan's options say: the parent release's approvers when a parent is named; otherwise the API key's
    /// own user when `approveAsMe` is set; otherwise nobody's (no self-approval by default).
    case options
    /// The API key's own user, for the teams it belongs to (the shell's `approve as me`).
    case currentUser
    /// The approvers of `release` of the parent `project`, from its deployment to `environment` (nil: the
    /// destination) — the shell's `approve from PARENT RELEASE [in ENV]`. Replaces the options' parent.
    case parent(project: String, release: String, environment: String?)
}

extension PromotionEngine {
    /// `approve`: resolves whose approvals stand in for the children's manual interventions and binds them to the
    /// plan's releases (§5.29–§5.30). Read the result with ``PromotionPlan/interventionCoverage``: per intervention
    /// the deployments will raise, `auto-approved as quinn (QA)` or `left to people: <why>`.
    ///
    /// - A parent (named by `choice` or the options): the users who proceeded the manual interventions of the parent
    ///   release's latest successful deployment to the approval environment (default: the destination's name), in
    ///   the parent's own space (departure B8). A wrong parent project, release, approval environment or approval
    ///   tenant throws `OrchestrationError.notFound` with the closest names. No successful approval deployment is
    ///   not an error: nobody's approval is taken and the coverage says why (§5.29).
    /// - As me (`choice` `.currentUser`, or the options' `approveAsMe`): the API key's user with its teams.
    /// - Otherwise, or with auto-approval off: nobody's; every intervention is left to people.
    ///
    /// Departure B16: approvers are read from the parent task's interruptions — only manual interventions submitted
    /// with `Proceed` count; guided-failure answers and aborts do not. Each approver keeps the time they approved,
    /// so a child release created after it is not covered (unless the approved instructions name it).
    ///
    /// Requests, parent: 1 (parent space, only when it is another one) + 1 (project) + 1 (release; +1 to suggest
    /// versions when missing) + 1 (approval environment) + 1 (the release's deployments) + 1 (their tasks, in one
    /// batch) + 1 (interruptions of the chosen task) + 2 per approver (user, team memberships) + 2 (the API key's
    /// user and teams, only when an intervention is expected). As me: 2. Nobody: 0.
    public func approve(_ plan: PromotionPlan, from choice: ApproverChoice = .options) async throws -> PromotionPlan {
        var plan = plan
        switch choice {
        case .options:
            break
        case .currentUser:
            plan.options.approveAsMe = true
            plan.options.parentProject = nil
            plan.options.parentRelease = nil
            plan.options.autoApprove = true
        case .parent(let project, let release, let environment):
            plan.options.parentProject = project
            plan.options.parentRelease = release
            plan.options.approvalEnvironment = environment
            plan.options.autoApprove = true
        }
        plan.approvals = try await resolveApprovals(plan)
        plan.step = max(plan.step, .approved)
        return plan
    }

    /// Compatibility form: `asCurrentUser` is ``ApproverChoice/currentUser``, otherwise the options decide.
    public func approve(_ plan: PromotionPlan, asCurrentUser: Bool) async throws -> PromotionPlan {
        try await approve(plan, from: asCurrentUser ? .currentUser : .options)
    }

    /// "Who still has to sign off?": previews the plan when needed, resolves the approvals `choice` asks for and
    /// returns every expected intervention with its coverage, in plan order. Deploys nothing.
    public func coverage(_ plan: PromotionPlan, from choice: ApproverChoice = .options) async throws -> [InterventionCoverage] {
        let previewed = plan.step < .previewed ? try await whatIf(plan) : plan
        return try await approve(previewed, from: choice).interventionCoverage
    }

    /// The approval set the plan's options ask for (see ``approve(_:from:)``).
    func resolveApprovals(_ plan: PromotionPlan) async throws -> ApprovalSet {
        let options = plan.options
        var bound: [ProjectID: ReleaseReference] = [:]
        for child in plan.children where child.willDeploy {
            if let release = child.release { bound[child.project.id] = release }
        }
        let zone = options.scheduleTimeZone.flatMap(TimeZone.init(identifier:)) ?? defaultTimeZone
        func set(_ source: ApprovalSource, _ approvers: [Approver] = [], instructions: [String]? = nil, apiUserTeams: [TeamID]? = nil) -> ApprovalSet {
            ApprovalSet(
                source: source, approvers: approvers, approvedReleases: bound, approvedAt: clock.now(),
                approvedInstructions: instructions, apiUserTeamIds: apiUserTeams, timeZoneIdentifier: zone.identifier)
        }
        // Only previewed interventions are known; unpreviewed children leave the API user unchecked (assumed able).
        let expectsInterventions = plan.children.contains { $0.willDeploy && !($0.preview?.interventions.isEmpty ?? true) }

        if options.parentProject != nil {
            // Names are checked even with auto-approval off, so a typo fails before anything deploys.
            let parent = try await parentApprovals(options: options, destinationName: plan.destination.name, tenant: plan.tenant)
            guard options.autoApprove else { return set(.none(reason: .autoApprovalOff)) }
            switch parent {
            case .missing(let reason):
                return set(.none(reason: reason))
            case .found(let source, let approvers, let instructions):
                let apiUserTeams = expectsInterventions && !approvers.isEmpty ? try await currentUserApprover().teamIds : nil
                return set(source, approvers, instructions: instructions, apiUserTeams: apiUserTeams)
            }
        }
        guard options.autoApprove else { return set(.none(reason: .autoApprovalOff)) }
        guard options.approveAsMe else {
            return set(.none(reason: .noApprovalSource))
        }
        let me = try await currentUserApprover()
        return set(.currentUser, [me], apiUserTeams: me.teamIds)
    }

    /// The API key's user with its teams (2 requests).
    private func currentUserApprover() async throws -> Approver {
        let me = try await client.currentUser()
        let teams = try await client.teamMemberships(ofUser: me.id).map(\.teamId)
        return Approver(userId: me.id, username: me.username, displayName: me.displayName, teamIds: teams)
    }

    /// What the parent side resolved: its approvers (with the instructions they were shown), or why there are none.
    private enum ParentApprovals {
        case found(ApprovalSource, [Approver], instructions: [String])
        case missing(LeftToPeopleReason)
    }

    private func parentApprovals(
        options: PromotionOptions, destinationName: String, tenant: NamedReference<TenantID>?
    ) async throws -> ParentApprovals {
        let parent = try await parentClient(options)
        let projectName = (options.parentProject ?? "").trimmingCharacters(in: .whitespaces)
        let version = (options.parentRelease ?? "").trimmingCharacters(in: .whitespaces)
        let environmentName = (options.approvalEnvironment ?? destinationName).trimmingCharacters(in: .whitespaces)
        guard let project = try await parent.project(named: projectName) else {
            throw OrchestrationError.notFound(kind: "parent project", name: projectName, suggestions: NameSuggestions.closest(to: projectName, among: try await parent.allProjects().map(\.name)))
        }
        async let releaseRequest = parent.release(project: project.id, version: version)
        async let environmentRequest = parent.environment(named: environmentName)
        guard let release = try await releaseRequest else {
            let versions = try await parent.projectReleases(project.id).prefix(100).map(\.version)
            throw OrchestrationError.notFound(kind: "release of \(project.name)", name: version, suggestions: NameSuggestions.closest(to: version, among: versions))
        }
        guard let environment = try await environmentRequest else {
            throw OrchestrationError.notFound(kind: "approval environment", name: environmentName, suggestions: NameSuggestions.closest(to: environmentName, among: try await parent.allEnvironments().map(\.name)))
        }
        // §5.29: the approval tenant's deployments, or untenanted ones.
        let approvalTenant = try await approvalTenant(options.approvalTenant, deploymentTenant: tenant, parent: parent)
        let deployments = try await parent.releaseDeployments(release.id).all().filter { deployment in
            deployment.environmentId == environment.id
                && (approvalTenant == nil || deployment.tenantId == nil || deployment.tenantId == approvalTenant)
        }
        let tasks = deployments.isEmpty ? [] : try await parent.tasks(ids: deployments.compactMap(\.taskId))
        guard let task = tasks.filter({ $0.isCompleted && $0.finishedSuccessfully })
            .max(by: { ($0.startTime ?? .distantPast) < ($1.startTime ?? .distantPast) }) else {
            return .missing(.parentNotApproved(project: project.name, release: release.version, environment: environment.name))
        }
        let interruptions = try await parent.interruptions(regarding: task.id.rawValue).all()
            .filter(\.isProceededManualIntervention)
            .sorted { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) }
        // Each approver's time is their last submission: a release created before it was in front of them.
        var approvedAt: [UserID: Date] = [:]
        var order: [UserID] = []
        for interruption in interruptions {
            guard let id = interruption.responsibleUserId else { continue }
            if approvedAt[id] == nil { order.append(id) }
            let when = interruption.lastModifiedOn ?? interruption.created ?? task.completedTime ?? .distantPast
            approvedAt[id] = max(approvedAt[id] ?? .distantPast, when)
        }
        let answeredAt = approvedAt
        let approvers = try await order.concurrentMap(limit: concurrency) { id in
            async let user = self.client.user(id)
            async let memberships = self.client.teamMemberships(ofUser: id)
            let found = try await user
            return Approver(
                userId: id, username: found.username, displayName: found.displayName,
                teamIds: try await memberships.map(\.teamId), approvedAt: answeredAt[id])
        }
        let link = "\(client.connection.serverRoot.absoluteString)/app#/\(parent.spaceID.rawValue)/tasks/\(task.id.rawValue)"
        let source = ApprovalSource.parentDeployment(
            project: project.name, release: release.version, environment: environment.name, taskId: task.id, spaceId: parent.spaceID, webLink: link)
        return .found(source, approvers, instructions: interruptions.compactMap(\.instructions))
    }

    /// A client for the parent's space: the engine's own when no other space is named (1 request otherwise).
    func parentClient(_ options: PromotionOptions) async throws -> OctopusClient {
        guard let name = options.parentSpace?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return client }
        let selector = SpaceSelector(name)
        if case .id(let id) = selector { return client.inSpace(SpaceID(id)) }
        guard let space = try await client.space(named: name) else {
            throw OrchestrationError.notFound(kind: "space", name: name, suggestions: NameSuggestions.closest(to: name, among: try await client.allSpaces().map(\.name)))
        }
        return client.inSpace(space.id)
    }

    /// The notes submitted with an auto-approval (§5.31.1), truthful about where the approval came from.
    static func approvalNotes(_ approvals: ApprovalSet, approver: Approver) -> String {
        switch approvals.source {
        case .parentDeployment(let project, let release, let environment, let taskId, _, let link):
            return "Auto-approving this deployment. Parent project \(project) release \(release) to \(environment) with the task id \(taskId.rawValue) was approved by \(approver.label). That user is a member of one of the teams this manual intervention requires. You can view that deployment \(link)"
        case .currentUser, .none:
            return "Auto-approving this deployment. The plan was approved by \(approver.label) with Conductor, who is a member of one of the teams this manual intervention requires."
        }
    }
}

extension OctopusClient {
    /// The same connection and transport, bound to another space.
    func inSpace(_ space: SpaceID) -> OctopusClient {
        OctopusClient(connection: connection, spaceID: space, transport: transport)
    }
}
