import Foundation
import GRDB
import OctopusModel

extension Database {
    /// A deployment as the dashboard and progression show it.
    func dashboardItem(_ deployment: Deployment, version: String? = nil, now: Date) throws -> DashboardItem {
        let task = try deployment.taskId.flatMap { try document(ServerTask.self, id: $0.rawValue) }
        let releaseVersion = try version
            ?? String.fetchOne(self, sql: "SELECT version FROM releases WHERE id = ?", arguments: [deployment.releaseId.rawValue])
            ?? ""
        return Self.dashboardItem(deployment, task: task, version: releaseVersion, now: now)
    }

    /// A deployment as the dashboard shows it, from documents already loaded.
    static func dashboardItem(_ deployment: Deployment, task: ServerTask?, version releaseVersion: String, now: Date) -> DashboardItem {
        let task = task?.refreshed(now: now)
        let space = deployment.spaceId?.rawValue ?? ""
        return DashboardItem(
            id: deployment.id, projectId: deployment.projectId, environmentId: deployment.environmentId,
            releaseId: deployment.releaseId, deploymentId: deployment.id, taskId: deployment.taskId ?? "",
            tenantId: deployment.tenantId, channelId: deployment.channelId, releaseVersion: releaseVersion,
            created: deployment.created, queueTime: task?.queueTime, startTime: task?.startTime, completedTime: task?.completedTime,
            state: task?.state ?? .queued, hasPendingInterruptions: task?.hasPendingInterruptions ?? false,
            hasWarningsOrErrors: task?.hasWarningsOrErrors ?? false, errorMessage: task?.errorMessage ?? "",
            duration: task?.duration, isCurrent: task?.state == .success, isPrevious: false,
            isCompleted: task?.isCompleted ?? false, pendingInterruptionTypes: task?.pendingInterruptionTypes ?? [],
            links: [
                "Self": "/api/\(space)/deployments/\(deployment.id)", "Release": "/api/\(space)/releases/\(deployment.releaseId)",
                "Task": "/api/tasks/\(deployment.taskId?.rawValue ?? "")",
            ])
    }

    /// `GET /releases/{id}/progression`: each lifecycle phase's progress and deployments.
    func lifecycleProgression(of release: Release) throws -> LifecycleProgression {
        let promotion = try promotion(of: release)
        let deployments = try documents(Deployment.self, DocumentQuery([.equals("releaseId", release.id.databaseValue)]))
        let phases = try promotion.phases.map { state in
            let inPhase = deployments.filter { state.environments.contains($0.environmentId) }
            let items = try inPhase.map { deployment in
                PhaseDeployment(
                    task: try deployment.taskId.flatMap { try document(ServerTask.self, id: $0.rawValue) } ?? ServerTask(),
                    deployment: deployment)
            }
            return PhaseProgression(
                id: state.phase.id, name: state.phase.name, blocked: false, progress: state.progress, deployments: items,
                automaticDeploymentTargets: state.phase.automaticDeploymentTargets,
                optionalDeploymentTargets: state.environments.filter { !state.phase.automaticDeploymentTargets.contains($0) },
                minimumEnvironmentsBeforePromotion: state.phase.minimumEnvironmentsBeforePromotion,
                isOptionalPhase: state.phase.isOptionalPhase)
        }
        return LifecycleProgression(
            phases: phases, nextDeployments: promotion.next, nextDeploymentsMinimumRequired: promotion.nextMinimumRequired,
            links: ["Self": "/api/\(release.spaceId)/releases/\(release.id)/progression"])
    }

