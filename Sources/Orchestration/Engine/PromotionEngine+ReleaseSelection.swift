import Foundation
import OctopusClient
import OctopusModel

/// The outcome of release selection for one child.
struct ReleaseSelection: Sendable {
    var release: Release?
    var currentReleaseId: ReleaseID?
    var currentVersion: String?
    var snapshotIsStale: Bool?
    /// Whether the channel strategy was used (first phase, AlwaysLatest, or the fallback).
    var usedChannel = false
}

extension PromotionEngine {
    /// §5.13: the deployment strategy ("last successful deployment in the source environments"), the channel
    /// strategy ("newest release in the channel") and the fallback between them; §5.16 on the way.
    func selectRelease(
        child: ResolvedChild, walk: SourceEnvironments, sourceIds: [EnvironmentID], options: PromotionOptions,
        lookups: RunLookups, tenant: Tenant?, log: inout ChildLog
    ) async throws -> ReleaseSelection {
        let destination = lookups.destination
        // AlwaysLatest ignores whether the release is current, so it is not looked up (§7.3).
        let needsCurrent = options.mode != .alwaysLatest
        var selection = ReleaseSelection()

        if options.mode != .alwaysLatest && !walk.isFirstPhase {
            selection = try await selectFromDeployments(
                child: child, sourceIds: sourceIds, options: options, lookups: lookups, tenant: tenant, needsCurrent: needsCurrent, log: &log)
            if selection.release == nil && !walk.hasRequiredPhase {
                // B5/B6: say why the channel is searched, truthfully.
                let why = switch walk.reason {
                case .destinationItself: "\(child.project.name) has no successful deployment in \(destination.name) in channel \(child.channel.name)"
                case .explicit: "no successful deployment in the given source environment qualified"
                default: "every phase before \(destination.name) is optional and none has a qualifying deployment"
                }
                log.info("\(why.prefix(1).uppercased() + why.dropFirst()); looking for the newest release in channel \(child.channel.name) instead.")
                let fromChannel = try await selectFromChannel(child: child, options: options, destination: destination, tenant: tenant, log: &log)
                selection.release = fromChannel.release
                selection.snapshotIsStale = fromChannel.snapshotIsStale
                selection.usedChannel = true
            }
        } else {
            if options.mode == .alwaysLatest {
                // B4: the pattern is applied in this mode, and the message says so.
                log.info("AlwaysLatest mode: the newest release in channel \(child.channel.name) matching \(options.releasePattern) that may be deployed to \(destination.name) is used, even when it is already there.")
            }
            selection = try await selectFromChannel(child: child, options: options, destination: destination, tenant: tenant, log: &log)
            selection.usedChannel = true
            if needsCurrent {
                selection.currentReleaseId = try await currentRelease(child: child, destination: destination, tenant: tenant?.id)
            }
        }
        if let current = selection.currentReleaseId, selection.currentVersion == nil {
            selection.currentVersion = current == selection.release?.id ? selection.release?.version : nil
        }
        return selection
    }

