import Foundation
import OctopusClient
import OctopusModel

/// A child's project and channel, resolved before the lifecycles are fetched.
struct ResolvedChild: Sendable {
    let stage: Int
    let project: Project
    let channel: Channel
    var lifecycleId: LifecycleID { channel.lifecycleId ?? project.lifecycleId }
}

extension PromotionEngine {
    /// `find`: for every child, the release to promote and whether it would deploy or be skipped (§5.5–§5.16, §5.25.1).
    ///
    /// Each child runs its own chain of lookups as soon as the shared ones are in (at most `concurrency` children at
    /// once), instead of every child waiting for the others at each step.
    ///
    /// Requests: 3 shared (environments, projects, channels of the space) + 1 per distinct lifecycle (preview) + per
    /// child 1 (the latest successful deployments to the source environments and the destination, a short first page)
    /// + 1 (the candidate releases, in one batch) + 1 (the first matching candidate's deployment template); 1 more when
    /// the destination's current release is not on that page; when the first matching candidate may not go to the
    /// destination, 1 (the project's progression) + at most 2 templates, whatever the history (see docs/promotion.md).
    /// - Throws: `OrchestrationError` for a missing project, environment or channel, a destination outside the
    ///   lifecycle, or no release with not-found handling `Error`; `OctopusClientError` for failed requests.
    public func find(_ options: PromotionOptions) async throws -> PromotionPlan {
        try options.validate()
        let startedAt = clock.now()
        let lookups = try await RunLookups.load(options, client: client)
        let children = try await Self.entries(options).pipelined(limit: concurrency) { stage, name in
            try await self.findChild(stage: stage, name: name, options: options, lookups: lookups)
        }
        return makePlan(options, lookups: lookups, children: children, startedAt: startedAt)
    }

    /// The children in plan order with their stage numbers.
    static func entries(_ options: PromotionOptions) -> [(Int, String)] {
        options.application.stages.enumerated().flatMap { stage, names in names.map { (stage, $0) } }
    }

    /// A found plan of these children. `startedAt` is when find began, before it read anything: a deployment that
    /// succeeds while find runs may be missed by find's reads, so deploy's server check counts successes from then.
    func makePlan(_ options: PromotionOptions, lookups: RunLookups, children: [ChildPlan], startedAt: Date) -> PromotionPlan {
        var plan = PromotionPlan(
            createdAt: startedAt, options: options, spaceId: client.spaceID,
            destination: NamedReference(id: lookups.destination.id, name: lookups.destination.name), children: children)
        plan.tenant = lookups.tenant.map { NamedReference(id: $0.id, name: $0.name) }
        return plan
    }

    /// One child's chain: project and channel (step 0), lifecycle (step 1), release (step 2).
    func findChild(stage: Int, name: String, options: PromotionOptions, lookups: RunLookups) async throws -> ChildPlan {
        let child = try await childStep(0) {
            try resolveChannel(project: try lookups.project(named: name), stage: stage, options: options, lookups: lookups)
        }
        let lifecycle = try await childStep(1) { try await lookups.lifecycle(child.lifecycleId, client: client) }
        return try await childStep(2) { try await findChild(child, lifecycle: lifecycle, options: options, lookups: lookups) }
    }

    /// The channel of §5.10: the named one, or the project's default (from the space's channels, read once per run).
    func resolveChannel(project: Project, stage: Int, options: PromotionOptions, lookups: RunLookups) throws -> ResolvedChild {
        let channels = lookups.channels(of: project.id)
        let wanted = options.channel?.trimmingCharacters(in: .whitespaces)
        let channel = if let wanted, !wanted.isEmpty {
            channels.first { $0.name.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(wanted) == .orderedSame }
        } else {
            channels.first(where: \.isDefault)
        }
        guard let channel else {
            throw OrchestrationError.channelNotFound(project: project.name, channel: wanted.flatMap { $0.isEmpty ? nil : $0 }, available: channels.map(\.name))
        }
        return ResolvedChild(stage: stage, project: project, channel: channel)
    }