    /// `GET /progression/{projectId}`: the newest releases with their latest deployment per environment.
    func projectProgression(of project: Project, releaseHistoryCount: Int, now: Date) throws -> ProjectProgression {
        let catalogue = LifecycleRules.ordered(
            try documents(DeploymentEnvironment.self, DocumentQuery([.equals("spaceId", project.spaceId.databaseValue)])))
        let names = Dictionary(catalogue.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let channels = try documents(Channel.self, DocumentQuery([.equals("projectId", project.id.databaseValue)], order: .name))
        func environments(of lifecycleID: LifecycleID) throws -> [ReferenceDataItem] {
            guard let lifecycle = try document(Lifecycle.self, id: lifecycleID.rawValue) else { return [] }
            let phases = LifecycleRules.effectivePhases(of: lifecycle, environments: catalogue)
            return LifecycleRules.environments(of: phases, catalogue: catalogue)
                .map { ReferenceDataItem(id: $0.rawValue, name: names[$0] ?? $0.rawValue) }
        }
        var channelEnvironments: [String: [ReferenceDataItem]] = [:]
        var all: [ReferenceDataItem] = []
        for channel in channels {
            let list = try environments(of: channel.lifecycleId ?? project.lifecycleId)
            channelEnvironments[channel.id.rawValue] = list
            for item in list where !all.contains(where: { $0.id == item.id }) { all.append(item) }
        }
        all.sort { a, b in
            (catalogue.firstIndex { $0.id.rawValue == a.id } ?? 0) < (catalogue.firstIndex { $0.id.rawValue == b.id } ?? 0)
        }
        let releases = try documents(
            Release.self, DocumentQuery([.equals("projectId", project.id.databaseValue)]), skip: 0, take: releaseHistoryCount)
        // Two statements for all the releases (their latest deployment per environment, and where each succeeded)
        // instead of a query per release and environment.
        let latest = try latestDeployments(ofReleases: releases.map(\.id), now: now)
        let successful = try successfulEnvironments(ofReleases: releases.map(\.id))
        let shown = Set(all.map(\.id))
        // Phases depend only on the channel: evaluate them once per channel, not per release.
        var phasesByChannel: [ChannelID: (phases: [Phase], catalogue: [DeploymentEnvironment])] = [:]
        let progressions = try releases.map { release in
            var byEnvironment: [String: [DashboardItem]] = [:]
            for item in latest[release.id] ?? [] where shown.contains(item.environmentId.rawValue) {
                var item = item
                item.releaseVersion = release.version
                byEnvironment[item.environmentId.rawValue, default: []].append(item)
            }
            let resolved = try phasesByChannel[release.channelId] ?? effectivePhases(of: release)
            phasesByChannel[release.channelId] = resolved
            return ReleaseProgression(
                release: release, channel: channels.first { $0.id == release.channelId }, deployments: byEnvironment,
                nextDeployments: ReleasePromotion(
                    phases: resolved.phases, catalogue: resolved.catalogue, successful: successful[release.id] ?? []
                ).next)
        }
        return ProjectProgression(
            environments: all, channelEnvironments: channelEnvironments, releases: progressions,
            links: ["Self": "/api/\(project.spaceId)/progression/\(project.id)"])
    }

    /// The latest deployment of each release to each environment for each tenant (untenanted counts as one), with
    /// its task's shown fields, in one statement; per environment the untenanted one first, then newest first.
    private func latestDeployments(ofReleases releases: [ReleaseID], now: Date) throws -> [ReleaseID: [DashboardItem]] {
        guard !releases.isEmpty else { return [:] }
        let list = Array(repeating: "?", count: releases.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            self,
            sql: """
                SELECT \(DashboardItemColumns.select)
                FROM deployments d LEFT JOIN tasks t ON t.id = d.taskId
                WHERE d.ordinal IN (
                  SELECT MAX(x.ordinal) FROM deployments x WHERE x.releaseId IN (\(list))
                  GROUP BY x.releaseId, x.environmentId, x.tenantId)
                ORDER BY d.tenantId IS NOT NULL, d.ordinal DESC
                """,
            arguments: StatementArguments(releases.map(\.rawValue)))
        var items: [ReleaseID: [DashboardItem]] = [:]
        for row in rows {
            let item = try DashboardItemColumns.item(row, version: "", now: now)
            items[item.releaseId, default: []].append(item)
        }
        return items
    }

    /// Where each release has a successful deployment (any tenant), in one statement.
    private func successfulEnvironments(ofReleases releases: [ReleaseID]) throws -> [ReleaseID: Set<EnvironmentID>] {
        guard !releases.isEmpty else { return [:] }
        let list = Array(repeating: "?", count: releases.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            self,
            sql: """
                SELECT DISTINCT d.releaseId AS release, d.environmentId AS environment
                FROM deployments d JOIN tasks t ON t.id = d.taskId
                WHERE d.releaseId IN (\(list)) AND t.state = 'Success'
                """,
            arguments: StatementArguments(releases.map(\.rawValue)))
        var environments: [ReleaseID: Set<EnvironmentID>] = [:]
        for row in rows {
            environments[ReleaseID(rawValue: row["release"]), default: []].insert(EnvironmentID(rawValue: row["environment"]))
        }
        return environments
    }

    /// `GET /dashboard`: the latest deployment per project, environment and tenant (untenanted counts as one tenant),
    /// as Octopus's dashboard items carry `TenantId`; `Tenants` lists the tenants those items name.
    func dashboard(space: SpaceID, projects projectFilter: [String]?, environments environmentFilter: [String]?, includePrevious: Bool, now: Date) throws -> Dashboard {
        var projectQuery = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .name)
        projectQuery.add("id", oneOf: projectFilter)
        let projects = try documents(Project.self, projectQuery)
        var environmentQuery = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .column("sortOrder", descending: false))
        environmentQuery.add("id", oneOf: environmentFilter)
        let environments = try documents(DeploymentEnvironment.self, environmentQuery)
        let groups = try documents(ProjectGroup.self, DocumentQuery([.equals("spaceId", space.databaseValue)], order: .name))
        let environmentIDs = environments.map(\.id)
        let shown = try shownDeployments(
            space: space, projects: projects.map(\.id), environments: environmentIDs, includePrevious: includePrevious, now: now)
        let items = shown.current
        var previous = shown.previous
        for index in previous.indices {
            previous[index].isPrevious = true
            previous[index].isCurrent = false
        }
        let tenantIDs = Set((items + previous).compactMap(\.tenantId))
        var tenantQuery = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .name)
        tenantQuery.add("id", oneOf: tenantIDs.map(\.rawValue))
        let tenants = tenantIDs.isEmpty ? [] : try documents(Tenant.self, tenantQuery)
        return Dashboard(
            projects: projects.map { project in
                DashboardProject(
                    id: project.id, name: project.name, slug: project.slug, isDisabled: project.isDisabled,
                    projectGroupId: project.projectGroupId, environmentIds: environmentIDs,
                    tenantedDeploymentMode: project.tenantedDeploymentMode.rawValue,
                    links: ["Self": "/api/\(space)/projects/\(project.id)"])
            },
            projectGroups: groups.map {
                DashboardProjectGroup(id: $0.id, name: $0.name, environmentIds: environmentIDs, links: ["Self": "/api/\(space)/projectgroups/\($0.id)"])
            },
            environments: environments.map { ReferenceDataItem(id: $0.id.rawValue, name: $0.name) },
            tenants: tenants.map { tenant in
                DashboardTenant(
                    id: tenant.id, name: tenant.name, tenantTags: tenant.tenantTags,
                    projectEnvironments: tenant.projectEnvironments.mapValues { $0.map(\.rawValue) },
                    links: ["Self": "/api/\(space)/tenants/\(tenant.id)"])
            },
            items: items, previousItems: previous, isFiltered: projectFilter != nil || environmentFilter != nil,
            links: ["Self": "/api/\(space)/dashboard"])
    }

    /// The latest deployment of every project to every environment for every tenant of the space and untenanted and,
    /// with `includePrevious`, the one before it, each with its task's shown fields and release version, in one
    /// statement. Each (project, environment, tenant) is one seek at the end of its index range (its entries are in
    /// ordinal order; `IS` matches the untenanted NULL): on the large seed that reads one or two index entries per
    /// triple, where a `GROUP BY` or window function over them reads all 500,000. Only the rows shown are joined to
    /// their task and release.
    private func shownDeployments(
        space: SpaceID, projects: [ProjectID], environments: [EnvironmentID], includePrevious: Bool, now: Date
    ) throws
        -> (current: [DashboardItem], previous: [DashboardItem])
    {
        guard !projects.isEmpty, !environments.isEmpty else { return ([], []) }
        let projectList = Array(repeating: "?", count: projects.count).joined(separator: ",")
        let environmentList = Array(repeating: "?", count: environments.count).joined(separator: ",")
        func newest(offset: Int) -> String {
            """
            SELECT (SELECT x.ordinal FROM deployments x WHERE x.projectId = slots.projectId AND x.environmentId = slots.environmentId
                    AND x.tenantId IS slots.tenantId ORDER BY x.ordinal DESC LIMIT 1 OFFSET \(offset)) AS ordinal,
                   \(offset) AS depth, slots.tenantOrder AS tenantOrder FROM slots
            """
        }
        let rows = try Row.fetchAll(
            self,
            sql: """
                WITH slots(projectId, environmentId, tenantId, tenantOrder) AS (
                  SELECT p.id, e.id, t.id, t.tenantOrder FROM projects p CROSS JOIN environments e CROSS JOIN (
                    SELECT NULL AS id, 0 AS tenantOrder
                    UNION ALL SELECT id, 1 + ROW_NUMBER() OVER (ORDER BY name COLLATE NOCASE, ordinal) FROM tenants WHERE spaceId = ?) t
                  WHERE p.id IN (\(projectList)) AND e.id IN (\(environmentList))),
                shown(ordinal, depth, tenantOrder) AS (\(newest(offset: 0))\(includePrevious ? " UNION ALL " + newest(offset: 1) : ""))
                SELECT shown.depth AS depth, shown.tenantOrder AS tenantOrder, r.version AS version, \(DashboardItemColumns.select)
                FROM shown JOIN deployments d ON d.ordinal = shown.ordinal
                LEFT JOIN tasks t ON t.id = d.taskId LEFT JOIN releases r ON r.id = d.releaseId
                """,
            arguments: StatementArguments([space.rawValue] + projects.map(\.rawValue) + environments.map(\.rawValue)))
        let order = Dictionary(projects.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let environmentOrder = Dictionary(environments.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        typealias Placed = (item: DashboardItem, tenantOrder: Int)
        var current: [Placed] = []
        var previous: [Placed] = []
        for row in rows {
            let placed: Placed = (try DashboardItemColumns.item(row, version: row["version"] ?? "", now: now), row["tenantOrder"] as Int? ?? 0)
            if row["depth"] as Int == 0 { current.append(placed) } else { previous.append(placed) }
        }
        // Project, environment, then untenanted before the tenants by name.
        func sorted(_ items: [Placed]) -> [DashboardItem] {
            items.sorted {
                (order[$0.item.projectId] ?? 0, environmentOrder[$0.item.environmentId] ?? 0, $0.tenantOrder)
                    < (order[$1.item.projectId] ?? 0, environmentOrder[$1.item.environmentId] ?? 0, $1.tenantOrder)
            }.map(\.item)
        }
        return (sorted(current), sorted(previous))
    }
}