    /// The deployment strategy of §5.13.2, without its N+1: one list of the project's successful deployments to the
    /// source environments and the destination (newest first), the candidate releases in one batch, and a deployment
    /// template only for candidates that match the pattern, until one may go to the destination.
    private func selectFromDeployments(
        child: ResolvedChild, sourceIds: [EnvironmentID], options: PromotionOptions, lookups: RunLookups,
        tenant: Tenant?, needsCurrent: Bool, log: inout ChildLog
    ) async throws -> ReleaseSelection {
        let destination = lookups.destination
        // §5.13.2 step 1; the destination's current release is always the tenant's. When the two filters differ the
        // destination is asked for on its own.
        let sourceTenant = Self.filtersSourcesByTenant(tenant, project: child.project.id, sourceIds: sourceIds, mode: options.mode) ? tenant?.id : nil
        let combined = sourceTenant == tenant?.id
        if let tenant, sourceTenant == nil {
            log.info("The tenant \(tenant.name) is not connected to \(child.project.name) in the source environment(s); the latest release there is used regardless of tenant.")
        }
        let environments = sourceIds.contains(destination.id) || !needsCurrent || !combined ? sourceIds : sourceIds + [destination.id]
        var selection = ReleaseSelection()
        var currentFound = !needsCurrent || !combined
        var seen = Set<ReleaseID>()
        var pageLog = log
        var exhausted = false
        var read = 0

        try await client.deployments(
            projects: [child.project.id], environments: environments, tenants: sourceTenant.map { [$0] } ?? [], taskState: .success
        ).forEachPage { page in
            read += page.items.count
            // The last page: a destination not seen by now has no successful deployment at all.
            if page.nextPageLink == nil && read >= page.totalResults { exhausted = true }
            var candidates: [ReleaseID] = []
            for deployment in page.items {
                if !currentFound, deployment.environmentId == destination.id {
                    selection.currentReleaseId = deployment.releaseId
                    currentFound = true
                }
                guard selection.release == nil, sourceIds.contains(deployment.environmentId) else { continue }
                guard deployment.channelId == child.channel.id else {
                    continue  // another channel's deployment (the template logged one line per such task)
                }
                if seen.insert(deployment.releaseId).inserted { candidates.append(deployment.releaseId) }
            }
            if selection.release == nil, !candidates.isEmpty {
                let wanted = candidates + (selection.currentReleaseId.map { [$0] } ?? [])
                let releases = try await client.releases(ids: wanted).all()
                let byId = Dictionary(releases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                if let current = selection.currentReleaseId { selection.currentVersion = byId[current]?.version }
                for id in candidates {
                    guard let release = byId[id] else { continue }
                    if options.mode == .redeploy {
                        pageLog.info("Redeploy mode: \(release.version) is the last successful deployment in channel \(child.channel.name); using it.")
                        selection.release = release
                        break
                    }
                    guard options.releasePattern.matches(release.version) else {
                        pageLog.info("The release \(release.version) does not match \(options.releasePattern.text); trying the next one.")
                        continue
                    }
                    let template = try await client.deploymentTemplate(release: release.id)
                    if Self.canPromote(template, to: destination.id, tenant: tenant?.id) {
                        pageLog.info("The release \(release.version) can be deployed to \(destination.name).")
                        selection.release = release
                        selection.snapshotIsStale = template.isVariableSetModified || template.isLibraryVariableSetModified
                        break
                    }
                    pageLog.info("The release \(release.version) cannot be deployed to \(destination.name) yet; trying the next one.")
                }
            }
            return selection.release == nil || !currentFound
        }
        log = pageLog
        // The current release was not among the pages read before the selection: ask for it directly (1 request).
        if needsCurrent, !combined || (!currentFound && !exhausted) {
            selection.currentReleaseId = try await currentRelease(child: child, destination: destination, tenant: tenant?.id)
        }
        return selection
    }

    /// The channel strategy of §5.13.5: the channel's releases newest first, pre-filtered on the server by the
    /// pattern's literal prefix (B7), the first that matches and may go to the destination. Pages until found.
    private func selectFromChannel(
        child: ResolvedChild, options: PromotionOptions, destination: DeploymentEnvironment, tenant: Tenant?, log: inout ChildLog
    ) async throws -> ReleaseSelection {
        var selection = ReleaseSelection()
        var pageLog = log
        let prefix = options.releasePattern.serverSearchPrefix
        if let prefix {
            pageLog.info("Asking the server for releases of channel \(child.channel.name) containing '\(prefix)', then matching \(options.releasePattern.text).")
        }
        selection.release = try await client.channelReleases(child.channel.id, searchByVersion: prefix).first { release in
            guard options.releasePattern.matches(release.version) else { return false }
            let template = try await client.deploymentTemplate(release: release.id)
            guard Self.canPromote(template, to: destination.id, tenant: tenant?.id) else {
                pageLog.info("The release \(release.version) cannot be deployed to \(destination.name) yet; trying the next one.")
                return false
            }
            selection.snapshotIsStale = template.isVariableSetModified || template.isLibraryVariableSetModified
            return true
        }
        log = pageLog
        return selection
    }

    /// The release of the latest successful deployment to the destination (for the tenant, when one is in play):
    /// 1 request.
    private func currentRelease(child: ResolvedChild, destination: DeploymentEnvironment, tenant: TenantID?) async throws -> ReleaseID? {
        try await client.deployments(
            projects: [child.project.id], environments: [destination.id], tenants: tenant.map { [$0] } ?? [], taskState: .success
        ).pageSize(1).first()?.releaseId
    }
}