    /// One child, §5.6 and §5.11–§5.16.
    func findChild(_ child: ResolvedChild, lifecycle: Lifecycle?, options: PromotionOptions, lookups: RunLookups) async throws -> ChildPlan {
        var log = ChildLog()
        let project = child.project
        let destination = lookups.destination
        var row = ChildPlan(
            stage: child.stage, project: NamedReference(id: project.id, name: project.name), projectSlug: project.slug,
            channel: NamedReference(id: child.channel.id, name: child.channel.name), action: .deploy, outputs: .noRelease)
        row.useGuidedFailure = switch project.defaultGuidedFailureMode {
        case .on: true
        case .environmentDefault: destination.useGuidedFailure
        default: false
        }

        // §5.6 (departure B11: the outputs are set, to N/A, instead of left undefined).
        if options.mode == .promote, let source = lookups.source, source.id == destination.id {
            log.highlight("The source and destination environments are both \(destination.name); a release cannot be promoted from an environment to itself. Use the Redeploy mode to deploy the current release again.")
            row.action = .skip(.sourceIsDestination)
            row.outputs = PromotionOutputs(releaseToPromote: "N/A", releaseNotes: "The source and destination environments are the same.", childReleaseToDeploy: false)
            row.messages = log.messages
            return row
        }

        // §5.9: an untenanted project drops the tenant; one not connected to the project or destination is skipped.
        var tenant: Tenant?
        switch try tenancy(of: project, tenant: lookups.tenant, destination: destination, log: &log) {
        case .notConnected:
            row.action = .skip(.tenantNotConnected)
            row.outputs = .noRelease
            row.messages = log.messages
            return row
        case .tenant(let connected):
            tenant = connected
            row.tenant = NamedReference(id: connected.id, name: connected.name)
        case .untenanted:
            break
        }

        let phases = (lifecycle?.phases ?? []).map {
            LifecyclePhase(name: $0.name, automaticEnvironmentIds: $0.automaticDeploymentTargets.map(\.rawValue),
                           optionalEnvironmentIds: $0.optionalDeploymentTargets.map(\.rawValue), isOptional: $0.isOptionalPhase)
        }
        guard let walk = LifecycleWalk.sources(phases: phases, destinationId: destination.id.rawValue, mode: options.mode, explicitSourceId: lookups.source?.id.rawValue) else {
            throw OrchestrationError.destinationNotInLifecycle(project: project.name, environment: destination.name, lifecycle: lifecycle?.name ?? child.lifecycleId.rawValue)
        }
        let sourceIds = walk.environmentIds.map { EnvironmentID($0) }
        row.sourceEnvironments = lookups.environmentReferences(sourceIds)
        let sourceNames = row.sourceEnvironments.map(\.name).joined(separator: ", ")
        switch walk.reason {
        case .destinationItself:
            log.info("\(options.mode.rawValue) mode: the release is taken from the destination \(destination.name) itself.")
        case .firstPhase:
            log.info("\(destination.name) is in the first phase of the lifecycle; the newest release in channel \(child.channel.name) that matches \(options.releasePattern) is used.")
        case .explicit:
            log.info("The source environment \(sourceNames) was given; it is used instead of the lifecycle's previous phase.")
        case .previousPhases(let names):
            log.info("Promoting from the phase(s) \(names.joined(separator: ", ")) before \(destination.name): \(sourceNames).")
        }

        let selection = try await selectRelease(
            child: child, walk: walk, sourceIds: sourceIds, options: options, lookups: lookups, tenant: tenant, log: &log)
        row.currentReleaseId = selection.currentReleaseId
        row.currentVersion = selection.currentVersion
        row.snapshotIsStale = selection.snapshotIsStale

        guard let release = selection.release else {
            let searched: OrchestrationError.ReleaseSearch = walk.isFirstPhase || options.mode == .alwaysLatest || selection.usedChannel
                ? .channel(child.channel.name) : .environments(row.sourceEnvironments.map(\.name))
            let notFound = OrchestrationError.noReleaseFound(
                project: project.name, searched: searched,
                pattern: options.releasePattern.isBlank ? nil : options.releasePattern.text, destination: destination.name)
            let message = notFound.description
            switch options.notFound {
            case .error:
                throw notFound
            case .warning:
                log.warning(message)  // B10: a real warning
            case .skip:
                log.info(message)
            }
            row.action = .skip(.noRelease)
            row.outputs = .noRelease
            row.messages = log.messages
            return row
        }
        row.release = ReleaseReference(id: release.id, version: release.version, created: release.assembled)
        row.releaseFacts = ReleaseFacts(release)

        // §5.16 and §5.25.1: only Promote skips a release that is already the current one.
        if options.mode == .promote, selection.currentReleaseId == release.id {
            log.highlight("Release \(release.version) is the most recent version deployed to \(destination.name). The deployment mode is Promote; to deploy it again use Redeploy. Skipping \(project.name).")
            row.action = .skip(.alreadyCurrent)
            row.outputs = .alreadyCurrent(release.version)
        } else {
            let current = selection.currentVersion.map { " (\(destination.name) has \($0))" } ?? ""
            log.highlight("\(project.name) \(release.version) will be deployed to \(destination.name)\(current).")
            row.outputs = .deploying(release.version, notes: "")
        }
        row.messages = log.messages
        return row
    }
}
