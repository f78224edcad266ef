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

    /// Takes the release a candidate search found (none: no release).
    mutating func take(_ found: CandidateSearch.Found?) {
        release = found?.release
        snapshotIsStale = found?.snapshotIsStale
    }
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

    /// The deployment strategy of §5.13.2, without its N+1 and with a cost that does not grow with the history: one
    /// short page of the project's successful deployments to the source environments and the destination (newest
    /// first), the candidate releases of that page in one batch, and the deployment template of the first candidate
    /// that matches the pattern. When that one may not go to the destination (or the page holds none), the project's
    /// progression decides in one request which of its newest releases may, and at most two templates confirm it
    /// (`ProgressionCandidates`).
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

        // All of the list on one page: a destination not seen on it has no successful deployment at all.
        let (deployments, exhausted) = try await client.deployments(
            projects: [child.project.id], environments: environments, tenants: sourceTenant.map { [$0] } ?? [], taskState: .success
        ).reading(DeploymentSummary.self).pageSize(Self.firstPageSize).firstPage()
        var currentFound = !needsCurrent || !combined
        var candidates: [ReleaseID] = []
        for deployment in deployments {
            if !currentFound, deployment.environmentId == destination.id {
                selection.currentReleaseId = deployment.releaseId
                currentFound = true
            }
            // Another channel's deployment is passed over (the template logged one line per such task).
            guard sourceIds.contains(deployment.environmentId), deployment.channelId == child.channel.id else { continue }
            if !candidates.contains(deployment.releaseId) { candidates.append(deployment.releaseId) }
        }
        // The current release was not on the page: ask for it directly (1 request), before the batch names its version.
        if needsCurrent, !combined || (!currentFound && !exhausted) {
            selection.currentReleaseId = try await currentRelease(child: child, destination: destination, tenant: tenant?.id)
        }
        guard !candidates.isEmpty || !exhausted else { return selection }

        // A blank pattern takes the first candidate whatever its version, so its template is read next: asked for
        // together with the release batch it saves a round trip per child at no extra request (Redeploy reads none).
        let readsFirstTemplate = options.mode != .redeploy && options.releasePattern.isBlank
        async let firstTemplate = templateAhead(of: readsFirstTemplate ? candidates.first : nil)
        // Then the first candidate decides (Redeploy takes it as it is): only it and the current release are read now;
        // should it not go on, the progression reads the few others it still needs (issue 10: a tenth of the bytes).
        let firstDecides = readsFirstTemplate || options.mode == .redeploy
        var releases: [ReleaseID: Release] = [:]
        let wanted = (firstDecides ? Array(candidates.prefix(1)) : candidates) + (selection.currentReleaseId.map { [$0] } ?? [])
        if !candidates.isEmpty {
            releases = Dictionary(try await client.releases(ids: wanted).all().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        if let current = selection.currentReleaseId { selection.currentVersion = releases[current]?.version }
        if options.mode == .redeploy, let first = candidates.first, let release = releases[first] {
            log.info("Redeploy mode: \(release.version) is the last successful deployment in channel \(child.channel.name); using it.")
            selection.release = release
            return selection
        }
        var search = CandidateSearch(
            engine: self, destination: destination, tenant: tenant?.id, pattern: options.releasePattern, child: child, logsMismatches: true)
        search.ahead = await firstTemplate
        for id in candidates {
            guard let release = releases[id] else { continue }
            guard search.templatesRead == 0 else { break }  // past the first template, the progression decides
            if let found = try await search.consider(release, log: &log) {
                selection.take(found)
                return selection
            }
        }
        if search.templatesRead == 0 && exhausted { return selection }
        // The first candidate may not go to the destination, or the page held none: the progression decides.
        switch try await search.fromProgression(
            mode: options.mode, order: .latestSuccess(in: sourceIds), extra: candidates, known: releases, log: &log) {
        case .found(let found):
            selection.take(found)
        case .none:
            break
        case .unsupported:
            // An older server: every page, a template per matching candidate (the cost grows with the history).
            var seen = Set(candidates)
            try await client.deployments(
                projects: [child.project.id], environments: sourceIds, tenants: sourceTenant.map { [$0] } ?? [], taskState: .success
            ).reading(DeploymentSummary.self).forEachPage { page in
                let ids = page.items.filter { $0.channelId == child.channel.id && seen.insert($0.releaseId).inserted }.map(\.releaseId)
                guard !ids.isEmpty else { return true }
                for release in try await client.releases(ids: ids).all() {
                    if let found = try await search.consider(release, log: &log) {
                        selection.take(found)
                        return false
                    }
                }
                return true
            }
        }
        return selection
    }

    /// The channel strategy of §5.13.5: the channel's releases newest first (a short first page), pre-filtered on the
    /// server by the pattern's literal prefix (B7), the first that matches and may go to the destination; past the
    /// first template the project's progression decides, as for the deployment strategy.
    private func selectFromChannel(
        child: ResolvedChild, options: PromotionOptions, destination: DeploymentEnvironment, tenant: Tenant?, log: inout ChildLog
    ) async throws -> ReleaseSelection {
        var selection = ReleaseSelection()
        let prefix = options.releasePattern.serverSearchPrefix
        if let prefix {
            log.info("Asking the server for releases of channel \(child.channel.name) containing '\(prefix)', then matching \(options.releasePattern.text).")
        }
        let (releases, exhausted) = try await client.channelReleases(child.channel.id, searchByVersion: prefix)
            .pageSize(Self.firstPageSize).firstPage()
        var search = CandidateSearch(
            engine: self, destination: destination, tenant: tenant?.id, pattern: options.releasePattern, child: child, logsMismatches: false)
        for release in releases {
            guard search.templatesRead == 0 else { break }
            if let found = try await search.consider(release, log: &log) {
                selection.take(found)
                return selection
            }
        }
        if search.templatesRead == 0 && exhausted { return selection }
        switch try await search.fromProgression(mode: .promote, order: .newestRelease(containing: prefix), extra: releases.map(\.id),
            known: Dictionary(releases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }), log: &log) {
        case .found(let found):
            selection.take(found)
        case .none:
            break
        case .unsupported:
            // An older server: every page of the channel, a template per matching release.
            let seen = Set(releases.map(\.id))
            var found: CandidateSearch.Found?
            _ = try await client.channelReleases(child.channel.id, searchByVersion: prefix).first { release in
                guard !seen.contains(release.id) else { return false }
                found = try await search.consider(release, log: &log)
                return found != nil
            }
            selection.take(found)
        }
        return selection
    }

    /// The first page of a search: the first items decide in nearly every promotion (the newest deployment or release
    /// qualifies), so the page is short; past it the progression answers in one request.
    static let firstPageSize = 10

    /// The release of the latest successful deployment to the destination (for the tenant, when one is in play):
    /// 1 request.
    private func currentRelease(child: ResolvedChild, destination: DeploymentEnvironment, tenant: TenantID?) async throws -> ReleaseID? {
        try await client.deployments(
            projects: [child.project.id], environments: [destination.id], tenants: tenant.map { [$0] } ?? [], taskState: .success
        ).reading(DeploymentSummary.self).pageSize(1).first()?.releaseId
    }
}
