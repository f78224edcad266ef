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
}

extension PromotionEngine {
    /// `approve`: collects approvers and binds them to the plan's children and releases (§5.29–§5.30).
    ///
    /// With a parent project and release in the options, the approvers are the users who proceeded the manual
    /// interventions of the parent release's latest successful deployment to the approval environment (default: the
    /// destination's name), found in the parent's own space (departure B8). Otherwise, or with `asCurrentUser`, the
    /// approver is the API key's user with their teams.
    ///
    /// Departure B16: approvers are read from the parent task's interruptions — only manual interventions submitted
    /// with `Proceed` count; guided-failure answers and aborts do not (the template counted every "Submitted
    /// interruption" event).
    ///
    /// Requests, parent: 1 (parent space, only when it is another one) + 1 (project) + 1 (release) + 1 (approval
    /// environment) + 1 (the release's deployments) + 1 (their tasks, in one batch) + 1 (interruptions of the chosen
    /// task) + 2 per approver (user, team memberships). As me: 2.
    public func approve(_ plan: PromotionPlan, asCurrentUser: Bool = false) async throws -> PromotionPlan {
        var plan = plan
        let options = plan.options
        let source: ApprovalSource
        var approvers: [Approver] = []
        if asCurrentUser || options.parentProject == nil {
            let me = try await client.currentUser()
            let teams = try await client.teamMemberships(ofUser: me.id).map(\.teamId)
            approvers = [Approver(userId: me.id, username: me.username, teamIds: teams)]
            source = .currentUser
        } else {
            (source, approvers) = try await parentApprovers(options: options, destinationName: plan.destination.name, tenant: plan.tenant)
        }
        var bound: [ProjectID: ReleaseReference] = [:]
        for child in plan.children where child.willDeploy {
            if let release = child.release { bound[child.project.id] = release }
        }
        plan.approvals = ApprovalSet(source: source, approvers: approvers, approvedReleases: bound, approvedAt: clock.now())
        plan.step = max(plan.step, .approved)
        return plan
    }

    private func parentApprovers(
        options: PromotionOptions, destinationName: String, tenant: NamedReference<TenantID>?
    ) async throws -> (ApprovalSource, [Approver]) {
        let parent = try await parentClient(options)
        let projectName = options.parentProject ?? ""
        let version = options.parentRelease ?? ""
        let environmentName = options.approvalEnvironment ?? destinationName
        guard let project = try await parent.project(named: projectName) else {
            throw OrchestrationError.notFound(kind: "parent project", name: projectName, suggestions: NameSuggestions.closest(to: projectName, among: try await parent.allProjects().map(\.name)))
        }
        guard let release = try await parent.release(project: project.id, version: version) else {
            throw OrchestrationError.notFound(kind: "release of \(project.name)", name: version, suggestions: [])
        }
        guard let environment = try await parent.environment(named: environmentName) else {
            throw OrchestrationError.notFound(kind: "approval environment", name: environmentName, suggestions: NameSuggestions.closest(to: environmentName, among: try await parent.allEnvironments().map(\.name)))
        }
        // §5.29: the approval tenant's deployments, or untenanted ones.
        let approvalTenant = try await approvalTenant(options.approvalTenant, deploymentTenant: tenant, parent: parent)
        let deployments = try await parent.releaseDeployments(release.id).all().filter { deployment in
            deployment.environmentId == environment.id
                && (approvalTenant == nil || deployment.tenantId == nil || deployment.tenantId == approvalTenant)
        }
        let tasks = try await parent.tasks(ids: deployments.compactMap(\.taskId))
        guard let task = tasks.filter({ $0.isCompleted && $0.finishedSuccessfully })
            .max(by: { ($0.startTime ?? .distantPast) < ($1.startTime ?? .distantPast) }) else {
            throw OrchestrationError.noApprovalDeployment(project: project.name, release: version, environment: environment.name)
        }
        let interruptions = try await parent.interruptions(regarding: task.id.rawValue).all()
            .filter(\.isProceededManualIntervention)
            .sorted { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) }
        var seen = Set<UserID>()
        let userIds = interruptions.compactMap(\.responsibleUserId).filter { seen.insert($0).inserted }
        let approvers = try await userIds.concurrentMap(limit: concurrency) { id in
            async let user = self.client.user(id)
            async let memberships = self.client.teamMemberships(ofUser: id)
            return Approver(userId: id, username: try await user.username, teamIds: try await memberships.map(\.teamId))
        }
        let link = "\(client.connection.serverRoot.absoluteString)/app#/\(parent.spaceID.rawValue)/tasks/\(task.id.rawValue)"
        let source = ApprovalSource.parentDeployment(
            project: project.name, release: version, environment: environment.name, taskId: task.id, spaceId: parent.spaceID, webLink: link)
        return (source, approvers)
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
            return "Auto-approving this deployment. Parent project \(project) release \(release) to \(environment) with the task id \(taskId.rawValue) was approved by \(approver.username). That user is a member of one of the teams this manual intervention requires. You can view that deployment \(link)"
        case .currentUser:
            return "Auto-approving this deployment. The plan was approved by \(approver.username) with Conductor, who is a member of one of the teams this manual intervention requires."
        }
    }
}

extension OctopusClient {
    /// The same connection and transport, bound to another space.
    func inSpace(_ space: SpaceID) -> OctopusClient {
        OctopusClient(connection: connection, spaceID: space, transport: transport)
    }
}
